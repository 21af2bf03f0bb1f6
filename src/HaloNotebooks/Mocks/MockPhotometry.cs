using HaloNotebooks.Astrometry;

namespace HaloNotebooks.Mocks;

/// <summary>
/// Magnitudes of mock stars: extinction from a smooth cosecant dust layer, the K-giant luminosity function,
/// the (G − r) colour, and the r-band extinction coefficient the selection must use to undo it.
/// </summary>
internal static class MockPhotometry
{
    /// <summary>A_r / E(B−V): the selection's coefficient (Legacy Surveys DECam r), so the mock and the
    /// §2.3 cut agree; see <see cref="HaloNotebooks.Selection.Extinction.DecamR"/> for its source.</summary>
    internal const double ExtinctionR = HaloNotebooks.Selection.Extinction.DecamR;

    /// <summary>A_G / E(B−V) for a K giant (≈ 0.79 A_V with R_V = 3.1; Casagrande &amp; VandenBerg 2018).</summary>
    internal const double ExtinctionG = 2.45;

    /// <summary>Intrinsic G − r of a 4500-5500 K giant (Gaia EDR3–SDSS colour relations at g − r ≈ 0.7).</summary>
    internal const double GMinusR = -0.30;

    /// <summary>E(B−V) of the dust column towards Galactic latitude b: a plane-parallel layer, 0.025 mag at the pole (SFD-like),
    /// capped at 1 mag near the plane; every mock star lies beyond the dust (|z| ≳ 0.3 kpc).</summary>
    internal static double Ebv(double b) => Math.Min(1.0, 0.025 / Math.Max(Math.Sin(Angles.ToRadians(Math.Abs(b))), 0.025));

    /// <summary>Distance modulus of a heliocentric distance in kpc.</summary>
    internal static double DistanceModulus(double distanceKpc) => 5.0 * Math.Log10(distanceKpc) + 10.0;

    /// <summary>
    /// An absolute magnitude M_r in [<paramref name="brightest"/>, <paramref name="faintest"/>] from the red-giant-branch
    /// luminosity function dN/dM ∝ 10^(slope·M) (slope 0.3: more giants at the faint end), by inversion of its CDF.
    /// </summary>
    internal static double DrawAbsoluteMagnitude(double u, double brightest = -3.0, double faintest = 2.0, double slope = 0.3)
    {
        double a = Math.Pow(10.0, slope * brightest), b = Math.Pow(10.0, slope * faintest);
        return Math.Log10(a + u * (b - a)) / slope;
    }

    /// <summary>Effective temperature of a K giant from its luminosity and metallicity along the RGB (cooler when brighter or more metal rich).</summary>
    internal static double GiantTeff(double absMagR, double feh) => 4980.0 + 110.0 * absMagR - 180.0 * (feh + 1.3);

    /// <summary>Surface gravity of a giant from its luminosity (log g ≈ 2.4 at M_r = 0.5, 0.35 dex per magnitude).</summary>
    internal static double GiantLogg(double absMagR) => 2.4 + 0.35 * (absMagR - 0.5);
}
