using System.Globalization;
using System.Net;
using System.Text;
using HaloNotebooks.Display;

namespace HaloNotebooks.Analysis;

/// <summary>One bin and distance-error level: the shift of p_MR, β_MP or β_MR from the error-free fit, beside what Appendix A says.</summary>
/// <param name="Shift">Recovered with distance errors − recovered without, in the two fits' combined 1σ (conservative: the two
/// samples share most of their stars, so the difference is less noisy than that).</param>
/// <param name="PaperSign">+1: the paper finds it overestimated at this radius; −1: underestimated; 0: consistent; null: no statement.</param>
internal sealed record AppendixABiasEntry(string Parameter, string Bin, double RMedian, double FractionalError, double Shift, int? PaperSign)
{
    /// <summary>A shift counts as one only beyond this many σ (issue 28: a 0.5σ shift has no sign).</summary>
    internal const double Significant = 2.0;

    /// <summary>The paper's description at this radius in words.</summary>
    internal string PaperSays => PaperSign switch { 1 => "overestimated", -1 => "slightly underestimated", 0 => "consistent", _ => "—" };

    /// <summary>Whether our shift goes the paper's way: beyond 2σ in its direction for an over/underestimate, within 2σ for
    /// "consistent"; null where the paper says nothing.</summary>
    internal bool? Agrees => PaperSign switch
    {
        null => null,
        0 => Math.Abs(Shift) <= Significant,
        int s => s * Shift > Significant,
    };
}

/// <summary>
/// Fig. 10's biases beside the paper's description of them (Appendix A): with distance errors p_MR is overestimated
/// between 40 and 60 kpc (inner MR stars scattered outwards); β_MP is slightly underestimated within 30 kpc,
/// consistent between 30 and 60 kpc and overestimated beyond 60 kpc ("distance uncertainties flatten the velocity
/// anisotropy profiles"). A bin is placed by its median r_GC.
/// </summary>
[TypeFormatterSource(typeof(HtmlFormatterSource))]
public sealed class AppendixABias : IHtmlDisplay
{
    AppendixABias(IReadOnlyList<AppendixABiasEntry> entries) => Entries = entries;

    internal IReadOnlyList<AppendixABiasEntry> Entries { get; }

    /// <summary>Appendix A's statement for p_MR ("p_mr") or β_MP ("beta_mp") at a median radius (kpc).</summary>
    internal static int? PaperSign(string parameter, double rMedian) => parameter switch
    {
        "p_mr" => rMedian >= 40 && rMedian < 60 ? 1 : null,
        "beta_mp" => rMedian < 30 ? -1 : rMedian < 60 ? 0 : 1,
        _ => null,
    };

    /// <summary>Every bin of every level with a distance error against the level without (the first, f = 0): p_MR, β_MP, and
    /// β_MR where the fits carry it.</summary>
    public static AppendixABias From(DistanceErrorProfiles profiles)
    {
        ArgumentNullException.ThrowIfNull(profiles);
        var reference = profiles.Levels.FirstOrDefault(l => l.FractionalError == 0)
            ?? throw new ArgumentException("Appendix A's bias needs the error-free level (distance error 0)");
        var entries = new List<AppendixABiasEntry>();
        foreach (var p in new[] { "p_mr", "beta_mp", "beta_mr" })
            foreach (var level in profiles.Levels.Where(l => l.FractionalError > 0))
                for (int k = 0; k < Math.Min(level.Bins.Count, reference.Bins.Count); k++)
                {
                    var b0 = reference.Bins[k];
                    var b = level.Bins[k];
                    if (!b0.Parameters.ContainsKey(p) || !b.Parameters.ContainsKey(p)) continue;
                    double shift = (b[p].Value - b0[p].Value) / Math.Sqrt(b0[p].Sigma * b0[p].Sigma + b[p].Sigma * b[p].Sigma);
                    entries.Add(new AppendixABiasEntry(p, b0.Bin.Label, b0.Bin.RMedian, level.FractionalError, shift, PaperSign(p, b0.Bin.RMedian)));
                }
        return new AppendixABias(entries);
    }

    public string ToHtml()
    {
        var sb = new StringBuilder("<table><caption>Fig. 10's biases beside Appendix A's description: shift from the error-free fit in the two " +
                "fits' combined 1&sigma; (&ldquo;same way&rdquo;: beyond 2&sigma; in the paper's direction, or within 2&sigma; where it finds them consistent)")
            .Append("</caption><tr><th>parameter</th><th>r<sub>GC</sub> [kpc]</th><th>median r [kpc]</th><th>distance error</th><th>shift [&sigma;]</th>")
            .Append("<th>paper (Appendix A)</th><th>same way?</th></tr>");
        foreach (var e in Entries)
            sb.Append(CultureInfo.InvariantCulture, $"<tr><td>{Label(e.Parameter)}</td>")
              .Append(CultureInfo.InvariantCulture, $"<td>{WebUtility.HtmlEncode(e.Bin)}</td><td>{e.RMedian:0.0}</td><td>{100 * e.FractionalError:0}%</td>")
              .Append(CultureInfo.InvariantCulture, $"<td>{e.Shift:+0.0;-0.0;0.0}</td><td>{e.PaperSays}</td><td>{YesNo(e.Agrees)}</td></tr>");
        return sb.Append("</table>").ToString();
    }

    /// <summary>parameter, bin, r_median, distance_error, shift_sigma, paper, agrees.</summary>
    internal string ToCsv()
    {
        var sb = new StringBuilder("parameter,bin,r_median_kpc,distance_error,shift_sigma,paper,agrees\n");
        foreach (var e in Entries)
            sb.Append(CultureInfo.InvariantCulture,
                $"{e.Parameter},\"{e.Bin}\",{e.RMedian:R},{e.FractionalError:R},{e.Shift:R},{e.PaperSays},{YesNo(e.Agrees)}\n");
        return sb.ToString();
    }

    internal static string Label(string parameter) =>
        parameter switch { "p_mr" => "p<sub>MR</sub>", "beta_mp" => "&beta;<sub>MP</sub>", "beta_mr" => "&beta;<sub>MR</sub>", _ => parameter };

    static string YesNo(bool? agrees) => agrees is null ? "" : agrees.Value ? "yes" : "no";

    public override string ToString() =>
        $"Appendix A bias: {Entries.Count(e => e.Agrees == true)} of {Entries.Count(e => e.Agrees is not null)} entries go the paper's way";
}
