using System.Collections.Concurrent;
using System.Diagnostics;
using HaloNotebooks.Astrometry;
using HaloNotebooks.Inference;
using HaloNotebooks.Models;
using HaloNotebooks.Numerics;
using HaloNotebooks.Selection;
using C = HaloNotebooks.Catalogs.CanonicalColumns;

namespace HaloNotebooks.Analysis;

/// <summary>
/// Runs every fit of §4 and Appendix A: the single- and double-component models on all stars (3–160 kpc) and per
/// radial bin (Tables 1–2), the dipole model on 50–120 kpc and its sub-bins (Table 3), the single-component ⟨V_θ⟩ on
/// the dipole ranges (Eq. 7), the north/south ⟨V_r⟩ profiles, the sky map and the Appendix A profiles.
/// All MCMC fits run in parallel (largest first, one thread each), each with the seed its <see cref="FitKey"/> (stage,
/// model, bin) derives from the run's seed, so the results are identical whatever the thread count.
/// </summary>
public static class PaperAnalysis
{
    /// <summary>Fits below this many stars are skipped (their bin is left out of the profile).</summary>
    internal const int MinStarsPerFit = 10;

    /// <summary>
    /// The whole analysis. <paramref name="sample"/> is the §2.3 selection (SelectionSettings.Paper);
    /// <paramref name="dipoleSample"/> the §4.4 one (SelectionSettings.PaperDipole: |δV_r| &lt; 50 km/s, no tangential cut).
    /// </summary>
    internal static AnalysisResults Run(HaloSample sample, HaloSample dipoleSample, AnalysisSettings settings,
        AppendixInput? appendix = null, IProgress<AnalysisProgress>? progress = null) =>
        Run(sample.ToKinematicSample(), sample.Stars.GetDouble(C.RGc),
            dipoleSample.ToRadialVelocitySample(), dipoleSample.Stars.GetDouble(C.RGc), settings, appendix, progress);

