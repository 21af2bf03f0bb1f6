using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using HaloNotebooks.Analysis;
using HaloNotebooks.Figures;
using HaloNotebooks.Paper;

namespace HaloNotebooks.Pipeline;

/// <summary>
/// Two `halo reproduce` results folders compared entry by entry (`halo compare A B`, the what-if answer): every entry of
/// Tables 1–3 in B against the same entry in A as (B − A) in units of the combined σ, written as shifts.csv, shifts.md,
/// profiles.html (both runs overplotted) and index.html. The CLI parses the arguments and prints <see cref="Shifts"/>.
/// </summary>
internal sealed class ResultsComparison
{
    ResultsComparison(string labelA, string labelB, IReadOnlyList<PaperTable> tablesA, IReadOnlyList<PaperTable> tablesB,
        IReadOnlyList<string> changesA, IReadOnlyList<string> changesB)
    {
        (LabelA, LabelB, TablesA, TablesB, ChangesA, ChangesB) = (labelA, labelB, tablesA, tablesB, changesA, changesB);
        Shifts = [.. tablesA.Zip(tablesB, (a, b) => TableComparison.Compare(b, a, labelA))];
    }

    /// <summary>The folders' names, as the files and the terminal call the two runs.</summary>
    public string LabelA { get; }
    public string LabelB { get; }

    public IReadOnlyList<PaperTable> TablesA { get; }
    public IReadOnlyList<PaperTable> TablesB { get; }

    /// <summary>The what-if changes each run's summary.json records (none: the paper's cuts).</summary>
    public IReadOnlyList<string> ChangesA { get; }
    public IReadOnlyList<string> ChangesB { get; }

    /// <summary>B against A, table by table: Δ = (B − A) / combined σ for every entry present in both.</summary>
    public IReadOnlyList<TableComparison> Shifts { get; }

    /// <summary>Reads Tables 1–3 and the what-if changes of both folders.</summary>
    public static ResultsComparison Read(string dirA, string dirB) =>
        new(Label(dirA), Label(dirB), ReadTables(dirA), ReadTables(dirB), SelectionChanges(dirA), SelectionChanges(dirB));

    /// <summary>Writes shifts.csv, shifts.md, profiles.html and index.html into <paramref name="outDir"/>.</summary>
    public void WriteAll(string outDir)
    {
        Directory.CreateDirectory(outDir);
        File.WriteAllText(Path.Combine(outDir, "shifts.csv"), ToCsv());
        File.WriteAllText(Path.Combine(outDir, "shifts.md"), ToMarkdown());
        FigureExport.WriteHtml(Profiles(), Path.Combine(outDir, "profiles.html"), $"{LabelB} vs {LabelA}: profiles");
        File.WriteAllText(Path.Combine(outDir, "index.html"), ToHtml());
    }

    /// <summary>The <paramref name="top"/> largest |shifts| (an entry without a σ first), for the terminal.</summary>
    public IReadOnlyList<(int Table, string Row, string Parameter, string A, string B, double Shift)> Largest(int top) =>
        [.. Shifts.SelectMany(c => c.Entries.Select(e => (c.Ours.Number, e)))
            .OrderByDescending(x => double.IsNaN(x.e.DifferenceInSigma) ? double.PositiveInfinity : Math.Abs(x.e.DifferenceInSigma))
            .Take(top).Select(x => (x.Number, x.e.Row, x.e.Parameter, x.e.Theirs.ToString(), x.e.Ours.ToString(), x.e.DifferenceInSigma))];

    /// <summary>One run's what-if changes in words.</summary>
    public static string Describe(IReadOnlyList<string> changes) => changes.Count == 0 ? "the paper's cuts" : string.Join("; ", changes);

    /// <summary>Tables 1–3 of a results folder (tables/table{1,2,3}.csv as `halo reproduce` writes them).</summary>
    internal static IReadOnlyList<PaperTable> ReadTables(string dir)
    {
        if (!Directory.Exists(dir)) throw new DirectoryNotFoundException($"{dir}: no such results folder (`halo reproduce --output {dir}` writes one)");
        return [.. Enumerable.Range(1, 3).Select(n =>
        {
            string path = Path.Combine(dir, "tables", $"table{n}.csv");
            if (!File.Exists(path)) throw new FileNotFoundException($"{path}: missing; is {dir} a results folder of `halo reproduce`?", path);
            return PaperTable.Read(n, path);
        })];
    }

    /// <summary>The what-if changes a results folder's summary.json records (none for the paper's cuts or older runs).</summary>
    static IReadOnlyList<string> SelectionChanges(string dir)
    {
        string path = Path.Combine(dir, "summary.json");
        if (!File.Exists(path)) return [];
        try
        {
            using var doc = JsonDocument.Parse(File.ReadAllText(path));
            return doc.RootElement.TryGetProperty("selection_changes", out var c) && c.ValueKind == JsonValueKind.Array
                ? [.. c.EnumerateArray().Select(x => x.GetString() ?? "")] : [];
        }
        catch (JsonException e) { throw new InvalidDataException($"{path}: not valid JSON ({e.Message})"); }
    }

