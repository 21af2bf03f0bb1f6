using HaloNotebooks.Astrometry;
using HaloNotebooks.Inference;
using Plotly.NET;
using static HaloNotebooks.Figures.PlotlyObjects;

namespace HaloNotebooks.Figures;

/// <summary>
/// Corner plot of posterior samples (Figs. 1, 3, 7), after corner.py: marginal histograms on the
/// diagonal, filled 2-D credible regions below it (30%, 1σ, 2σ of the 2-D mass), optional truth and
/// published-value markers (by position or by parameter name), "median ± 1σ" titles, and further posteriors
/// overplotted as coloured lines (corner.py's <c>fig=</c>). Everything is binned here; the figure holds histograms,
/// never samples.
/// </summary>
public static class CornerPlot
{
    /// <summary>
    /// The posterior of <paramref name="fit"/>: every sampled parameter, labelled with its symbol and unit. l_apex is
    /// shown in the window of Table 3's convention (<see cref="Angles.LongitudeCentre"/>), and markers and overlays of
    /// l_apex go on the same branch.
    /// </summary>
    public static Figure Create(FitResult fit, CornerOptions options)
    {
        ArgumentNullException.ThrowIfNull(fit);
        var o = options ?? new CornerOptions();
        var names = fit.ParameterNames;
        var samples = names.Select(fit.Samples).ToList();
        int li = names.ToList().IndexOf("l_apex");
        if (li < 0) return Create(samples, ParameterLabels.For(names), o with { Names = names });
        double centre = Angles.LongitudeCentre(samples[li]);
        samples[li] = Angles.UnwrapAround(samples[li], centre);
        double Wrap(double v) => Angles.NearestTurn(v, centre);
        IReadOnlyDictionary<string, double>? WrapL(IReadOnlyDictionary<string, double>? d) =>
            d?.ToDictionary(kv => kv.Key, kv => kv.Key == "l_apex" ? Wrap(kv.Value) : kv.Value);
        var overlays = o.Overlays.Select(v => v.Names?.ToList().IndexOf("l_apex") is int k and >= 0
            ? v with { Samples = v.Samples.Select((s, i) => i == k ? Angles.UnwrapAround(s, centre) : s).ToList() } : v).ToList();
        return Create(samples, ParameterLabels.For(names), o with
        {
            Names = names, TruthsByName = WrapL(o.TruthsByName), ReferenceByName = WrapL(o.ReferenceByName), Overlays = overlays,
            Truths = o.Truths?.Select((v, i) => i == li ? Wrap(v) : v).ToList(),
            Reference = o.Reference?.Select((v, i) => i == li ? Wrap(v) : v).ToList(),
        });
    }

    /// <summary>The posterior of <paramref name="fit"/> with the default options.</summary>
    public static Figure Create(FitResult fit) => Create(fit, new CornerOptions());