    /// <summary>The whole analysis on plain columns: the kinematic sample with each star's r_GC, and the dipole sample with its r_GC.</summary>
    internal static AnalysisResults Run(KinematicSample stars, double[] rGc, RadialVelocitySample dipoleStars, double[] dipoleRGc,
        AnalysisSettings settings, AppendixInput? appendix = null, IProgress<AnalysisProgress>? progress = null)
    {
        settings.Validate();
        if (rGc.Length != stars.Count) throw new ArgumentException($"{rGc.Length} distances for {stars.Count} stars");
        if (dipoleRGc.Length != dipoleStars.Count) throw new ArgumentException($"{dipoleRGc.Length} distances for {dipoleStars.Count} dipole-sample stars");
        stars.Validate();
        appendix?.Samples.ToList().ForEach(s => s.Validate());

        var bins = settings.RadialBins;
        var dipoleBins = settings.DipoleRadialBins;
        var jobs = new List<FitJob>();
        // k = FitKey.AllStars (−1) is the range's all-stars fit (the tables' first row), k ≥ 0 a radial bin.
        void AddKinematic(FitKey key, double lo, double hi, KinematicSample s, double[] r)
        {
            var keep = InRange(r, lo, hi);
            var rows = s.Where(keep);
            var bin = RadialBin.Of(lo, hi, r);
            if (rows.Count >= MinStarsPerFit) jobs.Add(new FitJob(key, bin, rows, null));
        }
        void AddDipole(FitKey key, double lo, double hi)
        {
            var keep = InRange(dipoleRGc, lo, hi);
            var rows = dipoleStars.Where(keep);
            if (rows.Count >= MinStarsPerFit) jobs.Add(new FitJob(key, RadialBin.Of(lo, hi, dipoleRGc), null, rows));
        }
        for (int k = FitKey.AllStars; k < bins.Count; k++)
        {
            var (lo, hi) = k == FitKey.AllStars ? (settings.RMin, settings.RMax) : bins[k];
            AddKinematic(TableKey(FitModel.Single, k), lo, hi, stars, rGc);
            AddKinematic(TableKey(FitModel.Double, k), lo, hi, stars, rGc);
        }
        for (int k = FitKey.AllStars; k < dipoleBins.Count; k++)
        {
            var (lo, hi) = k == FitKey.AllStars ? (dipoleBins.RMin, dipoleBins.RMax) : dipoleBins[k];
            AddDipole(TableKey(FitModel.Dipole, k), lo, hi);
            AddKinematic(PolarKey(k), lo, hi, stars, rGc);
        }
        if (appendix is not null)
            for (int level = 0; level < appendix.Samples.Count; level++)
                for (int k = 0; k < bins.Count; k++)
                    AddKinematic(AppendixKey(level, k), bins[k].RMin, bins[k].RMax, appendix.Samples[level].Stars, appendix.Samples[level].RGc);

        var checks = new ConcurrentDictionary<FitKey, PredictiveCheck>();
        var fits = RunJobs(jobs, settings, progress, checks);

        var timings = new Dictionary<string, double>();
        foreach (var group in jobs.GroupBy(j => j.Key.Stage)) timings[group.Key] = group.Sum(j => fits[j.Key].WallTimeSeconds);
        if (!checks.IsEmpty) timings["ppc"] = checks.Values.Sum(c => c.Seconds);

        var single = WithChecks(Profile(FitModel.Single, fits, bins, settings.RMin, settings.RMax), checks);
        var @double = WithChecks(Profile(FitModel.Double, fits, bins, settings.RMin, settings.RMax), checks);
        var dipole = WithChecks(Profile(FitModel.Dipole, fits, dipoleBins, dipoleBins.RMin, dipoleBins.RMax), checks);

        var clock = Stopwatch.StartNew();
        var hemispheres = HemisphereProfile.Fit(dipoleStars.B, dipoleRGc, dipoleStars.Vr, dipoleStars.ErrVr,
            settings.HemisphereRadialBins, settings.HemisphereMinStars);
        timings["hemispheres"] = clock.Elapsed.TotalSeconds;

        clock.Restart();
        var skyMap = BuildSkyMap(dipoleStars, dipoleRGc, dipoleBins.RMin, dipoleBins.RMax, DipoleVelocityField.FromFit(dipole.AllStars), settings);
        timings["sky_map"] = clock.Elapsed.TotalSeconds;

        var polar = new List<PolarVelocityBin>();
        for (int k = FitKey.AllStars; k < dipoleBins.Count; k++)
            if (fits.TryGetValue(TableKey(FitModel.Dipole, k), out var d) && fits.TryGetValue(PolarKey(k), out var s))
                polar.Add(new PolarVelocityBin(s.Bin, PolarVelocityCheck.Predict(d.Fit!.Samples("mu_dipole"), d.Fit.Samples("b_apex")), s["vtheta"]));

        var appendixA = appendix is null ? null : AppendixProfiles(appendix, fits, bins);
        return new AnalysisResults(settings, single, @double, dipole, hemispheres, skyMap, new PolarVelocityCheck(polar), appendixA, timings)
            { Fits = fits, PredictiveChecks = new Dictionary<FitKey, PredictiveCheck>(checks) };
    }

    /// <summary>
    /// Appendix A's fits alone (notebook 05 through Truth.MockTruthTables.AppendixA): the double model per radial bin at each
    /// distance-error level, with the same keys and so the same seeds as <see cref="Run(HaloSample, HaloSample, AnalysisSettings,
    /// AppendixInput?, IProgress{AnalysisProgress}?)"/>, hence the same profiles as `halo reproduce`.
    /// </summary>
    internal static DistanceErrorProfiles FitAppendixA(AppendixInput appendix, AnalysisSettings settings, IProgress<AnalysisProgress>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(appendix);
        settings.Validate();
        appendix.Samples.ToList().ForEach(s => s.Validate());
        var bins = settings.RadialBins;
        var jobs = new List<FitJob>();
        for (int level = 0; level < appendix.Samples.Count; level++)
            for (int k = 0; k < bins.Count; k++)
            {
                var (r, stars) = (appendix.Samples[level].RGc, appendix.Samples[level].Stars);
                var rows = stars.Where(InRange(r, bins[k].RMin, bins[k].RMax));
                if (rows.Count >= MinStarsPerFit) jobs.Add(new FitJob(AppendixKey(level, k), RadialBin.Of(bins[k].RMin, bins[k].RMax, r), rows, null));
            }
        var fits = RunJobs(jobs, settings, progress);
        return AppendixProfiles(appendix, fits, bins);
    }

