using HaloNotebooks.Astrometry;
using HaloNotebooks.Catalogs;
using HaloNotebooks.Mocks;
using HaloNotebooks.Models;
using HaloNotebooks.Numerics;
using HaloNotebooks.Selection;
using C = HaloNotebooks.Catalogs.CanonicalColumns;
using HaloNotebooks.Analysis;
using HaloNotebooks.Paper;

namespace HaloNotebooks.Truth;

/// <summary>One re-observed, re-selected copy of a mock: the fits' input and each star's observed r_GC.</summary>
internal sealed record ReplicaSample(KinematicSample Stars, double[] RGc);

/// <summary>
/// The mock's Tables 1–3 (<see cref="MockTruthTables"/>) and, for Tables 1–2, the realisation scatter: per entry the
/// half the 16–84% width of the estimate over the replicas fitted one by one — how far one observation's answer moves
/// from the next, to set beside a posterior width (<see cref="ErrorCalibration"/>).
/// </summary>
internal sealed record MockTruth(PaperTable Table1, PaperTable Table2, PaperTable Table3, PaperTable Scatter1, PaperTable Scatter2);

/// <summary>
/// What Tables 1–3 should read on a mock. Tables 1 and 2: the values our fits tend to on these true stars — the
/// single Gaussian and the two-component mixture maximising the likelihood of Eqs. 2–3 inside the paper's prior box
/// (footnote 11), pooled over <see cref="DefaultReplicas"/> re-observations of the whole mock catalogue
/// (<see cref="MockReobservation"/>), each re-selected by §2.3 with its own Monte-Carlo errors. This "pseudo-true"
/// estimand carries what the fit cannot undo and the paper's analysis shares — stars that pass the cuts because of
/// their noise (thick-disc stars scattered below [Fe/H] = −0.85), errors quoted at the measured distance, prior
/// bounds the posterior presses against — so a departure measures our sampler and fits, not the method's known
/// biases; those are the difference between this truth and the mock's input tables (the paper's).
/// Table 3: the mock's dipole field averaged over the stars, with the dispersion of the true V_r about it.
/// Entries are exact (no error), so a comparison measures our fits against their own posterior widths.
/// </summary>
public static class MockTruthTables
{
    /// <summary>Truth column names of MockCatalog.Truth.</summary>
    public const string Population = "population", TrueVr = "v_r", TrueVPhi = "v_phi", TrueVTheta = "v_theta", TrueFeh = "feh", TrueRGc = "r_gc";

    /// <summary>Re-observations pooled for Tables 1–2: their Monte-Carlo scatter is then ≈ 1/√8 of a fit's posterior width.</summary>
    internal const int DefaultReplicas = 8;

    /// <summary>
    /// Appendix A on the calibrated mock, as `halo reproduce` runs it (<see cref="AppendixCalibratedMock"/>): the mock's own
    /// stars with their true distances perturbed by each of settings' distance errors (0, 18 %, 30 %), selected again by
    /// <paramref name="selection"/>, thinned to about <paramref name="stars"/> per level, and fitted with the double model per
    /// radial bin. Same seeds as the run, so the same numbers (and the run's cached fits are reused). Fig. 10's black line is
    /// the truth of the stars each bin holds without distance errors.
    /// </summary>
    /// <param name="catalogue">The mock's catalogue with distances (NotebookData.Catalogue).</param>
    /// <param name="truth">The mock's truth table (MockCatalog.TruthFile, all columns).</param>
    /// <param name="sample">The §2.3 sample of <paramref name="catalogue"/>: its stars per bin size the thinning.</param>
    public static DistanceErrorProfiles AppendixA(StarTable catalogue, StarTable truth, SubstructureCatalog? substructures, HaloSample sample,
        SelectionSettings selection, AnalysisSettings settings, int stars = AppendixCalibratedMock.DefaultStars)
    {
        ArgumentNullException.ThrowIfNull(sample);
        ArgumentNullException.ThrowIfNull(selection);
        ArgumentNullException.ThrowIfNull(settings);
        var bins = settings.RadialBins;
        var counts = bins.Describe(sample.Stars.GetDouble(C.RGc)).Select(b => b.Count).ToList();
        var run = AppendixCalibratedMock.Build(catalogue, truth, substructures, selection with { MaxDegreeOfParallelism = settings.MaxDegreeOfParallelism },
            settings.DistanceErrors, bins, counts, stars, SeededRandom.DeriveSeed(settings.Sampler.Seed, SeedStream.ReproduceAppendixMock),
            FitCache.Current?.Folder);
        return PaperAnalysis.FitAppendixA(run.Input, settings);
    }

