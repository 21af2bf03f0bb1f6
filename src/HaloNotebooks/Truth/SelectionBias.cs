using System.Globalization;
using System.Net;
using System.Text;
using HaloNotebooks.Analysis;
using HaloNotebooks.Paper;
using HaloNotebooks.Display;
using HaloNotebooks.Mocks;

namespace HaloNotebooks.Truth;

/// <summary>One Table 2 entry: the paper's value and the intrinsic value the calibrated mock needs to return it.</summary>
/// <param name="Intrinsic">The population before the cuts, as the mock draws it (data/reference/mock_calibrated_halo.csv).</param>
internal sealed record SelectionBiasEntry(string Component, double RMin, double RMax, string Key, Measurement Paper, double Intrinsic)
{
    /// <summary>Published − intrinsic: what the §2.3 cuts and the two-component model add to the population's value.</summary>
    public double Bias => Paper.Value - Intrinsic;

    /// <summary><see cref="Bias"/> in units of the paper's 1σ.</summary>
    internal double BiasInSigma => Bias / Paper.Sigma;
}

/// <summary>
/// The selection bias of the paper's Table 2, under the mock's assumptions: for every entry of every bin, the intrinsic
/// value that the calibrated mock (<c>halo mock calibrate</c>) draws and that the paper's cuts and fit turn into the
/// published one. Example: the metal-rich [Fe/H] spread before the [Fe/H] &lt; −0.85 truncation (§2.3), and p_MR of
/// the populations before the cut. It holds only as far as the mock's assumptions do (Gaussian components per bin,
/// the mock's error model and contaminants); it is a forward-model statement, not a measurement.
/// </summary>
[TypeFormatterSource(typeof(HtmlFormatterSource))]
public sealed class SelectionBias : IHtmlDisplay
{
    SelectionBias(IReadOnlyList<SelectionBiasEntry> entries) => Entries = entries;

    internal IReadOnlyList<SelectionBiasEntry> Entries { get; }

    /// <summary>The committed calibration against the paper's Table 2.</summary>
    public static SelectionBias Calibrated() => From(MockInputTables.CalibratedHalo, PublishedTables.Table2);

