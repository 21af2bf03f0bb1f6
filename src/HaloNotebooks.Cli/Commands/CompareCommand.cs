using System.CommandLine;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using HaloNotebooks.Analysis;
using HaloNotebooks.Cli.Plumbing;
using HaloNotebooks.Figures;
using HaloNotebooks.Paper;
using Spectre.Console;

namespace HaloNotebooks.Cli.Commands;

/// <summary>
/// `halo compare RESULTS_A RESULTS_B`: the what-if answer — every entry of Tables 1–3 in B (e.g. `halo reproduce
/// --set FehMax=-1.0`) against the same entry in A (e.g. the paper's cuts), as (B − A) in units of the combined σ.
/// Writes shifts.csv, shifts.md and index.html (the comparison tables and the profiles of both runs overplotted).
/// </summary>
public sealed class CompareCommand : ICliCommand
{
    public Command Build()
    {
        var a = new Argument<string>("RESULTS_A") { Description = "the reference results folder (halo reproduce --output), e.g. the paper's cuts" };
        var b = new Argument<string>("RESULTS_B") { Description = "the results folder compared with it, e.g. a run with --set FehMax=-1.0" };
        var output = new Option<string?>("--output") { Description = "folder for shifts.csv, shifts.md and index.html (default: RESULTS_B/compare)" };
        var top = new Option<int>("--top") { Description = "largest shifts printed in the terminal", DefaultValueFactory = _ => 12 };
        var cmd = new Command("compare", "Shift of every Table 1-3 entry between two halo reproduce results folders, in units of the combined σ");
        cmd.Arguments.Add(a);
        cmd.Arguments.Add(b);
        cmd.Options.Add(output);
        cmd.Options.Add(top);
        cmd.SetAction(parse => CommandErrors.Run("compare", () =>
        {
            string dirA = parse.GetValue(a)!, dirB = parse.GetValue(b)!;
            if (parse.GetValue(top) < 0) throw new UsageException($"--top {parse.GetValue(top)}: must be 0 or more");
            var tablesA = ReadTables(dirA);
            var tablesB = ReadTables(dirB);
            string outDir = Check.OutputFolder(parse.GetValue(output) ?? Path.Combine(dirB, "compare"), "--output");

            var shifts = Compare(tablesA, tablesB, Label(dirA), Label(dirB));
            var changesA = SelectionChanges(dirA);
            var changesB = SelectionChanges(dirB);
            File.WriteAllText(Path.Combine(outDir, "shifts.csv"), ToCsv(shifts));
            File.WriteAllText(Path.Combine(outDir, "shifts.md"), ToMarkdown(shifts, Label(dirA), Label(dirB), changesA, changesB));
            var figures = Profiles(tablesA, tablesB, Label(dirA), Label(dirB));
            FigureExport.WriteHtml(figures, Path.Combine(outDir, "profiles.html"), $"{Label(dirB)} vs {Label(dirA)}: profiles");
            File.WriteAllText(Path.Combine(outDir, "index.html"), ToHtml(shifts, Label(dirA), Label(dirB), changesA, changesB));

            foreach (var (label, changes) in new[] { (Label(dirA), changesA), (Label(dirB), changesB) })
                AnsiConsole.WriteLine($"{label}: {(changes.Count == 0 ? "the paper's cuts" : string.Join("; ", changes))}");
            foreach (var c in shifts) AnsiConsole.WriteLine(c.Summary.Replace(" vs ", $" ({Label(dirB)}) vs ", StringComparison.Ordinal));
            var largest = shifts.SelectMany(c => c.Entries.Select(e => (c.Ours.Number, e)))
                .OrderByDescending(x => double.IsNaN(x.e.DifferenceInSigma) ? double.PositiveInfinity : Math.Abs(x.e.DifferenceInSigma))
                .Take(parse.GetValue(top)).ToList();
            if (largest.Count > 0)
            {
                var t = new Spectre.Console.Table().Title($"Largest shifts, {Markup.Escape(Label(dirB))} − {Markup.Escape(Label(dirA))}");
                foreach (var h in new[] { "table", "row", "parameter", Label(dirA), Label(dirB), "shift [σ]" }) t.AddColumn(Markup.Escape(h));
                foreach (var (n, e) in largest)
                    t.AddRow(n.ToString(CultureInfo.InvariantCulture), Markup.Escape(e.Row), Markup.Escape(e.Parameter), Markup.Escape(e.Theirs.ToString()),
                             Markup.Escape(e.Ours.ToString()), e.DifferenceInSigma.ToString("+0.0;-0.0;0.0", CultureInfo.InvariantCulture));
                AnsiConsole.Write(t);
            }
            AnsiConsole.MarkupLine($"wrote [bold]{Markup.Escape(Path.Combine(outDir, "index.html"))}[/], shifts.csv, shifts.md, profiles.html");
            return ExitCode.Ok;
        }));
        return cmd;
    }

    /// <summary>Tables 1–3 of a results folder (tables/table{1,2,3}.csv as `halo reproduce` writes them).</summary>
    internal static IReadOnlyList<PaperTable> ReadTables(string dir)
    {
        if (!Directory.Exists(dir)) throw new InputException($"{dir}: no such results folder (`halo reproduce --output {dir}` writes one)");
        return [.. Enumerable.Range(1, 3).Select(n =>
        {
            string path = Path.Combine(dir, "tables", $"table{n}.csv");
            if (!File.Exists(path)) throw new InputException($"{path}: missing; is {dir} a results folder of `halo reproduce`?");
            return PaperTable.Read(n, path);
        })];
    }

    /// <summary>B against A, table by table: Δ = (B − A) / combined σ for every entry present in both.</summary>
    internal static IReadOnlyList<TableComparison> Compare(IReadOnlyList<PaperTable> a, IReadOnlyList<PaperTable> b, string labelA, string labelB) =>
        [.. a.Zip(b, (x, y) => TableComparison.Compare(y, x, labelA))];

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
        catch (JsonException e) { throw new InputException($"{path}: not valid JSON ({e.Message})"); }
    }

