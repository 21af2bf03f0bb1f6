using System.Globalization;
using System.Text;
using HaloNotebooks.Paper;

namespace HaloNotebooks.Analysis;

/// <summary>
/// β = 1 − (σ_φ² + σ_θ²)/(2σ_r²) (§3.1) has three error terms, one per dispersion:
/// a = σ_φ δσ_φ/σ_r², b = σ_θ δσ_θ/σ_r², c = (σ_φ² + σ_θ²) δσ_r/σ_r³. Their quadrature sum is what a posterior of β gives
/// for independent dispersions (ours: β's percentiles over the chain); their linear sum a + b + c is larger. Tables 1–2
/// print β errors that follow the linear sum (<see cref="PaperConvention"/> measures it), so a Δ of our posterior β against
/// the printed error mixes two conventions: the comparison CSVs carry Δ with both sides in each convention.
/// </summary>
internal static class BetaErrorConvention
{
    /// <summary>The linear and quadrature sums of the three terms from a row's σ_r, σ_φ, σ_θ (each ± averaged).</summary>
    public static (double Linear, double Quadrature) Propagate(IReadOnlyDictionary<string, Measurement> row)
    {
        if (!row.TryGetValue("sigma_r", out var r) || !row.TryGetValue("sigma_phi", out var p) || !row.TryGetValue("sigma_theta", out var t))
            return (double.NaN, double.NaN);
        double sr2 = r.Value * r.Value;
        double a = p.Value * p.Sigma / sr2, b = t.Value * t.Sigma / sr2;
        double c = (p.Value * p.Value + t.Value * t.Value) * r.Sigma / (sr2 * r.Value);
        return (a + b + c, Math.Sqrt(a * a + b * b + c * c));
    }

    /// <summary>Per printed β of Tables 1–2: printed error ÷ linear sum and ÷ quadrature sum of the printed σ errors.</summary>
    internal static IReadOnlyList<(string Row, double Printed, double Linear, double Quadrature)> PaperRows() =>
        new[] { PublishedTables.Table1, PublishedTables.Table2 }.SelectMany(t => t.Rows)
            .Where(r => r.Values.ContainsKey("beta"))
            .Select(r => (r.Label, r.Values["beta"].Sigma, Propagate(r.Values).Linear, Propagate(r.Values).Quadrature))
            .Where(x => double.IsFinite(x.Linear) && x.Linear > 0).ToList();

    /// <summary>Median of printed/linear and printed/quadrature over Tables 1–2's 42 β entries (Table 1's 14, Table 2's 28).</summary>
    public static (int Rows, double MedianPrintedOverLinear, double MedianPrintedOverQuadrature) PaperConvention()
    {
        var rows = PaperRows();
        static double Median(IEnumerable<double> x)
        {
            var s = x.OrderBy(v => v).ToArray();
            return s.Length == 0 ? double.NaN : 0.5 * (s[(s.Length - 1) / 2] + s[s.Length / 2]);
        }
        return (rows.Count, Median(rows.Select(r => r.Printed / r.Linear)), Median(rows.Select(r => r.Printed / r.Quadrature)));
    }

    /// <summary>
    /// The comparison CSV (<see cref="TableComparison.ToCsv"/>) with five more columns, filled on β rows: both sides' β error
    /// propagated from their σ errors linearly and in quadrature, and Δ (ours − paper) over the combined error in each.
    /// </summary>
    internal static string ComparisonCsv(TableComparison c)
    {
        var lines = c.ToCsv().Split('\n');
        var sb = new StringBuilder(lines[0])
            .Append(",ours_beta_err_linear,paper_beta_err_linear,delta_sigma_beta_linear,ours_beta_err_quadrature,paper_beta_err_quadrature," +
                "delta_sigma_beta_quadrature\n");
        for (int i = 0; i < c.Entries.Count; i++)
        {
            var e = c.Entries[i];
            sb.Append(lines[i + 1]);
            var ours = c.Ours.Rows.FirstOrDefault(r => r.Label == e.Row);
            var theirs = c.Reference.Rows.FirstOrDefault(r => r.Label == e.Row);
            if (e.Parameter == "beta" && ours is not null && theirs is not null)
            {
                var (oL, oQ) = Propagate(ours.Values);
                var (pL, pQ) = Propagate(theirs.Values);
                double d = e.Ours.Value - e.Theirs.Value;
                sb.Append(CultureInfo.InvariantCulture,
                    $",{oL:G4},{pL:G4},{d / Math.Sqrt(oL * oL + pL * pL):G4},{oQ:G4},{pQ:G4},{d / Math.Sqrt(oQ * oQ + pQ * pQ):G4}");
            }
            else sb.Append(",,,,,,");
            sb.Append('\n');
        }
        return sb.ToString();
    }
}
