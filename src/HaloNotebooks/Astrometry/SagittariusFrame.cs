namespace HaloNotebooks.Astrometry;

/// <summary>
/// Sagittarius-stream coordinates (Λ̃, B̃) of Belokurov et al. (2014), used by §2.3 to mask the stream
/// (|B̃| &lt; 15 deg). Λ̃ = 360° − Λ_M and B̃ = −B_M, where (Λ_M, B_M) are the Majewski et al. (2003) /
/// Law &amp; Majewski (2010) coordinates of the Galactic unit vector. The Galactic → Sgr rotation is built
/// from the Law &amp; Majewski (2010) Euler angles (x-convention, then diag(1, 1, −1)), as gala's
/// SagittariusLaw10 and astropy's Sgr gallery example do. In this left-handed system Λ̃ increases along
/// Sgr's motion (leading arm at Λ̃ &gt; 0); the Sgr core sits near (0, 0).
/// (The 8-digit appendix matrix of Belokurov et al. acts on EQUATORIAL unit vectors, not Galactic ones;
/// see ../shared/reference/README.md.)
/// </summary>
internal static class SagittariusFrame
{
    /// <summary>Law &amp; Majewski (2010) Euler angles, deg.</summary>
    internal const double Phi = 180 + 3.75, Theta = 90 - 13.46, Psi = 180 + 14.111534;

    /// <summary>Galactic → Majewski/Law (Λ_M, B_M) rotation: diag(1, 1, −1) · R_z(ψ) · R_x(θ) · R_z(φ).</summary>
    internal static Matrix3d GalacticToLawMajewski { get; } = BuildLawMajewski();

    /// <summary>ICRS → Law–Majewski rotation (the Galactic route composed with the ICRS → Galactic matrix).</summary>
    internal static Matrix3d IcrsToLawMajewski { get; } = GalacticToLawMajewski * GalacticCoordinates.IcrsToGalactic;

    static Matrix3d BuildLawMajewski()
    {
        var m = Matrix3d.RotationZ(Psi) * Matrix3d.RotationX(Theta) * Matrix3d.RotationZ(Phi);
        return new(m.Row0, m.Row1, -m.Row2);
    }

    /// <summary>(Λ̃, B̃) in degrees, Λ̃ in [0, 360), of a Galactic direction (deg).</summary>
    public static (double Lambda, double B) FromGalactic(double l, double b) =>
        FromLawMajewskiVector(GalacticToLawMajewski.Apply(Vector3d.FromLonLat(l, b)));

    /// <summary>(Λ̃, B̃) in degrees, Λ̃ in [0, 360), of an ICRS direction (deg).</summary>
    public static (double Lambda, double B) FromIcrs(double ra, double dec) =>
        FromLawMajewskiVector(IcrsToLawMajewski.Apply(Vector3d.FromLonLat(ra, dec)));

    /// <summary>Column form of <see cref="FromIcrs(double, double)"/>.</summary>
    internal static void FromIcrs(ReadOnlySpan<double> ra, ReadOnlySpan<double> dec, Span<double> lambda, Span<double> b)
    {
        if (dec.Length != ra.Length || lambda.Length != ra.Length || b.Length != ra.Length)
            throw new ArgumentException($"ra, dec, lambda, b must have the same length (got {ra.Length}, {dec.Length}, {lambda.Length}, {b.Length}).");
        for (int i = 0; i < ra.Length; i++)
            (lambda[i], b[i]) = FromIcrs(ra[i], dec[i]);
    }

    // Λ̃ = atan2(−y, x), B̃ = −asin(z) for (x, y, z) = M·u: the tilde system is Λ_M, B_M reflected.
    static (double Lambda, double B) FromLawMajewskiVector(Vector3d v)
    {
        double lambda = Angles.Wrap360(Math.Atan2(-v.Y, v.X) * Angles.RadToDeg);
        double b = -Math.Asin(Math.Clamp(v.Z, -1.0, 1.0)) * Angles.RadToDeg;
        return (lambda, b);
    }
}
