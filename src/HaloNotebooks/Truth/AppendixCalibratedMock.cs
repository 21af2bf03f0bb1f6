using HaloNotebooks.Analysis;
using HaloNotebooks.Catalogs;
using HaloNotebooks.Mocks;
using HaloNotebooks.Models;
using HaloNotebooks.Numerics;
using HaloNotebooks.Selection;
using C = HaloNotebooks.Catalogs.CanonicalColumns;

namespace HaloNotebooks.Truth;

/// <summary>The mock's truth of one radial bin at one distance-error level: the halo stars the selection put in the bin
/// (by their measured r_GC), their true population and true velocities. No fit: p_MR = N(MR) / N(MR + MP) and
/// β = 1 − (σ_φ² + σ_θ²) / (2σ_r²) of the true V_r, V_φ, V_θ of each population.</summary>
/// <param name="TrueRMedian">The median TRUE r_GC of the bin's stars (below <paramref name="RMedian"/>: stars scattered outwards).</param>
internal sealed record AppendixBinTruth(double FractionalError, int Bin, double RMin, double RMax, double RMedian, double TrueRMedian, int Stars,
    int HaloStars, double MetalRichFraction, double BetaMetalPoor, double BetaMetalRich);

/// <summary>Appendix A on the calibrated mock: the samples the fits read, the truth per bin, and how the sample was sized.</summary>
/// <param name="KeepFraction">Per radial bin the fraction of the mock's stars kept (1: all; the same at every level).</param>
internal sealed record AppendixMockRun(AppendixInput Input, IReadOnlyList<AppendixBinTruth> Truth, IReadOnlyList<double> KeepFraction,
    int TargetStars);

/// <summary>
/// Appendix A (Fig. 10) on the calibrated default mock instead of a toy halo (issue 28): the mock's own stars, density profile,
/// contaminants and errors, with each star's heliocentric distance replaced by its TRUE distance perturbed by a fractional error
/// f (0, 18 %, 30 %; d (1 + f z), the same z for a star at every f, as Mocks.MockStar draws distances), quoted as f × d, then
/// the paper's §2.3 selection run again — K-giant M_r, |z|, substructure match, Monte-Carlo velocity errors, |δV| and r_GC
/// range all see the new distance — so stars scatter between bins as in the data.
/// <para>Cost: the fits cost in proportion to the stars they read. Each bin keeps a random subset of its stars (a hash of the
/// star's TARGETID, the same at every level), with the fraction set per bin of the star's measured r_GC so that the error-free
/// selection holds about <c>targetStars</c> stars: bins smaller than an equal share keep all (the outer bins, where
/// Appendix A's question lies), larger ones are thinned to it. A uniform thinning inside a bin leaves the bin's distribution
/// unchanged, so it costs precision, not accuracy.</para>
/// </summary>
internal static class AppendixCalibratedMock
{
    /// <summary>Stars per level by default: the stage then costs about what the toy halo's 30,000 did (benchmarks/analysis.md).</summary>
    internal const int DefaultStars = 22_000;

