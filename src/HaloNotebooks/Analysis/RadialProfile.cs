using System.Globalization;
using System.Net;
using System.Text;
using HaloNotebooks.Display;
using HaloNotebooks.Paper;

namespace HaloNotebooks.Analysis;

/// <summary>
/// One model fitted to all stars of a radial range and then to each radial bin (§4.1: 3–160 kpc then Table 1's bins;
/// §4.4: 50–120 kpc then Table 3's). The rows of Tables 1–3 and the points of Figs. 2, 4, 5 and 9.
/// </summary>
[TypeFormatterSource(typeof(HtmlFormatterSource))]
public sealed class RadialProfile : IHtmlDisplay
{
    public RadialProfile(FitModel model, BinFit allStars, IReadOnlyList<BinFit> bins)
    {
        Model = model;
        AllStars = allStars;
        Bins = bins;
    }

    /// <summary>The model fitted in every bin.</summary>
    internal FitModel Model { get; }

    /// <summary>The fit of every star of the range (first row of each table).</summary>
    public BinFit AllStars { get; }

    /// <summary>One fit per radial bin, inner to outer.</summary>
    public IReadOnlyList<BinFit> Bins { get; }

    /// <summary>The posterior predictive check of each fit by bin index (−1: all stars); empty when none ran (issue 28).</summary>
    public IReadOnlyDictionary<int, PredictiveCheck> PredictiveChecks { get; init; } = new Dictionary<int, PredictiveCheck>();

    /// <summary>The profile of one parameter: (median r_GC of the bin, measurement) per bin.</summary>
    internal IReadOnlyList<(double RMedian, Measurement Value)> Of(string parameter) =>
        Bins.Select(b => (b.Bin.RMedian, b[parameter])).ToList();

    /// <summary>Summed wall time of the fits.</summary>
    internal double WallTimeSeconds => AllStars.WallTimeSeconds + Bins.Sum(b => b.WallTimeSeconds);

    public string ToHtml()
    {
        var names = AllStars.Parameters.Keys.ToList();
        var sb = new StringBuilder($"<table><caption>{WebUtility.HtmlEncode(Model.Name)} fits per radial bin</caption><tr><th>r<sub>GC</sub> [kpc]</th>" +
            $"<th>N</th><th>median r</th>");
        foreach (var n in names) sb.Append("<th>").Append(WebUtility.HtmlEncode(n)).Append("</th>");
        sb.Append("</tr>");
        foreach (var b in Bins.Prepend(AllStars))
        {
            sb.Append(CultureInfo.InvariantCulture, $"<tr><td>{WebUtility.HtmlEncode(b.Bin.Label)}</td><td>{b.Bin.Count}</td><td>{b.Bin.RMedian:0.0}</td>");
            foreach (var n in names)
                sb.Append("<td>").Append(b.Parameters.TryGetValue(n, out var m) ? m.ToHtml(Decimals(n)) : "").Append("</td>");
            sb.Append("</tr>");
        }
        return sb.Append("</table>").ToString();
    }

    internal static int Decimals(string parameter) =>
        parameter.StartsWith("feh", StringComparison.Ordinal) || parameter.StartsWith("beta", StringComparison.Ordinal) || parameter == "p_mr" ? 3 : 1;

    public override string ToString() => $"{Model} profile: all stars N={AllStars.Bin.Count}, {Bins.Count} bins";
}
