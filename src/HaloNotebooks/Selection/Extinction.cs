namespace HaloNotebooks.Selection;

/// <summary>Absolute magnitude after extinction correction (§2.3: −3 &lt; M_r &lt; 2).</summary>
internal static class Extinction
{
    /// <summary>
    /// A_r / E(B−V) for the DECam r band of the DESI Legacy Imaging Surveys: 2.165 (Legacy Surveys DR9/DR10
    /// catalogue documentation, "Galactic extinction coefficients", computed as in Schlafly &amp; Finkbeiner 2011
    /// with R_V = 3.1; their Table 6 lists 2.176 for DES r), to be multiplied by the SFD (1998) E(B−V) — the map
    /// the paper's distances use (§2.2).
    /// </summary>
    internal const double DecamR = 2.165;

    /// <summary>M_r = r − 5 log10(d / 10 pc) − R_r E(B−V), with d in kpc (so d/10 pc = 100 d).</summary>
    internal static double AbsoluteMagnitude(double rMag, double distanceKpc, double ebv, double rCoefficient = DecamR) =>
        rMag - 5 * Math.Log10(100 * distanceKpc) - rCoefficient * ebv;

    /// <summary>Column form of <see cref="AbsoluteMagnitude(double, double, double, double)"/>.</summary>
    internal static double[] AbsoluteMagnitude(ReadOnlySpan<double> rMag, ReadOnlySpan<double> distanceKpc,
        ReadOnlySpan<double> ebv, double rCoefficient = DecamR)
    {
        var m = new double[rMag.Length];
        for (int i = 0; i < m.Length; i++) m[i] = AbsoluteMagnitude(rMag[i], distanceKpc[i], ebv[i], rCoefficient);
        return m;
    }
}
