using HaloNotebooks.Analysis;
using HaloNotebooks.Paper;

using Xunit;

namespace HaloNotebooks.Tests.Literature;

public class PaperErrorChecksTests
{
    [Fact]
    public void Beta_error_terms_follow_the_analytic_derivatives()
    {
        // σ_r = 100 ± 1, σ_φ = 60 ± 2, σ_θ = 80 ± 0: a = 60·2/100² = 0.012, b = 0, c = (3600 + 6400)·1/100³ = 0.01.
        var row = new Dictionary<string, Measurement>
        {
            ["sigma_r"] = new(100, 1, 1), ["sigma_phi"] = new(60, 2, 2), ["sigma_theta"] = new(80, 0, 0),
        };
        var (linear, quadrature) = BetaErrorConvention.Propagate(row);
        Assert.Equal(0.022, linear, 12);
        Assert.Equal(Math.Sqrt(0.012 * 0.012 + 0.01 * 0.01), quadrature, 12);
    }

    [Fact]
    public void The_papers_beta_errors_follow_the_linear_sum_of_the_three_terms()
    {
        // Computed outside the package from data/reference: printed/linear ≈ 1 in Tables 1–2, printed/quadrature ≈ 1.6–1.7.
        var (rows, overLinear, overQuadrature) = BetaErrorConvention.PaperConvention();
        Assert.Equal(42, rows);
        Assert.InRange(overLinear, 0.9, 1.1);
        Assert.InRange(overQuadrature, 1.4, 1.9);
    }

    [Fact]
    public void Table3_sigma_r_error_implies_n_and_the_sub_bins_imply_a_smaller_whole_bin_error()
    {
        // 149.1² / (2 × 0.95²) = 12,316; 1/√(1/1.15² + 1/1.0² + 1/1.25²) = 0.646 km/s (Table 3 as printed).
        Assert.Equal(149.1 * 149.1 / (2 * 0.95 * 0.95), Table3SigmaRCheck.PaperImpliedN, 6);
        Assert.InRange(Table3SigmaRCheck.PaperImpliedN, 12_300, 12_330);
        Assert.Equal(1 / Math.Sqrt(1 / (1.15 * 1.15) + 1 + 1 / (1.25 * 1.25)), Table3SigmaRCheck.SubBinCombinedError, 9);
    }
}
