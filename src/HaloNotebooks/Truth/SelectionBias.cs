using System.Globalization;
using System.Net;
using System.Text;
using HaloNotebooks.Analysis;
using HaloNotebooks.Paper;
using HaloNotebooks.Display;
using HaloNotebooks.Mocks;
using HaloNotebooks.Models;

namespace HaloNotebooks.Truth;

/// <summary>One Table 2 entry: the paper's value and the intrinsic value the calibrated mock needs to return it.</summary>
/// <param name="Intrinsic">The population before the cuts, as the mock draws it (data/reference/mock_calibrated_halo.csv).</param>
internal sealed record SelectionBiasEntry(string Component, double RMin, double RMax, string Key, Measurement Paper, double Intrinsic)
{
    /// <summary>Published − intrinsic: what the §2.3 cuts and the two-component model add to the population's value.</summary>
    public double Bias => Paper.Value - Intrinsic;

    /// <summary><see cref="Bias"/> in units of the paper's 1σ.</summary>
    internal double BiasInSigma => Bias / Paper.Sigma;

    /// <summary>Noise of <see cref="Intrinsic"/> from the calibration (data/reference/mock_calibration_spread.csv); NaN where it was not calibrated.</summary>
    public double CalibrationSigma { get; init; } = double.NaN;

    /// <summary>The calibration's noise ⊕ the paper's σ: the scale against which a <see cref="Bias"/> is judged.</summary>
    public double CombinedSigma => Math.Sqrt(CalibrationSigma * CalibrationSigma + Paper.Sigma * Paper.Sigma);

    /// <summary>Why the entry says nothing about the population ("not calibrated", "at a prior bound", "beyond the [Fe/H] cut"), or null.</summary>
    public string? Unconstrained { get; init; }

    /// <summary>True when the calibration constrains the intrinsic value (no <see cref="Unconstrained"/> reason).</summary>
    public bool Constrained => Unconstrained is null;

    /// <summary>A constrained entry whose |intrinsic − published| exceeds 3 × <see cref="CombinedSigma"/>: a selection bias beyond noise.</summary>
    public bool Significant => Constrained && Math.Abs(Bias) > SelectionBiasConstraint.SignificanceSigmas * CombinedSigma;

    /// <summary><see cref="Bias"/> in units of <see cref="CombinedSigma"/>.</summary>
    public double BiasInCombinedSigma => Bias / CombinedSigma;
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
    internal static SelectionBias From(MockInputTable inputs, PaperTable paper) => From(inputs, paper, CalibrationSpread.Of);