    static string Label(string dir) => Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(dir)));

    internal string ToCsv()
    {
        var sb = new StringBuilder("table,row,parameter,b,b_errp,b_errm,a,a_errp,a_errm,shift_sigma\n");
        foreach (var c in Shifts)
            foreach (var line in c.ToCsv().Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1))
                sb.Append(c.Ours.Number.ToString(CultureInfo.InvariantCulture)).Append(',').Append(line).Append('\n');
        return sb.ToString();
    }

    internal string ToMarkdown()
    {
        string a = LabelA, b = LabelB;
        var sb = new StringBuilder($"# {b} against {a}\n\n");
        sb.Append($"- {a}: {Describe(ChangesA)}\n");
        sb.Append($"- {b}: {Describe(ChangesB)}\n\n");
        sb.Append("Shift = (").Append(b).Append(" − ").Append(a).Append(") in units of the combined 1σ.\n\n");
        foreach (var c in Shifts)
        {
            sb.Append($"## Table {c.Ours.Number}\n\n| row | parameter | {a} | {b} | shift [σ] |\n|---|---|---|---|---|\n");
            foreach (var e in c.Entries)
                sb.Append(CultureInfo.InvariantCulture, $"| {e.Row} | {e.Parameter} | {e.Theirs} | {e.Ours} | {e.DifferenceInSigma:+0.0;-0.0;0.0} |\n");
            sb.Append('\n');
        }
        return sb.ToString();
    }

    internal string ToHtml()
    {
        string a = LabelA, b = LabelB;
        var sb = HtmlPage.Start($"{b} vs {a}", HtmlPage.DocumentStyle + "iframe{width:100%;height:80em;border:1px solid #ddd}");
        sb.Append("<h1>").Append(WebUtility.HtmlEncode($"{b} against {a}")).Append("</h1>\n<ul>");
        foreach (var (label, changes) in new[] { (a, ChangesA), (b, ChangesB) })
            sb.Append("<li><b>").Append(WebUtility.HtmlEncode(label)).Append("</b>: ").Append(WebUtility.HtmlEncode(Describe(changes))).Append("</li>");
        sb.Append("</ul><p>Each cell: ").Append(WebUtility.HtmlEncode(b)).Append("'s value, then ").Append(WebUtility.HtmlEncode(a))
          .Append("'s, and &Delta; = (").Append(WebUtility.HtmlEncode($"{b} − {a}")).Append(") in units of the combined 1&sigma;. ")
          .Append("Files: <a href=\"shifts.csv\">shifts.csv</a>, <a href=\"shifts.md\">shifts.md</a>, <a href=\"profiles.html\">profiles.html</a>.</p>\n");
        foreach (var c in Shifts) sb.Append($"<h2>Table {c.Ours.Number}</h2>").Append(c.ToHtml()).Append('\n');
        sb.Append("<h2>Profiles</h2><iframe src=\"profiles.html\"></iframe>\n").Append(HtmlPage.End);
        return sb.ToString();
    }

    /// <summary>Tables 1–3 as profiles, both runs overplotted (A black, B red), one panel per column; the all-stars rows left out.</summary>
    internal IReadOnlyList<Figure> Profiles()
    {
        var figures = new List<Figure>();
        for (int t = 0; t < 3; t++)
        {
            var panels = new List<ProfilePanel>();
            foreach (var column in TablesA[t].Columns)
            {
                var series = new List<ProfileSeries>();
                var runs = new[] { (TablesA[t], LabelA, FigureStyle.ThisWork, 0.0), (TablesB[t], LabelB, FigureStyle.Red, 0.02) };
                foreach (var (table, label, colour, shift) in runs)
                    foreach (var component in t == 1 ? new string?[] { "MR", "MP" } : [null])
                    {
                        var points = Bins(table).Where(r => r.Component == component && r.Values.ContainsKey(column.Key))
                            .Select(r => new ProfilePoint(X(r), r.Values[column.Key].Value, r.Values[column.Key].ErrPlus, r.Values[column.Key].ErrMinus))
                            .ToList();
                        if (points.Count == 0) continue;
                        series.Add(new ProfileSeries(component is null ? label : $"{label} {component}", points)
                        {
                            Color = colour, XShiftFraction = shift, Dash = component == "MP" ? LineDash.Dash : LineDash.Solid,
                            OpenMarker = component == "MP", ShowInLegend = panels.Count == 0,
                        });
                    }
                if (series.Count > 0) panels.Add(new ProfilePanel(column.Html) { Series = series });
            }
            if (panels.Count > 0)
                figures.Add(ProfilePlot.Grid(panels, new ProfileOptions
                {
                    Columns = 3, PanelWidth = 360, PanelHeight = 240, LogX = t < 2,
                    Title = $"Table {t + 1}: {LabelB} (red) over {LabelA} (black)", FileStem = $"compare_table{t + 1}",
                }));
        }
        return figures;
    }

    /// <summary>The per-bin rows: every row but the all-stars one(s), whose range spans the table.</summary>
    static IEnumerable<TableRow> Bins(PaperTable table)
    {
        double lo = table.Rows.Min(r => r.RMin), hi = table.Rows.Max(r => r.RMax);
        return table.Rows.Where(r => !(r.RMin == lo && r.RMax == hi));
    }

    static double X(TableRow r) => double.IsFinite(r.RMedian) ? r.RMedian : 0.5 * (r.RMin + r.RMax);
}
