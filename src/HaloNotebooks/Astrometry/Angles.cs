namespace HaloNotebooks.Astrometry;

/// <summary>Degree/radian constants and longitude wrapping shared by the sky transforms.</summary>
public static class Angles
{
    public const double DegToRad = Math.PI / 180.0;
    public const double RadToDeg = 180.0 / Math.PI;

    /// <summary>Degrees to radians, as deg · π / 180 (in that order, so results match the inline expression bit for bit).</summary>
    public static double ToRadians(double deg) => deg * Math.PI / 180;

    /// <summary>Radians to degrees, as rad · 180 / π.</summary>
    public static double ToDegrees(double rad) => rad * 180 / Math.PI;

    /// <summary>An angle in degrees wrapped to [0, 360).</summary>
    public static double Wrap360(double deg)
    {
        double w = deg % 360.0;
        if (w < 0) w += 360.0;
        return w >= 360.0 ? 0.0 : w;   // -1e-17 % 360 + 360 rounds to 360
    }

    /// <summary>An angle in degrees wrapped to [-180, 180) (the one convention of the library: tables, figures, sky maps).</summary>
    public static double Wrap180(double deg) => ((deg % 360.0) + 540.0) % 360.0 - 180.0;

    /// <summary>The circular mean of longitudes in degrees, in (−180, 180].</summary>
    public static double CircularMean(ReadOnlySpan<double> deg)
    {
        double s = 0, c = 0;
        foreach (double l in deg) { s += Math.Sin(ToRadians(l)); c += Math.Cos(ToRadians(l)); }
        return ToDegrees(Math.Atan2(s, c));
    }

    /// <summary>Longitudes (deg) moved by whole turns into [centre − 180, centre + 180), so that a set straddling the
    /// wrap is one interval (§4.4: l_apex's posterior is summarised this way in Table 3 and Fig. 7).</summary>
    public static double[] UnwrapAround(ReadOnlySpan<double> deg, double centre)
    {
        var unwrapped = new double[deg.Length];
        for (int i = 0; i < unwrapped.Length; i++) unwrapped[i] = centre + Wrap180(deg[i] - centre);
        return unwrapped;
    }
}
