using System.Diagnostics;
using HaloNotebooks.Models;
using HaloNotebooks.Inference;
using HaloNotebooks.Astrometry;

namespace HaloNotebooks.Analysis;

/// <summary>
/// The paper's fits in one call each (§3): start the walkers in a small ball around a fast point estimate
/// (extreme deconvolution for the mixtures, weighted least squares for the dipole), run the stretch-move
/// ensemble sampler, discard the burn-in, and summarise the sampled and derived parameters.
/// </summary>
public static class HaloFits
{
    /// <summary>Radius of the starting ball, as a fraction of each parameter's prior width.</summary>
    internal const double BallFraction = 1e-3;

    /// <summary>Single-component fit (8 parameters; β derived per sample); through <see cref="FitCache.Current"/> when set.</summary>
    public static FitResult Single(KinematicSample data, FitSettings settings) => Single(data, settings, null, null, FitCache.Current);

    /// <summary>As <see cref="Single(KinematicSample, FitSettings)"/> with other priors or a given start (the pipeline's, tests').</summary>
    internal static FitResult Single(KinematicSample data, FitSettings settings, MixturePriors? priors = null, double[]? start = null) =>
        Single(data, settings, priors, start, FitCache.Current);

    internal static FitResult Single(KinematicSample data, FitSettings settings, MixturePriors? priors, double[]? start, FitCache? cache) =>
        cache is not null && FitCacheKey.Of(FitModel.Single, data, priors ?? MixturePriors.Paper, settings, start) is { } key
            ? cache.GetOrFit(key, settings, () => FitSingle(data, settings, priors, start))
            : FitSingle(data, settings, priors, start);

    static FitResult FitSingle(KinematicSample data, FitSettings settings, MixturePriors? priors, double[]? start)
    {
        var clock = Stopwatch.StartNew();
        var model = new SingleComponent(data, priors);
        settings.Validate(model.Dimension, "the single-component model");
        var p = model.Priors;
        var bounds = MixtureBounds(p);
        if (start is null)
        {
            var xd = ExtremeDeconvolution.Fit(data, 1, box: p);
            start = Inside(MixtureVector(xd.Means[0], xd.Sigmas[0]), bounds);
        }
        var sampler = Run(model, start, bounds, settings, SingleComponent.ParameterNames);
        var names = SingleComponent.ParameterNames;
        var samples = new Dictionary<string, double[]>
        {
            ["beta"] = Anisotropy.Beta(Column(sampler, names, "sigma_r", settings), Column(sampler, names, "sigma_phi", settings),
                Column(sampler, names, "sigma_theta", settings)),
        };
        return Result(FitModel.Single, model.StarCount, names, ["beta"], samples, sampler, names, start, clock, settings, []);
    }

    /// <summary>Two-component fit (17 parameters; MR = the component with the higher mean [Fe/H]; β_MR, β_MP derived).</summary>
    public static FitResult Double(KinematicSample data, FitSettings settings) => Double(data, settings, null, null, FitCache.Current);

    /// <summary>As <see cref="Double(KinematicSample, FitSettings)"/> with other priors or a given start (the pipeline's, tests').</summary>
    internal static FitResult Double(KinematicSample data, FitSettings settings, MixturePriors? priors = null, double[]? start = null) =>
        Double(data, settings, priors, start, FitCache.Current);

    internal static FitResult Double(KinematicSample data, FitSettings settings, MixturePriors? priors, double[]? start, FitCache? cache) =>
        cache is not null && FitCacheKey.Of(FitModel.Double, data, priors ?? MixturePriors.Paper, settings, start) is { } key
            ? cache.GetOrFit(key, settings, () => FitDouble(data, settings, priors, start))
            : FitDouble(data, settings, priors, start);