    public static Figure Create(IReadOnlyList<double[]> samples, IReadOnlyList<string> labels, CornerOptions? options = null)
    {
        var o = Resolve(options ?? new CornerOptions(), samples, labels);
        Validate(samples, labels, o);
        int n = samples.Count, bins = o.Bins ?? (n <= 9 ? 30 : 24), levels = o.Levels.Count;
        o = o with { Bins = bins };

        var sorted = samples.Select(s => SampleBinning.SortedFinite(s)).ToArray();
        var ranges = new (double Lo, double Hi)[n];
        for (int i = 0; i < n; i++) ranges[i] = AxisRange(sorted[i], i, o);
        // Overlays widen the axes to their own quantile range, so a shifted posterior is seen whole.
        foreach (var v in o.Overlays)
            for (int i = 0; i < n; i++)
            {
                var s = SampleBinning.SortedFinite(v.Samples[i]);
                double lo = SampleBinning.Quantile(s, o.RangeQuantile), hi = SampleBinning.Quantile(s, 1 - o.RangeQuantile);
                double pad = 0.05 * Math.Max(hi - lo, 1e-9);
                ranges[i] = (Math.Min(ranges[i].Lo, Round(lo - pad, 6)), Math.Max(ranges[i].Hi, Round(hi + pad, 6)));
            }

        // Readable at the PNG's size: the 17-parameter Fig. 3 gets 130 px panels (2,360 px) and 12 px ticks, three per axis.
        int size = o.Size ?? Math.Clamp(150 * n + 150, 520, n >= 14 ? 130 * n + 150 : 1500);
        int tickFont = n >= 14 ? 12 : (int)Math.Clamp(Math.Round(13 - 0.25 * (n - 4)), 10, 12);
        int nticks = n > 10 ? 3 : 4;
        int labelFont = tickFont + 1;
        const double gap = 0.012;
        double w = (1 - gap * (n - 1)) / n;
        (double, double) XDomain(int j) => (j * (w + gap), j * (w + gap) + w);
        (double, double) YDomain(int i) => (1 - i * (w + gap) - w, 1 - i * (w + gap));
        // Shared axes, as a grid of subplots: column j's panels share x axis j + 1, row i's regions share y axis n + i, and
        // each marginal has y axis i + 1 (its own scale). 3n − 1 axes instead of one pair per panel: plotly.js draws a clip
        // path for every x–y pair of axes, 23,104 for Fig. 3 with an axis pair per panel (its PNG took twice as long).
        string XRef(int j) => AxisRef('x', j + 1);
        string YRef(int i, int j) => AxisRef('y', i == j ? i + 1 : n + i);

        var traces = new List<Trace>();
        var layout = new Layout();
        void Title(string axisKey, string text) => ((Plotly.NET.LayoutObjects.LinearAxis)layout.GetPropertyValue(axisKey))
            .SetProperty("title", Obj(("text", text), ("font", FigureStyle.Font(labelFont)), ("standoff", 4)));
        var shapes = new List<object>();
        var annotations = new List<object>();
        bool pinned = false;

        for (int j = 0; j < n; j++)
        {
            // Drawn at the bottom panel; "allticks" mirrors the frame and ticks onto every panel of the column.
            var (xd0, xd1) = XDomain(j);
            layout.SetProperty(AxisKey('x', j + 1), FigureStyle.FramedAxis(labels[j],
                ("domain", new[] { xd0, xd1 }), ("anchor", YRef(n - 1, j)), ("range", new[] { ranges[j].Lo, ranges[j].Hi }),
                ("showticklabels", true), ("tickmode", "array"), ("tickvals", NiceTicks(ranges[j], nticks)), ("tickangle", 45),
                ("tickfont", FigureStyle.Font(tickFont)), ("minor", InsideMirrorTicks)));
            Title(AxisKey('x', j + 1), labels[j]);
        }
        for (int i = 0; i < n; i++)
        {
            var (yd0, yd1) = YDomain(i);
            layout.SetProperty(AxisKey('y', i + 1), FigureStyle.FramedAxis(null,
                ("domain", new[] { yd0, yd1 }), ("anchor", XRef(i)), ("range", new[] { 0.0, 1.12 }),
                ("showticklabels", false), ("ticks", ""), ("fixedrange", true)));
            if (i == 0) continue;
            layout.SetProperty(AxisKey('y', n + i), FigureStyle.FramedAxis(labels[i],
                ("domain", new[] { yd0, yd1 }), ("anchor", XRef(0)), ("range", new[] { ranges[i].Lo, ranges[i].Hi }),
                ("showticklabels", true), ("tickmode", "array"), ("tickvals", NiceTicks(ranges[i], nticks)), ("tickfont", FigureStyle.Font(tickFont)),
                ("minor", InsideMirrorTicks)));
            Title(AxisKey('y', n + i), labels[i]);
        }

        for (int i = 0; i < n; i++)
            for (int j = 0; j <= i; j++)
            {
                string xr = XRef(j), yr = YRef(i, j);
                var (xd0, xd1) = XDomain(j);
                var (_, yd1) = YDomain(i);
                if (i == j)
                {
                    traces.Add(MarginalTrace(samples[i], ranges[i], bins, labels[i], xr, yr));
                    foreach (var v in o.Overlays) traces.Add(MarginalTrace(v.Samples[i], ranges[i], bins, v.Name, xr, yr, v.Color));
                    if (o.ShowQuantiles)
                        foreach (var q in new[] { 0.16, 0.5, 0.84 })
                            shapes.Add(VLine(SampleBinning.Quantile(sorted[i], q), xr, yr, "rgba(0,0,0,0.7)", "dash", 1));
                    if (o.ShowTitles)
                        annotations.Add(TitleAnnotation(sorted[i], labels[i], n, (xd0 + xd1) / 2, yd1, tickFont));
                    // Markers off the axis (far from this posterior): their value, with an arrow, at the panel's edge.
                    int set = 0;
                    foreach (var (values, color) in Markers(o))
                    {
                        double v = values[i];
                        if (double.IsFinite(v) && (v < ranges[i].Lo || v > ranges[i].Hi))
                        {
                            pinned = true;
                            int d = ValueFormat.Decimals(0.5 * (SampleBinning.Quantile(sorted[i], 0.84) - SampleBinning.Quantile(sorted[i], 0.16)),
                                double.PositiveInfinity);
                            bool right = v > ranges[i].Hi;
                            annotations.Add(Obj(("text", right ? $"{ValueFormat.Number(v, d)} →" : $"← {ValueFormat.Number(v, d)}"),
                                ("xref", xr + " domain"), ("yref", yr + " domain"), ("x", right ? 1.0 : 0.0), ("y", 0.97 - 0.14 * set),
                                ("xanchor", right ? "right" : "left"), ("yanchor", "top"), ("showarrow", false),
                                ("font", FigureStyle.Font(tickFont, color)), ("bgcolor", "rgba(255,255,255,0.7)")));
                        }
                        set++;
                    }
                }
                else
                {
                    traces.Add(RegionTrace(samples[j], samples[i], ranges[j], ranges[i], o, xr, yr));
                    foreach (var v in o.Overlays) traces.Add(RegionTrace(v.Samples[j], v.Samples[i], ranges[j], ranges[i], o, xr, yr, v.Color));
                }

                // Shapes are not clipped to their subplot: markers off an axis are left out (the diagonal says where they are).
                foreach (var (values, color) in Markers(o))
                {
                    double tx = values[j];
                    bool xIn = tx >= ranges[j].Lo && tx <= ranges[j].Hi;
                    if (xIn) shapes.Add(VLine(tx, xr, yr, color, "solid", 1.3));
                    if (i != j)
                    {
                        double ty = values[i];
                        bool yIn = ty >= ranges[i].Lo && ty <= ranges[i].Hi;
                        if (yIn) shapes.Add(HLine(ty, xr, yr, color));
                        if (xIn && yIn) shapes.Add(Dot(tx, ty, xr, yr, color));
                    }
                }
            }

        // Legend entries (no data): the regions and the marker sets.
        for (int l = 0; l < levels; l++)
            traces.Add(Trace("scatter", ("x", new double?[] { null }), ("y", new double?[] { null }), ("mode", "markers"),
                ("name", o.LevelNames[l]), ("marker", Obj(("symbol", "square"), ("size", 13), ("color", o.LevelColors[l]),
                    ("line", Obj(("color", "rgba(0,0,0,0.55)"), ("width", 0.6)))))));
        foreach (var (name, color, values) in new[] { (o.TruthsName, o.TruthsColor, o.Truths), (o.ReferenceName, o.ReferenceColor, o.Reference) })
            if (values is not null)
                traces.Add(Trace("scatter", ("x", new double?[] { null }), ("y", new double?[] { null }), ("mode", "lines+markers"),
                    ("name", name), ("line", Obj(("color", color), ("width", 1.5))), ("marker", Obj(("color", color), ("size", 7)))));
        foreach (var v in o.Overlays)
            traces.Add(Trace("scatter", ("x", new double?[] { null }), ("y", new double?[] { null }), ("mode", "lines"),
                ("name", v.Name), ("line", Obj(("color", v.Color), ("width", 1.5)))));
        if (pinned)
            traces.Add(Trace("scatter", ("x", new double?[] { null }), ("y", new double?[] { null }), ("mode", "markers"),
                ("name", "← v / v →: a value outside a panel's range, printed at its edge"), ("marker", Obj(("color", "rgba(0,0,0,0)"), ("size", 1)))));

        if (o.Title.Length > 0)
            annotations.Add(Obj(("text", $"<b>{o.Title}</b>"), ("xref", "paper"), ("yref", "paper"), ("x", 1.0), ("y", 1.0),
                ("xanchor", "right"), ("yanchor", "top"), ("showarrow", false), ("font", FigureStyle.Font(labelFont + 2))));
        int margin = 30 + 4 * labelFont;
        layout.SetProperty("width", size);
        layout.SetProperty("height", size);
        layout.SetProperty("margin", Obj(("l", margin), ("b", margin), ("t", o.ShowTitles ? 40 : 16), ("r", 16)));
        layout.SetProperty("paper_bgcolor", "white");
        layout.SetProperty("plot_bgcolor", "white");
        layout.SetProperty("font", FigureStyle.Font(tickFont));
        layout.SetProperty("showlegend", true);
        layout.SetProperty("legend", Obj(("x", 1.0), ("y", o.Title.Length > 0 ? 0.95 : 1.0), ("xanchor", "right"), ("yanchor", "top"),
            ("font", FigureStyle.Font(labelFont + 1)), ("bgcolor", "rgba(255,255,255,0.8)")));
        layout.SetProperty("shapes", shapes);
        layout.SetProperty("annotations", annotations);
        return new Figure(Chart(traces, layout), o.Title, o.FileStem, size, size);
    }