    /// <summary>Every Table 2 bin entry of <paramref name="paper"/> that <paramref name="inputs"/> (halo input layout) gives a value for.</summary>
    internal static SelectionBias From(MockInputTable inputs, PaperTable paper)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(paper);
        var entries = new List<SelectionBiasEntry>();
        for (int i = 0; i < inputs.RowCount; i++)
        {
            string comp = inputs.Labels?[i] ?? throw new ArgumentException("the halo inputs need a component column (MR/MP)");
            double lo = inputs[i, "r_min_kpc"], hi = inputs[i, "r_max_kpc"];
            var row = paper.Rows.FirstOrDefault(r => r.Component == comp && r.RMin == lo && r.RMax == hi);
            if (row is null) continue;
            foreach (var c in paper.Columns)
            {
                if (!row.Values.TryGetValue(c.Key, out var m) || !inputs.Columns.Contains(c.CsvName)) continue;
                // The outer halo's mean V_r and V_θ are its reflex motion and contraction (HaloVelocityField), not an input.
                if (c.Key is "vr" or "vtheta" && Math.Sqrt(lo * hi) > HaloVelocityField.OuterHaloRadius) continue;
                double v = inputs[i, c.CsvName];
                if (double.IsFinite(v)) entries.Add(new SelectionBiasEntry(comp, lo, hi, c.Key, m, v));
            }
        }
        return new SelectionBias(entries);
    }

    static IReadOnlyList<TableColumn> Columns => [.. TableColumn.Kinematics.Where(c => c.Key != "beta"), TableColumn.PMetalRich];

    IEnumerable<IGrouping<(string Component, double RMin, double RMax), SelectionBiasEntry>> Rows =>
        Entries.GroupBy(e => (e.Component, e.RMin, e.RMax));

    static string Range(double lo, double hi) => string.Create(CultureInfo.InvariantCulture, $"[{lo:0.###}, {hi:0.###})");

    /// <summary>One line per entry: component, r_min_kpc, r_max_kpc, parameter, paper, paper_sigma, intrinsic, bias, bias_sigma.</summary>
    internal string ToCsv()
    {
        var sb = new StringBuilder("component,r_min_kpc,r_max_kpc,parameter,paper,paper_sigma,intrinsic,bias,bias_sigma\n");
        foreach (var e in Entries)
            sb.Append(CultureInfo.InvariantCulture,
                $"{e.Component},{e.RMin},{e.RMax},{e.Key},{e.Paper.Value:R},{e.Paper.Sigma:R},{e.Intrinsic:R},{e.Bias:R},{e.BiasInSigma:R}\n");
        return sb.ToString();
    }

    static string Cell(SelectionBiasEntry? e, int decimals) => e is null ? "" :
        string.Create(CultureInfo.InvariantCulture, $"{e.Intrinsic.ToString("F" + decimals, CultureInfo.InvariantCulture)} ({e.BiasInSigma:+0.0;−0.0}σ)");

    const string Note = "Intrinsic value (before the §2.3 cuts) that the calibrated mock draws; in brackets the paper's value minus it, in the paper's σ. " +
        "Under the mock's assumptions only.";

    /// <summary>Wide Markdown: one row per component and bin, one column per parameter.</summary>
    internal string ToMarkdown()
    {
        var sb = new StringBuilder("Selection bias of Table 2. ").Append(Note).Append("\n\n| component | r_GC [kpc] |");
        foreach (var c in Columns) sb.Append(' ').Append(c.CsvName).Append(" |");
        sb.Append("\n| --- | --- |").Append(string.Concat(Columns.Select(_ => " ---: |"))).Append('\n');
        foreach (var g in Rows)
        {
            sb.Append("| ").Append(g.Key.Component).Append(" | ").Append(Range(g.Key.RMin, g.Key.RMax)).Append(" |");
            foreach (var c in Columns) sb.Append(' ').Append(Cell(g.FirstOrDefault(e => e.Key == c.Key), c.Decimals)).Append(" |");
            sb.Append('\n');
        }
        return sb.ToString();
    }

    /// <summary>An AASTeX deluxetable with the same layout as <see cref="ToMarkdown"/>.</summary>
    internal string ToLatex()
    {
        var sb = new StringBuilder(@"\begin{deluxetable*}{ll").Append('r', Columns.Count).Append("}\n")
            .Append(@"\tablecaption{Selection bias of Table 2 under the mock's assumptions: the intrinsic value the calibrated mock draws, and in brackets " +
                @"(paper $-$ intrinsic) in units of the paper's $\sigma$.}").Append('\n')
            .Append(@"\tablehead{\colhead{Component} & \colhead{$r_{\rm GC}$ [kpc]}");
        foreach (var c in Columns) sb.Append(@" & \colhead{").Append(c.Latex).Append('}');
        sb.Append("}\n\\startdata\n");
        foreach (var g in Rows)
        {
            sb.Append(g.Key.Component).Append(" & ").Append(Range(g.Key.RMin, g.Key.RMax).Replace(")", "$)$", StringComparison.Ordinal)
                .Replace("[", "$[$", StringComparison.Ordinal));
            foreach (var c in Columns)
                sb.Append(" & ").Append(Cell(g.FirstOrDefault(e => e.Key == c.Key), c.Decimals)
                    .Replace("σ", @"$\sigma$", StringComparison.Ordinal).Replace("−", "$-$", StringComparison.Ordinal));
            sb.Append(@" \\").Append('\n');
        }
        return sb.Append("\\enddata\n\\end{deluxetable*}\n").ToString();
    }

    public string ToHtml()
    {
        var sb = new StringBuilder("<table><caption>Selection bias of Table 2 — ").Append(WebUtility.HtmlEncode(Note))
            .Append("</caption><thead><tr><th>component</th><th>r<sub>GC</sub> [kpc]</th>");
        foreach (var c in Columns) sb.Append("<th>").Append(c.Html).Append("</th>");
        sb.Append("</tr></thead><tbody>");
        foreach (var g in Rows)
        {
            sb.Append("<tr><td>").Append(g.Key.Component).Append("</td><td>").Append(Range(g.Key.RMin, g.Key.RMax)).Append("</td>");
            foreach (var c in Columns)
            {
                var e = g.FirstOrDefault(x => x.Key == c.Key);
                string style = e is not null && Math.Abs(e.BiasInSigma) > 3 ? " style=\"background:#fde0c5\"" : "";
                sb.Append("<td").Append(style).Append(" title=\"")
                    .Append(e is null ? "" : WebUtility.HtmlEncode(string.Create(CultureInfo.InvariantCulture,
                        $"paper {e.Paper.Value:G4} ± {e.Paper.Sigma:G2}")))
                    .Append("\">")
                  .Append(WebUtility.HtmlEncode(Cell(e, c.Decimals))).Append("</td>");
            }
            sb.Append("</tr>");
        }
        return sb.Append("</tbody></table>").ToString();
    }

    /// <summary>Writes selection_bias.csv, .md and .tex into <paramref name="directory"/>.</summary>
    internal void WriteAll(string directory)
    {
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, "selection_bias.csv"), ToCsv());
        File.WriteAllText(Path.Combine(directory, "selection_bias.md"), ToMarkdown());
        File.WriteAllText(Path.Combine(directory, "selection_bias.tex"), ToLatex());
    }

    public override string ToString() => $"SelectionBias: {Entries.Count} Table 2 entries, " +
        $"{Entries.Count(e => Math.Abs(e.BiasInSigma) > 3)} shifted by more than 3σ";
}
