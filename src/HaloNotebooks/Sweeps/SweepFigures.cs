using HaloNotebooks.Astrometry;
using HaloNotebooks.Figures;
using HaloNotebooks.Selection;
using Plotly.NET;
using Figure = HaloNotebooks.Figures.Figure;
using static HaloNotebooks.Figures.PlotlyObjects;

namespace HaloNotebooks.Sweeps;

/// <summary>
/// The figures of a merged sweep: per table the histogram of z = (median − truth)/σ over every entry and realisation
/// beside N(0,1) (calibrated error bars give N(0,1)); p_MR and β of the all-stars fits against the [Fe/H] disc cut
/// (§4.2: p_MR depends on the cut), when FehMax was varied.
/// </summary>
public static class SweepFigures
{
    public static IReadOnlyList<Figure> All(SweepSummary summary, IReadOnlyList<SweepTaskResult> realisations, IReadOnlyDictionary<int, SweepTaskResult> truths)
    {
        var figures = new List<Figure>();
        int? covered = summary.Coverage.Keys.Order().Cast<int?>().FirstOrDefault();
        if (covered is int v)
        {
            var truth = truths[v].Entries.GroupBy(e => e.Key).ToDictionary(g => g.Key, g => g.First().Median);
            foreach (int table in new[] { 1, 2, 3 })
            {
                var z = realisations.Where(r => r.Variant == v).SelectMany(r => r.Entries).Where(e => e.Table == table && truth.ContainsKey(e.Key))
                    .Select(e => e.ZScore(e.Parameter == "l_apex" ? Angles.NearestTurn(truth[e.Key], e.Median) : truth[e.Key]))
                        .Where(double.IsFinite).ToArray();
                if (z.Length > 0) figures.Add(ZScoreHistogram(table, z));
            }
        }
        var feh = summary.Systematics.Where(s => s.Setting.Equals(nameof(SelectionSettings.FehMax), StringComparison.OrdinalIgnoreCase)).ToList();
        var pmr = feh.FirstOrDefault(s => s.Table == 2 && s.Parameter == "p_mr" && s.Row.StartsWith("MR [3, 160)", StringComparison.Ordinal));
        if (pmr is not null) figures.Add(AgainstCut("pmr_vs_feh_cut", "p_MR (Table 2, 3–160 kpc) against the [Fe/H] disc cut", "p<sub>MR</sub>",
            [("p_MR", pmr, FigureStyle.ThisWork)]));
        var betas = new (string Name, string Row, int Table, string Colour)[] { ("β (single)", "[3, 160)", 1, FigureStyle.ThisWork),
            ("β MR", "MR [3, 160)", 2, FigureStyle.MetalRich), ("β MP", "MP [3, 160)", 2, FigureStyle.MetalPoor) }
            .Select(b => (b.Name, feh.FirstOrDefault(s => s.Table == b.Table && s.Parameter == "beta" && s.Row == b.Row), b.Colour))
                .Where(b => b.Item2 is not null).ToList();
        if (betas.Count > 0) figures.Add(AgainstCut("beta_vs_feh_cut", "β (3–160 kpc) against the [Fe/H] disc cut", "β", betas!));
        return figures;
    }

    /// <summary>The z-scores of one table as a probability density, with the standard normal over it.</summary>
    internal static Figure ZScoreHistogram(int table, IReadOnlyList<double> z)
    {
        const double width = 0.25, limit = 5;
        int bins = (int)(2 * limit / width);
        var counts = new double[bins];
        int outside = 0;
        foreach (double x in z)
        {
            int k = (int)Math.Floor((x + limit) / width);
            if (k >= 0 && k < bins) counts[k]++; else outside++;
        }
        var centres = Enumerable.Range(0, bins).Select(k => -limit + (k + 0.5) * width).ToArray();
        var density = counts.Select(c => c / (z.Count * width)).ToArray();
        var xs = Enumerable.Range(0, 201).Select(i => -limit + i * 2 * limit / 200).ToArray();
        var traces = new List<Trace>
        {
            Trace("bar", ("x", Values(centres)), ("y", Values(density)), ("width", width),
                ("name", $"Table {table}: {z.Count} z-scores ({outside} beyond ±{limit})"),
                ("marker", Obj(("color", FigureStyle.Blue), ("opacity", 0.6)))),
            Trace("scatter", ("x", Values(xs)), ("y", Values(xs.Select(x => Math.Exp(-0.5 * x * x) / Math.Sqrt(2 * Math.PI)))),
                ("mode", "lines"), ("name", "N(0, 1)"),
                ("line", Obj(("color", FigureStyle.ThisWork), ("width", 2)))),
        };
        var layout = new Layout();
        layout.SetProperty("xaxis", FigureStyle.FramedAxis("(median − truth) / σ"));
        layout.SetProperty("yaxis", FigureStyle.FramedAxis("density"));
        layout.SetProperty("title", Obj(("text", $"Table {table}: z-scores over realisations against N(0, 1)")));
        layout.SetProperty("font", FigureStyle.Font());
        layout.SetProperty("paper_bgcolor", "white");
        layout.SetProperty("plot_bgcolor", "white");
        layout.SetProperty("bargap", 0);
        return new Figure(Chart(traces, layout), $"Table {table}: z-scores against N(0, 1)", $"zscores_table{table}", 640, 420);
    }

    /// <summary>Mean median over realisations against the setting's value, with the mean statistical σ as error bar.</summary>
    static Figure AgainstCut(string stem, string title, string yTitle, IReadOnlyList<(string Name, Systematic S, string Colour)> series)
    {
        var traces = series.Select(s => (Trace)Trace("scatter",
            ("x", Values(s.S.Means.Select(m => m.Value))), ("y", Values(s.S.Means.Select(m => m.MeanMedian))), ("mode", "lines+markers"),
            ("name", $"{s.Name}: {s.S.ShiftPerStep:+0.000;-0.000;0.000} ± {s.S.ShiftPerStepError:0.000} per {s.S.Step:0.##} dex " +
                $"({s.S.ShiftPerStep / s.S.Sigma:+0.00;-0.00;0.00} σ)"),
            ("error_y", Obj(("type", "constant"), ("value", s.S.Sigma), ("visible", true))), ("line", Obj(("color", s.Colour))),
            ("marker", Obj(("color", s.Colour))))).ToList();
        var layout = new Layout();
        layout.SetProperty("xaxis", FigureStyle.FramedAxis("[Fe/H] disc cut (keep [Fe/H] < cut) [dex]"));
        layout.SetProperty("yaxis", FigureStyle.FramedAxis(yTitle));
        layout.SetProperty("title", Obj(("text", title)));
        layout.SetProperty("font", FigureStyle.Font());
        layout.SetProperty("paper_bgcolor", "white");
        layout.SetProperty("plot_bgcolor", "white");
        layout.SetProperty("legend", Obj(("x", 0.01), ("y", 0.99)));
        return new Figure(Chart(traces, layout), title, stem, 640, 420);
    }
}
