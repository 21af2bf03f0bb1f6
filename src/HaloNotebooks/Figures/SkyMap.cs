using HaloNotebooks.Astrometry;
using HaloNotebooks.Paper;
using Plotly.NET;
using static HaloNotebooks.Figures.PlotlyObjects;

namespace HaloNotebooks.Figures;

/// <summary>A labelled position on the sky (Galactic l, b in degrees).</summary>
public sealed record SkyMarker(string Name, double L, double B)
{
    /// <summary>plotly marker symbol: the paper draws the LMC as a red pentagram ("star") and apexes as white dots.</summary>
    public string Symbol { get; init; } = "circle";
    public string Color { get; init; } = "white";
    internal string LineColor { get; init; } = "black";
    internal double Size { get; init; } = 12;
    internal bool ShowLabel { get; init; }
}

/// <summary>Markers the paper draws on its sky maps (Fig. 8).</summary>
internal static class SkyMarkers
{
    /// <summary>The LMC at its present (l, b) (data/reference/literature_points.csv), a red pentagram.</summary>
    internal static SkyMarker Lmc { get; } =
        new("LMC", LiteraturePoints.Lmc.L, LiteraturePoints.Lmc.B) { Symbol = "star", Color = "#e41a1c", Size = 17 };

    /// <summary>The apex of the dipole velocity field, a white dot.</summary>
    internal static SkyMarker Apex(double l, double b, string name = "dipole apex") => new(name, l, b) { Symbol = "circle", Color = "white", Size = 12 };
}

/// <summary>One map: values per HEALPix pixel (pixels without a value are left grey).</summary>
internal sealed record SkyMapPanel(string Title, IReadOnlyList<long> Pixels, IReadOnlyList<double> Values)
{
    /// <summary>Markers drawn on this panel only (in addition to <see cref="SkyMapOptions.Markers"/>).</summary>
    public IReadOnlyList<SkyMarker> Markers { get; init; } = [];
}

/// <summary>Options of <see cref="SkyMap.Mollweide(int, IReadOnlyList{SkyMapPanel}, SkyMapOptions?)"/>.</summary>
public sealed record SkyMapOptions
{
    /// <summary>Pixel numbering: RING (healpy's default) unless true.</summary>
    internal bool Nest { get; init; }
    /// <summary>Galactic longitude at the centre of the map (0: the Galactic centre, as in Fig. 8).</summary>
    internal double CentralLongitude { get; init; }
    public string ColorbarTitle { get; init; } = "⟨V<sub>r</sub>⟩ [km s<sup>−1</sup>]";
    /// <summary>The colour scale spans [−limit, +limit]; null for the largest |value|.</summary>
    internal double? ColorLimit { get; init; }
    /// <summary>Diverging colour map, negative → positive, centred on 0.</summary>
    internal IReadOnlyList<string> Colormap { get; init; } = Colors.RedBlueDiverging;
    /// <summary>Number of colour steps the pixels are grouped into (odd, so that 0 has its own step).</summary>
    internal int ColorLevels { get; init; } = 41;
    public IReadOnlyList<SkyMarker> Markers { get; init; } = [SkyMarkers.Lmc];
    /// <summary>Lines drawn on every panel above the pixels (Fig. 8: the Sgr-mask and footprint edges), one legend entry each.</summary>
    internal IReadOnlyList<SkyCurve> Curves { get; init; } = [];
    /// <summary>Extra canvas height below the panels for the legend, px (its entries wrap onto more lines).</summary>
    internal int LegendHeight { get; init; } = 24;
    internal double GraticuleLongitudeStep { get; init; } = 60;
    internal double GraticuleLatitudeStep { get; init; } = 30;
    /// <summary>Points per pixel edge when drawing pixel outlines; null: 3 up to N_side 4, 2 at 8, then 1 (small pixels are
    /// near-straight quadrilaterals).</summary>
    internal int? StepsPerSide { get; init; }
    internal int PanelWidth { get; init; } = 600;
    public string Title { get; init; } = "";
    /// <summary>Lines of small text under the title (what the figure shows and how it was made); "" for none.</summary>
    internal IReadOnlyList<string> Caption { get; init; } = [];
    public string FileStem { get; init; } = "skymap";
}

