using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using HaloNotebooks.Astrometry;
using HaloNotebooks.Catalogs;
using HaloNotebooks.Display;
using HaloNotebooks.Figures;

namespace HaloNotebooks.Sweeps;

/// <summary>Measured cost of a sweep's finished tasks (sweep.json "cost"): what to give Slurm as --time and --mem.</summary>
public sealed record SweepCost(int Finished, int Total, double MeanSeconds, double MaxSeconds, double MaxPeakMemoryMb,
    double TruthMeanSeconds, double TruthMaxPeakMemoryMb, double TotalTaskSeconds);

/// <summary>Everything a merge found: the finished tasks, the coverage per variant with a truth, the systematics.</summary>
[TypeFormatterSource(typeof(HtmlFormatterSource))]
public sealed record SweepSummary(SweepPlan Plan, IReadOnlyList<SweepVariant> Variants, SweepCost Cost,
    IReadOnlyDictionary<int, IReadOnlyList<Coverage>> Coverage, IReadOnlyList<Systematic> Systematics, string Truth) : IHtmlDisplay
{
    /// <summary>
    /// Per variant with a truth, each column of Tables 1–3 pooled over its rows (Table 2 per component: "MR", "MP";
    /// Row says which) and realisations: the coverage of a column as the paper prints it.
    /// </summary>
    internal IReadOnlyDictionary<int, IReadOnlyList<Coverage>> ColumnCoverage { get; init; } = new Dictionary<int, IReadOnlyList<Coverage>>();

    /// <summary>The plan, the cost, the coverage per table and the largest systematic shifts (index.html without figures).</summary>
    public string ToHtml() => SweepMerge.SummaryHtml(this);
}

/// <summary>
/// `halo sweep merge`: whatever tasks have finished → coverage.csv (per variant with a truth, per entry of Tables 1–3),
/// systematics.csv (per varied setting and entry), the z-score histograms against N(0,1), p_MR and β against the [Fe/H]
/// cut (when it was varied), index.html and summary.json; the measured per-task cost goes into sweep.json.
/// </summary>
public static class SweepMerge
{
    /// <summary>The finished task results of a sweep directory (unreadable files are reported, not skipped silently).</summary>
    public static IReadOnlyList<SweepTaskResult> Finished(string directory)
    {
        var results = new List<SweepTaskResult>();
        foreach (var t in SweepPlan.ReadTasks(directory))
        {
            string path = SweepPlan.ResultPath(directory, t.Index);
            if (!File.Exists(path)) continue;
            try { results.Add(JsonSerializer.Deserialize<SweepTaskResult>(File.ReadAllText(path), SweepPlan.Json) ?? throw new JsonException("empty")); }
            catch (JsonException e) { throw new FormatException($"{path}: not a task result ({e.Message}); delete it to run the task again"); }
        }
        return results;
    }

