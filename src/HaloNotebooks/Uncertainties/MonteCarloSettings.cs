namespace HaloNotebooks.Uncertainties;

/// <summary>How the distance error is sampled.</summary>
internal enum DistanceErrorModel
{
    /// <summary>d ~ N(d, σ_d) truncated at d &gt; 0 (non-positive draws are redrawn). The paper's choice (§2.3).</summary>
    GaussianDistance,

    /// <summary>μ = 5 log10(d / 10 pc) ~ N(μ, σ_μ) with σ_μ = (5 / ln 10) σ_d / d; never negative, skewed to large d.</summary>
    GaussianDistanceModulus,
}

/// <summary>Settings of the Monte-Carlo error propagation of §2.3 (1000 draws per star in the paper).</summary>
/// <param name="Samples">Draws per star (at least 2).</param>
/// <param name="Seed">Master seed; star i uses stream i (or <paramref name="StreamIds"/>[i]), so results do not depend on the thread count.</param>
/// <param name="DistanceModel">Distance error distribution.</param>
/// <param name="MaxDegreeOfParallelism">Thread cap (null: all cores).</param>
/// <param name="StreamIds">Optional random-stream id per star (e.g. TARGETID): a star then draws the same numbers
/// whatever other rows the table holds, so a what-if cut upstream does not reshuffle everyone else's errors.</param>
internal sealed record MonteCarloSettings(int Samples = 1000, long Seed = 42,
    DistanceErrorModel DistanceModel = DistanceErrorModel.GaussianDistance, int? MaxDegreeOfParallelism = null,
    IReadOnlyList<long>? StreamIds = null);
