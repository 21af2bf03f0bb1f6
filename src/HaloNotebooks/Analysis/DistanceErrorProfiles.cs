using System.Globalization;
using System.Net;
using System.Text;
using HaloNotebooks.Display;
using HaloNotebooks.Paper;

namespace HaloNotebooks.Analysis;

/// <summary>
/// The double-component fits of the Appendix A mock with one level of fractional distance error: one per radial bin
/// and no all-stars row (Fig. 10 plots bins only).
/// </summary>
public sealed record DistanceErrorProfile
{
    /// <param name="fractionalError">0 (no error), 0.18 (SpecDis2's typical error) or 0.30.</param>
    /// <param name="bins">Double-component fits per radial bin, inner to outer.</param>
    public DistanceErrorProfile(double fractionalError, IReadOnlyList<BinFit> bins)
    {
        ArgumentNullException.ThrowIfNull(bins);
        if (bins.FirstOrDefault(b => b.Model != FitModel.Double) is { } other)
            throw new ArgumentException($"Appendix A fits the double model; the {other.Bin.Label} kpc fit is {other.Model}", nameof(bins));
        FractionalError = fractionalError;
        Bins = bins;
    }

    /// <summary>0 (no error), 0.18 (SpecDis2's typical error) or 0.30.</summary>
    public double FractionalError { get; }

    /// <summary>Double-component fits per radial bin, inner to outer.</summary>
    public IReadOnlyList<BinFit> Bins { get; }

    /// <summary>p_MR per bin (Fig. 10, left).</summary>
    internal IReadOnlyList<(double RMedian, Measurement Value)> MetalRichFraction => Of("p_mr");

    /// <summary>β of the metal-poor component per bin (Fig. 10, right).</summary>
    internal IReadOnlyList<(double RMedian, Measurement Value)> BetaMetalPoor => Of("beta_mp");

    IReadOnlyList<(double RMedian, Measurement Value)> Of(string parameter) => Bins.Select(b => (b.Bin.RMedian, b[parameter])).ToList();
}

/// <summary>
/// Appendix A: the MR-fraction and MP-β profiles of a spherical mock halo fitted without distance errors and with
/// 18% and 30% fractional distance errors, to show how Eddington bias moves inner stars outwards (Fig. 10).
/// <see cref="InputMetalRichFraction"/> and <see cref="InputBetaMetalPoor"/> are the profiles the mock was built
/// from (the black lines of Fig. 10).
/// </summary>
[TypeFormatterSource(typeof(HtmlFormatterSource))]
public sealed class DistanceErrorProfiles : IHtmlDisplay
{
    public DistanceErrorProfiles(IReadOnlyList<DistanceErrorProfile> levels,
        IReadOnlyList<(double R, double Value)> inputMetalRichFraction, IReadOnlyList<(double R, double Value)> inputBetaMetalPoor)
    {
        Levels = levels;
        InputMetalRichFraction = inputMetalRichFraction;
        InputBetaMetalPoor = inputBetaMetalPoor;
    }

    /// <summary>One profile per distance-error level, in increasing error.</summary>
    internal IReadOnlyList<DistanceErrorProfile> Levels { get; }

    /// <summary>The mock's input p_MR(r) (r in kpc).</summary>
    internal IReadOnlyList<(double R, double Value)> InputMetalRichFraction { get; }

    /// <summary>The mock's input β_MP(r).</summary>
    internal IReadOnlyList<(double R, double Value)> InputBetaMetalPoor { get; }

    /// <summary>Fig. 10's legend for <see cref="InputMetalRichFraction"/> and <see cref="InputBetaMetalPoor"/> (null: "mock input").</summary>
    internal string? InputLabel { get; init; }

    public string ToHtml()
    {
        var sb = new StringBuilder("<table><caption>Appendix A: MR fraction and MP &beta; with fractional distance errors (Fig. 10)</caption><tr>" +
            "<th>distance error</th><th>r<sub>GC</sub> [kpc]</th><th>N</th><th>median r [kpc]</th><th>p<sub>MR</sub></th><th>&beta;<sub>MP</sub></th></tr>");
        foreach (var level in Levels)
            foreach (var b in level.Bins)
                sb.Append(CultureInfo.InvariantCulture, $"<tr><td>{100 * level.FractionalError:0}%</td><td>{WebUtility.HtmlEncode(b.Bin.Label)}</td>" +
                    $"<td>{b.Bin.Count}</td><td>{b.Bin.RMedian:0.0}</td><td>{b["p_mr"].ToHtml(3)}</td><td>{b["beta_mp"].ToHtml(3)}</td></tr>");
        return sb.Append("</table>").ToString();
    }

    /// <summary>distance error, r_min, r_max, n, r_median, p_MR (value, +, −), β_MP (value, +, −).</summary>
    internal string ToCsv()
    {
        var sb = new StringBuilder("distance_error,r_min_kpc,r_max_kpc,n,r_median_kpc,p_mr,p_mr_errp,p_mr_errm,beta_mp,beta_mp_errp,beta_mp_errm\n");
        foreach (var level in Levels)
            foreach (var b in level.Bins)
            {
                var p = b["p_mr"]; var beta = b["beta_mp"];
                sb.Append(CultureInfo.InvariantCulture,
                    $"{level.FractionalError:R},{b.Bin.RMin:R},{b.Bin.RMax:R},{b.Bin.Count},{b.Bin.RMedian:R}," +
                    $"{p.Value:R},{p.ErrPlus:R},{p.ErrMinus:R},{beta.Value:R},{beta.ErrPlus:R},{beta.ErrMinus:R}\n");
            }
        return sb.ToString();
    }

    public override string ToString() => "Appendix A: distance errors " +
        string.Join(", ", Levels.Select(l => (100 * l.FractionalError).ToString("0", CultureInfo.InvariantCulture) + "%"));
}
