using Plotly.NET;
using static HaloNotebooks.Figures.PlotlyObjects;

namespace HaloNotebooks.Figures;

/// <summary>
/// Radial profiles with asymmetric error bars (Figs. 2, 4, 5, 6, 9, 10): one panel, or a grid of
/// panels sharing the x axis, each with its own legend, shaded bands and reference lines.
/// </summary>
public static class ProfilePlot
{
    const int HorizontalGap = 95, VerticalGap = 14, MarginLeft = 80, MarginRight = 20, MarginBottom = 60;

    public static Figure Create(ProfilePanel panel, ProfileOptions? options = null) => Grid([panel], options);

    /// <summary>Panels stacked in one column with a shared x axis.</summary>
    internal static Figure Stack(IReadOnlyList<ProfilePanel> panels, ProfileOptions? options = null)
        => Grid(panels, (options ?? new ProfileOptions()) with { Columns = 1 });

    internal static Figure Grid(IReadOnlyList<ProfilePanel> panels, ProfileOptions? options = null)
    {
        var o = options ?? new ProfileOptions();
        ArgumentNullException.ThrowIfNull(panels);
        if (panels.Count == 0) throw new ArgumentException("a profile figure needs at least one panel.", nameof(panels));
        if (o.Columns < 1) throw new ArgumentOutOfRangeException(nameof(options), "Columns must be ≥ 1.");
        if (o.PanelWidth < 100 || o.PanelHeight < 80) throw new ArgumentOutOfRangeException(nameof(options), "panels must be at least 100×80 px.");
        foreach (var p in panels) Validate(p);
        var logTicks = o.LogX ? LogTicks(panels, o) : null;

        int cols = Math.Min(o.Columns, panels.Count), rows = (panels.Count + cols - 1) / cols;
        bool legendsAbove = panels.Take(cols).Any(p => p.LegendPosition == "above");
        int legendRows = legendsAbove ? panels.Take(cols).Where(p => p.LegendPosition == "above").Max(p => LegendRows(p, o.PanelWidth)) : 0;
        int marginTop = (o.Title.Length > 0 ? (legendsAbove ? 30 : 46) : 14) + (legendsAbove ? 10 + 20 * Math.Max(2, legendRows) : 0);
        int width = MarginLeft + cols * o.PanelWidth + (cols - 1) * HorizontalGap + MarginRight;
        int height = marginTop + rows * o.PanelHeight + (rows - 1) * VerticalGap + MarginBottom;
        double plotW = width - MarginLeft - MarginRight, plotH = height - marginTop - MarginBottom;

        var traces = new List<Trace>();
        var layout = new Layout();
        var shapes = new List<object>();
        var annotations = new List<object>();
        for (int p = 0; p < panels.Count; p++)
        {
            var panel = panels[p];
            int row = p / cols, col = p % cols, k = p + 1;
            string xr = AxisRef('x', k), yr = AxisRef('y', k);
            double x0 = col * (o.PanelWidth + HorizontalGap) / plotW, x1 = x0 + o.PanelWidth / plotW;
            double y1 = 1 - row * (o.PanelHeight + VerticalGap) / plotH, y0 = y1 - o.PanelHeight / plotH;
            bool xLabels = p + cols >= panels.Count; // nothing below this panel

            var xRange = o.XRange is { } r ? (o.LogX ? new[] { Math.Log10(r.Lo), Math.Log10(r.Hi) } : new[] { r.Lo, r.Hi }) : null;
            layout.SetProperty(AxisKey('x', k), FigureStyle.FramedAxis(xLabels ? o.XTitle : null,
                ("domain", new[] { x0, x1 }), ("anchor", yr), ("type", o.LogX ? "log" : "linear"), ("range", xRange),
                ("showticklabels", xLabels), ("matches", k > 1 ? "x" : null), ("tickvals", logTicks)));
            layout.SetProperty(AxisKey('y', k), FigureStyle.FramedAxis(panel.YTitle,
                ("domain", new[] { y0, y1 }), ("anchor", xr),
                ("range", panel.YRange is { } yrng ? new[] { yrng.Lo, yrng.Hi } : null)));

            string legend = p == 0 ? "legend" : $"legend{k}";
            bool showLegend = panel.LegendPosition != "none";
            foreach (var band in panel.Bands) traces.AddRange(BandTraces(band, o, xr, yr, legend, showLegend));
            foreach (var series in panel.Series) traces.Add(SeriesTrace(series, o, xr, yr, legend, showLegend));
            foreach (var line in panel.Lines)
                shapes.Add(Obj(("type", "line"), ("xref", xr + " domain"), ("yref", yr), ("x0", 0), ("x1", 1), ("y0", line.Y), ("y1", line.Y),
                    ("line", Obj(("color", line.Color), ("width", 1), ("dash", DashName(line.Dash)))), ("layer", "below")));
            if (panel.Label is not null)
                annotations.Add(Obj(("text", panel.Label), ("xref", xr + " domain"), ("yref", yr + " domain"), ("x", 0.02), ("y", 0.97),
                    ("xanchor", "left"), ("yanchor", "top"), ("showarrow", false), ("bgcolor", "rgba(255,255,255,0.8)"),
                    ("font", FigureStyle.Font(FigureStyle.FontSize + 1))));
            if (showLegend && panel.LegendPosition == "above")
                layout.SetProperty(legend, Obj(("orientation", "h"), ("x", x0), ("xanchor", "left"), ("y", y1), ("yanchor", "bottom"),
                    ("bgcolor", "rgba(255,255,255,0)"), ("font", FigureStyle.Font(FigureStyle.FontSize - 2))));
            else if (showLegend)
            {
                bool top = panel.LegendPosition.StartsWith("top", StringComparison.Ordinal);
                bool right = panel.LegendPosition.EndsWith("right", StringComparison.Ordinal);
                double inset = 0.012;
                layout.SetProperty(legend, Obj(
                    ("x", right ? x1 - inset * (x1 - x0) * 2 : x0 + inset * (x1 - x0) * 2), ("xanchor", right ? "right" : "left"),
                    ("y", top ? y1 - inset * 3 * (y1 - y0) : y0 + inset * 3 * (y1 - y0)), ("yanchor", top ? "top" : "bottom"),
                    ("bgcolor", "rgba(255,255,255,0.75)"), ("font", FigureStyle.Font(FigureStyle.FontSize - 2)),
                    ("tracegroupgap", 2), ("itemwidth", 30)));
            }
        }
        if (o.Title.Length > 0)
            layout.SetProperty("title", Obj(("text", o.Title), ("x", 0.5), ("xanchor", "center"), ("y", 0.985), ("yanchor", "top"),
                ("font", FigureStyle.Font(FigureStyle.FontSize + 3))));
        layout.SetProperty("width", width);
        layout.SetProperty("height", height);
        layout.SetProperty("margin", Obj(("l", MarginLeft), ("r", MarginRight), ("t", marginTop), ("b", MarginBottom)));
        layout.SetProperty("paper_bgcolor", "white");
        layout.SetProperty("plot_bgcolor", "white");
        layout.SetProperty("font", FigureStyle.Font());
        layout.SetProperty("showlegend", true);
        layout.SetProperty("shapes", shapes);
        layout.SetProperty("annotations", annotations);
        return new Figure(Chart(traces, layout), o.Title.Length > 0 ? o.Title : panels[0].YTitle, o.FileStem, width, height);
    }