    /// <param name="catalogue">The mock's catalogue with distances joined (canonical columns), as the selection reads it.</param>
    /// <param name="truth">MockCatalog.Truth (targetid, population, true distance, v_r, v_phi, v_theta).</param>
    /// <param name="binCounts">Stars per radial bin of the run's own §2.3 sample (sizes the thinning; any estimate will do).</param>
    /// <param name="storeFolder">Where the selections keep their Monte-Carlo errors (the fit cache's folder), or null.</param>
    public static AppendixMockRun Build(StarTable catalogue, StarTable truth, SubstructureCatalog? substructures, SelectionSettings selection,
        IReadOnlyList<double> fractionalErrors, RadialBins bins, IReadOnlyList<int> binCounts, int targetStars, long seed,
        string? storeFolder = null, IProgress<double>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        ArgumentNullException.ThrowIfNull(truth);
        ArgumentNullException.ThrowIfNull(bins);
        if (binCounts.Count != bins.Count) throw new ArgumentException($"{binCounts.Count} bin counts for {bins.Count} bins", nameof(binCounts));
        if (targetStars <= 0) throw new ArgumentOutOfRangeException(nameof(targetStars), targetStars, "Appendix A needs at least one star");
        if (fractionalErrors.Any(f => !(f >= 0 && f < 1)))
            throw new ArgumentOutOfRangeException(nameof(fractionalErrors), "fractional distance errors must be in [0, 1)");

        var truthRow = TruthRows(truth, catalogue.GetInt64(C.TargetId));
        double[] trueDistance = truth.GetDouble(C.Distance);
        var keepFraction = KeepFractions(binCounts, targetStars);
        var ids = catalogue.GetInt64(C.TargetId);
        double[] ra = catalogue.GetDouble(C.Ra), dec = catalogue.GetDouble(C.Dec), teff = catalogue.GetDouble(C.Teff), feh = catalogue.GetDouble(C.Feh);
        long thinning = SeededRandom.DeriveSeed(seed, "appendix-a/thinning"), scatter = SeededRandom.DeriveSeed(seed, "appendix-a/distance");

        // Per star, the same at every level: its thinning draw u and its distance deviate z (Mocks.MockStar.ObserveDistance's
        // first draw; the rare star it would redraw, 1 + f z ≤ 0.05, is drawn by it).
        int n = ids.Length;
        var u = new double[n];
        var z = new double[n];
        var options = new ParallelOptions { MaxDegreeOfParallelism = selection.MaxDegreeOfParallelism ?? -1 };
        Parallel.For(0, n, options, i =>
        {
            u[i] = new SeededRandom(thinning, ids[i]).NextDouble();
            z[i] = new SeededRandom(scatter, ids[i]).NextGaussian();
        });

        var samples = new List<AppendixSample>();
        var binTruth = new List<AppendixBinTruth>();
        for (int level = 0; level < fractionalErrors.Count; level++)
        {
            double f = fractionalErrors[level];
            var distance = new double[n];
            var keep = new bool[n];
            Parallel.For(0, n, options, i =>
            {
                double dTrue = trueDistance[truthRow[i]];
                double d = 1 + f * z[i] > 0.05 ? dTrue * (1 + f * z[i]) : MockStar.ObserveDistance(new SeededRandom(scatter, ids[i]), dTrue, f);
                distance[i] = d;
                var (x, y, zz) = ObservingGeometry.GalactocentricPosition(ra[i], dec[i], d);
                int k = bins.IndexOf(Math.Sqrt(x * x + y * y + zz * zz));
                // The two §2.3 cuts that do not read the distance are applied again by the selection; here they only spare it
                // the rows they would remove anyway (most of the catalogue).
                keep[i] = k >= 0 && u[i] < keepFraction[k] && selection.InTeffRange(teff[i]) && selection.IsMetalPoor(feh[i]);
            });
            var kept = distance.Where((_, i) => keep[i]).ToArray();
            var perturbed = catalogue.Where(keep).WithColumn(C.Distance, kept).WithColumn(C.DistanceErr, kept.Select(d => f * d).ToArray());
            // Each level draws its own Monte-Carlo errors (its own seed, so its errors keep their own file in the store).
            var memo = new VelocityErrorMemo { StoreFolder = storeFolder };
            var levelSelection = selection with { Seed = SeededRandom.DeriveSeed(selection.Seed, "appendix-a/level " + level) };
            int done = level;
            var sample = PaperSelection.Run(perturbed, levelSelection, substructures, memo,
                progress is null ? null : new Progress<double>(p => progress.Report((done + p) / fractionalErrors.Count)));
            if (storeFolder is not null) VelocityErrorStore.Save(memo);
            var rGc = sample.Stars.GetDouble(C.RGc);
            samples.Add(new AppendixSample(f, rGc, sample.ToKinematicSample()).Validate());
            binTruth.AddRange(BinTruth(f, bins, rGc, TruthRows(truth, sample.Stars.GetInt64(C.TargetId)), truth));
        }
        // Fig. 10's black lines: the truth of the first level's stars (the error-free one), at each bin's median r_GC.
        var reference = binTruth.Where(t => t.FractionalError == fractionalErrors[0] && t.Stars > 0).ToList();
        var input = new AppendixInput(samples, reference.Select(t => (t.RMedian, t.MetalRichFraction)).ToList(),
            reference.Select(t => (t.RMedian, t.BetaMetalPoor)).ToList()) { InputLabel = "mock truth: the error-free stars' true values" };
        return new AppendixMockRun(input, binTruth, keepFraction, targetStars);
    }