    /// <summary>
    /// <paramref name="count"/> re-observations of the mock (<paramref name="catalogue"/>: canonical columns with distances, as
    /// the selection reads it), each through the selection <paramref name="selection"/> with its own Monte-Carlo seed.
    /// </summary>
    internal static IReadOnlyList<ReplicaSample> Replicas(StarTable catalogue, StarTable truth, SubstructureCatalog? substructures,
        SelectionSettings selection, int count = DefaultReplicas, long seed = 7, IProgress<double>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(selection);
        if (count < 1) throw new ArgumentException($"need at least one replica (got {count})");
        var replicas = new List<ReplicaSample>(count);
        for (int r = 0; r < count; r++)
        {
            var observed = MockReobservation.Reobserve(catalogue, truth, seed, r);
            var replicaSelection = selection with { Seed = SeededRandom.DeriveSeed(selection.Seed, SeedStream.MockTruthReplica(r)) };
            var selected = PaperSelection.Run(observed, replicaSelection, substructures);
            // Keep only what the fits read: a HaloSample's funnel holds the whole re-observed catalogue.
            replicas.Add(new ReplicaSample(selected.ToKinematicSample(), selected.Stars.GetDouble(C.RGc)));
            progress?.Report((r + 1.0) / count);
        }
        return replicas;
    }

    /// <summary>
    /// Tables 1–3 of the mock's truth for the bins of <paramref name="settings"/>: Tables 1–2 from <paramref name="replicas"/>
    /// (<see cref="Replicas"/>), Table 3 from <paramref name="dipoleSample"/> and <paramref name="dipoleAt"/> (the mock's
    /// μ_compr, μ_dipole, l_apex, b_apex at a true r_GC; <see cref="DefaultMockField"/> for the default mock).
    /// </summary>
    internal static MockTruth Build(HaloSample sample, HaloSample dipoleSample,
        IReadOnlyList<ReplicaSample> replicas, StarTable truth, AnalysisSettings settings,
        Func<double, (double MuCompr, double MuDipole, double LApex, double BApex)> dipoleAt)
    {
        var m = Mixtures(sample, replicas, truth, settings);
        return new MockTruth(m.Table1, m.Table2, Table3(dipoleSample, truth, settings, dipoleAt), m.Scatter1, m.Scatter2);
    }

    static Dictionary<long, int> TruthIndex(StarTable truth)
    {
        var index = new Dictionary<long, int>();
        var ids = truth.GetInt64(C.TargetId);
        for (int i = 0; i < ids.Length; i++) index[ids[i]] = i;
        return index;
    }

    static int[] TruthRows(HaloSample s, Dictionary<long, int> index) =>
        s.Stars.GetInt64(C.TargetId).Select(id => index.TryGetValue(id, out int row) ? row
            : throw new CatalogException($"selected star targetid {id} is not in the mock's truth table")).ToArray();

    static List<(double Lo, double Hi)> Ranges(double min, double max, RadialBins bins)
    {
        var ranges = new List<(double Lo, double Hi)> { (min, max) };
        for (int k = 0; k < bins.Count; k++) ranges.Add(bins[k]);
        return ranges;
    }

