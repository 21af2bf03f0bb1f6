namespace HaloNotebooks.Models;

/// <summary>
/// Eq. 2: a Gaussian of intrinsic dispersion σ observed with a per-star error ε is a Gaussian of
/// variance σ² + ε². Fully normalised (includes −½ ln 2π), as the reference likelihoods are.
/// </summary>
internal static class GaussianWithErrors
{
    internal const double LogTwoPi = 1.8378770664093453;

    /// <summary>ln N(x | μ, √(σ² + ε²)).</summary>
    internal static double LogDensity(double x, double mean, double sigma, double error)
    {
        double v = sigma * sigma + error * error, r = x - mean;
        return -0.5 * (r * r / v + Math.Log(v) + LogTwoPi);
    }
}
