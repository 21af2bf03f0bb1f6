using HaloNotebooks.Analysis;
using Xunit;
using HaloNotebooks.Paper;

namespace HaloNotebooks.Tests.Analysis;

public class AnisotropyTests
{
    [Fact]
    public void Beta_OfThePaperDispersions_MatchesThePrintedBeta()
    {
        // The paper's β (footnote 13) from its own printed σ medians: within 0.2σ of the printed β on every row of
        // Tables 1 and 2 (β of the medians differs from the median of β only at second order).
        foreach (var row in PublishedTables.Table1.Rows.Concat(PublishedTables.Table2.Rows))
        {
            double beta = Anisotropy.Beta(row.Values["sigma_r"].Value, row.Values["sigma_phi"].Value, row.Values["sigma_theta"].Value);
            var printed = row.Values["beta"];
            Assert.True(Math.Abs(beta - printed.Value) <= 0.2 * Math.Max(printed.ErrPlus, printed.ErrMinus),
                $"{row.Label}: β = {beta:0.0000}, printed {printed}");
        }
    }

    [Fact]
    public void Beta_IsZeroForIsotropicAndOneForRadialOrbits()
    {
        Assert.Equal(0, Anisotropy.Beta(100, 100, 100), 12);
        Assert.Equal(1, Anisotropy.Beta(100, 0, 0), 12);
        Assert.Equal([0.0, -0.5], Anisotropy.Beta([100, 100], [100, 100 * Math.Sqrt(1.5)], [100, 100 * Math.Sqrt(1.5)]), new Tolerance(1e-12));
    }

    sealed class Tolerance(double eps) : IEqualityComparer<double>
    {
        public bool Equals(double a, double b) => Math.Abs(a - b) <= eps;
        public int GetHashCode(double x) => 0;
    }
}