    /// <summary>
    /// Tables 1 and 2 of the truth: per range (all stars, then each bin, by each replica's own observed r_GC) extreme
    /// deconvolution inside the prior box of the pooled replicas — one component (per dimension the single-Gaussian
    /// maximum) and two (MR = the higher mean [Fe/H]). N and the median r_GC are those of <paramref name="sample"/>.
    /// A Table 2 row is left out where the sample holds fewer than two true MR or MP halo stars. Scatter1/2: the same
    /// fits on each replica alone, per entry half the 16–84% width of their values (NaN with fewer than two replicas).
    /// </summary>
    internal static (PaperTable Table1, PaperTable Table2, PaperTable Scatter1, PaperTable Scatter2) Mixtures(HaloSample sample,
        IReadOnlyList<ReplicaSample> replicas, StarTable truth,
        AnalysisSettings settings, MixturePriors? priors = null)
    {
        ArgumentNullException.ThrowIfNull(sample);
        ArgumentNullException.ThrowIfNull(settings);
        if (replicas is null || replicas.Count == 0) throw new ArgumentException("the truth of Tables 1–2 needs at least one re-observed replica " +
            "(MockTruthTables.Replicas)");
        var box = priors ?? MixturePriors.Paper;
        var index = TruthIndex(truth);
        var pop = truth.GetString(Population);
        int[] rows = TruthRows(sample, index);
        double[] rObs = sample.Stars.GetDouble(C.RGc);
        var pooled = Pool(replicas);
        double[] rPooled = pooled.R;
        var ranges = Ranges(settings.RMin, settings.RMax, settings.RadialBins);

        var t1 = new TableRow?[ranges.Count];
        var mr = new TableRow?[ranges.Count];
        var mp = new TableRow?[ranges.Count];
        var s1 = new TableRow?[ranges.Count];
        var smr = new TableRow?[ranges.Count];
        var smp = new TableRow?[ranges.Count];
        Parallel.For(0, ranges.Count, new ParallelOptions { MaxDegreeOfParallelism = settings.MaxDegreeOfParallelism ?? -1 }, k =>
        {
            var (lo, hi) = ranges[k];
            var members = rows.Where((_, i) => rObs[i] >= lo && rObs[i] < hi).ToList();
            var keep = new bool[rPooled.Length];
            int pooledCount = 0;
            for (int i = 0; i < keep.Length; i++) if (keep[i] = rPooled[i] >= lo && rPooled[i] < hi) pooledCount++;
            if (members.Count < 2 || pooledCount < 4) return;   // two components need at least four stars
            var stars = pooled.Stars.Where(keep);
            double rMedian = RadialBin.Of(lo, hi, rObs).RMedian;

            var single = replicas.Select(r => InRange(r, lo, hi)).Where(r => r.Count >= 4).ToList();
            t1[k] = new TableRow(null, lo, hi, rMedian, members.Count, OneComponent(stars, box));
            s1[k] = new TableRow(null, lo, hi, rMedian, members.Count, Scatter(single.Select(r => OneComponent(r, box)).ToList()));

            if (members.Count(t => pop[t] == "halo_mr") < 2 || members.Count(t => pop[t] == "halo_mp") < 2) return;
            var (mrValues, mpValues) = TwoComponents(stars, box);
            mr[k] = new TableRow("MR", lo, hi, rMedian, members.Count, mrValues);
            mp[k] = new TableRow("MP", lo, hi, rMedian, members.Count, mpValues);
            var each = single.Select(r => TwoComponents(r, box)).ToList();
            smr[k] = new TableRow("MR", lo, hi, rMedian, members.Count, Scatter(each.Select(e => e.Mr).ToList()));
            smp[k] = new TableRow("MP", lo, hi, rMedian, members.Count, Scatter(each.Select(e => e.Mp).ToList()));
        });
        static List<TableRow> Rows(params TableRow?[][] parts) => parts.SelectMany(p => p.OfType<TableRow>()).ToList();
        return (new PaperTable(1, Rows(t1)), new PaperTable(2, Rows(mr, mp)), new PaperTable(1, Rows(s1)), new PaperTable(2, Rows(smr, smp)));
    }

