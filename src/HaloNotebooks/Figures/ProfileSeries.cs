namespace HaloNotebooks.Figures;

/// <summary>One measurement: value Y at X with asymmetric 1σ errors; optional bin edges shown as horizontal bars.</summary>
public readonly record struct ProfilePoint(double X, double Y, double ErrPlus, double ErrMinus)
{
    public double XLow { get; init; } = double.NaN;
    public double XHigh { get; init; } = double.NaN;

    internal static ProfilePoint Exact(double x, double y) => new(x, y, 0, 0);
}

public enum LineDash { Solid, Dash, Dot, DashDot }

/// <summary>
/// A series of points with error bars: filled markers for means, open markers for dispersions
/// (the paper's convention in Figs. 2 and 5), a connecting line in a dash style that names the
/// tracer (solid K giants, dashed RR Lyrae, dotted BHB).
/// </summary>
public sealed record ProfileSeries(string Name, IReadOnlyList<ProfilePoint> Points)
{
    public string Color { get; init; } = FigureStyle.ThisWork;
    /// <summary>plotly marker symbol ("circle", "square", "diamond", "triangle-up", …).</summary>
    public string Symbol { get; init; } = "circle";
    internal bool OpenMarker { get; init; }
    /// <summary>Marker size in px; below 1 the series is drawn as a line only (a model curve, a literature level).</summary>
    internal double MarkerSize { get; init; } = 8;
    public bool ShowLine { get; init; } = true;
    internal LineDash Dash { get; init; } = LineDash.Solid;
    internal bool ShowInLegend { get; init; } = true;
    /// <summary>Shift along x by this fraction of X (multiplicative), so overlapping series stay readable.</summary>
    public double XShiftFraction { get; init; }
}

/// <summary>A shaded band (e.g. a literature 1σ range) with an optional central line.</summary>
internal sealed record ProfileBand(string Name, IReadOnlyList<double> X, IReadOnlyList<double> Lower, IReadOnlyList<double> Upper)
{
    internal IReadOnlyList<double>? Center { get; init; }
    public string Color { get; init; } = FigureStyle.Grey;
    internal double Opacity { get; init; } = 0.2;
    internal LineDash CenterDash { get; init; } = LineDash.Dash;
    internal bool ShowInLegend { get; init; } = true;
}

/// <summary>A horizontal reference line, e.g. β = 0.</summary>
public sealed record ReferenceLine(double Y, string Color = "black", LineDash Dash = LineDash.Dash);

/// <summary>One panel of a profile figure.</summary>
public sealed record ProfilePanel(string YTitle)
{
    public IReadOnlyList<ProfileSeries> Series { get; init; } = [];
    internal IReadOnlyList<ProfileBand> Bands { get; init; } = [];
    public IReadOnlyList<ReferenceLine> Lines { get; init; } = [];
    /// <summary>Fixed y range; null to fit the data.</summary>
    public (double Lo, double Hi)? YRange { get; init; }
    /// <summary>Short label drawn inside the panel's top-left corner (e.g. "MR").</summary>
    public string? Label { get; init; }
    /// <summary>Where this panel's legend sits: "top right", "top left", "bottom right", "bottom left", "above" (a row above a
    /// top-row panel, for panels whose data fill every corner), or "none".</summary>
    public string LegendPosition { get; init; } = "top right";
}

/// <summary>Options of <see cref="ProfilePlot"/>.</summary>
public sealed record ProfileOptions
{
    public string XTitle { get; init; } = "r<sub>GC</sub> [kpc]";
    public bool LogX { get; init; }
    public (double Lo, double Hi)? XRange { get; init; }
    /// <summary>Panels per row; panels fill rows left to right.</summary>
    internal int Columns { get; init; } = 1;
    /// <summary>Panel size in pixels (the figure grows with the grid).</summary>
    internal int PanelWidth { get; init; } = 480;
    internal int PanelHeight { get; init; } = 300;
    public string Title { get; init; } = "";
    public string FileStem { get; init; } = "profile";
}
