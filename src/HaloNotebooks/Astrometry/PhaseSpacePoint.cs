namespace HaloNotebooks.Astrometry;

/// <summary>
/// A Galactocentric position (kpc) and velocity (km/s) with the paper's spherical components (§2.3):
/// V_r > 0 outward; V_phi = (X V_y − Y V_x)/R, so the disc rotates with V_phi &lt; 0;
/// V_theta > 0 towards the North Galactic pole (+Z), minus the usual polar-angle component.
/// </summary>
internal readonly record struct PhaseSpacePoint(double X, double Y, double Z, double Vx, double Vy, double Vz)
{
    /// <summary>Cylindrical radius sqrt(X² + Y²), kpc.</summary>
    internal double R => Math.Sqrt(X * X + Y * Y);

    /// <summary>Galactocentric distance r_GC = sqrt(X² + Y² + Z²), kpc.</summary>
    public double RGc => Math.Sqrt(X * X + Y * Y + Z * Z);

    /// <summary>Radial velocity (X Vx + Y Vy + Z Vz)/r, km/s.</summary>
    internal double Vr => (X * Vx + Y * Vy + Z * Vz) / RGc;

    /// <summary>Azimuthal velocity (X Vy − Y Vx)/R, km/s; prograde (disc-like) is negative.</summary>
    public double VPhi => (X * Vy - Y * Vx) / R;

    /// <summary>Polar velocity (R² Vz − Z (X Vx + Y Vy))/(r R), km/s; positive towards +Z.</summary>
    public double VTheta
    {
        get
        {
            double cyl2 = X * X + Y * Y;
            return (cyl2 * Vz - Z * (X * Vx + Y * Vy)) / (Math.Sqrt(cyl2 + Z * Z) * Math.Sqrt(cyl2));
        }
    }

    internal Vector3d Position => new(X, Y, Z);
    public Vector3d Velocity => new(Vx, Vy, Vz);
}
