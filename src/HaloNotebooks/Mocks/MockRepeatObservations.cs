using HaloNotebooks.Catalogs;
using HaloNotebooks.Numerics;
using C = HaloNotebooks.Catalogs.CanonicalColumns;

namespace HaloNotebooks.Mocks;

/// <summary>
/// How often the mock's catalogue carries a second spectrum of a star and how often an RVSpecFit fit fails or warns.
/// The DR1 stellar catalogue (Koposov et al. 2025) has more rows than stars — a star observed in several survey/program
/// combinations has one row each, PRIMARY marking the suggested one — and some fits fail (SUCCESS = false) or warn
/// (RVS_WARN ≠ 0). The published DR1 fractions were looked for and not found: the DR1 stellar VAC's documentation
/// (data.desi.lbl.gov/doc/releases/dr1/vac/mws, "Key statistics") and Koposov et al. (2025, arXiv:2505.14787) as far as
/// their public text could be read here give "more than 4 million stars" and "individual epochs for more than a million
/// stars with at least two observations" (single-epoch measurements, a separate table, not repeat rows of mwsall), and
/// the data model (desi-mws-dr1-datamodel, mwsall.rst) only defines PRIMARY, SUCCESS and RVS_WARN. So these stay round,
/// assumed numbers — not DR1's; set them to the real ones when the catalogue's own counts are known.
/// </summary>
/// <param name="Repeat">Fraction of stars with a second (non-PRIMARY) row: 0.20.</param>
/// <param name="Failed">Fraction of ALL rows with SUCCESS = false: 0.02.</param>
/// <param name="Warned">Fraction of ALL rows with RVS_WARN ≠ 0 (and SUCCESS = true): 0.03.</param>
internal sealed record RepeatFractions(double Repeat = 0.20, double Failed = 0.02, double Warned = 0.03)
{
    internal static RepeatFractions Dr1Like { get; } = new();
}

/// <summary>
/// Appends DR1-like repeat observations and failed or warned fits to the mock's catalogue rows, so the DESI quality cuts
/// (Selection/QualityCuts) have something to remove end to end. A repeat is the same TARGETID and Gaia source
/// (same astrometry, photometry and distance) with line-of-sight velocity, T_eff, log g and [Fe/H] measured again about
/// the star's truth with the quoted errors, and PRIMARY = false. The failures and warnings all fall on repeats (the
/// PRIMARY spectrum of a star is its best), so the PRIMARY rows — and the §2.3 sample the mock is calibrated to — are
/// exactly those of the mock without this step. A failed fit's velocity is meaningless (uniform in ±1500 km/s, the
/// stellar catalogue's velocity range); a warned fit's is off by ten times its quoted error.
/// </summary>
internal static class MockRepeatObservations
{
    /// <summary>Streams of this step (apart from the mock's other draws of the same seed).</summary>

    /// <summary>
    /// <paramref name="catalogue"/> (MockCatalog's canonical rows, all PRIMARY) followed by the repeat rows. Needs
    /// <paramref name="distances"/> and <paramref name="truth"/> (targetid-keyed) to re-observe about the truth.
    /// Deterministic: each star's draws come from a stream keyed by its TARGETID.
    /// </summary>
    internal static StarTable Append(StarTable catalogue, StarTable distances, StarTable truth, long seed, RepeatFractions? fractions = null)
    {
        var f = fractions ?? RepeatFractions.Dr1Like;
        if (f.Repeat is < 0 or > 1 || f.Failed < 0 || f.Warned < 0 || (f.Failed + f.Warned) * (1 + f.Repeat) > f.Repeat)
            throw new ArgumentException($"repeat fractions {f}: need 0 ≤ Repeat ≤ 1 and the failed + warned rows to fit among the repeats");
        int n = catalogue.RowCount;
        var ids = catalogue.GetInt64(C.TargetId);
        long pick = SeededRandom.DeriveSeed(seed, SeedStream.RepeatPick);
        var repeats = new List<int>();
        for (int i = 0; i < n; i++)
            if (new SeededRandom(pick, ids[i]).NextDouble() < f.Repeat) repeats.Add(i);
        int m = repeats.Count;
        var rows = new int[n + m];
        for (int i = 0; i < n; i++) rows[i] = i;
        repeats.CopyTo(rows, n);

        // The repeat spectra: RV, T_eff, log g, [Fe/H] drawn afresh about the truth (another "night", Mocks/MockReobservation).
        var again = MockReobservation.Reobserve(catalogue.Take(repeats.ToArray()).Join(distances, C.TargetId, C.TargetId), truth,
                                                SeededRandom.DeriveSeed(seed, SeedStream.RepeatValues), replica: 0);
        double[] rv = catalogue.GetDouble(C.Rv), teff = catalogue.GetDouble(C.Teff), logg = catalogue.GetDouble(C.Logg), feh = catalogue.GetDouble(C.Feh);
        double[] rvErr = catalogue.GetDouble(C.RvErr);
        double[] rvAgain = again.GetDouble(C.Rv), teffAgain = again.GetDouble(C.Teff), loggAgain = again.GetDouble(C.Logg), fehAgain = again.GetDouble(C.Feh);
        Array.Resize(ref rv, n + m); Array.Resize(ref teff, n + m); Array.Resize(ref logg, n + m); Array.Resize(ref feh, n + m);
        var primary = new bool[n + m];
        var success = new bool[n + m];
        var warn = new long[n + m];
        Array.Fill(primary, true, 0, n);
        Array.Fill(success, true);

        double pFailed = f.Repeat == 0 ? 0 : f.Failed * (1 + f.Repeat) / f.Repeat, pWarned = f.Repeat == 0 ? 0 : f.Warned * (1 + f.Repeat) / f.Repeat;
        long quality = SeededRandom.DeriveSeed(seed, SeedStream.RepeatQuality);
        for (int k = 0; k < m; k++)
        {
            int i = repeats[k], r = n + k;
            (rv[r], teff[r], logg[r], feh[r]) = (rvAgain[k], teffAgain[k], loggAgain[k], fehAgain[k]);
            var rng = new SeededRandom(quality, ids[i]);
            double u = rng.NextDouble();
            if (u < pFailed) { success[r] = false; rv[r] = -1500 + 3000 * rng.NextDouble(); }
            else if (u < pFailed + pWarned) { warn[r] = 1L << rng.Next(4); rv[r] += 10 * rvErr[i] * rng.NextGaussian(); }
        }
        return catalogue.Take(rows)
            .WithColumn(C.Rv, rv).WithColumn(C.Teff, teff).WithColumn(C.Logg, logg).WithColumn(C.Feh, feh)
            .WithColumn(C.RvsWarn, warn).WithColumn(C.RvSuccess, success).WithColumn(C.Primary, primary);
    }
}
