using System.Globalization;
using System.Net;
using System.Text;
using HaloNotebooks.Catalogs;
using HaloNotebooks.Display;

namespace HaloNotebooks.Selection;

/// <summary>
/// The record of a selection: the ordered cuts with stars in / kept / removed, and for every input row
/// the first cut that removed it (null for a survivor), so no star disappears unexplained (DESIGN.md).
/// </summary>
[TypeFormatterSource(typeof(HtmlFormatterSource))]
public sealed class Funnel : IHtmlDisplay
{
    readonly string?[] removedBy;

    internal Funnel(int inputCount, IReadOnlyList<FunnelStep> steps, string?[] removedBy)
    {
        InputCount = inputCount;
        Steps = steps;
        this.removedBy = removedBy;
    }

    /// <summary>Rows that entered the first cut.</summary>
    internal int InputCount { get; }

    /// <summary>Rows that survived every cut.</summary>
    internal int FinalCount => Steps.Count == 0 ? InputCount : Steps[^1].Kept;

    public IReadOnlyList<FunnelStep> Steps { get; }

    /// <summary>"Selection funnel (§4.4)" when a step follows §4.4 (the dipole sample), else "Selection funnel (§2.3)".</summary>
    public string Title => Steps.Any(s => s.Wording.StartsWith("§4.4", StringComparison.Ordinal)) ? "Selection funnel (§4.4)" : "Selection funnel (§2.3)";

    /// <summary>Per input row (in input order): the name of the cut that removed it, or null if it was kept.</summary>
    internal string?[] RemovedBy => (string?[])removedBy.Clone();

    /// <summary>The input rows removed by the cut called <paramref name="cut"/>.</summary>
    internal int[] RowsRemovedBy(string cut)
    {
        var rows = new List<int>();
        for (int i = 0; i < removedBy.Length; i++) if (removedBy[i] == cut) rows.Add(i);
        return rows.ToArray();
    }

    /// <summary>Applies <paramref name="cuts"/> in order; returns the surviving rows and the funnel.</summary>
    internal static (StarTable Kept, Funnel Funnel) Apply(StarTable table, IEnumerable<Cut> cuts)
    {
        var builder = new FunnelBuilder(table);
        foreach (var cut in cuts) builder.Apply(cut);
        return (builder.Current, builder.Build());
    }

    /// <summary>This funnel followed by one more step on its survivors (used by <see cref="HaloSample.Where"/>).</summary>
    internal Funnel Then(FunnelStep step, ReadOnlySpan<int> inputRowsRemoved)
    {
        var copy = (string?[])removedBy.Clone();
        foreach (int r in inputRowsRemoved)
        {
            if (copy[r] is not null) throw new InvalidOperationException($"input row {r} was already removed by '{copy[r]}'");
            copy[r] = step.Cut;
        }
        return new Funnel(InputCount, [.. Steps, step], copy);
    }

    /// <summary>Column headings of <see cref="Rows"/>.</summary>
    internal static IReadOnlyList<string> Header { get; } = ["#", "cut", "paper (§)", "parameters", "in", "kept", "removed", "kept %"];

    /// <summary>The funnel as rows of text, one per cut, for a console table (Spectre.Console in the CLI).</summary>
    public IReadOnlyList<string[]> Rows() =>
        Steps.Select((s, i) => new[]
        {
            (i + 1).ToString(CultureInfo.InvariantCulture), s.Cut, s.Wording, s.Parameters,
            s.In.ToString("N0", CultureInfo.InvariantCulture), s.Kept.ToString("N0", CultureInfo.InvariantCulture),
            s.Removed.ToString("N0", CultureInfo.InvariantCulture), (100 * s.FractionKept).ToString("F1", CultureInfo.InvariantCulture),
        }).ToArray();

    /// <summary>A Markdown table (for benchmarks/ and reports).</summary>
    internal string ToMarkdown()
    {
        var sb = new StringBuilder();
        sb.AppendLine("| " + string.Join(" | ", Header) + " |");
        sb.AppendLine("|" + string.Concat(Enumerable.Repeat("---|", Header.Count)));
        foreach (var row in Rows()) sb.AppendLine("| " + string.Join(" | ", row.Select(c => c.Replace("|", "\\|"))) + " |");
        sb.AppendLine($"| | **final sample** | | | {InputCount.ToString("N0", CultureInfo.InvariantCulture)} | " +
            $"**{FinalCount.ToString("N0", CultureInfo.InvariantCulture)}** | {(InputCount - FinalCount).ToString("N0", CultureInfo.InvariantCulture)} | |");
        return sb.ToString();
    }

    public string ToHtml()
    {
        var sb = new StringBuilder();
        sb.Append("<table class=\"halo-funnel\"><caption>").Append(WebUtility.HtmlEncode(Title)).Append(": ")
          .Append(InputCount.ToString("N0", CultureInfo.InvariantCulture)).Append(" stars in, ")
          .Append(FinalCount.ToString("N0", CultureInfo.InvariantCulture)).Append(" selected</caption><thead><tr>");
        foreach (var h in Header) sb.Append("<th>").Append(WebUtility.HtmlEncode(h)).Append("</th>");
        sb.Append("</tr></thead><tbody>");
        foreach (var row in Rows())
        {
            sb.Append("<tr>");
            for (int c = 0; c < row.Length; c++)
                sb.Append(c >= 4 ? "<td style=\"text-align:right\">" : "<td>").Append(WebUtility.HtmlEncode(row[c])).Append("</td>");
            sb.Append("</tr>");
        }
        sb.Append("</tbody></table>");
        return sb.ToString();
    }

    public override string ToString() =>
        $"Funnel: {InputCount} in, {FinalCount} selected after {Steps.Count} cuts ({string.Join(" → ", Steps.Select(s => $"{s.Cut} {s.Kept}"))})";
}
