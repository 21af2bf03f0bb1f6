using HaloNotebooks.Paper;

namespace HaloNotebooks.Analysis;

/// <summary>
/// The single-Gaussian moments of a two-component mixture: mean p μ_MR + (1 − p) μ_MP, variance
/// p σ_MR² + (1 − p) σ_MP² + p (1 − p) (μ_MR − μ_MP)². A single Gaussian fitted to data that are such a mixture returns
/// these (the errors deconvolved), so Table 2 read as the mixture it fits implies a Table 1: a consistency check
/// between the paper's single- (§3.1, Eq. 1) and double-component (Eqs. 2–3) fits of the same stars.
/// </summary>
public static class MixtureMoments
{
    static readonly (string Mean, string Sigma)[] Pairs =
        [("vr", "sigma_r"), ("vphi", "sigma_phi"), ("vtheta", "sigma_theta"), ("feh_mean", "feh_sigma")];

    /// <summary>(mean, σ) of the mixture of N(μ_MR, σ_MR) with weight p and N(μ_MP, σ_MP).</summary>
    public static (double Mean, double Sigma) Combine(double pMetalRich, double muMr, double sigmaMr, double muMp, double sigmaMp)
    {
        double p = pMetalRich, d = muMr - muMp;
        return (p * muMr + (1 - p) * muMp, Math.Sqrt(p * sigmaMr * sigmaMr + (1 - p) * sigmaMp * sigmaMp + p * (1 - p) * d * d));
    }

    /// <summary>
    /// The excess kurtosis κ = m₄/m₂² − 3 of that mixture (0 for one Gaussian; positive when the components differ in
    /// σ or in mean, as the MR and MP halo do in V_φ and V_θ).
    /// </summary>
    public static double ExcessKurtosis(double pMetalRich, double muMr, double sigmaMr, double muMp, double sigmaMp)
    {
        double p = pMetalRich, mean = p * muMr + (1 - p) * muMp, d1 = muMr - mean, d2 = muMp - mean;
        double m2 = p * (sigmaMr * sigmaMr + d1 * d1) + (1 - p) * (sigmaMp * sigmaMp + d2 * d2);
        double m4 = p * Central4(d1, sigmaMr) + (1 - p) * Central4(d2, sigmaMp);
        return m4 / (m2 * m2) - 3;

        // E[(x − mean)⁴] of N(mean + d, σ): d⁴ + 6 d² σ² + 3 σ⁴.
        static double Central4(double d, double sigma) => d * d * d * d + 6 * d * d * sigma * sigma + 3 * sigma * sigma * sigma * sigma;
    }

    /// <summary>
    /// How much wider the true scatter of a single Gaussian's fitted σ is than its posterior width, when the data are a
    /// mixture with excess kurtosis κ: the variance of a sample variance is σ⁴ (2/(n − 1) + κ/n), a Gaussian likelihood
    /// assumes κ = 0, so for large n the ratio is √(1 + κ/2). The sweep's Table 1 coverage of σ_φ and σ_θ follows it.
    /// </summary>
    public static double DispersionErrorInflation(double excessKurtosis) => Math.Sqrt(1 + excessKurtosis / 2);

    /// <summary>
    /// Table 1 as the MR and MP rows of <paramref name="table2"/> imply it, per range with both rows: the four means and
    /// dispersions and β of the combined Gaussian, at the rows' point values (no errors).
    /// </summary>
    internal static PaperTable SingleFromDouble(PaperTable table2)
    {
        ArgumentNullException.ThrowIfNull(table2);
        var rows = new List<TableRow>();
        foreach (var mr in table2.Rows.Where(r => r.Component == "MR"))
        {
            var mp = table2.Rows.FirstOrDefault(r => r.Component == "MP" && r.RMin == mr.RMin && r.RMax == mr.RMax);
            if (mp is null || !mr.Values.TryGetValue("p_mr", out var p)) continue;
            var values = new Dictionary<string, Measurement>();
            foreach (var (mean, sigma) in Pairs)
            {
                var (m, s) = Combine(p.Value, mr.Values[mean].Value, mr.Values[sigma].Value, mp.Values[mean].Value, mp.Values[sigma].Value);
                values[mean] = Measurement.Exact(m);
                values[sigma] = Measurement.Exact(s);
            }
            values["beta"] = Measurement.Exact(Anisotropy.Beta(values["sigma_r"].Value, values["sigma_phi"].Value, values["sigma_theta"].Value));
            rows.Add(new TableRow(null, mr.RMin, mr.RMax, mr.RMedian, null, values));
        }
        return new PaperTable(1, rows);
    }
}