    /// <summary>Per bin the kept fraction: an equal share s of <paramref name="target"/> per bin, bins holding fewer than s keep
    /// every star and leave their unused share to the others (water-filling); all 1 when the target exceeds the sample.</summary>
    internal static double[] KeepFractions(IReadOnlyList<int> counts, int target)
    {
        var fraction = Enumerable.Repeat(1.0, counts.Count).ToArray();
        var open = Enumerable.Range(0, counts.Count).Where(k => counts[k] > 0).OrderBy(k => counts[k]).ToList();
        double left = target;
        while (open.Count > 0)
        {
            double share = left / open.Count;
            int k = open[0];
            if (counts[k] <= share) { left -= counts[k]; open.RemoveAt(0); continue; }
            foreach (int j in open) fraction[j] = share / counts[j];
            break;
        }
        return fraction;
    }

    static int[] TruthRows(StarTable truth, long[] ids)
    {
        var truthIds = truth.GetInt64(C.TargetId);
        var index = new Dictionary<long, int>(truthIds.Length);
        for (int i = 0; i < truthIds.Length; i++) index[truthIds[i]] = i;
        var rows = new int[ids.Length];
        for (int i = 0; i < ids.Length; i++)
            rows[i] = index.TryGetValue(ids[i], out int t) ? t
                : throw new CatalogException($"Appendix A: catalogue star targetid {ids[i]} is not in the mock's truth table", row: i);
        return rows;
    }

    static IEnumerable<AppendixBinTruth> BinTruth(double f, RadialBins bins, double[] rGc, int[] rows, StarTable truth)
    {
        var population = truth.GetString("population");
        double[] vr = truth.GetDouble(C.VR), vphi = truth.GetDouble(C.VPhi), vtheta = truth.GetDouble(C.VTheta), trueR = truth.GetDouble(C.RGc);
        string mr = MockPopulation.HaloMetalRich.Name(), mp = MockPopulation.HaloMetalPoor.Name();
        var described = bins.Describe(rGc);
        for (int k = 0; k < bins.Count; k++)
        {
            var (lo, hi) = bins[k];
            var inBin = Enumerable.Range(0, rGc.Length).Where(i => rGc[i] >= lo && rGc[i] < hi).Select(i => rows[i]).ToArray();
            var metalRich = inBin.Where(t => population[t] == mr).ToArray();
            var metalPoor = inBin.Where(t => population[t] == mp).ToArray();
            int halo = metalRich.Length + metalPoor.Length;
            var r = inBin.Select(t => trueR[t]).Order().ToArray();
            double trueMedian = r.Length == 0 ? double.NaN : r.Length % 2 == 1 ? r[r.Length / 2] : 0.5 * (r[r.Length / 2 - 1] + r[r.Length / 2]);
            yield return new AppendixBinTruth(f, k, lo, hi, described[k].RMedian, trueMedian, inBin.Length, halo,
                halo > 0 ? (double)metalRich.Length / halo : double.NaN,
                SampleBeta(metalPoor, vr, vphi, vtheta), SampleBeta(metalRich, vr, vphi, vtheta));
        }
    }

    /// <summary>β of the true velocities of <paramref name="rows"/> (variances about their own means); NaN below 3 stars.</summary>
    static double SampleBeta(int[] rows, double[] vr, double[] vphi, double[] vtheta)
    {
        if (rows.Length < 3) return double.NaN;
        static double Variance(IEnumerable<double> xs)
        {
            var a = xs.ToArray();
            double mean = a.Average();
            return a.Sum(x => (x - mean) * (x - mean)) / (a.Length - 1);
        }
        return 1 - (Variance(rows.Select(t => vphi[t])) + Variance(rows.Select(t => vtheta[t]))) / (2 * Variance(rows.Select(t => vr[t])));
    }
}