    /// <summary>Fig. 10's profiles from the Appendix A fits: one per distance-error level that has any bin fitted.</summary>
    static DistanceErrorProfiles AppendixProfiles(AppendixInput appendix, IReadOnlyDictionary<FitKey, BinFit> fits, RadialBins bins)
    {
        var levels = new List<DistanceErrorProfile>();
        for (int level = 0; level < appendix.Samples.Count; level++)
        {
            var perBin = Enumerable.Range(0, bins.Count).Select(k => AppendixKey(level, k)).Where(fits.ContainsKey).Select(n => fits[n]).ToList();
            if (perBin.Count == 0) continue;
            levels.Add(new DistanceErrorProfile(appendix.Samples[level].FractionalError, perBin));
        }
        return new DistanceErrorProfiles(levels, appendix.InputMetalRichFraction, appendix.InputBetaMetalPoor) { InputLabel = appendix.InputLabel };
    }

    /// <summary>
    /// One model's radial profile alone (notebooks, what-if cuts): the single or double model on the stars of
    /// <paramref name="sample"/> over settings.RMin–RMax and settings.RadialBins, or the dipole over settings.DipoleRadialBins.
    /// Fits get the same seeds as in <see cref="Run(HaloSample, HaloSample, AnalysisSettings, AppendixInput?, IProgress{AnalysisProgress}?)"/>,
    /// so the profile is identical to the one Run returns.
    /// </summary>
    // Two overloads with an optional progress, as before the public API was tracked: notebooks call the short form.
#pragma warning disable RS0026, RS0027
    public static RadialProfile FitProfile(FitModel model, HaloSample sample, AnalysisSettings settings, IProgress<AnalysisProgress>? progress = null) =>
        FitProfile(model, model.FitsRadialVelocity ? null : sample.ToKinematicSample(), model.FitsRadialVelocity ? sample.ToRadialVelocitySample() : null,
            sample.Stars.GetDouble(C.RGc), settings, progress);

    /// <summary>
    /// <see cref="FitProfile(FitModel, HaloSample, AnalysisSettings, IProgress{AnalysisProgress}?)"/> on plain columns (a
    /// table written by `halo select`): <paramref name="kinematic"/> for the single and double models, <paramref name="radial"/>
    /// for the dipole, and each star's r_GC. Same fits, same seeds, so the same numbers as the paper's run.
    /// </summary>
    internal static RadialProfile FitProfile(FitModel model, KinematicSample? kinematic, RadialVelocitySample? radial, double[] rGc,
        AnalysisSettings settings, IProgress<AnalysisProgress>? progress = null)
#pragma warning restore RS0026, RS0027
    {
        settings.Validate();
        var r = rGc;
        int count = model.FitsRadialVelocity ? radial?.Count ?? throw new ArgumentException("the dipole profile needs a radial-velocity sample")
                                      : kinematic?.Count ?? throw new ArgumentException($"the {model} profile needs a kinematic sample");
        if (r.Length != count) throw new ArgumentException($"{r.Length} distances for {count} stars");
        ArgumentNullException.ThrowIfNull(model);
        var (bins, lo, hi) = model.FitsRadialVelocity
            ? (settings.DipoleRadialBins, settings.DipoleRadialBins.RMin, settings.DipoleRadialBins.RMax)
            : (settings.RadialBins, settings.RMin, settings.RMax);
        var jobs = new List<FitJob>();
        for (int k = FitKey.AllStars; k < bins.Count; k++)
        {
            var (a, b) = k == FitKey.AllStars ? (lo, hi) : bins[k];
            var keep = InRange(r, a, b);
            if (keep.Count(x => x) < MinStarsPerFit) continue;
            jobs.Add(new FitJob(TableKey(model, k), RadialBin.Of(a, b, r), kinematic?.Where(keep), radial?.Where(keep)));
        }
        var checks = new ConcurrentDictionary<FitKey, PredictiveCheck>();
        var profile = Profile(model, RunJobs(jobs, settings, progress, checks), bins, lo, hi);
        return new RadialProfile(profile.Model, profile.AllStars, profile.Bins)
            { PredictiveChecks = checks.ToDictionary(kv => kv.Key.Bin, kv => kv.Value) };
    }

