using System.Globalization;
using System.Net;
using System.Text;
using HaloNotebooks.Display;

namespace HaloNotebooks.Analysis;

/// <summary>One bin and distance-error level: the shift of p_MR or β_MP from the error-free fit, beside what Appendix A says.</summary>
/// <param name="Shift">Recovered with distance errors − recovered without, in the error-free fit's 1σ.</param>
/// <param name="PaperSign">+1: the paper finds it overestimated at this radius; −1: underestimated; 0: consistent; null: no statement.</param>
internal sealed record AppendixABiasEntry(string Parameter, string Bin, double RMedian, double FractionalError, double Shift, int? PaperSign)
{
    /// <summary>The paper's description at this radius in words.</summary>
    internal string PaperSays => PaperSign switch { 1 => "overestimated", -1 => "slightly underestimated", 0 => "consistent", _ => "—" };

    /// <summary>Whether our shift goes the paper's way: the same sign for an over/underestimate, within 2σ for "consistent";
    /// null where the paper says nothing.</summary>
    internal bool? Agrees => PaperSign switch
    {
        null => null,
        0 => Math.Abs(Shift) <= 2,
        int s => Math.Sign(Shift) == s,
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

    /// <summary>Every bin of every level with a distance error against the level without (the first, f = 0).</summary>
    public static AppendixABias From(DistanceErrorProfiles profiles)
    {
        ArgumentNullException.ThrowIfNull(profiles);
        var reference = profiles.Levels.FirstOrDefault(l => l.FractionalError == 0)
            ?? throw new ArgumentException("Appendix A's bias needs the error-free level (distance error 0)");
        var entries = new List<AppendixABiasEntry>();
        foreach (var p in new[] { "p_mr", "beta_mp" })
            foreach (var level in profiles.Levels.Where(l => l.FractionalError > 0))
                for (int k = 0; k < Math.Min(level.Bins.Count, reference.Bins.Count); k++)
                {
                    var b0 = reference.Bins[k];
                    var b = level.Bins[k];
                    double shift = (b[p].Value - b0[p].Value) / b0[p].Sigma;
                    entries.Add(new AppendixABiasEntry(p, b0.Bin.Label, b0.Bin.RMedian, level.FractionalError, shift, PaperSign(p, b0.Bin.RMedian)));
                }
        return new AppendixABias(entries);
    }

    public string ToHtml()
    {
        var sb = new StringBuilder("<table><caption>Fig. 10's biases beside Appendix A's description: shift from the error-free fit in its 1&sigma;")
            .Append("</caption><tr><th>parameter</th><th>r<sub>GC</sub> [kpc]</th><th>median r [kpc]</th><th>distance error</th><th>shift [&sigma;]</th>")
            .Append("<th>paper (Appendix A)</th><th>same way?</th></tr>");
        foreach (var e in Entries)
            sb.Append(CultureInfo.InvariantCulture, $"<tr><td>{(e.Parameter == "p_mr" ? "p<sub>MR</sub>" : "&beta;<sub>MP</sub>")}</td>")
              .Append(CultureInfo.InvariantCulture, $"<td>{WebUtility.HtmlEncode(e.Bin)}</td><td>{e.RMedian:0.0}</td><td>{100 * e.FractionalError:0}%</td>")
              .Append(CultureInfo.InvariantCulture, $"<td>{e.Shift:+0.0;-0.0}</td><td>{e.PaperSays}</td><td>{YesNo(e.Agrees)}</td></tr>");
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

    static string YesNo(bool? agrees) => agrees is null ? "" : agrees.Value ? "yes" : "no";

    public override string ToString() =>
        $"Appendix A bias: {Entries.Count(e => e.Agrees == true)} of {Entries.Count(e => e.Agrees is not null)} entries go the paper's way";
}