    /// <summary>As <see cref="From(MockInputTable, PaperTable)"/> with the calibration noise of each entry from
    /// <paramref name="calibrationSigma"/> (component, r_min, r_max, key → σ, NaN = not calibrated).</summary>
    internal static SelectionBias From(MockInputTable inputs, PaperTable paper, Func<string, double, double, string, double> calibrationSigma,
        MixturePriors? priors = null, double fehCut = -0.85)
    {
        priors ??= MixturePriors.Paper;
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
                if (!double.IsFinite(v)) continue;
                double cal = calibrationSigma(comp, lo, hi, c.Key);
                entries.Add(new SelectionBiasEntry(comp, lo, hi, c.Key, m, v)
                {
                    CalibrationSigma = cal,
                    Unconstrained = SelectionBiasConstraint.Reason(c.Key, v, cal, inputs[i, "feh_mean"], inputs[i, "feh_sigma"], priors, fehCut),
                });
            }
        }
        return new SelectionBias(entries);
    }

    static IReadOnlyList<TableColumn> Columns => [.. TableColumn.Kinematics.Where(c => c.Key != "beta"), TableColumn.PMetalRich];

    IEnumerable<IGrouping<(string Component, double RMin, double RMax), SelectionBiasEntry>> Rows =>
        Entries.GroupBy(e => (e.Component, e.RMin, e.RMax));

    static string Range(double lo, double hi) => string.Create(CultureInfo.InvariantCulture, $"[{lo:0.###}, {hi:0.###})");

    /// <summary>Constrained entries whose bias exceeds 3 combined σ.</summary>
    internal int SignificantCount => Entries.Count(e => e.Significant);

    /// <summary>Entries the calibration does not constrain (not calibrated, at a prior bound, beyond the [Fe/H] cut).</summary>
    internal int UnconstrainedCount => Entries.Count(e => !e.Constrained);

    /// <summary>One sentence with the counts, for the captions and the report.</summary>
    internal string Summary => string.Create(CultureInfo.InvariantCulture,
        $"{SignificantCount} of {Entries.Count} entries are significant biases (constrained, |intrinsic − published| > 3 × combined σ); " +
        $"{UnconstrainedCount} are unconstrained ({string.Join(", ", Entries.Where(e => !e.Constrained).GroupBy(e => e.Unconstrained)
            .Select(g => $"{g.Count()} {g.Key}"))}).");

    /// <summary>
    /// Where the calibration spread comes from, and the one entry that looks impossible: MR [47.5, 60) σ_[Fe/H], whose
    /// intrinsic value is below the published one although the [Fe/H] &lt; −0.85 truncation can only narrow a component.
    /// </summary>
    internal string SpreadNote
    {
        get
        {
            var sb = new StringBuilder(string.Create(CultureInfo.InvariantCulture,
                $"Calibration σ: the standard deviation over {CalibrationSpread.Seeds} independent mock seeds of one calibration step from the " +
                $"shipped inputs (data/reference/mock_calibration_spread.md), not divided by √3 for the average of the last 3 steps."));
            var e = Entries.FirstOrDefault(x => x.Component == "MR" && x.RMin == 47.5 && x.Key == "feh_sigma");
            if (e is null || double.IsNaN(e.CalibrationSigma)) return sb.ToString();
            sb.Append(CultureInfo.InvariantCulture,
                $" MR [47.5, 60) σ_[Fe/H]: intrinsic {e.Intrinsic:F3} below the published {e.Paper.Value:F3}, though the cut only narrows a " +
                $"component; the calibration noise there is ±{e.CalibrationSigma:F3}, so the difference is {e.BiasInCombinedSigma:+0.0;−0.0} " +
                $"combined σ: ");
            sb.Append(e.Significant
                ? "beyond the calibration's noise. Not the cut: it lies " +
                  string.Create(CultureInfo.InvariantCulture, $"{(-0.85 - Feh(e, "feh_mean")) / e.Intrinsic:F1}") +
                  " intrinsic σ above the mean and removes little. A likely cause, not tested here: where p_MR is small the fit's " +
                  "metal-rich Gaussian also takes in the metal-poor component's metal-rich tail."
                : string.Create(CultureInfo.InvariantCulture,
                    $"within 3 combined σ, which the paper's own ±{e.Paper.Sigma:F3} dominates; the entry is no evidence of a widening by the fit."));
            return sb.ToString();
        }
    }

    double Feh(SelectionBiasEntry e, string key) =>
        Entries.First(x => x.Component == e.Component && x.RMin == e.RMin && x.RMax == e.RMax && x.Key == key).Intrinsic;

    /// <summary>One line per entry: component, r_min_kpc, r_max_kpc, parameter, paper, paper_sigma, intrinsic, bias, bias_sigma,
    /// calibration_sigma, combined_sigma, bias_combined_sigma, constrained, reason, significant (σ columns empty where unconstrained).</summary>
    internal string ToCsv()
    {
        var sb = new StringBuilder("component,r_min_kpc,r_max_kpc,parameter,paper,paper_sigma,intrinsic,bias,bias_sigma," +
            "calibration_sigma,combined_sigma,bias_combined_sigma,constrained,reason,significant\n");
        foreach (var e in Entries)
        {
            sb.Append(CultureInfo.InvariantCulture,
                $"{e.Component},{e.RMin},{e.RMax},{e.Key},{e.Paper.Value:R},{e.Paper.Sigma:R},{e.Intrinsic:R},{e.Bias:R},");
            if (e.Constrained)
                sb.Append(CultureInfo.InvariantCulture, $"{e.BiasInSigma:R},{e.CalibrationSigma:R},{e.CombinedSigma:R},{e.BiasInCombinedSigma:R},");
            else
                sb.Append(',').Append(double.IsNaN(e.CalibrationSigma) ? "" : e.CalibrationSigma.ToString("R", CultureInfo.InvariantCulture)).Append(",,,");
            sb.Append(e.Constrained ? "true" : "false").Append(',').Append(e.Unconstrained ?? "").Append(',')
              .Append(e.Significant ? "true" : "false").Append('\n');
        }
        return sb.ToString();
    }

    // Constrained: the paper's value minus the intrinsic one in combined σ (* = significant); unconstrained: only the reason.
    static string Cell(SelectionBiasEntry? e, int decimals) => e is null ? "" :
        e.Intrinsic.ToString("F" + decimals, CultureInfo.InvariantCulture) + (e.Constrained
            ? string.Create(CultureInfo.InvariantCulture, $" ({e.BiasInCombinedSigma:+0.0;−0.0}σ{(e.Significant ? "*" : "")})")
            : $" ({e.Unconstrained})");

    const string Note = "Intrinsic value (before the §2.3 cuts) that the calibrated mock draws; in brackets the paper's value minus it, in units of the " +
        "combined σ (the calibration's noise over independent seeds ⊕ the paper's σ), * where beyond 3σ — or, where the calibration does not " +
        "constrain the value, why. Under the mock's assumptions only.";

    /// <summary>Wide Markdown: one row per component and bin, one column per parameter.</summary>
    internal string ToMarkdown()
    {
        var sb = new StringBuilder("Selection bias of Table 2. ").Append(Note).Append(' ').Append(Summary).Append("\n\n| component | r_GC [kpc] |");
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
                @"(paper $-$ intrinsic) in units of the combined $\sigma$ (calibration noise over seeds $\oplus$ the paper's $\sigma$), * beyond 3$\sigma$; " +
                @"where the calibration does not constrain the value, the reason. ").Append(Summary.Replace("−", "$-$", StringComparison.Ordinal)
                .Replace("σ", @"$\sigma$", StringComparison.Ordinal).Replace("×", @"$\times$", StringComparison.Ordinal)
                .Replace(">", "$>$", StringComparison.Ordinal)).Append("}\n")
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
        var sb = new StringBuilder("<table><caption>Selection bias of Table 2 — ").Append(WebUtility.HtmlEncode(Note + " " + Summary))
            .Append("</caption><thead><tr><th>component</th><th>r<sub>GC</sub> [kpc]</th>");
        foreach (var c in Columns) sb.Append("<th>").Append(c.Html).Append("</th>");
        sb.Append("</tr></thead><tbody>");
        foreach (var g in Rows)
        {
            sb.Append("<tr><td>").Append(g.Key.Component).Append("</td><td>").Append(Range(g.Key.RMin, g.Key.RMax)).Append("</td>");
            foreach (var c in Columns)
            {
                var e = g.FirstOrDefault(x => x.Key == c.Key);
                string style = e is not null && e.Significant ? " style=\"background:#fde0c5\"" : "";
                sb.Append("<td").Append(style).Append(" title=\"")
                    .Append(e is null ? "" : WebUtility.HtmlEncode(string.Create(CultureInfo.InvariantCulture,
                        $"paper {e.Paper.Value:G4} ± {e.Paper.Sigma:G2}, calibration ± {e.CalibrationSigma:G2}")))
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
        $"{SignificantCount} significant biases, {UnconstrainedCount} unconstrained";
}