    /// <summary>Merges and writes the outputs into <paramref name="directory"/>.</summary>
    public static SweepSummary Run(string directory)
    {
        var plan = SweepPlan.Read(directory);
        var variants = plan.Variants();
        var tasks = SweepPlan.ReadTasks(directory);
        var finished = Finished(directory);
        var realisations = finished.Where(r => r.Kind == SweepTask.RealisationKind).ToList();
        var truths = finished.Where(r => r.Kind == SweepTask.TruthKind).ToDictionary(r => r.Variant);

        var coverage = new Dictionary<int, IReadOnlyList<Coverage>>();
        foreach (var (variant, truth) in truths)
        {
            var truthByKey = truth.Entries.GroupBy(e => e.Key).ToDictionary(g => g.Key, g => g.First().Median);
            coverage[variant] = realisations.Where(r => r.Variant == variant).SelectMany(r => r.Entries)
                .GroupBy(e => e.Key).Where(g => truthByKey.ContainsKey(g.Key) && double.IsFinite(truthByKey[g.Key]))
                .Select(g => Coverage.Of(g.ToList(), truthByKey[g.Key]))
                .OrderBy(c => c.Table).ThenBy(c => Order(c.Row)).ThenBy(c => c.Parameter, StringComparer.Ordinal).ToList();
        }
        var columns = new Dictionary<int, IReadOnlyList<Coverage>>();
        foreach (var (variant, truth) in truths)
        {
            var truthByKey = truth.Entries.GroupBy(e => e.Key).ToDictionary(g => g.Key, g => g.First().Median);
            columns[variant] = realisations.Where(r => r.Variant == variant).SelectMany(r => r.Entries)
                .Where(e => truthByKey.TryGetValue(e.Key, out double t) && double.IsFinite(t))
                .GroupBy(e => (e.Table, e.Component, e.Parameter))
                .Select(g => Coverage.OfPairs($"table{g.Key.Table} {g.Key.Component} {g.Key.Parameter}", g.Key.Table,
                    (g.Key.Component ?? "") + " all rows", g.Key.Parameter,
                    g.Select(e => (e, truthByKey[e.Key])).ToList()))
                .OrderBy(c => c.Table).ThenBy(c => c.Row, StringComparer.Ordinal).ThenBy(c => c.Parameter, StringComparer.Ordinal).ToList();
        }
        var systematics = Systematics(plan, variants, realisations);
        var cost = Cost(finished, tasks.Count);
        var summary = new SweepSummary(plan, variants, cost, coverage, systematics, SweepTruth.Description(plan)) { ColumnCoverage = columns };

        File.WriteAllText(Path.Combine(directory, "coverage.csv"), CoverageCsv(summary, summary.Coverage));
        File.WriteAllText(Path.Combine(directory, "coverage_columns.csv"), CoverageCsv(summary, summary.ColumnCoverage));
        File.WriteAllText(Path.Combine(directory, "systematics.csv"), SystematicsCsv(systematics));
        var figures = SweepFigures.All(summary, realisations, truths);
        Directory.CreateDirectory(Path.Combine(directory, "figures"));
        foreach (var f in figures) FigureExport.WriteHtml(f, Path.Combine(directory, "figures", f.FileStem + ".html"));
        File.WriteAllText(Path.Combine(directory, "index.html"), Html(summary, figures));
        File.WriteAllText(Path.Combine(directory, "summary.json"), SummaryJson(summary));
        string planJson = JsonSerializer.Serialize(new SweepPlan.PlanDocument(plan, variants, tasks.Count, cost), SweepPlan.IndentedJson);
        AtomicFile.Write(Path.Combine(directory, SweepPlan.PlanFile), s => s.Write(Encoding.UTF8.GetBytes(planJson)));
        return summary;
    }

    /// <summary>Rows sorted as the paper prints them: the component, then the inner edge.</summary>
    static (string, double) Order(string row)
    {
        int open = row.IndexOf('[');
        string component = row[..open].Trim();
        double lo = double.Parse(row[(open + 1)..row.IndexOf(',')], CultureInfo.InvariantCulture);
        double hi = double.Parse(row[(row.IndexOf(',') + 1)..row.IndexOf(')')], CultureInfo.InvariantCulture);
        return (component, hi - lo > 100 ? -1 : lo);   // the all-stars row first
    }

    static SweepCost Cost(IReadOnlyList<SweepTaskResult> finished, int total)
    {
        var real = finished.Where(r => r.Kind == SweepTask.RealisationKind).ToList();
        var truth = finished.Where(r => r.Kind == SweepTask.TruthKind).ToList();
        return new SweepCost(finished.Count, total,
            real.Count == 0 ? double.NaN : real.Average(r => r.Seconds), real.Count == 0 ? double.NaN : real.Max(r => r.Seconds),
            real.Count == 0 ? double.NaN : real.Max(r => r.PeakMemoryMb),
            truth.Count == 0 ? double.NaN : truth.Average(r => r.Seconds), truth.Count == 0 ? double.NaN : truth.Max(r => r.PeakMemoryMb),
            finished.Sum(r => r.Seconds));
    }

