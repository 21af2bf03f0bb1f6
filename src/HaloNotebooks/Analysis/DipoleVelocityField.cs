using HaloNotebooks.Paper;

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

    /// <summary>Byström et al. (2025) dipole fit of BHB stars (§4.4): μ_compr ≈ −24, μ_dipole ≈ −34 km/s, apex (l, b) = (−73, −53) deg.</summary>
    public static DipoleVelocityField Bystrom2025 => new(LiteraturePoints.Value("Bystrom2025", "mu_compr"), LiteraturePoints.Value("Bystrom2025", "mu_dipole"),
        LiteraturePoints.Value("Bystrom2025", "l_apex"), LiteraturePoints.Value("Bystrom2025", "b_apex"));
}