    /// <summary>
    /// No minor ticks, but minor ticks "inside": plotly.js (2.28, Axes.drawOne) draws a shared axis's mirrored ticks on its
    /// other panels in the direction of the minor ticks, outward by default. With this they point inward, as on the axis's
    /// own panel.
    /// </summary>
    static Dictionary<string, object> InsideMirrorTicks => Obj(("ticks", "inside"), ("tickmode", "array"), ("tickvals", Array.Empty<double>()));

    /// <summary>By-name markers and named overlays put into the plot's parameter order.</summary>
    static CornerOptions Resolve(CornerOptions o, IReadOnlyList<double[]> samples, IReadOnlyList<string> labels)
    {
        var names = o.Names ?? labels;
        if (names.Count != samples.Count) throw new ArgumentException($"{names.Count} names for {samples.Count} parameters.", nameof(o));
        IReadOnlyList<double>? ByName(IReadOnlyDictionary<string, double>? d, IReadOnlyList<double>? positional, string what)
        {
            if (d is null) return positional;
            if (positional is not null) throw new ArgumentException($"give {what} by position or by name, not both.", nameof(o));
            foreach (var k in d.Keys.Where(k => !names.Contains(k)))
                throw new ArgumentException($"{what}ByName has '{k}', which is not a parameter of this plot ({string.Join(", ", names)}).", nameof(o));
            return names.Select(n => d.TryGetValue(n, out var v) ? v : double.NaN).ToList();
        }
        var overlays = o.Overlays.Select(v =>
        {
            if (v.Names is null) return v;
            var index = v.Names.Select((n, i) => (n, i)).ToDictionary(x => x.n, x => x.i);
            var missing = names.Where(n => !index.ContainsKey(n)).ToList();
            if (missing.Count > 0) throw new ArgumentException($"overlay '{v.Name}' has no samples of {string.Join(", ", missing)}.", nameof(o));
            return v with { Samples = names.Select(n => v.Samples[index[n]]).ToList(), Names = names };
        }).ToList();
        return o with { Truths = ByName(o.TruthsByName, o.Truths, "Truths"), Reference = ByName(o.ReferenceByName, o.Reference, "Reference"),
            TruthsByName = null, ReferenceByName = null, Overlays = overlays };
    }

