using Xunit;
using HaloNotebooks.Analysis;
using HaloNotebooks.Paper;

namespace HaloNotebooks.Tests.Analysis;

public class MixtureMomentsTests
{
    [Fact]
    public void Combine_IsTheMixturesMeanAndStandardDeviation()
    {
        // Equal halves of N(0, 1) and N(2, 1): mean 1, variance 1 + ¼·2² = 2.
        var (mean, sigma) = MixtureMoments.Combine(0.5, 0, 1, 2, 1);
        Assert.Equal(1.0, mean, 12);
        Assert.Equal(Math.Sqrt(2), sigma, 12);
        Assert.Equal((5.0, 3.0), MixtureMoments.Combine(1.0, 5, 3, -7, 9));
    }

    [Fact]
    public void ThePapersTable2_ImpliesTangentialDispersionsAboveTable1()
    {
        // Values computed by hand from the printed Table 2 (p_MR 0.542; MR σ_θ 35.0, ⟨V_θ⟩ 3.6; MP σ_θ 92.2, ⟨V_θ⟩ 4.4):
        // all stars σ_θ = 67.51 km/s against Table 1's 65.8 ± 0.2, and [20.8, 24.2) 60.16 against 57.1 ± 0.75.
        var implied = MixtureMoments.SingleFromDouble(PublishedTables.Table2);
        Assert.Equal(14, implied.Rows.Count);
        var all = implied.Rows.Single(r => r.RMin == 3 && r.RMax == 160);
        Assert.Equal(67.509, all.Values["sigma_theta"].Value, 2);
        Assert.Equal(0.382, all.Values["feh_sigma"].Value, 3);
        Assert.Equal(-1.3439, all.Values["feh_mean"].Value, 3);
        Assert.Equal(60.157, implied.Rows.Single(r => r.RMin == 20.8).Values["sigma_theta"].Value, 2);
    }

    [Fact]
    public void ExcessKurtosis_ZeroForOneGaussian_AndTheScaleMixtureValue()
    {
        // Identical components are one Gaussian.
        Assert.Equal(0, MixtureMoments.ExcessKurtosis(0.4, 10, 50, 10, 50), 12);
        // Equal means, σ 1 and 2, p = 1/2: m2 = 2.5, m4 = 3 (1 + 16) / 2 = 25.5, κ = 25.5 / 6.25 − 3 = 1.08.
        Assert.Equal(1.08, MixtureMoments.ExcessKurtosis(0.5, 0, 1, 0, 2), 12);
        // Two narrow components at ±1 (σ → 0): a two-point distribution, κ = −2.
        Assert.Equal(-2, MixtureMoments.ExcessKurtosis(0.5, 1, 1e-9, -1, 1e-9), 6);
        Assert.Equal(Math.Sqrt(1.54), MixtureMoments.DispersionErrorInflation(1.08), 12);
    }
}