    /// <summary>Rows a horizontal legend of the panel's entries takes: plotly wraps entries of about 40 px plus their text
    /// (≈ 6.5 px a character at the legend's font) at the panel's width, and once wrapped it aligns them in columns as wide
    /// as the widest entry (Fig. 9's five entries take three rows, not two), so the larger of the two counts.</summary>
    static int LegendRows(ProfilePanel panel, int width)
    {
        var chars = panel.Series.Where(s => s.ShowInLegend).Select(s => s.Name).Concat(panel.Bands.Where(b => b.ShowInLegend).Select(b => b.Name))
            .Select(name => System.Text.RegularExpressions.Regex.Replace(name, "<[^>]+>", "").Length).ToList();
        int rows = 1;
        double used = 0;
        foreach (var n in chars)
        {
            double w = 40 + 6.5 * n;
            if (used > 0 && used + w > width) { rows++; used = 0; }
            used += w;
        }
        if (rows == 1 || chars.Count == 0) return rows;
        // The aligned columns, measured on Fig. 9's PNG: ≈ 5.5 px a character once the entries sit in a grid.
        int columns = Math.Max(1, (int)(width / (40 + 5.5 * chars.Max())));
        return Math.Max(rows, (chars.Count + columns - 1) / columns);
    }

    static void Validate(ProfilePanel panel)
    {
        ArgumentNullException.ThrowIfNull(panel);
        foreach (var s in panel.Series)
            foreach (var pt in s.Points)
                if (pt.ErrPlus < 0 || pt.ErrMinus < 0)
                    throw new ArgumentException($"series '{s.Name}' at x = {pt.X}: errors must be given as non-negative magnitudes (got " +
                        $"+{pt.ErrPlus} / −{pt.ErrMinus}).");
        foreach (var b in panel.Bands)
            if (b.Lower.Count != b.X.Count || b.Upper.Count != b.X.Count || (b.Center is not null && b.Center.Count != b.X.Count))
                throw new ArgumentException($"band '{b.Name}': X, Lower, Upper (and Center) must have the same length.");
    }