/// <summary>
/// HEALPix maps in Mollweide projection (Fig. 8), drawn as filled pixel polygons on a plain
/// cartesian plot with hidden axes — no geo subplot, so nothing is fetched from the network.
/// Galactic longitude increases to the left, as astronomers draw the sky.
/// </summary>
public static class SkyMap
{
    const double Eps = 1e-7;
    static readonly double XMax = Astrometry.Mollweide.XMax, YMax = Astrometry.Mollweide.YMax;

    public static Figure Mollweide(int nside, IReadOnlyList<long> pixels, IReadOnlyList<double> values, SkyMapOptions? options = null)
        => Mollweide(nside, [new SkyMapPanel(options?.Title ?? "", pixels, values)], options is null ? null : options with { Title = "" });

    /// <summary>Maps side by side with one shared, zero-centred colour scale (Fig. 8: observed and model).</summary>
    internal static Figure Mollweide(int nside, IReadOnlyList<SkyMapPanel> panels, SkyMapOptions? options = null)
    {
        var o = options ?? new SkyMapOptions();
        ArgumentNullException.ThrowIfNull(panels);
        if (panels.Count == 0) throw new ArgumentException("a sky map needs at least one panel.", nameof(panels));
        if (o.ColorLevels < 3 || o.Colormap.Count < 2) throw new ArgumentException("ColorLevels must be ≥ 3 and the colour map needs " +
            "≥ 2 stops.", nameof(options));
        var healpix = new HealPix(nside);
        foreach (var p in panels) Validate(p, healpix);

        double limit = o.ColorLimit ?? panels.SelectMany(p => p.Values).Where(double.IsFinite).Select(Math.Abs).DefaultIfEmpty(1).Max();
        if (!(limit > 0)) limit = 1;

        int n = panels.Count, panelW = o.PanelWidth, panelH = (int)Math.Round(panelW * YMax / XMax * 1.06);
        const int gap = 30, marginL = 30, marginR = 110, marginB = 20;
        int marginT = (o.Title.Length > 0 ? 40 : 0) + 16 * o.Caption.Count + (panels.Any(p => p.Title.Length > 0) ? 34 : 10);
        int width = marginL + n * panelW + (n - 1) * gap + marginR, height = marginT + panelH + marginB;
        double plotW = width - marginL - marginR;

        var traces = new List<Trace>();
        var layout = new Layout();
        var annotations = new List<object>();
        for (int p = 0; p < n; p++)
        {
            int k = p + 1;
            string xr = AxisRef('x', k), yr = AxisRef('y', k);
            double x0 = p * (panelW + gap) / plotW, x1 = x0 + panelW / plotW;
            layout.SetProperty(AxisKey('x', k), Axis(("domain", new[] { x0, x1 }), ("anchor", yr), ("range", new[] { -XMax * 1.02, XMax * 1.02 }),
                ("visible", false), ("fixedrange", false)));
            layout.SetProperty(AxisKey('y', k), Axis(("domain", new[] { 0.0, 1.0 }), ("anchor", xr), ("range", new[] { -YMax * 1.04, YMax * 1.04 }),
                ("visible", false), ("scaleanchor", xr), ("scaleratio", 1)));

            traces.Add(SkyBackground(o, xr, yr));
            traces.AddRange(PixelTraces(healpix, panels[p], o, limit, xr, yr));
            traces.Add(HoverTrace(healpix, panels[p], o, limit, xr, yr, showScale: p == 0));
            traces.Add(Graticule(o, xr, yr));
            annotations.AddRange(GraticuleLabels(o, xr, yr));
            foreach (var c in o.Curves) traces.Add(CurveTrace(c, o, xr, yr, showLegend: p == 0));
            foreach (var m in o.Markers.Concat(panels[p].Markers)) traces.Add(MarkerTrace(m, o, xr, yr, p == 0 || panels[p].Markers.Contains(m)));
            if (panels[p].Title.Length > 0)
                annotations.Add(Obj(("text", panels[p].Title), ("xref", "paper"), ("yref", "paper"), ("x", (x0 + x1) / 2), ("y", 1.0),
                    ("xanchor", "center"), ("yanchor", "bottom"), ("yshift", 6), ("showarrow", false), ("font", FigureStyle.Font(FigureStyle.FontSize + 1))));
        }
        // The title at the top of the canvas (padded, one line), the caption lines as annotations below it at fixed pixel
        // offsets above the panels: a multi-line <br> title anchored at the top had its first line cut off in the PNG.
        if (o.Title.Length > 0)
            layout.SetProperty("title", Obj(("text", o.Title), ("x", 0.5), ("xanchor", "center"), ("xref", "container"),
                ("y", 1.0), ("yanchor", "top"), ("yref", "container"), ("pad", Obj(("t", 10))),
                ("font", FigureStyle.Font(FigureStyle.FontSize + 3))));
        int panelTitleHeight = panels.Any(p => p.Title.Length > 0) ? 34 : 10;
        double centre = (width / 2.0 - marginL) / plotW;
        for (int i = 0; i < o.Caption.Count; i++)
            annotations.Add(Obj(("text", o.Caption[i]), ("xref", "paper"), ("yref", "paper"), ("x", centre), ("y", 1.0),
                ("xanchor", "center"), ("yanchor", "bottom"), ("yshift", panelTitleHeight + 16 * (o.Caption.Count - 1 - i)), ("showarrow", false),
                ("font", FigureStyle.Font(FigureStyle.FontSize - 2))));
        layout.SetProperty("width", width);
        layout.SetProperty("height", height);
        layout.SetProperty("margin", Obj(("l", marginL), ("r", marginR), ("t", marginT), ("b", marginB)));
        layout.SetProperty("paper_bgcolor", "white");
        layout.SetProperty("plot_bgcolor", "white");
        layout.SetProperty("font", FigureStyle.Font());
        layout.SetProperty("showlegend", true);
        layout.SetProperty("legend", Obj(("orientation", "h"), ("x", 0.0), ("y", 0.0), ("xanchor", "left"), ("yanchor", "top"),
            ("font", FigureStyle.Font(FigureStyle.FontSize - 1))));
        layout.SetProperty("annotations", annotations);
        string title = o.Title.Length > 0 ? o.Title : panels[0].Title;
        return new Figure(Chart(traces, layout), title, o.FileStem, width, height + o.LegendHeight);
    }

