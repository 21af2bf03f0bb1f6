using System.Globalization;
using System.Net;
using System.Text;
using HaloNotebooks.Astrometry;
using HaloNotebooks.Display;
using HaloNotebooks.Paper;

namespace HaloNotebooks.Analysis;

/// <summary>One entry of a table comparison: our value, the reference value and their difference in combined σ.</summary>
internal sealed record ComparisonEntry(string Row, string Parameter, Measurement Ours, Measurement Theirs)
{
    /// <summary>(ours − theirs) / combined σ, with each side's error facing the other value.</summary>
    public double DifferenceInSigma => Ours.DifferenceInSigma(Theirs);
}

/// <summary>
/// Our Table 1, 2 or 3 set beside a reference — the paper's printed table (data/reference/) or a mock's truth — entry
/// by entry, with a summary: the fraction of entries within 1σ and 2σ, the number beyond 4σ, and the worst entries.
/// Rows are matched by component and radial range; entries missing on either side are left out.
/// </summary>
[TypeFormatterSource(typeof(HtmlFormatterSource))]
public sealed class TableComparison : IHtmlDisplay
{
    TableComparison(PaperTable ours, PaperTable reference, string referenceName, IReadOnlyList<ComparisonEntry> entries)
    {
        Ours = ours;
        Reference = reference;
        ReferenceName = referenceName;
        Entries = entries;
    }

    /// <summary>Our table.</summary>
    public PaperTable Ours { get; }

    /// <summary>The table compared against.</summary>
    public PaperTable Reference { get; }

    /// <summary>"paper" or "mock truth" — says what the reference is.</summary>
    public string ReferenceName { get; }

    /// <summary>Every compared entry, row by row in our table's order.</summary>
    internal IReadOnlyList<ComparisonEntry> Entries { get; }

    /// <summary>Fraction of entries with |Δ| ≤ 1σ.</summary>
    internal double FractionWithin1Sigma => Fraction(1);

    /// <summary>Fraction of entries with |Δ| ≤ 2σ.</summary>
    internal double FractionWithin2Sigma => Fraction(2);

    /// <summary>Number of entries with |Δ| &gt; <paramref name="sigma"/>.</summary>
    internal int CountBeyond(double sigma) => Entries.Count(e => !(Math.Abs(e.DifferenceInSigma) <= sigma));

    /// <summary>The <paramref name="count"/> entries furthest from the reference, in σ.</summary>
    internal IReadOnlyList<ComparisonEntry> Worst(int count = 5) =>
        Entries.OrderByDescending(e => double.IsNaN(e.DifferenceInSigma) ? double.PositiveInfinity : Math.Abs(e.DifferenceInSigma)).Take(count).ToList();

    double Fraction(double sigma) => Entries.Count == 0 ? double.NaN : Entries.Count(e => Math.Abs(e.DifferenceInSigma) <= sigma) / (double)Entries.Count;

    /// <summary>Compares two versions of the same table.</summary>
    public static TableComparison Compare(PaperTable ours, PaperTable reference, string referenceName = "paper")
    {
        if (ours.Number != reference.Number) throw new ArgumentException($"cannot compare Table {ours.Number} with Table {reference.Number}");
        var entries = new List<ComparisonEntry>();
        foreach (var (row, key, a, b) in ours.CellsMatching(reference))
            if (double.IsFinite(a.Value) && double.IsFinite(b.Value))
                entries.Add(new ComparisonEntry(row.Label, key, a, key == "l_apex" ? b with { Value = Angles.NearestTurn(b.Value, a.Value) } : b));
        return new TableComparison(ours, reference, referenceName, entries);
    }

    /// <summary>A one-line summary.</summary>
    public string Summary => string.Create(CultureInfo.InvariantCulture,
        $"Table {Ours.Number} vs {ReferenceName}: {Entries.Count} entries, {Percent(FractionWithin1Sigma)} within 1σ, " +
            $"{Percent(FractionWithin2Sigma)} within 2σ, {CountBeyond(4)} beyond 4σ");

