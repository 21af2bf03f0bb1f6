namespace HaloNotebooks.Astrometry;

/// <summary>Spherical geometry on the sky (degrees in, degrees out).</summary>
internal static class SkyGeometry
{
    /// <summary>
    /// Great-circle angle between two directions, Vincenty's atan2 form (as astropy's
    /// <c>angular_separation</c>): accurate at every separation, unlike acos of a dot product, which loses
    /// ~1e-6 deg near 0 and 180 deg.
    /// </summary>
    internal static double AngularDistance(double lon1, double lat1, double lon2, double lat2)
    {
        var (sinDLon, cosDLon) = Math.SinCos((lon2 - lon1) * Angles.DegToRad);
        var (sinLat1, cosLat1) = Math.SinCos(lat1 * Angles.DegToRad);
        var (sinLat2, cosLat2) = Math.SinCos(lat2 * Angles.DegToRad);
        double num1 = cosLat2 * sinDLon;
        double num2 = cosLat1 * sinLat2 - sinLat1 * cosLat2 * cosDLon;
        double denominator = sinLat1 * sinLat2 + cosLat1 * cosLat2 * cosDLon;
        return Math.Atan2(Math.Sqrt(num1 * num1 + num2 * num2), denominator) * Angles.RadToDeg;
    }
}