    static void Validate(SkyMapPanel p, HealPix healpix)
    {
        ArgumentNullException.ThrowIfNull(p);
        if (p.Pixels.Count != p.Values.Count)
            throw new ArgumentException($"sky map '{p.Title}': {p.Pixels.Count} pixels but {p.Values.Count} values.");
        var seen = new HashSet<long>();
        foreach (var pix in p.Pixels)
        {
            if (pix < 0 || pix >= healpix.PixelCount)
                throw new ArgumentOutOfRangeException(nameof(p), $"sky map '{p.Title}': pixel {pix} is outside 0–{healpix.PixelCount - 1} " +
                    $"for nside {healpix.Nside}.");
            if (!seen.Add(pix)) throw new ArgumentException($"sky map '{p.Title}': pixel {pix} appears twice.");
        }
    }

    /// <summary>(x, y) of a point at longitude offset Δ (deg, clamped just inside ±180°) from the map centre.</summary>
    static (double X, double Y) ProjectOffset(double delta, double lat, SkyMapOptions o)
        => Astrometry.Mollweide.Project(o.CentralLongitude + Math.Clamp(delta, -180 + Eps, 180 - Eps), Math.Clamp(lat, -90, 90), o.CentralLongitude);

    /// <summary>Map coordinates to 0.001 (0.1 px on a 600 px wide map).</summary>
    static double R(double v) => Math.Round(v, 3);


