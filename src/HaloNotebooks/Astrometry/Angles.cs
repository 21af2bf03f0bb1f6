namespace HaloNotebooks.Astrometry;

/// <summary>Degree/radian constants and longitude wrapping shared by the sky transforms.</summary>
internal static class Angles
{
    internal const double DegToRad = Math.PI / 180.0;
    internal const double RadToDeg = 180.0 / Math.PI;

    /// <summary>Degrees to radians, as deg · π / 180 (in that order, so results match the inline expression bit for bit).</summary>
    internal static double ToRadians(double deg) => deg * Math.PI / 180;

    /// <summary>Radians to degrees, as rad · 180 / π.</summary>
    internal static double ToDegrees(double rad) => rad * 180 / Math.PI;

    /// <summary>An angle in degrees wrapped to [0, 360).</summary>
    internal static double Wrap360(double deg)
    {
        double w = deg % 360.0;
        if (w < 0) w += 360.0;
        return w >= 360.0 ? 0.0 : w;   // -1e-17 % 360 + 360 rounds to 360
    }

    /// <summary>An angle in degrees wrapped to [-180, 180) (the one convention of the library: tables, figures, sky maps).</summary>
    internal static double Wrap180(double deg) => ((deg % 360.0) + 540.0) % 360.0 - 180.0;

    /// <summary>The circular mean of longitudes in degrees, in (−180, 180].</summary>
    internal static double CircularMean(ReadOnlySpan<double> deg)
    {
        double s = 0, c = 0;
        foreach (double l in deg) { s += Math.Sin(ToRadians(l)); c += Math.Cos(ToRadians(l)); }
        return ToDegrees(Math.Atan2(s, c));
    }

    /// <summary>Longitudes (deg) moved by whole turns into [centre − 180°, centre + 180°), so that a set
    /// straddling the wrap is one interval; a longitude already there is returned unchanged (bit for bit).</summary>
    internal static double[] UnwrapAround(ReadOnlySpan<double> deg, double centre)
    {
        var unwrapped = new double[deg.Length];
        for (int i = 0; i < unwrapped.Length; i++) unwrapped[i] = NearestTurn(deg[i], centre);
        return unwrapped;
    }

    /// <summary>An angle (deg) moved by whole turns into [near − 180°, near + 180°), the window of <see cref="Wrap180"/>
    /// (l_apex −34.8° and 325.2° are the same direction).</summary>
    internal static double NearestTurn(double deg, double near)
    {
        if (!double.IsFinite(deg) || !double.IsFinite(near)) return deg;
        while (deg - near >= 180) deg -= 360;
        while (deg - near < -180) deg += 360;
        return deg;
    }

    /// <summary>
    /// The one l_apex convention, from fit to table to figure (Table 3 prints l_apex = −34.8°, §4.4): a longitude
    /// posterior is unwrapped into one 360° window around its circular mode (so that a posterior straddling the wrap
    /// is one interval and its median is taken after unwrapping), and the window is moved by a whole turn so that the
    /// median lies in [−180°, 180°), the range of <see cref="Wrap180"/>. Returns the window's centre; unwrap samples
    /// with <see cref="UnwrapAround"/> and single values (truths, markers) with <see cref="NearestTurn"/>.
    /// </summary>
    internal static double LongitudeCentre(ReadOnlySpan<double> deg)
    {
        if (deg.Length == 0) return 0;
        double centre = CircularMode(deg);
        var unwrapped = UnwrapAround(deg, centre);
        Array.Sort(unwrapped);
        int n = unwrapped.Length;
        double median = n % 2 == 1 ? unwrapped[n / 2] : 0.5 * (unwrapped[n / 2 - 1] + unwrapped[n / 2]);
        return centre + (median >= 180 ? -360 : median < -180 ? 360 : 0);
    }

    /// <summary>Longitude samples (deg) in the one l_apex convention (<see cref="LongitudeCentre"/>).</summary>
    internal static double[] UnwrapLongitudes(ReadOnlySpan<double> deg) => UnwrapAround(deg, LongitudeCentre(deg));

    /// <summary>The centre (deg, in [−180, 180)) of the most populated of 72 five-degree bins of longitudes; the first
    /// such bin on a tie. Coarse on purpose: it only places the cut of the window half a turn away from the peak.</summary>
    internal static double CircularMode(ReadOnlySpan<double> deg)
    {
        const int bins = 72;
        const double width = 360.0 / bins;
        Span<int> counts = stackalloc int[bins];
        foreach (double l in deg)
            if (double.IsFinite(l)) counts[Math.Min(bins - 1, (int)((Wrap180(l) + 180) / width))]++;
        int best = 0;
        for (int k = 1; k < bins; k++) if (counts[k] > counts[best]) best = k;
        return -180 + (best + 0.5) * width;
    }
}