    /// <summary>
    /// Per varied setting, the variants that differ from the paper's settings in that setting alone (the paper's variant
    /// stands at the paper's value), and per entry the paired slope over realisations that ran at every value.
    /// </summary>
    internal static IReadOnlyList<Systematic> Systematics(SweepPlan plan, IReadOnlyList<SweepVariant> variants, IReadOnlyList<SweepTaskResult> realisations)
    {
        var list = new List<Systematic>();
        foreach (var setting in plan.Varied)
        {
            double paper = SweepPlan.PaperValue(setting.Name);
            var members = variants.Where(v => v.Settings.All(kv => kv.Key == setting.Name || kv.Value == SweepPlan.PaperValue(kv.Key)))
                .Select(v => (Variant: v.Index, Value: v.Settings.TryGetValue(setting.Name, out double x) ? x : paper))
                .GroupBy(m => m.Value).Select(g => g.First()).OrderBy(m => m.Value).ToList();
            if (members.Count < 2) continue;
            double[] values = members.Select(m => m.Value).ToArray();
            double step = values.Zip(values.Skip(1), (a, b) => b - a).Order().ElementAt((values.Length - 1) / 2);
            int paperVariant = members.FirstOrDefault(m => m.Value == paper).Variant;
            // entry key → realisation → value index → median
            var medians = new Dictionary<string, Dictionary<int, double[]>>();
            var sigma = new Dictionary<string, List<double>>();
            var first = new Dictionary<string, SweepEntry>();
            foreach (var r in realisations)
            {
                int v = members.FindIndex(m => m.Variant == r.Variant);
                if (v < 0) continue;
                foreach (var e in r.Entries)
                {
                    if (!medians.TryGetValue(e.Key, out var byReal)) { medians[e.Key] = byReal = []; sigma[e.Key] = []; first[e.Key] = e; }
                    if (!byReal.TryGetValue(r.Realisation, out var y)) byReal[r.Realisation] = y = Enumerable.Repeat(double.NaN, values.Length).ToArray();
                    y[v] = e.Median;
                    if (r.Variant == (members.Any(m => m.Value == paper) ? paperVariant : members[0].Variant)) sigma[e.Key].Add(e.Sigma);
                }
            }
            foreach (var (key, byReal) in medians)
            {
                var complete = byReal.Values.Where(y => y.All(double.IsFinite)).ToList();
                if (complete.Count == 0 || sigma[key].Count == 0) continue;
                if (first[key].Parameter == "l_apex")
                    complete = complete.Select(y => y.Select(a => Angles.NearestTurn(a, y[0])).ToArray()).ToList();
                var (slope, error) = Systematic.PairedSlope(values, complete);
                var means = values.Select((x, v) => (x, complete.Average(y => y[v]))).ToList();
                var e = first[key];
                list.Add(new Systematic(setting.Name, key, e.Table, e.Row, e.Parameter, complete.Count, step, slope, error, sigma[key].Average(), means));
            }
        }
        return list.OrderBy(s => s.Setting, StringComparer.Ordinal).ThenBy(s => s.Table).ThenBy(s => Order(s.Row))
            .ThenBy(s => s.Parameter, StringComparer.Ordinal).ToList();
    }

    static string F(double x) => x.ToString("R", CultureInfo.InvariantCulture);

    static string CoverageCsv(SweepSummary s, IReadOnlyDictionary<int, IReadOnlyList<Coverage>> coverage)
    {
        var sb = new StringBuilder("variant,table,row,parameter,realisations,truth,coverage68,coverage68_err,coverage95,coverage95_err,z_mean," +
            "z_rms,mean_sigma,outside_68pm5\n");
        foreach (var (variant, list) in coverage.OrderBy(kv => kv.Key))
            foreach (var c in list)
                sb.AppendJoin(',', ['"' + s.Variants[variant].Label + '"', c.Table.ToString(CultureInfo.InvariantCulture), '"' + c.Row + '"', c.Parameter,
                    c.Within68.Trials.ToString(CultureInfo.InvariantCulture), F(c.Truth), F(c.Within68.Fraction), F(c.Within68.Error),
                    F(c.Within95.Fraction), F(c.Within95.Error), F(c.ZMean), F(c.ZRms), F(c.MeanSigma), c.OutsideNominal68() ? "yes" : "no"]).Append('\n');
        return sb.ToString();
    }