    /// <summary>
    /// Outline(s) of one pixel in map coordinates. Longitudes are unwrapped around the pixel centre;
    /// a pixel cut by the map edge (Δ = ±180°) is drawn twice, each copy clipped to its side.
    /// </summary>
    internal static List<List<(double X, double Y)>> PixelOutlines(HealPix healpix, long pix, SkyMapOptions o)
    {
        var (lonC, _) = o.Nest ? healpix.Pix2AngNest(pix) : healpix.Pix2AngRing(pix);
        double dc = Angles.Wrap180(lonC - o.CentralLongitude);
        var boundary = healpix.Boundary(pix, o.StepsPerSide ?? (healpix.Nside <= 4 ? 3 : healpix.Nside <= 8 ? 2 : 1), o.Nest);
        var u = boundary.Select(b => (Delta: dc + Angles.Wrap180(b.Lon - lonC), b.Lat)).ToList();
        var outlines = new List<List<(double, double)>> { u.Select(q => ProjectOffset(q.Delta, q.Lat, o)).ToList() };
        double max = u.Max(q => q.Delta), min = u.Min(q => q.Delta);
        if (max > 180) outlines.Add(u.Select(q => ProjectOffset(q.Delta - 360, q.Lat, o)).ToList());
        else if (min < -180) outlines.Add(u.Select(q => ProjectOffset(q.Delta + 360, q.Lat, o)).ToList());
        return outlines;
    }

    static int ColorIndex(double v, double limit, int levels)
        => Math.Clamp((int)Math.Floor((v + limit) / (2 * limit) * levels), 0, levels - 1);

    static IEnumerable<Trace> PixelTraces(HealPix healpix, SkyMapPanel panel, SkyMapOptions o, double limit, string xr, string yr)
    {
        // One filled trace per colour step: a few dozen traces instead of one per pixel.
        var groups = new SortedDictionary<int, (List<double?> X, List<double?> Y)>();
        for (int i = 0; i < panel.Pixels.Count; i++)
        {
            double v = panel.Values[i];
            if (!double.IsFinite(v)) continue;
            int c = ColorIndex(v, limit, o.ColorLevels);
            if (!groups.TryGetValue(c, out var g)) groups[c] = g = (new List<double?>(), new List<double?>());
            foreach (var outline in PixelOutlines(healpix, panel.Pixels[i], o))
            {
                foreach (var (x, y) in outline) { g.X.Add(R(x)); g.Y.Add(R(y)); }
                g.X.Add(R(outline[0].X)); g.Y.Add(R(outline[0].Y));
                g.X.Add(null); g.Y.Add(null);
            }
        }
        foreach (var (c, g) in groups)
        {
            string colour = Colors.Sample(o.Colormap, (c + 0.5) / o.ColorLevels);
            yield return Trace("scatter", ("x", g.X), ("y", g.Y), ("xaxis", xr), ("yaxis", yr), ("mode", "lines"), ("fill", "toself"),
                ("fillcolor", colour), ("line", Obj(("color", colour), ("width", 0.6))), ("hoverinfo", "skip"), ("showlegend", false),
                ("name", $"pixels {colour}"));
        }
    }

