using System.Globalization;

namespace HaloNotebooks.Figures;

/// <summary>Colour helpers: transparency for bands, and diverging colour maps for sky maps.</summary>
internal static class Colors
{
    static readonly Dictionary<string, (int R, int G, int B)> Named = new(StringComparer.OrdinalIgnoreCase)
    {
        ["black"] = (0, 0, 0), ["white"] = (255, 255, 255), ["red"] = (255, 0, 0), ["blue"] = (0, 0, 255),
        ["green"] = (0, 128, 0), ["grey"] = (128, 128, 128), ["gray"] = (128, 128, 128), ["orange"] = (255, 165, 0),
        ["magenta"] = (255, 0, 255), ["cyan"] = (0, 255, 255),
    };

    /// <summary>"#rrggbb" or a basic colour name → (r, g, b).</summary>
    public static (int R, int G, int B) Parse(string color)
    {
        ArgumentNullException.ThrowIfNull(color);
        if (Named.TryGetValue(color, out var rgb)) return rgb;
        if (color.Length == 7 && color[0] == '#' && int.TryParse(color.AsSpan(1), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out int v))
            return ((v >> 16) & 255, (v >> 8) & 255, v & 255);
        throw new ArgumentException($"colour '{color}' is not '#rrggbb' or one of {string.Join(", ", Named.Keys)}.", nameof(color));
    }

    internal static string WithAlpha(string color, double alpha)
    {
        var (r, g, b) = Parse(color);
        return string.Create(CultureInfo.InvariantCulture, $"rgba({r},{g},{b},{alpha:0.###})");
    }

    /// <summary>ColorBrewer RdBu reversed (blue negative → white 0 → red positive): approaching / infalling
    /// stars blue, receding red.</summary>
    internal static IReadOnlyList<string> RedBlueDiverging { get; } =
        ["#053061", "#2166ac", "#4393c3", "#92c5de", "#d1e5f0", "#f7f7f7", "#fddbc7", "#f4a582", "#d6604d", "#b2182b", "#67001f"];

    /// <summary>The colour at t ∈ [0, 1] of a map given as evenly spaced "#rrggbb" stops (linear in RGB).</summary>
    public static string Sample(IReadOnlyList<string> stops, double t)
    {
        t = Math.Clamp(double.IsFinite(t) ? t : 0.5, 0, 1);
        double pos = t * (stops.Count - 1);
        int i = Math.Min((int)pos, stops.Count - 2);
        double f = pos - i;
        var (r0, g0, b0) = Parse(stops[i]);
        var (r1, g1, b1) = Parse(stops[i + 1]);
        int R(double a, double b) => (int)Math.Round(a + f * (b - a));
        return $"#{R(r0, r1):x2}{R(g0, g1):x2}{R(b0, b1):x2}";
    }

    /// <summary>The map as a plotly colorscale [[t, colour], …].</summary>
    internal static List<object[]> PlotlyScale(IReadOnlyList<string> stops)
        => stops.Select((c, i) => new object[] { (double)i / (stops.Count - 1), c }).ToList();
}