    static string SystematicsCsv(IReadOnlyList<Systematic> list)
    {
        var sb = new StringBuilder("setting,table,row,parameter,realisations,step,slope_per_unit,slope_err,shift_per_step,shift_per_step_err,sigma_stat," +
            "shift_per_step_over_sigma,shift_over_range,shift_over_range_over_sigma,mean_median_by_value\n");
        foreach (var x in list)
            sb.AppendJoin(',', [x.Setting, x.Table.ToString(CultureInfo.InvariantCulture), '"' + x.Row + '"', x.Parameter,
                x.Realisations.ToString(CultureInfo.InvariantCulture),
                F(x.Step), F(x.Slope), F(x.SlopeError), F(x.ShiftPerStep), F(x.ShiftPerStepError), F(x.Sigma), F(x.ShiftPerStep / x.Sigma),
                F(x.ShiftOverRange), F(x.ShiftOverRange / x.Sigma),
                '"' + string.Join("; ", x.Means.Select(m => F(m.Value) + ":" + m.MeanMedian.ToString("G6", CultureInfo.InvariantCulture))) + '"']).Append('\n');
        return sb.ToString();
    }

    /// <summary>Per table the entries covered, the mean 68 %/95 % coverage and the entries outside 68 ± 5 %.</summary>
    internal static IEnumerable<(int Table, int Entries, double Mean68, double Mean95,
        IReadOnlyList<Coverage> Outside)> TableSummaries(IReadOnlyList<Coverage> list) =>
        list.GroupBy(c => c.Table).OrderBy(g => g.Key).Select(g => (g.Key, g.Count(), g.Average(c => c.Within68.Fraction), g.Average(c => c.Within95.Fraction),
            (IReadOnlyList<Coverage>)g.Where(c => c.OutsideNominal68()).ToList()));

    static string SummaryJson(SweepSummary s)
    {
        var coverage = s.Coverage.OrderBy(kv => kv.Key).Select(kv => new
        {
            variant = s.Variants[kv.Key].Label,
            realisations = kv.Value.Count == 0 ? 0 : kv.Value.Max(c => c.Within68.Trials),
            columns = s.ColumnCoverage.TryGetValue(kv.Key, out var cols)
                ? cols.Select(c => new
                    {
                        table = c.Table, rows = c.Row, parameter = c.Parameter, n = c.Within68.Trials, coverage68 = c.Within68.Fraction,
                        coverage68_err = c.Within68.Error, coverage95 = c.Within95.Fraction, z_mean = c.ZMean, z_rms = c.ZRms,
                        outside_68pm5 = c.OutsideNominal68(),
                    }).ToList()
                : null,
            tables = TableSummaries(kv.Value).Select(t => new
            {
                table = t.Table, entries = t.Entries, mean_coverage68 = t.Mean68, mean_coverage95 = t.Mean95,
                outside_68pm5 = t.Outside.Select(c => new
                {
                    row = c.Row, parameter = c.Parameter, coverage68 = c.Within68.Fraction, err = c.Within68.Error, z_mean = c.ZMean, z_rms = c.ZRms,
                }),
            }),
        });
        var budget = s.Systematics.GroupBy(x => x.Setting).Select(g => new
        {
            setting = g.Key,
            largest = g.OrderByDescending(x => Math.Abs(x.ShiftPerStep / x.Sigma)).Take(10)
                .Select(x => new { table = x.Table, row = x.Row, parameter = x.Parameter, step = x.Step, shift_per_step = x.ShiftPerStep,
                    err = x.ShiftPerStepError, sigma_stat = x.Sigma }),
        });
        var doc = new { plan = s.Plan, truth = s.Truth, cost = s.Cost, coverage, systematics = budget };
        return JsonSerializer.Serialize(doc, SweepPlan.IndentedJson);
    }

    static string Html(SweepSummary s, IReadOnlyList<Figure> figures)
    {
        var figurePage = new FigurePage { Inclusion = PlotlyJsInclusion.Never };   // plotly.js is in the head
        var sb = HtmlPage.Start("halo sweep", HtmlPage.DocumentStyle, plotly: figures.Count > 0).Append("<h1>halo sweep</h1>");
        sb.Append(SummaryHtml(s)).Append("<p>Data: coverage.csv, systematics.csv, summary.json, tasks/*.json.</p>");
        foreach (var f in figures) sb.Append("<h3>").Append(WebUtility.HtmlEncode(f.Title)).Append("</h3>").Append(figurePage.Fragment(f));
        return sb.Append(HtmlPage.End).ToString();
    }

