namespace HaloNotebooks.Astrometry;

/// <summary>
/// The geometry of the outer halo's dipole field (§3.2 Eq. 6, §4.4 Eq. 7), the one home of both equations. The LMC
/// sets the inner Galaxy moving; seen from the Galactic centre the outer halo then shares one travel velocity
/// U = μ_dipole â, with â the apex (l_apex, b_apex). A star's V_r, V_φ and V_θ carry U's projections on its own
/// r̂, φ̂ and θ̂: the radial one is Eq. 6's dipole term μ_dipole cos θ, and the polar one averaged over the whole sky
/// is Eq. 7's (π/4) μ_dipole sin b_apex. Velocities in km/s, angles in degrees.
/// </summary>
internal static class ReflexMotion
{
    /// <summary>The apex's Galactic unit vector.</summary>
    internal static Vector3d Apex(double lApexDeg, double bApexDeg) => Vector3d.FromLonLat(lApexDeg, bApexDeg);

    /// <summary>The apex's unit vector from l_apex (deg) and sin b_apex (the dipole fit's sampled coordinate, footnote 12).</summary>
    internal static Vector3d ApexFromSinB(double lApexDeg, double sinBApex)
    {
        double cosB = Math.Sqrt(Math.Max(0.0, 1.0 - sinBApex * sinBApex));
        var (sinL, cosL) = Math.SinCos(lApexDeg * Angles.DegToRad);
        return new(cosB * cosL, cosB * sinL, sinBApex);
    }

    /// <summary>cos θ, θ the angle between a star at Galactic (l, b) and the apex (Eq. 6).</summary>
    internal static double CosTheta(double lDeg, double bDeg, double lApexDeg, double bApexDeg) =>
        Vector3d.FromLonLat(lDeg, bDeg).Dot(Apex(lApexDeg, bApexDeg));

    /// <summary>Eq. 6: the mean radial velocity μ_r = μ_compr + μ_dipole cos θ.</summary>
    internal static double MeanVr(double muCompr, double muDipole, double cosTheta) => muCompr + muDipole * cosTheta;

    /// <summary>The travel velocity U = μ_dipole â whose radial projection is Eq. 6's dipole term (Galactic Cartesian axes).</summary>
    public static Vector3d TravelVelocity(double muDipole, double lApexDeg, double bApexDeg) => muDipole * Apex(lApexDeg, bApexDeg);

    /// <summary>
    /// The Eq. 6 parameters of a travel velocity in the paper's form μ_dipole ≤ 0 (Table 3): μ_dipole = −|U| and the apex
    /// the direction of −U, l_apex in [−180, 180). A zero vector gives μ_dipole = 0 and apex (0, 0).
    /// </summary>
    public static (double MuDipole, double LApex, double BApex) DipoleOf(Vector3d travel)
    {
        double norm = travel.Norm;
        if (norm == 0) return (0, 0, 0);
        var (l, b) = (-travel).ToLonLat();
        return (-norm, Angles.Wrap180(l), b);
    }

    /// <summary>
    /// A velocity's components on the spherical unit vectors at a Galactocentric position, in the paper's conventions
    /// (<see cref="PhaseSpacePoint"/>: V_r outward, V_φ = (x v_y − y v_x)/R, V_θ towards +z).
    /// </summary>
    public static (double Vr, double VPhi, double VTheta) SphericalComponents(Vector3d velocity, Vector3d position)
    {
        var p = new PhaseSpacePoint(position.X, position.Y, position.Z, velocity.X, velocity.Y, velocity.Z);
        return (p.Vr, p.VPhi, p.VTheta);
    }

    /// <summary>
    /// Eq. 7: the whole-sky mean of U's polar projection, ⟨V_θ⟩ = (π/4) μ_dipole sin b_apex. Only U's z component
    /// survives the average, weighted by ⟨cos(latitude)⟩ over the sphere = π/4 (Sheng et al. 2025, their Eq. 17).
    /// </summary>
    internal static double SkyMeanPolarVelocity(double muDipole, double bApexDeg) => Math.PI / 4.0 * muDipole * Math.Sin(bApexDeg * Angles.DegToRad);
}
