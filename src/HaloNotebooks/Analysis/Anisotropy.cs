using HaloNotebooks.Paper;
namespace HaloNotebooks.Analysis;

/// <summary>Velocity anisotropy β = 1 − (σ_φ² + σ_θ²) / (2 σ_r²) (footnote 13), per posterior sample.</summary>
internal static class Anisotropy
{
    /// <summary>β of one set of dispersions: &gt; 0 radial orbits, 0 isotropic, &lt; 0 tangential.</summary>
    public static double Beta(double sigmaR, double sigmaPhi, double sigmaTheta) =>
        1.0 - (sigmaPhi * sigmaPhi + sigmaTheta * sigmaTheta) / (2.0 * sigmaR * sigmaR);

    /// <summary>β for each posterior sample (the paper propagates the dispersions' uncertainties this way, Fig. 2).</summary>
    public static double[] Beta(ReadOnlySpan<double> sigmaR, ReadOnlySpan<double> sigmaPhi, ReadOnlySpan<double> sigmaTheta)
    {
        if (sigmaPhi.Length != sigmaR.Length || sigmaTheta.Length != sigmaR.Length)
            throw new ArgumentException($"dispersion samples differ in length: {sigmaR.Length}, {sigmaPhi.Length}, {sigmaTheta.Length}");
        var beta = new double[sigmaR.Length];
        for (int i = 0; i < beta.Length; i++) beta[i] = Beta(sigmaR[i], sigmaPhi[i], sigmaTheta[i]);
        return beta;
    }

    /// <summary>The β profile of a fitted radial profile: "beta" (single) or "beta_mr" / "beta_mp" (double).</summary>
    internal static IReadOnlyList<(double RMedian, Measurement Beta)> Profile(RadialProfile profile, string component = "") =>
        profile.Of(component.Length == 0 ? "beta" : "beta_" + component.ToLowerInvariant());
}
