using System.Globalization;
using System.Net;
using System.Text;
using HaloNotebooks.Display;

namespace HaloNotebooks.Analysis;

/// <summary>The data histogram of one dimension with the replicated data's 16th, 50th and 84th percentiles per bin.</summary>
/// <param name="Edges">Bin edges (HistogramBins + 1), between the data's 0.5th and 99.5th percentiles.</param>
internal sealed record PredictiveHistogram(double[] Edges, double[] Data, double[] Low, double[] Median, double[] High);

/// <summary>
/// One dimension of a posterior predictive check (<see cref="PosteriorPredictive"/>): the PIT histogram's χ² and p-value,
/// its total-variation distance from uniform (the fraction of stars in the wrong quantile bins: the size of the failure),
/// and for the whole model the replicated-data histogram and its posterior predictive p-value.
/// </summary>
/// <param name="Component">"all" (the whole model), "MR" or "MP" (membership-weighted, Eq. 4).</param>
/// <param name="Dimension">"v_r", "v_phi", "v_theta" or "feh".</param>
/// <param name="StarCount">Stars in the fit.</param>
/// <param name="EffectiveCount">(Σw)²/Σw² of the weights (= StarCount for "all").</param>
/// <param name="ChiSquare">χ² of the PIT histogram against uniform (PitBins bins).</param>
/// <param name="DegreesOfFreedom">PitBins − 1.</param>
/// <param name="PValue">P(χ²_dof ≥ ChiSquare).</param>
/// <param name="Distance">½ Σ_k |n_k/N − 1/K| of the PIT histogram.</param>
/// <param name="PitFractions">The PIT histogram as fractions of the (weighted) stars, PitBins values.</param>
/// <param name="Histogram">The data and replicated-data histograms (component "all" only).</param>
/// <param name="ReplicatedPValue">Fraction of replicated data sets whose histogram χ² is at least the data's (NaN per component).</param>
internal sealed record PredictiveDimension(string Component, string Dimension, int StarCount, double EffectiveCount, double ChiSquare,
    int DegreesOfFreedom, double PValue, double Distance, double[] PitFractions, PredictiveHistogram? Histogram, double ReplicatedPValue)
{
    /// <summary>The distance a correct model gives from counting noise alone: E ½Σ|n_k/N − 1/K| ≈ ½ √(2/π) √((K − 1)/N_eff).</summary>
    internal double NoiseDistance => 0.5 * Math.Sqrt(2 / Math.PI) * Math.Sqrt((PitFractions.Length - 1) / EffectiveCount);

    /// <summary>The distance beyond counting noise (≥ 0): by how much the model fails.</summary>
    internal double ExcessDistance => Math.Max(0, Distance - NoiseDistance);
}

/// <summary>The posterior predictive check of one fit: its model, bin, draws and one entry per dimension and component.</summary>
[TypeFormatterSource(typeof(HtmlFormatterSource))]
public sealed class PredictiveCheck : IHtmlDisplay
{
    // Built by PosteriorPredictive only; a notebook displays the check, draws it (PredictiveCheckFigure) and reads its bin.
    internal PredictiveCheck(FitModel model, RadialBin bin, int draws, IReadOnlyList<PredictiveDimension> dimensions) =>
        (Model, Bin, Draws, Dimensions) = (model, bin, draws, dimensions);

    internal FitModel Model { get; }
    public RadialBin Bin { get; }

    /// <summary>Wall time of the check on its thread (the cost the check adds to a run).</summary>
    internal double Seconds { get; init; }

    /// <summary>Posterior draws used.</summary>
    internal int Draws { get; }
    internal IReadOnlyList<PredictiveDimension> Dimensions { get; }

    /// <summary>The entry of one component and dimension.</summary>
    internal PredictiveDimension this[string component, string dimension] =>
        Dimensions.FirstOrDefault(d => d.Component == component && d.Dimension == dimension)
        ?? throw new KeyNotFoundException($"no check of component '{component}', dimension '{dimension}' in the {Model} fit of {Bin.Label} kpc");

    /// <summary>The CSV header of <see cref="CsvRows"/>.</summary>
    internal const string CsvHeader = "table,row,component,dimension,statistic,dof,p_value,pit_distance,noise_distance,replicated_p,n,n_eff,draws";

    /// <summary>One CSV row per component and dimension; <paramref name="table"/> names the table ("table2", "segue/table1"…).</summary>
    internal IEnumerable<string> CsvRows(string table, string row) => Dimensions.Select(d => string.Join(",",
    [
        table, row, d.Component, d.Dimension, F(d.ChiSquare), d.DegreesOfFreedom.ToString(CultureInfo.InvariantCulture), F(d.PValue), F(d.Distance),
        F(d.NoiseDistance),
        double.IsNaN(d.ReplicatedPValue) ? "" : F(d.ReplicatedPValue), d.StarCount.ToString(CultureInfo.InvariantCulture), F(d.EffectiveCount),
        Draws.ToString(CultureInfo.InvariantCulture),
    ]));

    static string F(double x) => x.ToString("G5", CultureInfo.InvariantCulture);

    public string ToHtml()
    {
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"<table><caption>Posterior predictive check, {Model} fit of {WebUtility.HtmlEncode(Bin.Label)} kpc, ")
          .Append(CultureInfo.InvariantCulture, $"N = {Bin.Count}, {Draws} posterior draws</caption><tr><th>component</th><th>dimension</th>")
          .Append("<th>PIT &chi;&sup2; (dof)</th><th>p</th><th>PIT distance</th><th>replicated p</th></tr>");
        foreach (var d in Dimensions)
            sb.Append(CultureInfo.InvariantCulture, $"<tr><td>{d.Component}</td><td>{d.Dimension}</td><td>{d.ChiSquare:0.0} ({d.DegreesOfFreedom})</td>")
              .Append(CultureInfo.InvariantCulture, $"<td>{FormatP(d.PValue)}</td><td>{d.Distance:0.000}</td>")
              .Append(double.IsNaN(d.ReplicatedPValue) ? "<td></td>" : string.Create(CultureInfo.InvariantCulture, $"<td>{d.ReplicatedPValue:0.00}</td>"))
              .Append("</tr>");
        return sb.Append("</table>").ToString();
    }

    public override string ToString() =>
        $"PPC {Model} {Bin.Label}: " + string.Join("; ", Dimensions.Where(d => d.Component == "all").Select(d =>
            string.Create(CultureInfo.InvariantCulture, $"{d.Dimension} p = {FormatP(d.PValue)}, distance {d.Distance:0.000}")));

    /// <summary>A p-value for display: the upper regularised gamma is exact down to ≈ 1E-308, so 0 means below that, not zero.</summary>
    internal static string FormatP(double p) => p > 0 ? p.ToString("0.###E+0", CultureInfo.InvariantCulture) : "< 1E-300";
}
