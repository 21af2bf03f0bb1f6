namespace HaloNotebooks.Mocks;

/// <summary>
/// The 1σ measurement errors of a mock star, DESI + Gaia DR3 like. Observed value = true value + error × N(0, 1).
/// </summary>
/// <param name="DistanceFraction">Fractional distance error of a bright star (high S/N spectrum).</param>
/// <param name="DistanceFractionFaint">Added fractional error at the faint limit (r = 19), falling with flux: SpecDis2's errors come
/// from the error spectra (§2.2), so faint giants carry the large ones; with the defaults the median is ≈12% (§2.2).</param>
/// <param name="DistanceFractionScatter">σ of ln of the star-to-star scatter of the fractional distance error.</param>
/// <param name="PmInflation">Factor on the Gaia DR3 median proper-motion error curve (<see cref="GaiaDr3PmError"/>): the
/// spread of real errors at fixed G (scanning law, crowding, RUWE) puts the mean above the median; calibrated so that
/// the velocity-error cut removes about a third of the clean halo sample (§2.3: ≈94k → ≈64k).</param>
/// <param name="PmScatter">σ of ln of the star-to-star scatter of the proper-motion error around the curve.</param>
/// <param name="PmCorrelationMax">pmra–pmdec correlations are drawn uniformly in ±this.</param>
/// <param name="RvFloor">DESI line-of-sight velocity error floor (km/s) for bright stars; it grows as the flux falls.</param>
/// <param name="FehFloor">[Fe/H] error floor (dex); ≈ 0.05 dex typical (§2.3 footnote 3).</param>
/// <param name="TeffFloor">Teff error floor (K).</param>
internal sealed record ObservationalErrors(
    double DistanceFraction = 0.09, double DistanceFractionFaint = 0.18, double DistanceFractionScatter = 0.35,
    double PmInflation = 3.5, double PmScatter = 0.3, double PmCorrelationMax = 0.4,
    double RvFloor = 1.0, double FehFloor = 0.035, double TeffFloor = 40.0)
{
    public static ObservationalErrors Paper { get; } = new();

    /// <summary>
    /// Median Gaia DR3 proper-motion error (mas/yr) at magnitude G: 0.02-0.03 for G &lt; 15, 0.07 at G = 17, 0.5 at G = 20,
    /// 1.4 at G = 21 (Gaia Collaboration, Vallenari et al. 2023; Lindegren et al. 2021), log-linear between these points.
    /// </summary>
    internal static double GaiaDr3PmError(double g)
    {
        ReadOnlySpan<double> gs = [15.0, 17.0, 20.0, 21.0];
        ReadOnlySpan<double> log = [-1.60206, -1.15490, -0.30103, 0.14613]; // log10(0.025, 0.07, 0.5, 1.4)
        if (g <= gs[0]) return 0.025;
        int k = 0;
        while (k < gs.Length - 2 && g > gs[k + 1]) k++;
        double w = (g - gs[k]) / (gs[k + 1] - gs[k]);
        return Math.Pow(10.0, log[k] + w * (log[k + 1] - log[k]));
    }

    /// <summary>Relative flux error scale 10^(0.4 (m − 19)): 1 at the survey's faint limit.</summary>
    static double Faintness(double mag) => Math.Pow(10.0, 0.4 * (mag - 19.0));

    /// <summary>Median fractional distance error at apparent magnitude r.</summary>
    internal double DistanceFractionAt(double rMag) => DistanceFraction + DistanceFractionFaint * Faintness(rMag);

    /// <summary>DESI line-of-sight velocity error (km/s) at apparent magnitude r: a few km/s at the faint end.</summary>
    internal double RvError(double rMag) => RvFloor + 3.0 * Faintness(rMag);

    /// <summary>[Fe/H] error (dex) at apparent magnitude r.</summary>
    internal double FehError(double rMag) => FehFloor + 0.04 * Faintness(rMag);

    /// <summary>Teff error (K) at apparent magnitude r.</summary>
    internal double TeffError(double rMag) => TeffFloor + 80.0 * Faintness(rMag);

    /// <summary>log g error (dex) at apparent magnitude r.</summary>
    internal static double LoggError(double rMag) => 0.1 + 0.2 * Faintness(rMag);
}
