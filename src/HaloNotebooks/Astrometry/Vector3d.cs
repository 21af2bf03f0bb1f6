namespace HaloNotebooks.Astrometry;

/// <summary>A Cartesian 3-vector (kpc, km/s or dimensionless, as the caller decides).</summary>
public readonly record struct Vector3d(double X, double Y, double Z)
{
    public static Vector3d operator +(Vector3d a, Vector3d b) => new(a.X + b.X, a.Y + b.Y, a.Z + b.Z);
    public static Vector3d operator -(Vector3d a, Vector3d b) => new(a.X - b.X, a.Y - b.Y, a.Z - b.Z);
    public static Vector3d operator -(Vector3d a) => new(-a.X, -a.Y, -a.Z);
    public static Vector3d operator *(double s, Vector3d a) => new(s * a.X, s * a.Y, s * a.Z);
    public static Vector3d operator *(Vector3d a, double s) => new(s * a.X, s * a.Y, s * a.Z);

    internal double Dot(Vector3d b) => X * b.X + Y * b.Y + Z * b.Z;
    public Vector3d Cross(Vector3d b) => new(Y * b.Z - Z * b.Y, Z * b.X - X * b.Z, X * b.Y - Y * b.X);
    internal double Norm => Math.Sqrt(X * X + Y * Y + Z * Z);

    /// <summary>Unit vector (cos lat cos lon, cos lat sin lon, sin lat) of a direction given in degrees.</summary>
    internal static Vector3d FromLonLat(double lonDeg, double latDeg)
    {
        var (sinLon, cosLon) = Math.SinCos(lonDeg * Angles.DegToRad);
        var (sinLat, cosLat) = Math.SinCos(latDeg * Angles.DegToRad);
        return new(cosLat * cosLon, cosLat * sinLon, sinLat);
    }

    /// <summary>(lon, lat) in degrees of this vector's direction; lon in [0, 360), lat by atan2 (accurate at the poles).</summary>
    public (double Lon, double Lat) ToLonLat()
    {
        double lon = Angles.Wrap360(Math.Atan2(Y, X) * Angles.RadToDeg);
        double lat = Math.Atan2(Z, Math.Sqrt(X * X + Y * Y)) * Angles.RadToDeg;
        return (lon, lat);
    }
}