    static void Validate(IReadOnlyList<double[]> samples, IReadOnlyList<string> labels, CornerOptions o)
    {
        ArgumentNullException.ThrowIfNull(samples);
        ArgumentNullException.ThrowIfNull(labels);
        if (samples.Count == 0) throw new ArgumentException("a corner plot needs at least one parameter.", nameof(samples));
        if (labels.Count != samples.Count)
            throw new ArgumentException($"{labels.Count} labels for {samples.Count} parameters.", nameof(labels));
        for (int i = 0; i < samples.Count; i++)
        {
            if (samples[i] is null) throw new ArgumentException($"samples of '{labels[i]}' are null.", nameof(samples));
            if (samples[i].Length != samples[0].Length)
                throw new ArgumentException($"'{labels[i]}' has {samples[i].Length} samples, '{labels[0]}' has {samples[0].Length}: corner plots need joint " +
                    $"samples.", nameof(samples));
            if (samples[i].Count(double.IsFinite) < 10)
                throw new ArgumentException($"'{labels[i]}' has fewer than 10 finite samples.", nameof(samples));
        }
        if (o.Bins is not null and (< 5 or > 200)) throw new ArgumentOutOfRangeException(nameof(o), $"Bins = {o.Bins} is outside 5–200.");
        if (o.Levels.Count == 0 || o.Levels.Any(l => !(l > 0 && l < 1)) || o.Levels.Zip(o.Levels.Skip(1)).Any(p => p.Second <= p.First))
            throw new ArgumentException("Levels must be ascending fractions in (0, 1).", nameof(o));
        if (o.LevelColors.Count < o.Levels.Count || o.LevelNames.Count < o.Levels.Count)
            throw new ArgumentException($"{o.Levels.Count} levels need as many LevelColors and LevelNames.", nameof(o));
        if (o.Truths is not null && o.Truths.Count != samples.Count)
            throw new ArgumentException($"{o.Truths.Count} truths for {samples.Count} parameters.", nameof(o));
        if (o.Reference is not null && o.Reference.Count != samples.Count)
            throw new ArgumentException($"{o.Reference.Count} reference values for {samples.Count} parameters.", nameof(o));
        foreach (var v in o.Overlays)
        {
            if (v.Samples.Count != samples.Count)
                throw new ArgumentException($"overlay '{v.Name}' has {v.Samples.Count} parameters, the plot {samples.Count}.", nameof(o));
            if (v.Samples.Any(s => s is null || s.Length != v.Samples[0].Length || s.Count(double.IsFinite) < 10))
                throw new ArgumentException($"overlay '{v.Name}' needs joint samples, at least 10 finite per parameter.", nameof(o));
        }
    }

