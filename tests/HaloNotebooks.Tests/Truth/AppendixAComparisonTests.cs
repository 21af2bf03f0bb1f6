using Xunit;
using HaloNotebooks.Analysis;
using HaloNotebooks.Paper;
using HaloNotebooks.Truth;

namespace HaloNotebooks.Tests.Truth;

/// <summary>The report's Appendix A paragraph is computed from the run's fits and truth (issue 28), not fixed text.</summary>
public class AppendixAComparisonTests
{
    static BinFit Fit(double lo, double hi, double rMedian, double pMr, double betaMp) =>
        new(FitModel.Double, new RadialBin(lo, hi, 500, rMedian),
            new Dictionary<string, Measurement> { ["p_mr"] = new(pMr, 0.02, 0.02), ["beta_mp"] = new(betaMp, 0.05, 0.05) }, 0, 0);

    static AppendixAComparison Comparison(double middleBeta18, double outerBeta18)
    {
        var profiles = new DistanceErrorProfiles(
        [
            new(0, [Fit(10, 20, 15, 0.5, 0.6), Fit(35, 50, 42, 0.4, 0.1), Fit(60, 80, 66, 0.45, -0.2)]),
            new(0.18, [Fit(10, 20, 15, 0.5, 0.6), Fit(35, 50, 42, 0.4, middleBeta18), Fit(60, 80, 66, 0.45, outerBeta18)]),
        ], [], []);
        AppendixBinTruth Truth(double f, int k, double lo, double hi, double r, double beta) => new(f, k, lo, hi, r, r, 500, 500, 0.5, beta, 0.9);
        var truth = new[] { 0.0, 0.18 }.SelectMany(f =>
            new[] { Truth(f, 0, 10, 20, 15, 0.6), Truth(f, 1, 35, 50, 42, 0.1 + f), Truth(f, 2, 60, 80, 66, -0.2) });
        return new AppendixAComparison(profiles, new AppendixMockRun(new AppendixInput([], [], []), truth.ToList(), [0.5, 1, 1], 1000));
    }

    [Fact]
    public void AShiftAt30To60Kpc_ContradictsThePaper()
    {
        // 0.1 → 0.3 at 42 kpc: 0.2 / √(0.05² + 0.05²) = 2.8σ.
        var (_, verdict, html) = Comparison(middleBeta18: 0.3, outerBeta18: -0.2).Section();
        Assert.Contains("at 18 % 1 bins shift beyond 2σ (0 inside 30 kpc, 1 at 30–60 kpc, 0 beyond 60 kpc), contradicting", verdict);
        Assert.Contains("[35, 50) kpc +2.8σ", html);
        Assert.Contains("truth +0.18 of the fit's +0.20", html);   // the stars' own β_MP moved by 0.18 (the truth above)
    }

    [Fact]
    public void AShiftOnlyBeyond60Kpc_AgreesWithThePaper()
    {
        var (_, verdict, _) = Comparison(middleBeta18: 0.15, outerBeta18: 0.1).Section();   // 0.7σ at 42 kpc, 4.2σ at 66 kpc
        Assert.Contains("at 18 % 1 bins shift beyond 2σ (0 inside 30 kpc, 0 at 30–60 kpc, 1 beyond 60 kpc), only beyond 60 kpc as the paper says", verdict);
    }
}