    /// <summary>The fit of bin k of Table 1 (single), 2 (double) or 3 (dipole); the same key in Run and FitProfile, so the same seed.</summary>
    static FitKey TableKey(FitModel model, int k) =>
        new(model == FitModel.Single ? "table1" : model == FitModel.Double ? "table2" : "table3", model, k);

    /// <summary>Eq. 7's single-component ⟨V_θ⟩ on Table 3's ranges.</summary>
    static FitKey PolarKey(int k) => new("eq7", FitModel.Single, k);

    /// <summary>Appendix A's double-component fit of bin k at distance-error level <paramref name="level"/>.</summary>
    static FitKey AppendixKey(int level, int k) => new("appendix_a", FitModel.Double, k, level);

    /// <summary>A table's profile: its all-stars fit, then the bins that had enough stars.</summary>
    static RadialProfile Profile(FitModel model, Dictionary<FitKey, BinFit> fits, RadialBins bins, double lo, double hi)
    {
        if (!fits.TryGetValue(TableKey(model, FitKey.AllStars), out var all))
            throw new InvalidOperationException($"the {model} fit of all stars in [{lo}, {hi}) kpc has fewer than {MinStarsPerFit} stars");
        var perBin = Enumerable.Range(0, bins.Count).Select(k => TableKey(model, k)).Where(fits.ContainsKey).Select(k => fits[k]).ToList();
        return new RadialProfile(model, all, perBin);
    }

    /// <summary>The profile with the predictive checks of its table's fits (keyed by bin index).</summary>
    static RadialProfile WithChecks(RadialProfile profile, ConcurrentDictionary<FitKey, PredictiveCheck> checks) =>
        new(profile.Model, profile.AllStars, profile.Bins)
        {
            PredictiveChecks = checks.Where(kv => kv.Key == TableKey(profile.Model, kv.Key.Bin)).ToDictionary(kv => kv.Key.Bin, kv => kv.Value),
        };

    /// <summary>Fig. 8's map: stars in [rMin, rMax) on HEALPix RING pixels of (l, b).</summary>
    public static MeanVelocityMap BuildSkyMap(RadialVelocitySample stars, double[] rGc, double rMin, double rMax, DipoleVelocityField model,
        AnalysisSettings settings)
    {
        var keep = InRange(rGc, rMin, rMax);
        var s = stars.Where(keep);
        var healpix = new HealPix(settings.SkyMapNside);
        var pixel = new long[s.Count];
        for (int i = 0; i < pixel.Length; i++) pixel[i] = healpix.Ang2PixRing(s.L[i], s.B[i]);
        return MeanVelocityMap.Build(settings.SkyMapNside, pixel, s.Vr, s.ErrVr, p => healpix.Pix2AngRing(p), model, settings.SkyMapMinStars,
            rMin, rMax, settings.SkyMapWeights);
    }

    // Through the fit cache's folder when it is on: a rerun whose fits are cached redraws no replicated data (PredictiveCheckCache.cs).
    static PredictiveCheck PredictiveCheckOf(FitJob job, FitResult fit, long seed, int draws) =>
        PredictiveCheckCache.GetOrCompute(FitCache.Current, job.Radial is { } r ? [r.L, r.B, r.Vr, r.ErrVr]
            : [job.Kinematic!.Vr, job.Kinematic.VPhi, job.Kinematic.VTheta, job.Kinematic.Feh, job.Kinematic.ErrVr, job.Kinematic.ErrVPhi,
                job.Kinematic.ErrVTheta, job.Kinematic.ErrFeh], fit, job.Bin, seed, draws, () => ComputePredictiveCheck(job, fit, seed, draws));

    static PredictiveCheck ComputePredictiveCheck(FitJob job, FitResult fit, long seed, int draws)
    {
        var clock = Stopwatch.StartNew();
        var check = job.Radial is not null ? PosteriorPredictive.Check(job.Radial, fit, job.Bin, seed, draws)
            : PosteriorPredictive.Check(job.Kinematic!, fit, job.Bin, seed, draws);
        return new PredictiveCheck(check.Model, check.Bin, check.Draws, check.Dimensions) { Seconds = clock.Elapsed.TotalSeconds };
    }

