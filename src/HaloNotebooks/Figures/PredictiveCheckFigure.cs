using System.Globalization;
using HaloNotebooks.Analysis;
using Plotly.NET;
using static HaloNotebooks.Figures.PlotlyObjects;

namespace HaloNotebooks.Figures;

/// <summary>
/// Posterior predictive checks drawn (issue 28): per fit (a row) and dimension (a column) the stars' histogram (black
/// steps) over the 16–84 % band of the same histogram of replicated data (grey: the model convolved with each star's own
/// errors, one replica per posterior draw), with the PIT χ² p-value and distance in the panel's corner.
/// </summary>
public static class PredictiveCheckFigure
{
    // GapY holds a row's tick labels and axis title (≈ 45 px) and the next row's label (≈ 22 px) apart; MarginTop holds the
    // title, the legend and the first row's label on three separate lines (the legend sat on the top-right panel).
    const int PanelWidth = 300, PanelHeight = 220, GapX = 60, GapY = 100, MarginLeft = 70, MarginRight = 20, MarginTop = 105, MarginBottom = 55;

    /// <summary>Pixels between the top of the first row and the bottom of the legend: room for the row's label.</summary>
    internal const int LegendLift = 30;

    /// <summary>y-axis headroom above the tallest histogram, so the corner verdict does not cover the data.</summary>
    internal const double Headroom = 1.45;

    static readonly Dictionary<string, string> Labels = new()
    {
        ["v_r"] = "V<sub>r</sub> [" + ParameterLabels.KmPerS + "]", ["v_phi"] = "V<sub>φ</sub> [" + ParameterLabels.KmPerS + "]",
        ["v_theta"] = "V<sub>θ</sub> [" + ParameterLabels.KmPerS + "]", ["feh"] = "[Fe/H] [dex]",
    };

    /// <summary>One fit's check: one panel per dimension.</summary>
    public static Figure ForFit(PredictiveCheck check, string? label = null, string fileStem = "ppc") =>
        Create([(label ?? $"{check.Model.Name} {check.Bin.Label} kpc", check)], fileStem, "Posterior predictive check");

    /// <summary>Fig. 11 of the report (not in the paper): the all-stars fits of Tables 1, 2 and 3.</summary>
    internal static Figure ForReport(AnalysisResults results)
    {
        ArgumentNullException.ThrowIfNull(results);
        var rows = new List<(string, PredictiveCheck)>();
        foreach (var (name, profile) in new[] { ("Table 1, single", results.Single), ("Table 2, double", results.Double), ("Table 3, dipole", results.Dipole) })
            if (profile.PredictiveChecks.TryGetValue(FitKey.AllStars, out var c)) rows.Add(($"{name}, {c.Bin.Label} kpc", c));
        return Create(rows, "fig11_ppc", "Figure 11 (not in the paper). Posterior predictive checks of the all-stars fits");
    }

