using HaloNotebooks.Catalogs;
using HaloNotebooks.Numerics;
using C = HaloNotebooks.Catalogs.CanonicalColumns;

namespace HaloNotebooks.Mocks;

/// <summary>
/// The same mock stars observed again: every measured quantity (line-of-sight velocity, proper motions, [Fe/H], T_eff,
/// log g, distance) drawn afresh about the star's TRUE value with the errors its catalogue row quotes, exactly as
/// <see cref="MockStar.Observe"/> drew them the first time. Positions, photometry and the quoted errors stay. A replica
/// is what DESI and Gaia would have reported on another night, so a selection and fit run on many replicas give the
/// values our analysis tends to on these stars — selection effects and the errors' own scatter included.
/// </summary>
internal static class MockReobservation
{
    /// <summary>
    /// Replica <paramref name="replica"/> of <paramref name="catalogue"/> (canonical columns joined with the distances, as the
    /// selection reads it) from <paramref name="truth"/> (MockCatalog.Truth). Each star's draws come from a stream keyed by
    /// its TARGETID, so a replica does not depend on row order or thread count.
    /// </summary>
    internal static StarTable Reobserve(StarTable catalogue, StarTable truth, long seed, int replica)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        ArgumentNullException.ThrowIfNull(truth);
        var truthRow = new Dictionary<long, int>();
        var truthIds = truth.GetInt64(C.TargetId);
        for (int i = 0; i < truthIds.Length; i++) truthRow[truthIds[i]] = i;

        var ids = catalogue.GetInt64(C.TargetId);
        int n = ids.Length;
        double[] x = truth.GetDouble(C.X), y = truth.GetDouble(C.Y), z = truth.GetDouble(C.Z),
                 vx = truth.GetDouble(C.Vx), vy = truth.GetDouble(C.Vy), vz = truth.GetDouble(C.Vz),
                 feh = truth.GetDouble(C.Feh), teff = truth.GetDouble(C.Teff), logg = truth.GetDouble(C.Logg);
        double[] rvErr = catalogue.GetDouble(C.RvErr), pmraErr = catalogue.GetDouble(C.PmraError), pmdecErr = catalogue.GetDouble(C.PmdecError),
                 corr = catalogue.GetDouble(C.PmraPmdecCorr), fehErr = catalogue.GetDouble(C.FehErr), teffErr = catalogue.GetDouble(C.TeffErr),
                 loggErr = catalogue.GetDouble(C.LoggErr), dist = catalogue.GetDouble(C.Distance), distErr = catalogue.GetDouble(C.DistanceErr);
        var o = new double[8][];
        for (int k = 0; k < o.Length; k++) o[k] = new double[n];
        var rows = new int[n];
        for (int i = 0; i < n; i++)
            rows[i] = truthRow.TryGetValue(ids[i], out int t) ? t
                : throw new CatalogException($"catalogue star targetid {ids[i]} is not in the mock's truth table", row: i);
        long replicaSeed = SeededRandom.DeriveSeed(seed, SeedStream.Reobservation(replica));
        Parallel.For(0, n, i =>
        {
            int t = rows[i];
            var rng = new SeededRandom(replicaSeed, ids[i]);
            var obs = ObservingGeometry.ToObservables(x[t], y[t], z[t], vx[t], vy[t], vz[t]);
            // Same order of draws as MockStar.Observe; the fractional distance error is the quoted one.
            (o[0][i], o[1][i]) = MockStar.ObserveProperMotion(rng, obs.Pmra, obs.Pmdec, pmraErr[i], pmdecErr[i], corr[i]);
            o[2][i] = obs.Rv + rvErr[i] * rng.NextGaussian();
            o[3][i] = feh[t] + fehErr[i] * rng.NextGaussian();
            o[4][i] = teff[t] + teffErr[i] * rng.NextGaussian();
            o[5][i] = logg[t] + loggErr[i] * rng.NextGaussian();
            double fraction = distErr[i] / dist[i];
            o[6][i] = MockStar.ObserveDistance(rng, obs.Distance, fraction);
            o[7][i] = fraction * o[6][i];
        });
        return catalogue.WithColumn(C.Pmra, o[0]).WithColumn(C.Pmdec, o[1]).WithColumn(C.Rv, o[2]).WithColumn(C.Feh, o[3])
            .WithColumn(C.Teff, o[4]).WithColumn(C.Logg, o[5]).WithColumn(C.Distance, o[6]).WithColumn(C.DistanceErr, o[7]);
    }
}