    static KinematicSample InRange(ReplicaSample r, double lo, double hi)
    {
        var keep = new bool[r.RGc.Length];
        for (int i = 0; i < keep.Length; i++) keep[i] = r.RGc[i] >= lo && r.RGc[i] < hi;
        return r.Stars.Where(keep);
    }

    static Dictionary<string, Measurement> OneComponent(KinematicSample stars, MixturePriors box) =>
        ComponentValues(ExtremeDeconvolution.Fit(stars, 1, box: box), 0);

    static (Dictionary<string, Measurement> Mr, Dictionary<string, Measurement> Mp) TwoComponents(KinematicSample stars, MixturePriors box)
    {
        var two = ExtremeDeconvolution.Fit(stars, 2, box: box);
        int m = two.Means[0][3] >= two.Means[1][3] ? 0 : 1;
        var mrValues = ComponentValues(two, m);
        mrValues["p_mr"] = Measurement.Exact(two.Weights[m]);
        return (mrValues, ComponentValues(two, 1 - m));
    }

    /// <summary>
    /// Per key half the 16–84% width of the replicas' values (NaN with fewer than two): the same measure as a posterior
    /// σ (<see cref="Measurement.Sigma"/>), and one that a single replica falling into a far maximum-likelihood solution
    /// does not dominate (in the 80–160 kpc bin, ≈ 90 stars, one replica's MP β of −3.5 beside seven between −1.2 and
    /// −0.3 tripled the standard deviation). For Gaussian values it exceeds twice the true σ about as rarely as the
    /// standard deviation of eight does (P ≈ 1.5·10⁻⁴ against 2.4·10⁻⁴, by simulation).
    /// </summary>
    static Dictionary<string, Measurement> Scatter(IReadOnlyList<Dictionary<string, Measurement>> fits)
    {
        var v = new Dictionary<string, Measurement>();
        if (fits.Count == 0) return v;
        foreach (var key in fits[0].Keys)
        {
            var x = fits.Select(f => f[key].Value).Order().ToArray();
            v[key] = Measurement.Exact(x.Length < 2 ? double.NaN : 0.5 * (Measurement.Percentile(x, 84) - Measurement.Percentile(x, 16)));
        }
        return v;
    }

    /// <summary>The replicas' selected stars in one sample, with their observed r_GC.</summary>
    static (KinematicSample Stars, double[] R) Pool(IReadOnlyList<ReplicaSample> replicas)
    {
        var parts = replicas.Select(r => r.Stars).ToList();
        double[] Cat(Func<KinematicSample, double[]> f) => parts.SelectMany(f).ToArray();
        var stars = new KinematicSample(Cat(p => p.Vr), Cat(p => p.VPhi), Cat(p => p.VTheta), Cat(p => p.Feh),
            Cat(p => p.ErrVr), Cat(p => p.ErrVPhi), Cat(p => p.ErrVTheta), Cat(p => p.ErrFeh));
        return (stars, replicas.SelectMany(r => r.RGc).ToArray());
    }

    static Dictionary<string, Measurement> ComponentValues(DeconvolvedMixture fit, int c)
    {
        var v = new Dictionary<string, Measurement>();
        string[] meanKeys = ["vr", "vphi", "vtheta", "feh_mean"], sigmaKeys = ["sigma_r", "sigma_phi", "sigma_theta", "feh_sigma"];
        for (int d = 0; d < 4; d++) { v[meanKeys[d]] = Measurement.Exact(fit.Means[c][d]); v[sigmaKeys[d]] = Measurement.Exact(fit.Sigmas[c][d]); }
        v["beta"] = Measurement.Exact(Anisotropy.Beta(fit.Sigmas[c][0], fit.Sigmas[c][1], fit.Sigmas[c][2]));
        return v;
    }

