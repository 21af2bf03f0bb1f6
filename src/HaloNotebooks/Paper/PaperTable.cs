using System.Globalization;
using System.Net;
using System.Text;
using Deedle;
using HaloNotebooks.Catalogs;
using HaloNotebooks.Display;

namespace HaloNotebooks.Paper;

/// <summary>
/// Table 1, 2 or 3 of the paper — ours or the paper's own — in the paper's column order and units: a Deedle frame,
/// and CSV (the layout of the paper's CSV copies: value, `_errp`, `_errm` per parameter), Markdown and AASTeX
/// `deluxetable` LaTeX with values printed as value^{+a}_{−b}.
/// </summary>
[TypeFormatterSource(typeof(HtmlFormatterSource))]
public sealed class PaperTable : IHtmlDisplay
{
    internal PaperTable(int number, IReadOnlyList<TableRow> rows)
    {
        if (number is < 1 or > 3) throw new ArgumentException($"the paper has Tables 1–3, not {number}");
        Number = number;
        Rows = rows;
    }

    /// <summary>1 (single component), 2 (double component) or 3 (dipole).</summary>
    internal int Number { get; }

    /// <summary>"table1" … "table3" (file stem and summary.json key).</summary>
    public string Name => "table" + Number;

    /// <summary>The rows in the paper's order (first row: all stars of the range; Table 2: all MR rows then all MP rows).</summary>
    public IReadOnlyList<TableRow> Rows { get; }

    /// <summary>Per row of this table and column, the two values where <paramref name="other"/> has the same row (component
    /// and radial range) and both hold the column.</summary>
    internal IEnumerable<(TableRow Row, string Key, Measurement Ours, Measurement Other)> CellsMatching(PaperTable other)
    {
        foreach (var row in Rows)
        {
            var match = other.Rows.FirstOrDefault(r => r.SameRangeAs(row));
            if (match is null) continue;
            foreach (var c in Columns)
                if (row.Values.TryGetValue(c.Key, out var a) && match.Values.TryGetValue(c.Key, out var b))
                    yield return (row, c.Key, a, b);
        }
    }

    /// <summary>The value columns in the paper's order.</summary>
    internal IReadOnlyList<TableColumn> Columns => Number switch
    {
        1 => TableColumn.Kinematics,
        2 => [.. TableColumn.Kinematics, TableColumn.PMetalRich],
        _ => TableColumn.Dipole,
    };

    /// <summary>The paper's caption.</summary>
    internal string Caption => Number switch
    {
        1 => "Best-fit mean velocity and velocity dispersions of the single-component model in different r_GC bins (1σ uncertainties).",
        2 => "Best-fit parameters of the double-component model (metal-rich MR and metal-poor MP components) in different r_GC bins.",
        _ => "The best-fit parameters of Equation 6 (dipole + contraction velocity field) in several distance bins.",
    };

    /// <summary>
    /// The table as a Deedle frame (row key = row index): [component,] r_min_kpc, r_max_kpc, r_median_kpc, then per
    /// parameter its value, `_errp` and `_errm` (positive), then N. Missing entries are missing values.
    /// </summary>
    internal Frame<int, string> ToFrame()
    {
        var keys = Enumerable.Range(0, Rows.Count).ToArray();
        var builder = new FrameBuilder.Columns<int, string>();
        if (Number == 2) builder.Add("component", new Series<int, string>(keys, Rows.Select(r => r.Component ?? "").ToArray()));
        foreach (var (name, values) in NumericColumns())
            builder.Add(name, new Series<int, double>(keys, values).DropMissing());
        return builder.Frame;
    }

    IEnumerable<(string Name, double[] Values)> NumericColumns()
    {
        yield return ("r_min_kpc", Rows.Select(r => r.RMin).ToArray());
        yield return ("r_max_kpc", Rows.Select(r => r.RMax).ToArray());
        yield return ("r_median_kpc", Rows.Select(r => r.RMedian).ToArray());
        foreach (var c in Columns)
        {
            var m = Rows.Select(r => r.Values.TryGetValue(c.Key, out var v) ? v : new Measurement(double.NaN, double.NaN, double.NaN)).ToArray();
            yield return (c.CsvName, m.Select(x => x.Value).ToArray());
            yield return (c.CsvName + "_errp", m.Select(x => x.ErrPlus).ToArray());
            yield return (c.CsvName + "_errm", m.Select(x => x.ErrMinus).ToArray());
        }
        yield return ("N", Rows.Select(r => r.N is int n ? n : double.NaN).ToArray());
    }