    static Trace SeriesTrace(ProfileSeries s, ProfileOptions o, string xr, string yr, string legend, bool showLegend)
    {
        var pts = s.Points;
        var x = pts.Select(p => p.X * (1 + s.XShiftFraction)).ToList();
        bool hasXBars = pts.Any(p => double.IsFinite(p.XLow) || double.IsFinite(p.XHigh));
        var marker = Obj(("symbol", s.OpenMarker ? s.Symbol + "-open" : s.Symbol), ("size", s.MarkerSize), ("color", s.Color),
            ("line", Obj(("color", s.Color), ("width", s.OpenMarker ? 1.6 : 0.5))));
        return Trace("scatter", ("x", Values(x)), ("y", Values(pts.Select(p => p.Y))), ("xaxis", xr), ("yaxis", yr),
            ("mode", s.MarkerSize < 1 ? "lines" : s.ShowLine ? "lines+markers" : "markers"), ("name", s.Name), ("legend", legend),
            ("showlegend", showLegend && s.ShowInLegend), ("marker", marker),
            ("line", Obj(("color", s.Color), ("width", 1.4), ("dash", DashName(s.Dash)))),
            ("error_y", pts.Any(p => p.ErrPlus > 0 || p.ErrMinus > 0)   // no caps on exact curves (inputs, literature levels)
                ? Obj(("type", "data"), ("symmetric", false), ("array", Values(pts.Select(p => p.ErrPlus), 4)),
                    ("arrayminus", Values(pts.Select(p => p.ErrMinus), 4)), ("color", s.Color), ("thickness", 1.2), ("width", 3))
                : null),
            ("error_x", hasXBars
                ? Obj(("type", "data"), ("symmetric", false), ("array", Values(pts.Select((p, i) => double.IsFinite(p.XHigh) ? p.XHigh - x[i] : 0))),
                    ("arrayminus", Values(pts.Select((p, i) => double.IsFinite(p.XLow) ? x[i] - p.XLow : 0))), ("color", s.Color),
                    ("thickness", 0.8), ("width", 0))
                : null));
    }

    static IEnumerable<Trace> BandTraces(ProfileBand b, ProfileOptions o, string xr, string yr, string legend, bool showLegend)
    {
        string group = "band-" + b.Name;
        yield return Trace("scatter", ("x", Values(b.X)), ("y", Values(b.Lower)), ("xaxis", xr), ("yaxis", yr), ("mode", "lines"),
            ("line", Obj(("width", 0), ("color", b.Color))), ("showlegend", false), ("legend", legend), ("legendgroup", group),
            ("hoverinfo", "skip"), ("name", b.Name + " (lower)"));
        yield return Trace("scatter", ("x", Values(b.X)), ("y", Values(b.Upper)), ("xaxis", xr), ("yaxis", yr), ("mode", "lines"),
            ("line", Obj(("width", 0), ("color", b.Color))), ("fill", "tonexty"), ("fillcolor", Colors.WithAlpha(b.Color, b.Opacity)),
            ("showlegend", showLegend && b.ShowInLegend && b.Center is null), ("legend", legend), ("legendgroup", group),
            ("hoverinfo", "skip"), ("name", b.Name));
        if (b.Center is not null)
            yield return Trace("scatter", ("x", Values(b.X)), ("y", Values(b.Center)), ("xaxis", xr), ("yaxis", yr), ("mode", "lines"),
                ("line", Obj(("width", 1.5), ("color", b.Color), ("dash", DashName(b.CenterDash)))),
                ("showlegend", showLegend && b.ShowInLegend), ("legend", legend), ("legendgroup", group), ("name", b.Name));
    }

    /// <summary>1, 2, 3, 5 × 10^k inside the x range: plotly's default log ticks label every digit, which crowds the axis.</summary>
    static double[]? LogTicks(IReadOnlyList<ProfilePanel> panels, ProfileOptions o)
    {
        var xs = panels.SelectMany(p => p.Series.SelectMany(s => s.Points.Select(q => q.X)).Concat(p.Bands.SelectMany(b => b.X)))
            .Where(x => x > 0 && double.IsFinite(x)).ToList();
        double lo = o.XRange?.Lo ?? (xs.Count > 0 ? xs.Min() : 1), hi = o.XRange?.Hi ?? (xs.Count > 0 ? xs.Max() : 100);
        if (!(lo > 0)) throw new ArgumentException("a logarithmic x axis needs positive x values.");
        var ticks = new List<double>();
        for (int e = (int)Math.Floor(Math.Log10(lo)) - 1; e <= (int)Math.Ceiling(Math.Log10(hi)); e++)
            foreach (var m in new[] { 1.0, 2, 3, 5 })
            {
                double t = m * Math.Pow(10, e);
                if (t >= lo * 0.999 && t <= hi * 1.001) ticks.Add(Round(t, 6));
            }
        return ticks.Count >= 2 ? ticks.ToArray() : null;
    }

    internal static string DashName(LineDash dash) => dash switch
    {
        LineDash.Dash => "dash",
        LineDash.Dot => "dot",
        LineDash.DashDot => "dashdot",
        _ => "solid",
    };
}