    /// <summary>
    /// Table 3 of the truth for the dipole ranges of <paramref name="settings"/>: per range μ_compr and μ_dipole averaged
    /// over the stars of <paramref name="dipoleSample"/> at their true r_GC, the apex averaged with weights |μ_dipole| (a
    /// star whose true r puts it inside the dipole region contributes its own mean V_r and no dipole), and σ_r the rms of
    /// the true V_r about each star's own mean field.
    /// </summary>
    public static PaperTable Table3(HaloSample dipoleSample, StarTable truth, AnalysisSettings settings,
        Func<double, (double MuCompr, double MuDipole, double LApex, double BApex)> dipoleAt)
    {
        ArgumentNullException.ThrowIfNull(dipoleSample);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(dipoleAt);
        int[] dipoleRows = TruthRows(dipoleSample, TruthIndex(truth));
        double[] vr = truth.GetDouble(TrueVr), rTrue = truth.GetDouble(TrueRGc);
        double[] rObsDipole = dipoleSample.Stars.GetDouble(C.RGc);
        double[] l = dipoleSample.Stars.GetDouble(C.L), b = dipoleSample.Stars.GetDouble(C.B);
        var dBins = settings.DipoleRadialBins;
        var t3 = new List<TableRow>();
        foreach (var (lo, hi) in Ranges(dBins.RMin, dBins.RMax, dBins))
        {
            var sel = new List<int>();
            for (int i = 0; i < rObsDipole.Length; i++) if (rObsDipole[i] >= lo && rObsDipole[i] < hi) sel.Add(i);
            if (sel.Count < 2) continue;
            double c = 0, d = 0, w = 0, bSum = 0, x = 0, y = 0, residual2 = 0;
            foreach (int i in sel)
            {
                var p = dipoleAt(rTrue[dipoleRows[i]]);
                c += p.MuCompr; d += p.MuDipole;
                double wi = Math.Abs(p.MuDipole);
                w += wi; bSum += wi * p.BApex;
                x += wi * Math.Cos(Angles.ToRadians(p.LApex)); y += wi * Math.Sin(Angles.ToRadians(p.LApex));
                double res = vr[dipoleRows[i]] - new DipoleVelocityField(p.MuCompr, p.MuDipole, p.LApex, p.BApex).MeanVr(l[i], b[i]);
                residual2 += res * res;
            }
            int n = sel.Count;
            double lApex = Angles.ToDegrees(Math.Atan2(y, x));
            var values = new Dictionary<string, Measurement>
            {
                ["mu_compr"] = Measurement.Exact(c / n), ["mu_dipole"] = Measurement.Exact(d / n),
                ["l_apex"] = Measurement.Exact(lApex), ["b_apex"] = Measurement.Exact(w > 0 ? bSum / w : double.NaN),
                ["sigma_r"] = Measurement.Exact(Math.Sqrt(residual2 / n)),
            };
            t3.Add(new TableRow(null, lo, hi, RadialBin.Of(lo, hi, rObsDipole).RMedian, n, values));
        }
        return new PaperTable(3, t3);
    }

    /// <summary>
    /// The default mock's mean radial-velocity field at a true r_GC as Eq. 6 parameters: the travel velocity's μ_dipole and
    /// apex (<see cref="HaloVelocityField.DipoleParameters"/>), and μ_compr the contraction plus the p_MR-weighted mean V_r
    /// of the components (zero for the outer bins, the inner bins' own mean where stars scattered outwards by distance
    /// errors carry it into the 50–60 kpc bin). The mock projects U on each star's Galactocentric r̂, Eq. 6 on its
    /// heliocentric (l, b): their difference is part of the residual σ_r, as it is for the fit.
    /// </summary>
    public static Func<double, (double MuCompr, double MuDipole, double LApex, double BApex)> DefaultMockField(HaloVelocityField? field = null)
    {
        var f = field ?? new HaloVelocityField();
        return r =>
        {
            var (compr, dipole, l, b) = f.DipoleParameters(r);
            double p = f.MetalRichFraction(r);
            return (compr + p * f.Table2Moments(true, r).Vr + (1 - p) * f.Table2Moments(false, r).Vr, dipole, l, b);
        };
    }
}