    static (double Lo, double Hi) AxisRange(double[] sorted, int i, CornerOptions o)
    {
        double lo = SampleBinning.Quantile(sorted, o.RangeQuantile), hi = SampleBinning.Quantile(sorted, 1 - o.RangeQuantile);
        if (o.RangeIncludesMarkers)
            foreach (var (values, _) in Markers(o))
                if (Near(sorted, values[i], o)) { lo = Math.Min(lo, values[i]); hi = Math.Max(hi, values[i]); }
        double pad = hi > lo ? 0.05 * (hi - lo) : Math.Max(Math.Abs(lo) * 0.01, 1e-6);
        return (Round(lo - pad, 6), Round(hi + pad, 6));
    }

    /// <summary>Whether a marker is close enough to the posterior (within <see cref="CornerOptions.MarkerRangeSigma"/>) to widen the axis for it.</summary>
    static bool Near(double[] sorted, double value, CornerOptions o)
    {
        if (!double.IsFinite(value)) return false;
        double median = SampleBinning.Quantile(sorted, 0.5);
        double sigma = 0.5 * (SampleBinning.Quantile(sorted, 0.84) - SampleBinning.Quantile(sorted, 0.16));
        return Math.Abs(value - median) <= o.MarkerRangeSigma * Math.Max(sigma, 1e-12);
    }

    static IEnumerable<(IReadOnlyList<double> Values, string Color)> Markers(CornerOptions o)
    {
        if (o.Truths is not null) yield return (o.Truths, o.TruthsColor);
        if (o.Reference is not null) yield return (o.Reference, o.ReferenceColor);
    }

