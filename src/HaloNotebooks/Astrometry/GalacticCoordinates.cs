namespace HaloNotebooks.Astrometry;

/// <summary>
/// ICRS (ra, dec) ↔ Galactic (l, b), IAU definition as astropy implements it: the FK5-J2000 Galactic
/// pole and origin combined with the ICRS→FK5 frame bias. A low-precision rotation (e.g. the rounded
/// Hipparcos matrix without the bias) differs from astropy by ~3 arcsec, which matters for the
/// healpix pixel of a star near a boundary and for the reference comparison.
/// </summary>
internal static class GalacticCoordinates
{
    /// <summary>
    /// ICRS → Galactic rotation. Values as astropy 5.2.1 / pyerfa 2.0.0.1 produce them
    /// (`ICRS().transform_to(Galactic())` matrix; ../shared/reference/README.md), kept to the last
    /// digit so the conversion reproduces astropy to ~1e-15.
    /// </summary>
    internal static Matrix3d IcrsToGalactic { get; } = new(
        new(-0.054875657712591591, -0.87343705195561616, -0.48383507361671529),
        new(0.49410943719272682, -0.44482972122329506, 0.74698218398666749),
        new(-0.8676661375596576, -0.19807633727300059, 0.45598381368730156));

    /// <summary>Galactic (l, b) in degrees, l in [0, 360), of an ICRS direction (degrees).</summary>
    public static (double L, double B) FromIcrs(double ra, double dec) =>
        IcrsToGalactic.Apply(Vector3d.FromLonLat(ra, dec)).ToLonLat();

    /// <summary>ICRS (ra, dec) in degrees, ra in [0, 360), of a Galactic direction (degrees).</summary>
    public static (double Ra, double Dec) ToIcrs(double l, double b) =>
        IcrsToGalactic.ApplyTranspose(Vector3d.FromLonLat(l, b)).ToLonLat();

    /// <summary>Column form of <see cref="FromIcrs(double, double)"/>.</summary>
    internal static void FromIcrs(ReadOnlySpan<double> ra, ReadOnlySpan<double> dec, Span<double> l, Span<double> b)
    {
        if (dec.Length != ra.Length || l.Length != ra.Length || b.Length != ra.Length)
            throw new ArgumentException($"ra, dec, l, b must have the same length (got {ra.Length}, {dec.Length}, {l.Length}, {b.Length}).");
        for (int i = 0; i < ra.Length; i++)
            (l[i], b[i]) = FromIcrs(ra[i], dec[i]);
    }
}
