using System.Globalization;
using System.Net;
using System.Text;
using HaloNotebooks.Astrometry;
using HaloNotebooks.Display;
using HaloNotebooks.Paper;

namespace HaloNotebooks.Analysis;

/// <summary>One radial bin of Fig. 9 (middle): ⟨V_θ⟩ predicted by Eq. 7 from the dipole fit, and fitted by the
/// single-component model on the same radial range.</summary>
public sealed record PolarVelocityBin(RadialBin Bin, Measurement Predicted, Measurement Fitted)
{
    /// <summary>(predicted − fitted) in combined σ.</summary>
    public double DifferenceInSigma => Predicted.DifferenceInSigma(Fitted);
}

/// <summary>
/// Eq. 7 (Sheng et al. 2025, their Eq. 17): the reflex motion predicts a mean polar velocity
/// ⟨V_θ⟩ = (π/4) μ_dipole sin b_apex. Evaluated per posterior sample of the dipole fit, so its errors carry the
/// μ_dipole–b_apex correlation, and set beside the single-component ⟨V_θ⟩ of the same stars' radial range.
/// </summary>
[TypeFormatterSource(typeof(HtmlFormatterSource))]
public sealed class PolarVelocityCheck : IHtmlDisplay
{
    public PolarVelocityCheck(IReadOnlyList<PolarVelocityBin> bins) => Bins = bins;

    /// <summary>One row per dipole bin (Table 3's ranges).</summary>
    public IReadOnlyList<PolarVelocityBin> Bins { get; }

    /// <summary>Eq. 7 for one parameter set (km/s, degrees).</summary>
    public static double Predict(double muDipole, double bApexDeg) => ReflexMotion.SkyMeanPolarVelocity(muDipole, bApexDeg);

    /// <summary>Eq. 7 per posterior sample, summarised as median and 16/84th percentiles.</summary>
    public static Measurement Predict(ReadOnlySpan<double> muDipole, ReadOnlySpan<double> bApexDeg)
    {
        if (muDipole.Length != bApexDeg.Length) throw new ArgumentException($"{muDipole.Length} μ_dipole samples but {bApexDeg.Length} b_apex samples");
        var v = new double[muDipole.Length];
        for (int i = 0; i < v.Length; i++) v[i] = Predict(muDipole[i], bApexDeg[i]);
        return Measurement.FromSamples(v);
    }

    public string ToHtml()
    {
        var sb = new StringBuilder("<table><caption>Mean polar velocity: Eq. 7 prediction (&pi;/4) &mu;<sub>dipole</sub> sin b<sub>apex</sub> vs " +
            "single-component fit (Fig. 9, middle)</caption><tr><th>r<sub>GC</sub> [kpc]</th><th>median r [kpc]</th><th>Eq. 7 [km/s]</th><th>fitted " +
            "&lang;V<sub>&theta;</sub>&rang; [km/s]</th><th>&Delta; [&sigma;]</th></tr>");
        foreach (var b in Bins)
            sb.Append(CultureInfo.InvariantCulture, $"<tr><td>{WebUtility.HtmlEncode(b.Bin.Label)}</td><td>{b.Bin.RMedian:0.0}</td>" +
                $"<td>{b.Predicted.ToHtml(1)}</td><td>{b.Fitted.ToHtml(1)}</td><td>{b.DifferenceInSigma:0.00}</td></tr>");
        return sb.Append("</table>").ToString();
    }

    /// <summary>r_min, r_max, n, r_median, Eq. 7 (value, +, −), fitted ⟨V_θ⟩ (value, +, −), Δ in σ.</summary>
    internal string ToCsv()
    {
        var sb = new StringBuilder("r_min_kpc,r_max_kpc,n,r_median_kpc,vtheta_eq7,vtheta_eq7_errp,vtheta_eq7_errm,vtheta_fit,vtheta_fit_errp," +
            "vtheta_fit_errm,delta_sigma\n");
        foreach (var b in Bins)
            sb.Append(CultureInfo.InvariantCulture,
                $"{b.Bin.RMin:R},{b.Bin.RMax:R},{b.Bin.Count},{b.Bin.RMedian:R},{b.Predicted.Value:R},{b.Predicted.ErrPlus:R},{b.Predicted.ErrMinus:R}," +
                $"{b.Fitted.Value:R},{b.Fitted.ErrPlus:R},{b.Fitted.ErrMinus:R},{b.DifferenceInSigma:R}\n");
        return sb.ToString();
    }

    public override string ToString() => "Eq. 7: " + string.Join("; ", Bins.Select(b => $"{b.Bin.Label} predicted {b.Predicted} fitted {b.Fitted}"));
}
