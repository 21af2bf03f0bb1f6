using HaloNotebooks.Astrometry;

namespace HaloNotebooks.Mocks;

/// <summary>
/// The frame algebra the mock needs in both directions, on top of Astrometry/: the paper's Galactocentric frame
/// (forward and its exact inverse), Galactic and Sagittarius coordinates, plus the two inverses Astrometry/ does
/// not offer — the Sagittarius → Galactic map used to place stream stars, and spherical → Cartesian velocities.
/// </summary>
internal static class ObservingGeometry
{
    static readonly GalactocentricFrame Frame = GalactocentricFrame.Paper;

    /// <summary>Galactic (l, b) of an ICRS direction, degrees.</summary>
    public static (double L, double B) GalacticFromIcrs(double ra, double dec) => GalacticCoordinates.FromIcrs(ra, dec);

    /// <summary>ICRS (ra, dec) of a Galactic direction, degrees.</summary>
    public static (double Ra, double Dec) IcrsFromGalactic(double l, double b) => GalacticCoordinates.ToIcrs(l, b);

    /// <summary>Sagittarius (Λ̃, B̃) of a Galactic direction, degrees (Belokurov et al. 2014).</summary>
    public static (double Lambda, double B) SagittariusFromGalactic(double l, double b) => SagittariusFrame.FromGalactic(l, b);

    /// <summary>Galactic (l, b) of a Sagittarius (Λ̃, B̃) direction: undo the reflection Λ̃ = −Λ_M, B̃ = −B_M, then the rotation.</summary>
    public static (double L, double B) GalacticFromSagittarius(double lambda, double beta)
    {
        var (sl, cl) = Math.SinCos(lambda * Angles.DegToRad);
        var (sb, cb) = Math.SinCos(beta * Angles.DegToRad);
        var lawMajewski = new Vector3d(cb * cl, -cb * sl, -sb);
        var g = SagittariusFrame.GalacticToLawMajewski.ApplyTranspose(lawMajewski);
        return g.ToLonLat();
    }

    /// <summary>Galactocentric position (kpc) of a star at ICRS (ra, dec) and heliocentric distance (kpc).</summary>
    public static (double X, double Y, double Z) GalactocentricPosition(double ra, double dec, double distance)
    {
        var p = Frame.ToGalactocentric(ra, dec, distance, 0, 0, 0);
        return (p.X, p.Y, p.Z);
    }

    /// <summary>ICRS (ra, dec, distance) of a Galactocentric position.</summary>
    public static (double Ra, double Dec, double Distance) HeliocentricPosition(double x, double y, double z)
    {
        var o = Frame.ToObservables(new PhaseSpacePoint(x, y, z, 0, 0, 0));
        return (o.Ra, o.Dec, o.Distance);
    }

    /// <summary>Heliocentric observables of a Galactocentric phase-space point (the exact inverse transform).</summary>
    internal static HeliocentricObservables ToObservables(double x, double y, double z, double vx, double vy, double vz) =>
        Frame.ToObservables(new PhaseSpacePoint(x, y, z, vx, vy, vz));

    /// <summary>Galactocentric phase-space point of ICRS observables (§2.3).</summary>
    internal static PhaseSpacePoint ToGalactocentric(double ra, double dec, double distance, double pmra, double pmdec, double rv) =>
        Frame.ToGalactocentric(ra, dec, distance, pmra, pmdec, rv);

    /// <summary>Cartesian velocity of (V_r, V_φ, V_θ) at (x, y, z) — the inverse of <see cref="PhaseSpacePoint"/>'s spherical components.</summary>
    public static (double Vx, double Vy, double Vz) CartesianVelocity(double x, double y, double z, double vr, double vphi, double vtheta)
    {
        double rCyl = Math.Sqrt(x * x + y * y), r = Math.Sqrt(rCyl * rCyl + z * z);
        // e_r = x/r; e_φ = (−y, x, 0)/R; e_θ (towards +z) = (−z x, −z y, R²)/(r R).
        return (vr * x / r - vphi * y / rCyl - vtheta * z * x / (r * rCyl),
                vr * y / r + vphi * x / rCyl - vtheta * z * y / (r * rCyl),
                vr * z / r + vtheta * rCyl / r);
    }
}