    static string Percent(double f) => double.IsNaN(f) ? "n/a" : (100 * f).ToString("0", CultureInfo.InvariantCulture) + "%";

    /// <summary>The table with every cell as "ours / theirs (Δσ)", cells coloured by |Δ| (≤1σ, ≤2σ, ≤4σ, beyond).</summary>
    public string ToHtml()
    {
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"<div class=\"comparison\"><p><b>{WebUtility.HtmlEncode(Summary)}</b>. Worst: ");
        sb.AppendJoin("; ", Worst(5)
            .Select(e => WebUtility.HtmlEncode(string.Create(CultureInfo.InvariantCulture, $"{e.Row} {e.Parameter} {e.DifferenceInSigma:+0.0;-0.0;0.0}σ"))));
        sb.Append("</p><table><tr><th>row</th>");
        var columns = Ours.Columns.Where(c => Entries.Any(e => e.Parameter == c.Key)).ToList();
        foreach (var c in columns) sb.Append("<th>").Append(c.Html).Append("</th>");
        sb.Append("</tr>");
        foreach (var row in Entries.Select(e => e.Row).Distinct())
        {
            sb.Append("<tr><td>").Append(WebUtility.HtmlEncode(row)).Append("</td>");
            foreach (var c in columns)
            {
                var e = Entries.FirstOrDefault(x => x.Row == row && x.Parameter == c.Key);
                if (e is null) { sb.Append("<td></td>"); continue; }
                double d = Math.Abs(e.DifferenceInSigma);
                string colour = d <= 1 ? "#d8f0d8" : d <= 2 ? "#f0f0c8" : d <= 4 ? "#f8dcc0" : "#f4b8b8";
                // Both sides at the precision of the finer one, so an exact truth prints as many places as our error needs.
                int places = Math.Max(e.Ours.DecimalsFor(c.Decimals), e.Theirs.DecimalsFor(c.Decimals));
                sb.Append(CultureInfo.InvariantCulture,
                    $"<td style=\"background:{colour}\">{e.Ours.ToHtml(places)}<br/>{WebUtility.HtmlEncode(ReferenceName)}: " +
                    $"{(ReferenceName == "paper" ? AsPrinted(e.Theirs) : e.Theirs.ToHtml(places))}<br/>&Delta; = " +
                        $"{e.DifferenceInSigma:+0.0;-0.0;0.0}&sigma;</td>");
            }
            sb.Append("</tr>");
        }
        return sb.Append("</table></div>").ToString();
    }

    /// <summary>The paper's value with its own digits as transcribed (−0.47 stays −0.47, not −0.5 at its error's precision).</summary>
    static string AsPrinted(Measurement m) => string.Create(CultureInfo.InvariantCulture,
        $"{m.Value:G}<sup>+{m.ErrPlus:G}</sup><sub>&minus;{m.ErrMinus:G}</sub>");

    /// <summary>One line per entry: row (quoted: "[3, 9)" holds a comma), parameter, ours (value, +, −), reference (value, +, −), Δ in σ.</summary>
    internal string ToCsv()
    {
        var sb = new StringBuilder("row,parameter,ours,ours_errp,ours_errm,reference,reference_errp,reference_errm,delta_sigma\n");
        foreach (var e in Entries)
            sb.AppendJoin(',',
                ['"' + e.Row + '"', e.Parameter,
                    .. new[] { e.Ours.Value, e.Ours.ErrPlus, e.Ours.ErrMinus, e.Theirs.Value, e.Theirs.ErrPlus, e.Theirs.ErrMinus, e.DifferenceInSigma }
                        .Select(x => x.ToString("R", CultureInfo.InvariantCulture))]).Append('\n');
        return sb.ToString();
    }

    public override string ToString() => Summary;
}