    static FitResult FitDouble(KinematicSample data, FitSettings settings, MixturePriors? priors, double[]? start)
    {
        var clock = Stopwatch.StartNew();
        var model = new TwoComponent(data, priors);
        settings.Validate(model.Dimension, "the double-component model");
        var p = model.Priors;
        var single = MixtureBounds(p);
        UniformPrior[] bounds = [p.PMetalRich, .. single, .. single];
        if (start is null)
        {
            var xd = ExtremeDeconvolution.Fit(data, 2, box: p);
            int mr = xd.Means[0][3] >= xd.Means[1][3] ? 0 : 1, mp = 1 - mr;
            start = Inside([xd.Weights[mr], .. MixtureVector(xd.Means[mr], xd.Sigmas[mr]), .. MixtureVector(xd.Means[mp], xd.Sigmas[mp])], bounds);
            // Keep the ordering prior satisfied after clamping.
            if (start[TwoComponent.MetalRichOffset + 6] <= start[TwoComponent.MetalPoorOffset + 6])
                start[TwoComponent.MetalPoorOffset + 6] = start[TwoComponent.MetalRichOffset + 6] - 10 * BallFraction * p.FehMean.Width;
        }
        var sampler = Run(model, start, bounds, settings, TwoComponent.ParameterNames);
        var names = TwoComponent.ParameterNames;
        var samples = new Dictionary<string, double[]>
        {
            ["beta_mr"] = Anisotropy.Beta(Column(sampler, names, "sigma_r_mr", settings), Column(sampler, names, "sigma_phi_mr", settings),
                Column(sampler, names, "sigma_theta_mr", settings)),
            ["beta_mp"] = Anisotropy.Beta(Column(sampler, names, "sigma_r_mp", settings), Column(sampler, names, "sigma_phi_mp", settings),
                Column(sampler, names, "sigma_theta_mp", settings)),
        };
        return Result(FitModel.Double, model.StarCount, names, ["beta_mr", "beta_mp"], samples, sampler, names, start, clock, settings,
            ["metal-rich (MR) is the component with the higher mean [Fe/H], enforced by the prior feh_mean_mr > feh_mean_mp"]);
    }

    /// <summary>
    /// Dipole + contraction fit (Eqs. 5–6). Samples (mu_compr, mu_dipole, sigma_r, l_apex, sin b_apex) with
    /// the apex uniform on the sphere, then folds every sample to the canonical μ_dipole ≤ 0 (apex moved to
    /// its antipode); l_apex, b_apex reported in degrees.
    /// </summary>
    public static FitResult Dipole(RadialVelocitySample data, FitSettings settings) => Dipole(data, settings, null, null, FitCache.Current);

    /// <summary>As <see cref="Dipole(RadialVelocitySample, FitSettings)"/> with other priors or a given start (the pipeline's, tests').</summary>
    internal static FitResult Dipole(RadialVelocitySample data, FitSettings settings, DipolePriors? priors = null, double[]? start = null) =>
        Dipole(data, settings, priors, start, FitCache.Current);

    internal static FitResult Dipole(RadialVelocitySample data, FitSettings settings, DipolePriors? priors, double[]? start, FitCache? cache) =>
        cache is not null && FitCacheKey.Of(data, priors ?? DipolePriors.Paper, settings, start) is { } key
            ? cache.GetOrFit(key, settings, () => FitDipole(data, settings, priors, start))
            : FitDipole(data, settings, priors, start);

    static FitResult FitDipole(RadialVelocitySample data, FitSettings settings, DipolePriors? priors, double[]? start)
    {
        var clock = Stopwatch.StartNew();
        var model = new DipoleField(data, priors);
        settings.Validate(model.Dimension, "the dipole model");
        var p = model.Priors;
        UniformPrior[] bounds = [p.MuCompr, p.MuDipole, p.SigmaR, new(0, 360), new(-1, 1)];
        if (start is null)
        {
            var est = DipolePointEstimate.Fit(data);
            start = Inside([est[0], est[1], est[2], est[3], Math.Sin(Angles.ToRadians(est[4]))], bounds);
        }
        var sampler = Run(model, start, bounds, settings, DipoleField.SampledCoordinates);
        var raw = DipoleField.SampledCoordinates.ToDictionary(c => c, c => Column(sampler, DipoleField.SampledCoordinates, c, settings));
        int n = raw["mu_dipole"].Length, folded = 0;
        var mu = new double[n]; var l = new double[n]; var b = new double[n];
        for (int i = 0; i < n; i++)
        {
            mu[i] = raw["mu_dipole"][i]; l[i] = raw["l_apex"][i]; b[i] = Angles.ToDegrees(Math.Asin(raw["sin_b_apex"][i]));
            if (DipoleField.Fold(ref mu[i], ref l[i], ref b[i])) folded++;
        }
        // l_apex is an angle: the one convention (Angles.LongitudeCentre) makes its summary the Table 3 row.
        l = Angles.UnwrapLongitudes(l);
        // mu_compr and sigma_r are chain coordinates, read from the chain; the folded angles are kept here.
        var samples = new Dictionary<string, double[]> { ["mu_dipole"] = mu, ["l_apex"] = l, ["b_apex"] = b };
        string note = FormattableString.Invariant(
            $"dipole folded to the canonical mu_dipole <= 0: {folded} of {n} samples ({100.0 * folded / n:F1}%) had mu_dipole > 0 and were mapped to ") +
            "(-mu_dipole, antipode of the apex); the likelihood is unchanged. " +
            "l_apex samples are unwrapped around their circular mode into the window whose median lies in [-180, 180) deg, " +
            "so its percentiles may lie outside that range";
        return Result(FitModel.Dipole, model.StarCount, DipoleField.ParameterNames, [], samples, sampler, DipoleField.SampledCoordinates,
            start, clock, settings, [note]);
    }

