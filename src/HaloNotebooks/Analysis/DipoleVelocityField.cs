using HaloNotebooks.Astrometry;
using HaloNotebooks.Paper;

namespace HaloNotebooks.Analysis;

/// <summary>
/// The outer-halo mean radial velocity field of Eq. 6, μ_r = μ_compr + μ_dipole cos θ, with θ the angle between a
/// star's (l, b) and the apex (l_apex, b_apex). Velocities in km/s, angles in degrees.
/// </summary>
public sealed record DipoleVelocityField(double MuCompr, double MuDipole, double LApex, double BApex)
{
    /// <summary>μ_r at Galactic (l, b) (Eq. 6, <see cref="ReflexMotion.MeanVr"/>).</summary>
    internal double MeanVr(double l, double b) => ReflexMotion.MeanVr(MuCompr, MuDipole, ReflexMotion.CosTheta(l, b, LApex, BApex));

    /// <summary>Eq. 7: the whole-sky mean polar velocity this field's reflex motion gives, (π/4) μ_dipole sin b_apex.</summary>
    internal double SkyMeanPolarVelocity => ReflexMotion.SkyMeanPolarVelocity(MuDipole, BApex);

    /// <summary>The field at a dipole fit's posterior medians.</summary>
    public static DipoleVelocityField FromFit(BinFit dipoleFit) =>
        new(dipoleFit["mu_compr"].Value, dipoleFit["mu_dipole"].Value, dipoleFit["l_apex"].Value, dipoleFit["b_apex"].Value);

    /// <summary>Byström et al. (2025) dipole fit of BHB stars (§4.4): μ_compr ≈ −24, μ_dipole ≈ −34 km/s, apex (l, b) = (−73, −53) deg.</summary>
    public static DipoleVelocityField Bystrom2025 => new(LiteraturePoints.Value("Bystrom2025", "mu_compr"), LiteraturePoints.Value("Bystrom2025", "mu_dipole"),
        LiteraturePoints.Value("Bystrom2025", "l_apex"), LiteraturePoints.Value("Bystrom2025", "b_apex"));
}
