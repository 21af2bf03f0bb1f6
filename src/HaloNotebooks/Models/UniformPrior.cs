using HaloNotebooks.Selection;

namespace HaloNotebooks.Models;

/// <summary>A uniform prior on [Lower, Upper], bounds inclusive (footnote 11).</summary>
internal readonly record struct UniformPrior(double Lower, double Upper)
{
    public bool Contains(double x) => x >= Lower && x <= Upper;
    internal double Width => Upper - Lower;
    public override string ToString() => FormattableString.Invariant($"U[{Lower}, {Upper}]");
}

/// <summary>
/// Priors of the single- and double-component models: uniform, the paper's defaults (footnote 11,
/// as in the reference fits: mixture_emcee.json "priors"). The double model adds the ordering
/// feh_mean_mr &gt; feh_mean_mp, which fixes which component is the metal-rich one.
/// </summary>
internal sealed record MixturePriors(
    UniformPrior VelocityMean, UniformPrior VelocitySigma, UniformPrior FehMean, UniformPrior FehSigma, UniformPrior PMetalRich)
{
    /// <summary>Means in [−100, 100] km/s, dispersions in [10, 200] km/s, [Fe/H] mean in [−3, −0.85] (the §2.3 cut's value,
    /// <see cref="SelectionSettings.Paper"/>), its spread in [0.05, 0.6], p_MR in [0, 1].</summary>
    public static MixturePriors Paper { get; } =
        new(new(-100, 100), new(10, 200), new(-3, SelectionSettings.Paper.FehMax), new(0.05, 0.6), new(0, 1));
}

/// <summary>
/// Priors of the dipole + contraction field (footnote 12): μ_compr, μ_dipole ∈ [−100, 100] km/s,
/// σ_r ∈ [10, 200] km/s, l_apex ∈ [0°, 360°), and sin b_apex ∈ [−1, 1] — the apex uniform on the sphere
/// (the paper's "cos b_apex ∈ [−1, 1]" read as the cosine of the polar angle).
/// </summary>
internal sealed record DipolePriors(UniformPrior MuCompr, UniformPrior MuDipole, UniformPrior SigmaR)
{
    public static DipolePriors Paper { get; } = new(new(-100, 100), new(-100, 100), new(10, 200));
}
