namespace HaloNotebooks.Analysis;

/// <summary>
/// The outer-halo mean radial velocity field of Eq. 6, μ_r = μ_compr + μ_dipole cos θ, with θ the angle between a
/// star's (l, b) and the apex (l_apex, b_apex). Velocities in km/s, angles in degrees.
/// </summary>
public sealed record DipoleVelocityField(double MuCompr, double MuDipole, double LApex, double BApex)
{
    /// <summary>μ_r at Galactic (l, b).</summary>
    public double MeanVr(double l, double b)
    {
        const double deg = Math.PI / 180;
        double cosTheta = Math.Sin(b * deg) * Math.Sin(BApex * deg) + Math.Cos(b * deg) * Math.Cos(BApex * deg) * Math.Cos((l - LApex) * deg);
        return MuCompr + MuDipole * cosTheta;
    }

    /// <summary>The field at a dipole fit's posterior medians.</summary>
    public static DipoleVelocityField FromFit(BinFit dipoleFit) =>
        new(dipoleFit["mu_compr"].Value, dipoleFit["mu_dipole"].Value, dipoleFit["l_apex"].Value, dipoleFit["b_apex"].Value);
}