    /// <summary>Eq. 4 at the posterior median of a double fit: the probability that each star is metal-rich.</summary>
    public static double[] MembershipProbabilityMR(KinematicSample data, FitResult doubleFit)
    {
        if (doubleFit.Model != FitModel.Double.Name) throw new ArgumentException($"need a double-component fit, got '{doubleFit.Model}'");
        return new TwoComponent(data).MembershipProbabilityMR(doubleFit.Medians);
    }

    static UniformPrior[] MixtureBounds(MixturePriors p) =>
        [p.VelocityMean, p.VelocityMean, p.VelocityMean, p.VelocitySigma, p.VelocitySigma, p.VelocitySigma, p.FehMean, p.FehSigma];

    static double[] MixtureVector(double[] means, double[] sigmas) =>
        [means[0], means[1], means[2], sigmas[0], sigmas[1], sigmas[2], means[3], sigmas[3]];

    /// <summary>A point estimate moved inside the prior by at least 10 ball radii.</summary>
    static double[] Inside(double[] x, UniformPrior[] bounds)
    {
        var r = (double[])x.Clone();
        for (int d = 0; d < r.Length; d++)
        {
            double margin = 10 * BallFraction * bounds[d].Width;
            r[d] = Math.Clamp(double.IsFinite(r[d]) ? r[d] : 0.5 * (bounds[d].Lower + bounds[d].Upper),
                              bounds[d].Lower + margin, bounds[d].Upper - margin);
        }
        return r;
    }

    /// <summary>
    /// Samples from a ball around <paramref name="start"/>, or continues the chain <see cref="FitSettings.Chain"/> holds up
    /// to <see cref="SamplerSettings.Steps"/> in total (the same chain as one run of that length).
    /// </summary>
    static EnsembleSampler Run(ILogDensity model, double[] start, UniformPrior[] bounds, FitSettings settings, IReadOnlyList<string> chainNames)
    {
        var s = settings.Sampler;
        if (settings.Chain is { } chain) chain.ParameterNames ??= chainNames;
        var sampler = new EnsembleSampler(s.Walkers, model, settings.MovesOrDefault, s.Seed, settings.MaxDegreeOfParallelism, settings.Chain);
        if (sampler.Iterations > 0)
        {
            if (sampler.Iterations < s.Steps) sampler.Run(s.Steps - sampler.Iterations, settings.Progress);
            return sampler;
        }
        var scale = bounds.Select(b => BallFraction * b.Width).ToArray();
        var initial = WalkerBall.Around(start, scale, s.Walkers, model, s.Seed);
        sampler.Run(initial, s.Steps, settings.Progress);
        return sampler;
    }

    /// <summary>Flat post-burn-in samples of the chain coordinate <paramref name="name"/>.</summary>
    static double[] Column(EnsembleSampler sampler, IReadOnlyList<string> chainNames, string name, FitSettings settings) =>
        sampler.GetFlatSamples(IndexOf(chainNames, name), settings.Sampler.Burn);

    static int IndexOf(IReadOnlyList<string> names, string name)
    {
        for (int k = 0; k < names.Count; k++) if (names[k] == name) return k;
        throw new KeyNotFoundException($"no chain coordinate '{name}'");
    }

    static FitResult Result(FitModel model, int stars, IReadOnlyList<string> names, IReadOnlyList<string> derived,
        Dictionary<string, double[]> samples, EnsembleSampler sampler, IReadOnlyList<string> chainNames, double[] start, Stopwatch clock,
        FitSettings settings, IReadOnlyList<string> notes)
    {
        var tau = sampler.GetAutocorrTime(out var warning, discard: settings.Sampler.Burn, quiet: true);
        var tauByName = new Dictionary<string, double>();
        for (int k = 0; k < names.Count; k++) tauByName[names[k]] = tau[k];
        return new FitResult(model.Name, stars, names, derived, samples, sampler.Backend, chainNames, sampler.MoveDescription, tauByName, warning,
            start, clock.Elapsed.TotalSeconds, settings, notes);
    }
}
