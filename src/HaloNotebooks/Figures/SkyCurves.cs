using HaloNotebooks.Astrometry;

namespace HaloNotebooks.Figures;

/// <summary>A line on the sky (Galactic l, b in degrees): drawn on every panel of a sky map, with one legend entry.</summary>
/// <param name="Name">Legend text.</param>
/// <param name="Points">The line's points in order; a NaN point breaks it.</param>
internal sealed record SkyCurve(string Name, IReadOnlyList<(double L, double B)> Points)
{
    public string Color { get; init; } = "black";
    public LineDash Dash { get; init; } = LineDash.Solid;
    public double Width { get; init; } = 1.6;
}

/// <summary>
/// The edges of the sky a sky map cannot show, drawn as lines so that they differ from the grey of pixels with too few
/// stars (Fig. 8): the Sgr-stream mask |B̃| = w of §2.3 (Belokurov et al. 2014 coordinates, <see cref="SagittariusFrame"/>)
/// and DESI's southern limit dec = dec_min (§2.1, <see cref="Mocks.DesiFootprint"/>).
/// </summary>
internal static class SkyCurves
{
    /// <summary>Points per 360° of a curve.</summary>
    const int Steps = 720;

    /// <summary>The two edges B̃ = ±<paramref name="halfWidth"/> of the Sgr mask, one curve with a break between them.</summary>
    public static SkyCurve SagittariusMaskEdges(double halfWidth, string name) =>
        new(name, [.. SagittariusLatitude(+halfWidth), (double.NaN, double.NaN), .. SagittariusLatitude(-halfWidth)]);

    /// <summary>The small circle dec = <paramref name="decMin"/>: south of it DESI observes nothing.</summary>
    public static SkyCurve DeclinationLimit(double decMin, string name) =>
        new(name, Enumerable.Range(0, Steps + 1).Select(i => GalacticCoordinates.FromIcrs(360.0 * i / Steps, decMin)).ToList());

    /// <summary>Galactic (l, b) along B̃ = const, Λ̃ from 0° to 360°.</summary>
    internal static List<(double L, double B)> SagittariusLatitude(double bTilde)
    {
        var inverse = SagittariusFrame.GalacticToLawMajewski;
        var points = new List<(double, double)>(Steps + 1);
        for (int i = 0; i <= Steps; i++)
        {
            // Inverse of SagittariusFrame's (x, y, z) = M·u, Λ̃ = atan2(−y, x), B̃ = −asin z (M is orthogonal: M⁻¹ = Mᵀ).
            double lambda = 360.0 * i / Steps * Angles.DegToRad, beta = bTilde * Angles.DegToRad;
            var v = new Vector3d(Math.Cos(beta) * Math.Cos(lambda), -Math.Cos(beta) * Math.Sin(lambda), -Math.Sin(beta));
            var (l, b) = inverse.ApplyTranspose(v).ToLonLat();
            points.Add((Angles.Wrap360(l), b));
        }
        return points;
    }
}