    /// <summary>Invisible markers at pixel centres: hover values, and the colour bar.</summary>
    static Trace HoverTrace(HealPix healpix, SkyMapPanel panel, SkyMapOptions o, double limit, string xr, string yr, bool showScale)
    {
        var xs = new List<double>(); var ys = new List<double>(); var vs = new List<double>(); var text = new List<string>();
        for (int i = 0; i < panel.Pixels.Count; i++)
        {
            double v = panel.Values[i];
            if (!double.IsFinite(v)) continue;
            var (lon, lat) = o.Nest ? healpix.Pix2AngNest(panel.Pixels[i]) : healpix.Pix2AngRing(panel.Pixels[i]);
            var (x, y) = ProjectOffset(Angles.Wrap180(lon - o.CentralLongitude), lat, o);
            xs.Add(x); ys.Add(y); vs.Add(v);
            text.Add($"l {lon:0}°, b {lat:0}°: {ValueFormat.Number(v, 1)}");
        }
        return Trace("scatter", ("x", xs.Select(R).ToArray()), ("y", ys.Select(R).ToArray()), ("xaxis", xr), ("yaxis", yr), ("mode", "markers"),
            ("marker", Obj(("size", 6), ("opacity", 0), ("color", Values(vs, 4)), ("colorscale", Colors.PlotlyScale(o.Colormap)),
                ("cmin", -limit), ("cmax", limit), ("showscale", showScale),
                ("colorbar", Obj(("title", Obj(("text", o.ColorbarTitle), ("side", "right"), ("font", FigureStyle.Font()))),
                    ("thickness", 14), ("len", 0.8), ("x", 1.0), ("xanchor", "left"), ("xpad", 12), ("ticks", "inside"),
                    ("outlinewidth", 1), ("tickfont", FigureStyle.Font(FigureStyle.FontSize - 1)))))),
            ("text", text), ("hoverinfo", "text"), ("showlegend", false), ("name", panel.Title));
    }

    static Trace SkyBackground(SkyMapOptions o, string xr, string yr)
    {
        var xs = new List<double>(); var ys = new List<double>();
        for (double lat = -90; lat <= 90; lat += 4) { var (x, y) = ProjectOffset(180, lat, o); xs.Add(x); ys.Add(y); }
        for (double lat = 90; lat >= -90; lat -= 4) { var (x, y) = ProjectOffset(-180, lat, o); xs.Add(x); ys.Add(y); }
        return Trace("scatter", ("x", xs.Select(R).ToArray()), ("y", ys.Select(R).ToArray()), ("xaxis", xr), ("yaxis", yr),
            ("mode", "lines"), ("fill", "toself"),
            ("fillcolor", "#e6e6e6"), ("line", Obj(("color", "black"), ("width", 1))), ("hoverinfo", "skip"), ("showlegend", false), ("name", "sky"));
    }

    static Trace Graticule(SkyMapOptions o, string xr, string yr)
    {
        var xs = new List<double?>(); var ys = new List<double?>();
        void Add((double X, double Y) p) { xs.Add(R(p.X)); ys.Add(R(p.Y)); }
        for (double lat = -90 + o.GraticuleLatitudeStep; lat < 90 - 1e-9; lat += o.GraticuleLatitudeStep)
        {
            for (double d = -180; d <= 180; d += 5) Add(ProjectOffset(d, lat, o));
            xs.Add(null); ys.Add(null);
        }
        for (double d = -180 + o.GraticuleLongitudeStep; d < 180 - 1e-9; d += o.GraticuleLongitudeStep)
        {
            for (double lat = -90; lat <= 90; lat += 5) Add(ProjectOffset(d, lat, o));
            xs.Add(null); ys.Add(null);
        }
        // The outline on top of the pixels.
        for (double lat = -90; lat <= 90; lat += 4) Add(ProjectOffset(180, lat, o));
        for (double lat = 90; lat >= -90; lat -= 4) Add(ProjectOffset(-180, lat, o));
        return Trace("scatter", ("x", xs), ("y", ys), ("xaxis", xr), ("yaxis", yr), ("mode", "lines"),
            ("line", Obj(("color", "rgba(60,60,60,0.55)"), ("width", 0.7))), ("hoverinfo", "skip"), ("showlegend", false), ("name", "graticule"));
    }