    sealed record FitJob(FitKey Key, RadialBin Bin, KinematicSample? Kinematic, RadialVelocitySample? Radial)
    {
        internal FitModel Model => Key.Model;

        // Relative cost per star and step: a two-component evaluation costs about 2.5 single ones (emcee reference
        // timings: 2.10 vs 0.86 ms at N = 20 000); the dipole's one dimension about a tenth.
        internal double Cost => Bin.Count * (Model == FitModel.Double ? 2.5 : Model == FitModel.Single ? 1.0 : 0.1);
    }

    static Dictionary<FitKey, BinFit> RunJobs(List<FitJob> jobs, AnalysisSettings settings, IProgress<AnalysisProgress>? progress,
        ConcurrentDictionary<FitKey, PredictiveCheck>? checks = null)
    {
        var results = new ConcurrentDictionary<FitKey, BinFit>();
        double totalCost = jobs.Sum(j => j.Cost * settings.Sampler.Steps);
        double doneCost = 0;
        int fitsDone = 0;
        object gate = new();
        long lastReport = 0;
        var ordered = jobs.OrderByDescending(j => j.Cost).ThenBy(j => j.Key.ToString(), StringComparer.Ordinal).ToList();
        var options = new ParallelOptions { MaxDegreeOfParallelism = settings.MaxDegreeOfParallelism ?? Environment.ProcessorCount };
        // One job at a time, in cost order: Parallel.ForEach over a list would hand out growing chunks of it, so one
        // core could be left with several large fits while the other idles at the end.
        Parallel.ForEach(Partitioner.Create(ordered, EnumerablePartitionerOptions.NoBuffering), options, job =>
        {
            var stepProgress = progress is null ? null : new SyncProgress<SamplerProgress>(_ =>
            {
                lock (gate)
                {
                    doneCost += job.Cost;
                    long now = Stopwatch.GetTimestamp();
                    if (now - lastReport > Stopwatch.Frequency / 10)
                    {
                        lastReport = now;
                        progress.Report(new AnalysisProgress(Math.Min(1, doneCost / totalCost), fitsDone, jobs.Count, ""));
                    }
                }
            });
            var fitSettings = new FitSettings(settings.Sampler with { Seed = job.Key.Seed(settings.Sampler.Seed) }, 1) { Progress = stepProgress };
            var fit = job.Model == FitModel.Single ? HaloFits.Single(job.Kinematic!, fitSettings)
                : job.Model == FitModel.Double ? HaloFits.Double(job.Kinematic!, fitSettings)
                : HaloFits.Dipole(job.Radial!, fitSettings);
            var binFit = BinFit.FromFit(job.Bin, fit);
            // Posterior predictive checks of Tables 1–3 (issue 28) while the chain is still here.
            if (checks is not null && settings.PredictiveDraws > 0 && job.Key.Stage is "table1" or "table2" or "table3")
                checks[job.Key] = PredictiveCheckOf(job, fit, SeededRandom.DeriveSeed(job.Key.Seed(settings.Sampler.Seed), "ppc"), settings.PredictiveDraws);
            // Summarised: drop the chain unless something reads it later (corner plots, Eq. 7).
            if (!settings.KeepBinSamples && job.Key.Bin != FitKey.AllStars && job.Model != FitModel.Dipole)
                binFit = new BinFit(binFit.Model, binFit.Bin, binFit.Parameters, binFit.Seed, binFit.WallTimeSeconds, fit.WithoutSamples());
            results[job.Key] = binFit;
            if (progress is not null)
                lock (gate)
                {
                    fitsDone++;
                    progress.Report(new AnalysisProgress(Math.Min(1, doneCost / totalCost), fitsDone, jobs.Count, $"{job.Model} {job.Bin.Label} kpc"));
                }
        });
        return new Dictionary<FitKey, BinFit>(results);
    }

    static bool[] InRange(double[] r, double lo, double hi)
    {
        var keep = new bool[r.Length];
        for (int i = 0; i < r.Length; i++) keep[i] = r[i] >= lo && r[i] < hi;
        return keep;
    }
}