    /// <summary>CSV text: the paper's CSV layout plus r_median_kpc and N; '.' decimals, empty cells for missing values.</summary>
    internal string ToCsv()
    {
        var columns = NumericColumns().ToList();
        var sb = new StringBuilder();
        if (Number == 2) sb.Append("component,");
        sb.AppendJoin(',', columns.Select(c => c.Name)).Append('\n');
        for (int i = 0; i < Rows.Count; i++)
        {
            if (Number == 2) sb.Append(Rows[i].Component).Append(',');
            sb.AppendJoin(',', columns.Select(c => double.IsFinite(c.Values[i]) ? c.Values[i].ToString("R", CultureInfo.InvariantCulture) : "")).Append('\n');
        }
        return sb.ToString();
    }

    /// <summary>Writes <see cref="ToCsv"/>.</summary>
    internal void WriteCsv(string path) => File.WriteAllText(path, ToCsv());

    /// <summary>A GitHub-flavoured Markdown table with $v^{+a}_{-b}$ entries.</summary>
    internal string ToMarkdown()
    {
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"**Table {Number}.** {Caption}\n\n|");
        if (Number == 2) sb.Append(" component |");
        sb.Append(" r<sub>GC</sub> [kpc] |");
        foreach (var c in Columns) sb.Append(' ').Append(c.Html).Append(" |");
        sb.Append(" N |\n|");
        for (int k = 0; k < Columns.Count + (Number == 2 ? 3 : 2); k++) sb.Append(" --- |");
        sb.Append('\n');
        foreach (var r in Rows)
        {
            sb.Append('|');
            if (Number == 2) sb.Append(' ').Append(r.Component).Append(" |");
            sb.Append(' ').Append(RangeLabel(r)).Append(" |");
            foreach (var c in Columns)
                sb.Append(' ').Append(r.Values.TryGetValue(c.Key, out var m) ? m.ToLatex(c.Decimals) : "").Append(" |");
            sb.Append(' ').Append(r.N?.ToString(CultureInfo.InvariantCulture) ?? "").Append(" |\n");
        }
        return sb.ToString();
    }

    /// <summary>An AASTeX `deluxetable*` as the paper would typeset it.</summary>
    internal string ToLatex()
    {
        int ncol = Columns.Count + (Number == 2 ? 3 : 2);
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"\\begin{{deluxetable*}}{{{new string('c', ncol)}}}\n");
        sb.Append(CultureInfo.InvariantCulture, $"\\tablecaption{{{EscapeLatex(Caption)}\\label{{tab:{Name}}}}}\n");
        sb.Append("\\tablehead{");
        var heads = new List<string>();
        if (Number == 2) heads.Add("\\colhead{Component}");
        heads.Add("\\colhead{$r_{\\rm GC}$ [kpc]}");
        heads.AddRange(Columns.Select(c => $"\\colhead{{{c.Latex}}}"));
        heads.Add("\\colhead{N}");
        sb.AppendJoin(" & ", heads).Append("}\n\\startdata\n");
        foreach (var r in Rows)
        {
            var cells = new List<string>();
            if (Number == 2) cells.Add(r.Component ?? "");
            cells.Add(RangeLabel(r));
            cells.AddRange(Columns.Select(c => r.Values.TryGetValue(c.Key, out var m) ? m.ToLatex(c.Decimals) : "\\nodata"));
            cells.Add(r.N?.ToString(CultureInfo.InvariantCulture) ?? "\\nodata");
            sb.AppendJoin(" & ", cells).Append(" \\\\\n");
        }
        sb.Append("\\enddata\n\\end{deluxetable*}\n");
        return sb.ToString();
    }

    /// <summary>Writes name.csv, name.md and name.tex into <paramref name="directory"/>.</summary>
    internal void WriteAll(string directory)
    {
        Directory.CreateDirectory(directory);
        WriteCsv(Path.Combine(directory, Name + ".csv"));
        File.WriteAllText(Path.Combine(directory, Name + ".md"), ToMarkdown());
        File.WriteAllText(Path.Combine(directory, Name + ".tex"), ToLatex());
    }

    public string ToHtml()
    {
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"<table><caption><b>Table {Number}.</b> {WebUtility.HtmlEncode(Caption)}</caption><tr>");
        if (Number == 2) sb.Append("<th>component</th>");
        sb.Append("<th>r<sub>GC</sub> [kpc]</th>");
        foreach (var c in Columns) sb.Append("<th>").Append(c.Html).Append("</th>");
        sb.Append("<th>N</th></tr>");
        foreach (var r in Rows)
        {
            sb.Append("<tr>");
            if (Number == 2) sb.Append("<td>").Append(WebUtility.HtmlEncode(r.Component)).Append("</td>");
            sb.Append("<td>").Append(RangeLabel(r)).Append("</td>");
            foreach (var c in Columns) sb.Append("<td>").Append(r.Values.TryGetValue(c.Key, out var m) ? m.ToHtml(c.Decimals) : "").Append("</td>");
            sb.Append("<td>").Append(r.N?.ToString(CultureInfo.InvariantCulture) ?? "").Append("</td></tr>");
        }
        return sb.Append("</table>").ToString();
    }

    /// <summary>
    /// Reads a table from CSV text in the layout of the paper's CSV copies (and of <see cref="ToCsv"/>) with the one CSV
    /// reader (<see cref="CsvTable"/>): columns found by name (any case), `_errp`/`_errm` optional (0 when absent), empty
    /// cells = missing. Errors (<see cref="CatalogException"/>) name the source, row and column.
    /// </summary>
    internal static PaperTable Parse(int number, string csv, string source)
    {
        var template = new PaperTable(number, []);
        var numeric = new HashSet<string>(["r_min_kpc", "r_max_kpc", "r_median_kpc", "N"], StringComparer.OrdinalIgnoreCase);
        foreach (var c in template.Columns) numeric.UnionWith([c.CsvName, c.CsvName + "_errp", c.CsvName + "_errm"]);
        var t = CsvTable.Parse(csv, source, name => numeric.Contains(name) ? ColumnType.Double : null);
        string? Name(string name) => t.ColumnNames.FirstOrDefault(h => string.Equals(h, name, StringComparison.OrdinalIgnoreCase));
        double[] Col(string name) => Name(name) is { } n ? t.GetDouble(n) : Enumerable.Repeat(double.NaN, t.RowCount).ToArray();
        if (Name("r_min_kpc") is null || Name("r_max_kpc") is null)
            throw new CatalogException($"columns r_min_kpc and r_max_kpc are required (header: {string.Join(",", t.ColumnNames)})", source);
        string? componentName = Name("component");
        if (number == 2 && componentName is null) throw new CatalogException("Table 2 needs a 'component' column", source);
        string?[]? components = componentName is null ? null : t.GetString(componentName);
        double[] rMin = Col("r_min_kpc"), rMax = Col("r_max_kpc"), rMed = Col("r_median_kpc"), n = Col("N");
        var columns = template.Columns.Select(c => (c.Key, Value: Col(c.CsvName), Plus: Col(c.CsvName + "_errp"), Minus: Col(c.CsvName + "_errm")))
            .ToList();
        var rows = new List<TableRow>();
        for (int i = 0; i < t.RowCount; i++)
        {
            var values = new Dictionary<string, Measurement>();
            foreach (var (key, value, plus, minus) in columns)
                if (double.IsFinite(value[i]))
                    values[key] = new Measurement(value[i], double.IsFinite(plus[i]) ? plus[i] : 0, double.IsFinite(minus[i]) ? minus[i] : 0);
            string? component = components?[i];
            if (number == 2 && component is not ("MR" or "MP"))
                throw new CatalogException($"'{component}' is neither MR nor MP", source, column: componentName, row: i);
            rows.Add(new TableRow(component, rMin[i], rMax[i], rMed[i], double.IsFinite(n[i]) ? (int)n[i] : null, values));
        }
        return new PaperTable(number, rows);
    }

    /// <summary>Reads a table CSV file (see <see cref="Parse"/>).</summary>
    public static PaperTable Read(int number, string path) => Parse(number, File.ReadAllText(path), path);

    /// <summary>"[3, 160]" for the first (all-stars) row as the paper prints it, "[3, 9)" for bins.</summary>
    static string RangeLabel(TableRow r) => string.Create(CultureInfo.InvariantCulture, $"[{r.RMin:0.###}, {r.RMax:0.###})");

    static string EscapeLatex(string s) => s.Replace("σ", "$\\sigma$").Replace("r_GC", "$r_{\\rm GC}$").Replace("1$\\sigma$", "1$\\sigma$");

    public override string ToString() => $"Table {Number}: {Rows.Count} rows";
}
