using Xunit;
using HaloNotebooks.Analysis;
using HaloNotebooks.Paper;

namespace HaloNotebooks.Tests.Analysis;

public class AppendixABiasTests
{
    static BinFit Fit(double lo, double hi, double rMedian, double pMr, double betaMp) =>
        new(FitModel.Double, new RadialBin(lo, hi, 100, rMedian),
            new Dictionary<string, Measurement> { ["p_mr"] = new(pMr, 0.02, 0.02), ["beta_mp"] = new(betaMp, 0.1, 0.1) }, 0, 0);

    static DistanceErrorProfile Level(double f, params BinFit[] bins) => new(f, bins);

    [Fact]
    public void Shifts_AreInTheCombinedSigma_CountBeyondTwoSigma_AndAreSetBesideThePapersDescription()
    {
        var profiles = new DistanceErrorProfiles(
            [Level(0, Fit(10, 20, 15, 0.50, 0.60), Fit(40, 60, 48, 0.40, 0.10), Fit(60, 160, 75, 0.45, -0.30)),
             Level(0.3, Fit(10, 20, 15, 0.50, 0.50), Fit(40, 60, 48, 0.46, 0.15), Fit(60, 160, 75, 0.45, 0.10))],
            [(5, 0.5)], [(5, 0.6)]);
        var bias = AppendixABias.From(profiles);
        Assert.Equal(6, bias.Entries.Count);
        var p4060 = bias.Entries.Single(e => e.Parameter == "p_mr" && e.RMedian == 48);
        Assert.Equal(0.06 / Math.Sqrt(2 * 0.02 * 0.02), p4060.Shift, 9);   // (0.46 − 0.40) / √(0.02² + 0.02²) = 2.1σ
        Assert.Equal(1, p4060.PaperSign);
        Assert.True(p4060.Agrees);
        Assert.Null(bias.Entries.Single(e => e.Parameter == "p_mr" && e.RMedian == 15).Agrees);   // the paper says nothing there
        var bInner = bias.Entries.Single(e => e.Parameter == "beta_mp" && e.RMedian == 15);
        Assert.Equal(-0.1 / Math.Sqrt(0.02), bInner.Shift, 9);
        Assert.False(bInner.Agrees);                       // the paper's underestimate within 30 kpc needs a shift beyond 2σ: this is 0.7σ
        Assert.True(bias.Entries.Single(e => e.Parameter == "beta_mp" && e.RMedian == 48).Agrees);   // consistent: 0.35σ
        var bOuter = bias.Entries.Single(e => e.Parameter == "beta_mp" && e.RMedian == 75);
        Assert.Equal(0.4 / Math.Sqrt(0.02), bOuter.Shift, 9);
        Assert.True(bOuter.Agrees);                        // overestimated beyond 60 kpc: 2.8σ
        Assert.Contains("overestimated", bias.ToHtml());
    }

    [Fact]
    public void WithoutTheErrorFreeLevel_ItIsRefused() =>
        Assert.Throws<ArgumentException>(() => AppendixABias.From(new DistanceErrorProfiles(
            [Level(0.18, Fit(10, 20, 15, 0.5, 0.6))], [(5, 0.5)], [(5, 0.6)])));
}
