using HaloNotebooks.Inference;

namespace HaloNotebooks.Analysis;

/// <summary>
/// Everything the analysis of §4 and Appendix A can be told, with the paper's values as defaults.
/// </summary>
/// <param name="Bins">Radial bins of Tables 1–2 (default: Table 1's first column).</param>
/// <param name="RMin">Inner edge of the all-stars fits (§4.1: 3 kpc).</param>
/// <param name="RMax">Outer edge of the all-stars fits (§4.1: 160 kpc).</param>
/// <param name="DipoleBins">Sub-bins of Table 3 (50–60, 60–80, 80–120 kpc); the all-stars dipole fit spans their full range.</param>
/// <param name="HemisphereBins">Radial bins of the north/south ⟨V_r⟩ profiles of Fig. 6 (default: Table 1's).</param>
/// <param name="HemisphereMinStars">Fewest stars in a hemisphere's bin for it to be fitted.</param>
/// <param name="SkyMapNside">HEALPix N_side of the Fig. 8 map (the paper does not state it; 4 gives ~215 deg² pixels).</param>
/// <param name="SkyMapMinStars">Fewest stars per kept pixel (§4.4: 15).</param>
/// <param name="SkyMapWeights">Weights of each Fig. 8 pixel's mean: 1/δ² (the paper's, footnote 26) or 1/(σ_r² + δ²).</param>
/// <param name="AppendixDistanceErrors">Fractional distance errors of Appendix A (0, 18%, 30%).</param>
/// <param name="MaxDegreeOfParallelism">Fits run at once (null: all cores).</param>
public sealed record AnalysisSettings(
    RadialBins? Bins = null, double RMin = 3, double RMax = 160,
    RadialBins? DipoleBins = null, RadialBins? HemisphereBins = null, int HemisphereMinStars = 5,
    int SkyMapNside = 4, int SkyMapMinStars = 15,
    IReadOnlyList<double>? AppendixDistanceErrors = null, int? MaxDegreeOfParallelism = null,
    SkyMapWeighting SkyMapWeights = SkyMapWeighting.InverseVariance)
{
    /// <summary>
    /// Walkers, steps, burn-in and master seed of every fit (§3.1's 100 × 1000, 400 burn-in, by default); each fit samples
    /// with the seed its <see cref="FitKey"/> derives from <see cref="SamplerSettings.Seed"/>, so results do not depend on thread count.
    /// </summary>
    public SamplerSettings Sampler { get; init; } = SamplerSettings.Paper;

    /// <summary>
    /// Keep the chains and samples of every fit (notebooks, `halo fit --chain`). When false, only the fits something
    /// draws from keep them: the all-stars fits (corner plots of Figs. 1, 3 and 7) and Table 3's dipole fits (Eq. 7
    /// reads their samples); the other bins keep their summaries. Saves ≈ 1 GB at the paper's settings.
    /// </summary>
    internal bool KeepBinSamples { get; init; } = true;

    /// <summary>Posterior draws of each posterior predictive check of Tables 1–3 (<see cref="PosteriorPredictive"/>); 0: no checks.</summary>
    internal int PredictiveDraws { get; init; } = PosteriorPredictive.DefaultDraws;

    /// <summary>The paper's settings (<see cref="SamplerSettings.Paper"/> and the paper's bins).</summary>
    public static AnalysisSettings Paper { get; } = new();

    /// <summary>Table 1's bins unless set.</summary>
    public RadialBins RadialBins => Bins ?? RadialBins.Paper;

    /// <summary>Table 3's bins unless set.</summary>
    internal RadialBins DipoleRadialBins => DipoleBins ?? RadialBins.PaperDipole;

    /// <summary>Fig. 6's bins unless set.</summary>
    internal RadialBins HemisphereRadialBins => HemisphereBins ?? RadialBins.Paper;

    /// <summary>Appendix A's error levels unless set.</summary>
    internal IReadOnlyList<double> DistanceErrors => AppendixDistanceErrors ?? [0.0, 0.18, 0.30];

    /// <summary>Throws on settings no fit can use.</summary>
    internal AnalysisSettings Validate()
    {
        ArgumentNullException.ThrowIfNull(Sampler);
        Sampler.Validate();     // each fit checks its own model's walker count when it starts
        if (!(RMax > RMin)) throw new ArgumentException($"radial range [{RMin}, {RMax}) is empty");
        if (SkyMapNside < 1 || (SkyMapNside & (SkyMapNside - 1)) != 0) throw new ArgumentException($"HEALPix N_side must be a power of two, got {SkyMapNside}");
        if (SkyMapMinStars < 1) throw new ArgumentException($"sky-map pixels need at least one star, got {SkyMapMinStars}");
        foreach (double e in DistanceErrors) if (!(e >= 0 && e < 1)) throw new ArgumentException($"fractional distance error {e} is outside [0, 1)");
        return this;
    }
}