    /// <summary>Several fits, one row each (a dipole fit fills the first column only).</summary>
    internal static Figure Create(IReadOnlyList<(string Label, PredictiveCheck Check)> rows, string fileStem, string title)
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.Count == 0) throw new ArgumentException("a predictive-check figure needs at least one fit", nameof(rows));
        int cols = rows.Max(r => r.Check.Dimensions.Count(d => d.Histogram is not null));
        int width = MarginLeft + cols * PanelWidth + (cols - 1) * GapX + MarginRight;
        int height = MarginTop + rows.Count * PanelHeight + (rows.Count - 1) * GapY + MarginBottom;
        double plotW = width - MarginLeft - MarginRight, plotH = height - MarginTop - MarginBottom;
        var traces = new List<Trace>();
        var layout = new Layout();
        var annotations = new List<object>();
        int k = 0;
        for (int row = 0; row < rows.Count; row++)
        {
            var dims = rows[row].Check.Dimensions.Where(d => d.Histogram is not null).ToList();
            for (int col = 0; col < dims.Count; col++)
            {
                k++;
                var d = dims[col];
                var h = d.Histogram!;
                string xr = AxisRef('x', k), yr = AxisRef('y', k);
                double x0 = col * (PanelWidth + GapX) / plotW, y1 = 1 - row * (PanelHeight + GapY) / plotH;
                layout.SetProperty(AxisKey('x', k), FigureStyle.FramedAxis(Labels.GetValueOrDefault(d.Dimension, d.Dimension),
                    ("domain", new[] { x0, x0 + PanelWidth / plotW }), ("anchor", yr)));
                double top = h.Data.Concat(h.High).Where(double.IsFinite).DefaultIfEmpty(1).Max() * Headroom;
                layout.SetProperty(AxisKey('y', k), FigureStyle.FramedAxis(col == 0 ? "stars per bin" : null,
                    ("domain", new[] { y1 - PanelHeight / plotH, y1 }), ("anchor", xr), ("range", new[] { 0, top })));
                var (sx, low) = Steps(h.Edges, h.Low);
                var (_, high) = Steps(h.Edges, h.High);
                var (_, data) = Steps(h.Edges, h.Data);
                bool legend = k == 1;
                traces.Add(Trace("scatter", ("x", Values(sx)), ("y", Values(low)), ("xaxis", xr), ("yaxis", yr), ("mode", "lines"),
                    ("line", Obj(("width", 0), ("color", "rgba(0,0,0,0)"))), ("showlegend", false), ("hoverinfo", "skip")));
                traces.Add(Trace("scatter", ("x", Values(sx)), ("y", Values(high)), ("xaxis", xr), ("yaxis", yr), ("mode", "lines"),
                    ("fill", "tonexty"), ("fillcolor", "rgba(127,127,127,0.45)"), ("line", Obj(("width", 0), ("color", "rgba(0,0,0,0)"))),
                    ("name", "replicated data, 16–84 %"), ("showlegend", legend)));
                traces.Add(Trace("scatter", ("x", Values(sx)), ("y", Values(data)), ("xaxis", xr), ("yaxis", yr), ("mode", "lines"),
                    ("line", Obj(("width", 1.5), ("color", "black"))), ("name", "stars"), ("showlegend", legend)));
                string verdict = string.Create(CultureInfo.InvariantCulture,
                    $"PIT p = {PredictiveCheck.FormatP(d.PValue)}<br>distance {d.Distance:0.000}<br>replicated p = {d.ReplicatedPValue:0.00}");
                annotations.Add(Obj(("text", verdict), ("xref", xr + " domain"), ("yref", yr + " domain"), ("x", 0.98), ("y", 0.97),
                    ("xanchor", "right"), ("yanchor", "top"), ("showarrow", false), ("align", "right"), ("bgcolor", "rgba(255,255,255,0.8)"),
                    ("font", FigureStyle.Font(FigureStyle.FontSize - 3))));
                if (col == 0)
                    annotations.Add(Obj(("text", $"<b>{rows[row].Label}</b> (N = {rows[row].Check.Bin.Count:N0})"), ("xref", "paper"),
                        ("yref", yr + " domain"), ("x", 0), ("y", 1.02), ("xanchor", "left"), ("yanchor", "bottom"), ("showarrow", false),
                        ("font", FigureStyle.Font(FigureStyle.FontSize - 1))));
            }
        }
        layout.SetProperty("title", Obj(("text", title), ("x", 0.5), ("xanchor", "center"), ("y", 0.99), ("yanchor", "top"),
            ("font", FigureStyle.Font(FigureStyle.FontSize + 3))));
        layout.SetProperty("legend", Obj(("orientation", "h"), ("x", 1), ("xanchor", "right"), ("y", 1 + LegendLift / plotH), ("yanchor", "bottom"),
            ("font", FigureStyle.Font(FigureStyle.FontSize - 2))));
        layout.SetProperty("width", width);
        layout.SetProperty("height", height);
        layout.SetProperty("margin", Obj(("l", MarginLeft), ("r", MarginRight), ("t", MarginTop), ("b", MarginBottom)));
        layout.SetProperty("paper_bgcolor", "white");
        layout.SetProperty("plot_bgcolor", "white");
        layout.SetProperty("font", FigureStyle.Font());
        layout.SetProperty("annotations", annotations);
        return new Figure(Chart(traces, layout), title, fileStem, width, height);
    }

    /// <summary>A histogram as a step line: two points per bin.</summary>
    static (double[] X, double[] Y) Steps(double[] edges, double[] counts)
    {
        var x = new double[2 * counts.Length];
        var y = new double[2 * counts.Length];
        for (int b = 0; b < counts.Length; b++)
        {
            x[2 * b] = edges[b]; x[2 * b + 1] = edges[b + 1];
            y[2 * b] = counts[b]; y[2 * b + 1] = counts[b];
        }
        return (x, y);
    }
}
