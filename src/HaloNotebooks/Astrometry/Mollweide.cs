namespace HaloNotebooks.Astrometry;

/// <summary>
/// The Mollweide equal-area projection used for the sky maps (Fig. 8): x = (2√2/π) λ cos θ, y = √2 sin θ,
/// with the auxiliary angle θ solving 2θ + sin 2θ = π sin φ. The full sky fills the ellipse
/// x ∈ [−2√2, 2√2], y ∈ [−√2, √2]. Astronomical maps are seen from inside the sphere, so by default
/// longitude increases to the LEFT (healpy's and the paper's convention).
/// </summary>
internal static class Mollweide
{
    internal static readonly double XMax = 2 * Math.Sqrt(2), YMax = Math.Sqrt(2);

    /// <summary>(x, y) of a direction (deg); the map is centred on <paramref name="centralLonDeg"/>.</summary>
    public static (double X, double Y) Project(double lonDeg, double latDeg, double centralLonDeg = 0, bool longitudeIncreasesLeft = true)
    {
        if (!(Math.Abs(latDeg) <= 90))
            throw new ArgumentOutOfRangeException(nameof(latDeg), latDeg, "latitude must be in [-90, 90] deg.");
        double lambda = Angles.Wrap180(lonDeg - centralLonDeg) * Angles.DegToRad;
        double theta = AuxiliaryAngle(latDeg * Angles.DegToRad);
        double x = Math.Abs(latDeg) == 90 ? 0 : 2 * Math.Sqrt(2) / Math.PI * lambda * Math.Cos(theta);
        double y = Math.Sqrt(2) * Math.Sin(theta);
        return (longitudeIncreasesLeft ? -x : x, y);
    }

    /// <summary>
    /// θ with 2θ + sin 2θ = π sin φ, by Newton's method on t = 2θ: t ← t − (t + sin t − π sin φ)/(1 + cos t).
    /// At the poles the derivative vanishes (θ = ±π/2 exactly), so they are returned directly.
    /// </summary>
    internal static double AuxiliaryAngle(double latRad)
    {
        if (Math.Abs(latRad) >= Math.PI / 2) return Math.CopySign(Math.PI / 2, latRad);
        double target = Math.PI * Math.Sin(latRad);
        double t = latRad * 2;   // exact at the equator, within a factor of the root elsewhere
        for (int iteration = 0; iteration < 100; iteration++)
        {
            double step = (t + Math.Sin(t) - target) / (1 + Math.Cos(t));
            t -= step;
            if (Math.Abs(step) < 1e-14) break;
        }
        return t / 2;
    }
}
