using System.Globalization;
using System.Net;
using System.Text;
using HaloNotebooks.Display;
using HaloNotebooks.Paper;

namespace HaloNotebooks.Truth;

/// <summary>One entry: our posterior 1σ and how much the estimate moves when the same stars are observed again.</summary>
internal sealed record CalibrationEntry(string Row, string Parameter, double PosteriorSigma, double RealisationScatter)
{
    /// <summary>Noise-only scatter over posterior σ: below 1 for a well-behaved fit (the σ also holds the finite sample of stars), ≫ 1 for a bimodal
    /// one.</summary>
    internal double Ratio => RealisationScatter / PosteriorSigma;
}

/// <summary>
/// The scatter from measurement noise alone, on fixed stars — not a test of the error bars. Each entry of our Table 1
/// or 2 set beside its realisation
/// scatter on a mock (<see cref="MockTruth"/>: half the 16–84% width, as a posterior σ, over replicas of the same
/// true stars, re-observed and fitted one by one). The replicas share the stars, so the scatter holds only the measurement-noise part of the
/// uncertainty, while a posterior width also holds the finite sample of stars: for an honest error bar the ratio is at
/// most ≈ 1 (well below where the errors are small beside the spread, as for most dispersions). A ratio well above 1 —
/// the noise alone moving the answer by more than the whole error bar — marks a fit that can fall into either of two
/// modes, or a posterior pressed against a prior edge. With 8 Gaussian replicas this width reads on average 0.81 of
/// the true σ and is known to ≈ 35%; it exceeds twice the true σ with probability ≈ 1.5·10⁻⁴ (simulation). The replicas are
/// fitted by extreme deconvolution (maximum likelihood), which in sparse bins (a few hundred stars with large errors)
/// scatters more than a posterior median does, so a ratio ≈ 2 there is not by itself a wrong error bar. Whether the
/// error bars cover the truth needs new stars as well as new noise: the coverage of `halo sweep` over independent mocks
/// (Sweeps.Coverage) answers that.
/// </summary>
[TypeFormatterSource(typeof(HtmlFormatterSource))]
internal sealed class ErrorCalibration : IHtmlDisplay
{
    ErrorCalibration(int table, IReadOnlyList<CalibrationEntry> entries) { Table = table; Entries = entries; }

    /// <summary>1 or 2.</summary>
    public int Table { get; }

    /// <summary>Every entry with a finite posterior σ &gt; 0 and a finite scatter, in our table's order.</summary>
    public IReadOnlyList<CalibrationEntry> Entries { get; }

    /// <summary>Median over the entries of scatter / posterior σ (NaN when there are none).</summary>
    internal double MedianRatio
    {
        get
        {
            var r = Entries.Select(e => e.Ratio).Order().ToArray();
            return r.Length == 0 ? double.NaN : Measurement.Percentile(r, 50);
        }
    }

    /// <summary>Entries whose scatter exceeds <paramref name="factor"/> × their posterior σ, largest first.</summary>
    internal IReadOnlyList<CalibrationEntry> Above(double factor) => Entries.Where(e => e.Ratio > factor).OrderByDescending(e => e.Ratio).ToList();

    /// <summary>Our table against the scatter table of the same number (rows matched by component and range).</summary>
    public static ErrorCalibration Compare(PaperTable ours, PaperTable scatter)
    {
        ArgumentNullException.ThrowIfNull(ours);
        ArgumentNullException.ThrowIfNull(scatter);
        if (ours.Number != scatter.Number) throw new ArgumentException($"cannot set Table {ours.Number} beside the scatter of Table {scatter.Number}");
        var entries = new List<CalibrationEntry>();
        foreach (var (row, key, a, s) in ours.CellsMatching(scatter))
            if (a.Sigma > 0 && double.IsFinite(a.Sigma) && double.IsFinite(s.Value))
                entries.Add(new CalibrationEntry(row.Label, key, a.Sigma, s.Value));
        return new ErrorCalibration(ours.Number, entries);
    }

    /// <summary>A one-line summary.</summary>
    public string Summary => string.Create(CultureInfo.InvariantCulture,
        $"Table {Table} measurement-noise scatter on fixed stars vs posterior σ: {Entries.Count} entries, median scatter/σ {MedianRatio:0.00}, " +
            $"{Above(2).Count} above 2×");

    /// <summary>One line per entry: row (quoted), parameter, posterior σ, realisation scatter, ratio.</summary>
    internal string ToCsv()
    {
        var sb = new StringBuilder("row,parameter,posterior_sigma,realisation_scatter,ratio\n");
        foreach (var e in Entries)
            sb.AppendJoin(',', ['"' + e.Row + '"', e.Parameter, .. new[] { e.PosteriorSigma, e.RealisationScatter, e.Ratio }
                .Select(x => x.ToString("R", CultureInfo.InvariantCulture))]).Append('\n');
        return sb.ToString();
    }

    /// <summary>The summary and the entries above 2× (noise alone moves them by more than twice the posterior σ: a bimodal fit or a prior edge).</summary>
    public string ToHtml()
    {
        var sb = new StringBuilder();
        sb.Append("<div class=\"calibration\"><p><b>").Append(WebUtility.HtmlEncode(Summary)).Append("</b>");
        var high = Above(2);
        if (high.Count == 0) return sb.Append(".</p></div>").ToString();
        sb.Append(". Entries that measurement noise alone moves by more than 2× their posterior σ (two modes or a prior edge, not by itself a wrong error " +
            "bar):</p><table><tr><th>row</th><th>parameter</th><th>posterior σ</th><th>realisation scatter</th><th>ratio</th></tr>");
        foreach (var e in high)
            sb.Append(CultureInfo.InvariantCulture,
                $"<tr><td>{WebUtility.HtmlEncode(e.Row)}</td><td>{WebUtility.HtmlEncode(e.Parameter)}</td><td>{e.PosteriorSigma:G3}</td>" +
                    $"<td>{e.RealisationScatter:G3}</td><td>{e.Ratio:0.0}×</td></tr>");
        return sb.Append("</table></div>").ToString();
    }

    public override string ToString() => Summary;
}