    static string Label(string dir) => Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(dir)));

    static string ToCsv(IReadOnlyList<TableComparison> shifts)
    {
        var sb = new StringBuilder("table,row,parameter,b,b_errp,b_errm,a,a_errp,a_errm,shift_sigma\n");
        foreach (var c in shifts)
            foreach (var line in c.ToCsv().Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1))
                sb.Append(c.Ours.Number.ToString(CultureInfo.InvariantCulture)).Append(',').Append(line).Append('\n');
        return sb.ToString();
    }

    static string ToMarkdown(IReadOnlyList<TableComparison> shifts, string a, string b, IReadOnlyList<string> changesA, IReadOnlyList<string> changesB)
    {
        var sb = new StringBuilder($"# {b} against {a}\n\n");
        sb.Append($"- {a}: {(changesA.Count == 0 ? "the paper's cuts" : string.Join("; ", changesA))}\n");
        sb.Append($"- {b}: {(changesB.Count == 0 ? "the paper's cuts" : string.Join("; ", changesB))}\n\n");
        sb.Append("Shift = (").Append(b).Append(" − ").Append(a).Append(") in units of the combined 1σ.\n\n");
        foreach (var c in shifts)
        {
            sb.Append($"## Table {c.Ours.Number}\n\n| row | parameter | {a} | {b} | shift [σ] |\n|---|---|---|---|---|\n");
            foreach (var e in c.Entries)
                sb.Append(CultureInfo.InvariantCulture, $"| {e.Row} | {e.Parameter} | {e.Theirs} | {e.Ours} | {e.DifferenceInSigma:+0.0;-0.0;0.0} |\n");
            sb.Append('\n');
        }
        return sb.ToString();
    }

    static string ToHtml(IReadOnlyList<TableComparison> shifts, string a, string b, IReadOnlyList<string> changesA, IReadOnlyList<string> changesB)
    {
        var sb = HtmlPage.Start($"{b} vs {a}", HtmlPage.DocumentStyle + "iframe{width:100%;height:80em;border:1px solid #ddd}");
        sb.Append("<h1>").Append(WebUtility.HtmlEncode($"{b} against {a}")).Append("</h1>\n<ul>");
        foreach (var (label, changes) in new[] { (a, changesA), (b, changesB) })
            sb.Append("<li><b>").Append(WebUtility.HtmlEncode(label)).Append("</b>: ")
              .Append(WebUtility.HtmlEncode(changes.Count == 0 ? "the paper's cuts" : string.Join("; ", changes))).Append("</li>");
        sb.Append("</ul><p>Each cell: ").Append(WebUtility.HtmlEncode(b)).Append("'s value, then ").Append(WebUtility.HtmlEncode(a))
          .Append("'s, and &Delta; = (").Append(WebUtility.HtmlEncode($"{b} − {a}")).Append(") in units of the combined 1&sigma;. ")
          .Append("Files: <a href=\"shifts.csv\">shifts.csv</a>, <a href=\"shifts.md\">shifts.md</a>, <a href=\"profiles.html\">profiles.html</a>.</p>\n");
        foreach (var c in shifts) sb.Append($"<h2>Table {c.Ours.Number}</h2>").Append(c.ToHtml()).Append('\n');
        sb.Append("<h2>Profiles</h2><iframe src=\"profiles.html\"></iframe>\n").Append(HtmlPage.End);
        return sb.ToString();
    }

    /// <summary>Tables 1–3 as profiles, both runs overplotted (A black, B red), one panel per column; the all-stars rows left out.</summary>
    static IReadOnlyList<Figure> Profiles(IReadOnlyList<PaperTable> a, IReadOnlyList<PaperTable> b, string labelA, string labelB)
    {
        var figures = new List<Figure>();
        for (int t = 0; t < 3; t++)
        {
            var panels = new List<ProfilePanel>();
            foreach (var column in a[t].Columns)
            {
                var series = new List<ProfileSeries>();
                foreach (var (table, label, colour, shift) in new[] { (a[t], labelA, FigureStyle.ThisWork, 0.0), (b[t], labelB, FigureStyle.Red, 0.02) })
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
                    Title = $"Table {t + 1}: {labelB} (red) over {labelA} (black)", FileStem = $"compare_table{t + 1}",
                }));
        }
        return figures;
    }

    /// <summary>The per-bin rows: every row but the all-stars one(s), whose range spans the table.</summary>
    static IEnumerable<Paper.TableRow> Bins(PaperTable table)
    {
        double lo = table.Rows.Min(r => r.RMin), hi = table.Rows.Max(r => r.RMax);
        return table.Rows.Where(r => !(r.RMin == lo && r.RMax == hi));
    }

    static double X(Paper.TableRow r) => double.IsFinite(r.RMedian) ? r.RMedian : 0.5 * (r.RMin + r.RMax);
}
