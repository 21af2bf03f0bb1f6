namespace HaloNotebooks.Figures;

/// <summary>
/// The look shared by every figure: white background, black framed axes with inside ticks (as
/// journal figures are drawn), one font, and the colours the paper's captions name.
/// </summary>
public static class FigureStyle
{
    internal const string FontFamily = "Arial, 'Liberation Sans', 'DejaVu Sans', Helvetica, sans-serif";
    internal const int FontSize = 13;

    // Colours named in the captions of Figs. 2, 4, 5, 9.
    public const string ThisWork = "black";
    public const string NoSgrMask = "#1f77b4";      // Fig. 2: "black/blue … with/without masking Sgr"
    internal const string Bird2021 = "#ff7f0e";       // orange
    internal const string Medina2025 = "#2ca02c";     // green
    public const string MetalRich = "#e7298a";     // magenta (MR)
    public const string MetalPoor = "#17becf";      // cyan (MP)
    public const string Red = "#d62728";
    internal const string Blue = "#1f77b4";
    public const string Grey = "#7f7f7f";

    // Corner-plot regions (Figs. 1, 3, 7): "yellow, light blue and dark blue contours represent the
    // 30%, 1σ and 2σ regions".
    internal const string Region30 = "#f6d32d";
    internal const string Region1Sigma = "#8cb8e6";
    internal const string Region2Sigma = "#1f4e9c";

    internal static Dictionary<string, object> Font(int? size = null, string? color = null)
        => PlotlyObjects.Obj(("family", FontFamily), ("size", size ?? FontSize), ("color", color ?? "black"));

    /// <summary>A framed axis with inside ticks on all four sides.</summary>
    internal static Plotly.NET.LayoutObjects.LinearAxis FramedAxis(string? title, params (string Key, object? Value)[] more)
    {
        var props = new List<(string, object?)>
        {
            ("showline", true), ("linecolor", "black"), ("linewidth", 1), ("mirror", "allticks"),
            ("ticks", "inside"), ("ticklen", 5), ("tickcolor", "black"), ("showgrid", false), ("zeroline", false),
            ("tickfont", Font(FontSize - 1)),
        };
        if (title is not null) props.Add(("title", PlotlyObjects.Obj(("text", title), ("font", Font()))));
        props.AddRange(more);
        return PlotlyObjects.Axis(props.ToArray());
    }
}
