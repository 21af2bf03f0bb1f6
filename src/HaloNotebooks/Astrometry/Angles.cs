namespace HaloNotebooks.Astrometry;

/// <summary>Degree/radian constants and longitude wrapping shared by the sky transforms.</summary>
public static class Angles
{
    public const double DegToRad = Math.PI / 180.0;
    public const double RadToDeg = 180.0 / Math.PI;

    /// <summary>An angle in degrees wrapped to [0, 360).</summary>
    public static double Wrap360(double deg)
    {
        double w = deg % 360.0;
        if (w < 0) w += 360.0;
        return w >= 360.0 ? 0.0 : w;   // -1e-17 % 360 + 360 rounds to 360
    }

    /// <summary>An angle in degrees wrapped to [-180, 180).</summary>
    public static double Wrap180(double deg) => Wrap360(deg + 180.0) - 180.0;
}