    static IEnumerable<object> GraticuleLabels(SkyMapOptions o, string xr, string yr)
    {
        for (double d = -180 + o.GraticuleLongitudeStep; d < 180 - 1e-9; d += o.GraticuleLongitudeStep)
        {
            double l = Angles.Wrap360(o.CentralLongitude + d);
            var (x, y) = ProjectOffset(d, 0, o);
            yield return Obj(("text", $"{l:0}°"), ("xref", xr), ("yref", yr), ("x", R(x)), ("y", R(y)), ("xanchor", "left"),
                ("yanchor", "bottom"), ("xshift", 2), ("yshift", 1), ("showarrow", false), ("font", FigureStyle.Font(FigureStyle.FontSize - 3, "#333333")));
        }
        for (double lat = -90 + o.GraticuleLatitudeStep; lat < 90 - 1e-9; lat += o.GraticuleLatitudeStep)
        {
            if (Math.Abs(lat) < 1e-9) continue;
            var (x, y) = ProjectOffset(180, lat, o);
            string sign = lat > 0 ? "+" : "−";
            yield return Obj(("text", $"{sign}{Math.Abs(lat):0}°"), ("xref", xr), ("yref", yr), ("x", R(x)), ("y", R(y)),
                ("xanchor", "right"), ("yanchor", "middle"), ("xshift", -3), ("showarrow", false),
                ("font", FigureStyle.Font(FigureStyle.FontSize - 3, "#333333")));
        }
    }

    /// <summary>A sky line, broken where it crosses the map's edge (Δ = ±180° from the centre) and at NaN points.</summary>
    static Trace CurveTrace(SkyCurve c, SkyMapOptions o, string xr, string yr, bool showLegend)
    {
        var xs = new List<double?>(); var ys = new List<double?>();
        double? last = null;
        foreach (var (l, b) in c.Points)
        {
            if (!double.IsFinite(l) || !double.IsFinite(b)) { xs.Add(null); ys.Add(null); last = null; continue; }
            double delta = Angles.Wrap180(l - o.CentralLongitude);
            if (last is double d && Math.Abs(delta - d) > 180) { xs.Add(null); ys.Add(null); }
            var (x, y) = ProjectOffset(delta, b, o);
            xs.Add(R(x)); ys.Add(R(y));
            last = delta;
        }
        return Trace("scatter", ("x", xs), ("y", ys), ("xaxis", xr), ("yaxis", yr), ("mode", "lines"),
            ("line", Obj(("color", c.Color), ("width", c.Width), ("dash", ProfilePlot.DashName(c.Dash)))), ("hoverinfo", "skip"),
            ("name", c.Name), ("showlegend", showLegend), ("legendgroup", c.Name));
    }

    static Trace MarkerTrace(SkyMarker m, SkyMapOptions o, string xr, string yr, bool showLegend)
    {
        var (x, y) = ProjectOffset(Angles.Wrap180(m.L - o.CentralLongitude), m.B, o);
        return Trace("scatter", ("x", new[] { R(x) }), ("y", new[] { R(y) }), ("xaxis", xr), ("yaxis", yr),
            ("mode", m.ShowLabel ? "markers+text" : "markers"), ("text", m.ShowLabel ? new[] { m.Name } : null), ("textposition", "top center"),
            ("marker", Obj(("symbol", m.Symbol), ("size", m.Size), ("color", m.Color), ("line", Obj(("color", m.LineColor), ("width", 1.2))))),
            ("name", $"{m.Name} (l = {ValueFormat.Number(m.L, 1)}°, b = {ValueFormat.Number(m.B, 1)}°)"), ("showlegend", showLegend), ("legendgroup", m.Name),
            ("hovertext", $"{m.Name}: l = {ValueFormat.Number(m.L, 1)}°, b = {ValueFormat.Number(m.B, 1)}°"), ("hoverinfo", "text"));
    }
}