    /// <summary>The plan, the cost, per variant with a truth the coverage of each table, and the largest shifts per setting.</summary>
    internal static string SummaryHtml(SweepSummary s)
    {
        var sb = new StringBuilder("<div class=\"sweep\">");
        var p = s.Plan;
        sb.Append(CultureInfo.InvariantCulture, $"<p>{p.Realisations} independent mock realisations (scale {p.Scale:0.###}) × {s.Variants.Count} variant(s); " +
            $"sampler {p.Walkers} walkers × {p.Steps} steps, {p.Burn} burn-in; seed {p.Seed}. ");
        sb.Append(CultureInfo.InvariantCulture, $"{s.Cost.Finished} of {s.Cost.Total} tasks finished; per realisation {s.Cost.MeanSeconds:0.0} s mean, " +
            $"{s.Cost.MaxSeconds:0.0} s max, peak {s.Cost.MaxPeakMemoryMb:0} MB. Truth: {WebUtility.HtmlEncode(s.Truth)}.</p>");
        foreach (var (variant, list) in s.Coverage.OrderBy(kv => kv.Key))
        {
            sb.Append(CultureInfo.InvariantCulture, $"<h2>Coverage, {WebUtility.HtmlEncode(s.Variants[variant].Label)}</h2><table><tr><th>table</th>" +
                $"<th>entries</th><th>mean 68% coverage</th><th>mean 95% coverage</th><th>outside 68 ± 5%</th></tr>");
            foreach (var t in TableSummaries(list))
            {
                var outside = t.Outside.Select(c =>
                    string.Create(CultureInfo.InvariantCulture, $"{c.Row} {c.Parameter} {100 * c.Within68.Fraction:0}±{100 * c.Within68.Error:0}%"));
                sb.Append(CultureInfo.InvariantCulture, $"<tr><td>{t.Table}</td><td>{t.Entries}</td><td>{100 * t.Mean68:0.0}%</td>" +
                    $"<td>{100 * t.Mean95:0.0}%</td><td>{WebUtility.HtmlEncode(string.Join("; ", outside))}</td></tr>");
            }
            sb.Append("</table>");
            if (s.ColumnCoverage.TryGetValue(variant, out var columns))
            {
                sb.Append("<p>Per column (all rows and realisations pooled):</p><table><tr><th>table</th><th>rows</th><th>column</th><th>n</th><th>68% " +
                    "coverage</th><th>95% coverage</th><th>mean z</th><th>rms z</th></tr>");
                foreach (var c in columns)
                    sb.Append(CultureInfo.InvariantCulture, $"<tr{(c.OutsideNominal68() ? " style=\"background:#f8dcc0\"" : "")}><td>{c.Table}</td>" +
                        $"<td>{WebUtility.HtmlEncode(c.Row)}</td><td>{c.Parameter}</td><td>{c.Within68.Trials}</td><td>{100 * c.Within68.Fraction:0.0} ± " +
                        $"{100 * c.Within68.Error:0.0}%</td><td>{100 * c.Within95.Fraction:0.0} ± {100 * c.Within95.Error:0.0}%</td>" +
                        $"<td>{c.ZMean:+0.00;-0.00;0.00}</td><td>{c.ZRms:0.00}</td></tr>");
                sb.Append("</table>");
            }
        }
        if (s.Systematics.Count > 0)
        {
            sb.Append("<h2>Systematics budget (largest shifts per step, in statistical σ)</h2><table><tr><th>setting</th><th>entry</th><th>step</th>" +
                "<th>shift per step</th><th>σ<sub>stat</sub></th><th>shift/σ</th></tr>");
            foreach (var x in s.Systematics.GroupBy(x => x.Setting).SelectMany(g => g.OrderByDescending(x => Math.Abs(x.ShiftPerStep / x.Sigma)).Take(8)))
                sb.Append(CultureInfo.InvariantCulture, $"<tr><td>{x.Setting}</td><td>{WebUtility.HtmlEncode(x.Key)}</td><td>{x.Step:G3}</td>" +
                    $"<td>{x.ShiftPerStep:G3} ± {x.ShiftPerStepError:G2}</td><td>{x.Sigma:G3}</td><td>{x.ShiftPerStep / x.Sigma:0.00}</td></tr>");
            sb.Append("</table>");
        }
        return sb.Append("</div>").ToString();
    }
}