    /// <summary>The marginal histogram as a step line, normalised to a peak of 1.</summary>
    static Trace MarginalTrace(double[] x, (double Lo, double Hi) range, int bins, string label, string xr, string yr, string? overlayColor = null)
    {
        var counts = SampleBinning.Histogram(x, range.Lo, range.Hi, bins);
        double peak = Math.Max(counts.Max(), 1);
        var xs = new List<double> { range.Lo };
        var ys = new List<double> { 0 };
        for (int b = 0; b < bins; b++) { xs.Add(range.Lo + b * (range.Hi - range.Lo) / bins); ys.Add(counts[b] / peak); }
        xs.Add(range.Hi); ys.Add(counts[^1] / peak);
        xs.Add(range.Hi); ys.Add(0);
        if (overlayColor is not null)
            return Trace("scatter", ("x", Values(xs)), ("y", Values(ys, 3)), ("xaxis", xr), ("yaxis", yr), ("mode", "lines"),
                ("line", Obj(("shape", "hv"), ("color", overlayColor), ("width", 1.4))), ("name", label), ("showlegend", false), ("hoverinfo", "skip"));
        return Trace("scatter", ("x", Values(xs)), ("y", Values(ys, 3)), ("xaxis", xr), ("yaxis", yr), ("mode", "lines"),
            ("line", Obj(("shape", "hv"), ("color", "black"), ("width", 1.2))), ("fill", "tozeroy"), ("fillcolor", "rgba(0,0,0,0.06)"),
            ("name", label), ("showlegend", false), ("hoverinfo", "skip"));
    }

    /// <summary>
    /// Filled credible regions. Plotly contours are evenly spaced, so each bin's enclosed mass m is
    /// mapped piecewise-linearly onto "region index" z (z = K − k + ½ at level k, z = 0 at m = 1),
    /// and contours are drawn at z = ½, 1½, … — exactly the requested levels (z is sent in hundredths).
    /// </summary>
    static Trace RegionTrace(double[] x, double[] y, (double Lo, double Hi) xRange, (double Lo, double Hi) yRange,
        CornerOptions o, string xr, string yr, string? overlayColor = null)
    {
        int bins = o.Bins!.Value, levels = o.Levels.Count;
        var mass = SampleBinning.EnclosedMass(SampleBinning.Smooth(SampleBinning.Histogram2D(x, y, xRange, yRange, bins), o.Smooth));
        var knotsM = new List<double> { 0 };
        var knotsZ = new List<double> { levels };
        for (int l = 0; l < levels; l++) { knotsM.Add(o.Levels[l]); knotsZ.Add(levels - l - 0.5); }
        knotsM.Add(1); knotsZ.Add(0);
        // z in hundredths as integers: "283" instead of "2.83" keeps a 17-parameter corner plot small.
        var z = new int[bins][];
        for (int iy = 0; iy < bins; iy++)
        {
            z[iy] = new int[bins];
            for (int ix = 0; ix < bins; ix++) z[iy][ix] = (int)Math.Round(100 * Interpolate(knotsM, knotsZ, mass[iy, ix]));
        }
        var xc = Enumerable.Range(0, bins).Select(b => xRange.Lo + (b + 0.5) * (xRange.Hi - xRange.Lo) / bins);
        var yc = Enumerable.Range(0, bins).Select(b => yRange.Lo + (b + 0.5) * (yRange.Hi - yRange.Lo) / bins);

        // Step colour scale: band k (z in [k − ½, k + ½)) has the colour of region K − k; below ½ is transparent.
        var scale = new List<object[]>();
        void Band(double from, double to, string colour) { scale.Add([from / levels, colour]); scale.Add([to / levels, colour]); }
        Band(0, 0.5, "rgba(255,255,255,0)");
        for (int k = 1; k <= levels; k++) Band(k - 0.5, Math.Min(k + 0.5, levels), o.LevelColors[levels - k]);
        if (overlayColor is not null)   // an overlay: the same level contours as lines only, in its colour
            return Trace("contour", ("x", Values(xc)), ("y", Values(yc)), ("z", z), ("xaxis", xr), ("yaxis", yr),
                ("zmin", 0), ("zmax", 100 * levels), ("autocontour", false),
                ("contours", Obj(("start", 50), ("end", 100 * levels - 50), ("size", 100), ("coloring", "none"), ("showlines", true))),
                ("showscale", false), ("line", Obj(("color", overlayColor), ("width", 1.2))),
                ("hoverinfo", "skip"), ("showlegend", false), ("name", "overlay regions"));
        return Trace("contour", ("x", Values(xc)), ("y", Values(yc)), ("z", z), ("xaxis", xr), ("yaxis", yr),
            ("zmin", 0), ("zmax", 100 * levels), ("autocontour", false),
            ("contours", Obj(("start", 50), ("end", 100 * levels - 50), ("size", 100), ("coloring", "fill"), ("showlines", true))),
            ("colorscale", scale), ("showscale", false), ("line", Obj(("color", "rgba(0,0,0,0.55)"), ("width", 0.6))),
            ("hoverinfo", "skip"), ("showlegend", false), ("name", "credible regions"));
    }

