namespace HaloNotebooks.Uncertainties;

/// <summary>Heliocentric observables of many stars: ra, dec (deg), distance (kpc), pmra (mas/yr, includes cos dec), pmdec (mas/yr), rv (km/s).</summary>
internal sealed record ObservableColumns(double[] Ra, double[] Dec, double[] Distance, double[] Pmra, double[] Pmdec, double[] Rv)
{
    public int Count => Ra.Length;
}

/// <summary>1σ errors of the observables: distance (kpc), pmra, pmdec (mas/yr), the (pmra, pmdec) correlation coefficient, rv (km/s). ra/dec are
/// exact.</summary>
internal sealed record ObservableErrors(double[] Distance, double[] Pmra, double[] Pmdec, double[] PmCorr, double[] Rv);

/// <summary>Monte-Carlo standard deviations (ddof = 1) of V_r, V_phi, V_theta per star, km/s.</summary>
internal sealed record VelocityErrors(double[] Vr, double[] VPhi, double[] VTheta);

/// <summary>Monte-Carlo means of V_r, V_phi, V_theta per star (km/s) and their standard deviations.</summary>
internal sealed record VelocityMoments(double[] MeanVr, double[] MeanVPhi, double[] MeanVTheta, VelocityErrors StdDev);