    static double Interpolate(List<double> xs, List<double> ys, double x)
    {
        if (x <= xs[0]) return ys[0];
        for (int i = 1; i < xs.Count; i++)
            if (x <= xs[i]) return ys[i - 1] + (ys[i] - ys[i - 1]) * (x - xs[i - 1]) / (xs[i] - xs[i - 1]);
        return ys[^1];
    }

    static object TitleAnnotation(double[] sorted, string label, int n, double x, double y, int font)
    {
        double p16 = SampleBinning.Quantile(sorted, 0.16), p50 = SampleBinning.Quantile(sorted, 0.5), p84 = SampleBinning.Quantile(sorted, 0.84);
        string value = ValueFormat.WithErrors(p50, p84 - p50, p50 - p16);
        string text = n <= 9 ? $"{StripUnit(label)} = {value}" : value;
        return Obj(("text", text), ("xref", "paper"), ("yref", "paper"), ("x", x), ("y", y), ("xanchor", "center"), ("yanchor", "bottom"),
            ("showarrow", false), ("font", FigureStyle.Font(font)), ("yshift", 2));
    }

    /// <summary>"⟨V_r⟩ [km/s]" → "⟨V_r⟩": titles carry the symbol, axes the unit.</summary>
    internal static string StripUnit(string label)
    {
        int b = label.LastIndexOf(" [", StringComparison.Ordinal);
        if (b <= 0) b = label.LastIndexOf(" (", StringComparison.Ordinal);
        return b > 0 ? label[..b] : label;
    }

    static object VLine(double x, string xr, string yr, string color, string dash, double width)
        => Obj(("type", "line"), ("xref", xr), ("yref", yr + " domain"), ("x0", Round(x, 6)), ("x1", Round(x, 6)), ("y0", 0), ("y1", 1),
            ("line", Obj(("color", color), ("width", width), ("dash", dash))), ("layer", "above"));

    static object HLine(double y, string xr, string yr, string color)
        => Obj(("type", "line"), ("xref", xr + " domain"), ("yref", yr), ("x0", 0), ("x1", 1), ("y0", Round(y, 6)), ("y1", Round(y, 6)),
            ("line", Obj(("color", color), ("width", 1.3))), ("layer", "above"));

    static object Dot(double x, double y, string xr, string yr, string color)
        => Obj(("type", "circle"), ("xref", xr), ("yref", yr), ("xsizemode", "pixel"), ("ysizemode", "pixel"),
            ("xanchor", Round(x, 6)), ("yanchor", Round(y, 6)), ("x0", -3.5), ("x1", 3.5), ("y0", -3.5), ("y1", 3.5),
            ("fillcolor", color), ("line", Obj(("color", color), ("width", 1))), ("layer", "above"));

    /// <summary>
    /// Tick values at a 1-2-5 step giving about <paramref name="count"/> ticks inside <paramref name="range"/> (at least two):
    /// plotly's nticks is only a maximum, and left Fig. 7's narrow μ_compr axis with one label.
    /// </summary>
    internal static double[] NiceTicks((double Lo, double Hi) range, int count)
    {
        double span = range.Hi - range.Lo;
        if (!(span > 0) || !double.IsFinite(span)) return [range.Lo];
        double raw = span / Math.Max(2, count), mag = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        foreach (var m in new[] { 1.0, 2.0, 2.5, 5.0, 10.0 }.Reverse())
        {
            double step = m * mag;
            var ticks = Ticks(range, step);
            if (ticks.Length >= Math.Min(count, 3) || m == 1.0)
                return ticks.Length >= 2 ? ticks : Ticks(range, step / 2);
        }
        return [range.Lo, range.Hi];
    }

    static double[] Ticks((double Lo, double Hi) range, double step)
    {
        var ticks = new List<double>();
        for (double t = Math.Ceiling(range.Lo / step) * step; t <= range.Hi + 1e-12 * step; t += step) ticks.Add(Math.Round(t / step) * step);
        return ticks.ToArray();
    }
}
