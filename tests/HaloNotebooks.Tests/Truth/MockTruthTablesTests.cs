using HaloNotebooks.Analysis;
using HaloNotebooks.Inference;
using Xunit;
using Xunit.Abstractions;

using HaloNotebooks.Tests.Analysis;

namespace HaloNotebooks.Tests.Truth;

public class MockTruthTablesTests(ITestOutputHelper output)
{
    /// <summary>
    /// Recovery at small scale: the default mock at scale 0.05 (≈3200 selected stars), 40 walkers × 300 steps (150 burn-in),
    /// paper bins merged into four so every bin holds enough stars for the 17-parameter fit. Tolerance: at least
    /// 90% of the entries of Tables 1–3 within 2σ of the mock's truth, none beyond 4σ.
    /// </summary>
    [Fact]
    public void RecoveredTables_AgreeWithTheMockTruth_AtSmallScale()
    {
        var settings = new AnalysisSettings(Bins: new RadialBins([3, 11.5, 18.2, 28.7, 160]))
        {
            Sampler = new SamplerSettings(Walkers: 40, Steps: 300, Burn: 150, Seed: 3),
        };
        var outcome = MockRecovery.Run(0.05, settings);
        Check(outcome);
    }

    /// <summary>The full check: the default mock at scale 1 with the paper's bins and sampler settings.</summary>
    [Fact]
    [Trait("Category", "Slow")]
    public void RecoveredTables_AgreeWithTheMockTruth_AtFullScale() => Check(MockRecovery.Run(1.0, AnalysisSettings.Paper));

    /// <summary>
    /// Our error bars against the realisation scatter (8 replicas of the same stars fitted one by one). The replicas
    /// share the stars, so their scatter is the measurement-noise part of the uncertainty only and cannot exceed an
    /// honest posterior σ; the estimated scatter (half the 16–84% width of 8 values, as a posterior σ is measured) exceeds
    /// twice its true value with probability ≈ 1.5·10⁻⁴ for Gaussian replicas (simulation; the standard deviation of 8: P(χ²₇ &gt; 28) ≈ 2·10⁻⁴).
    /// So no entry may have a scatter above 2× its posterior σ.
    /// </summary>
    static void CheckErrorBars(MockRecovery.Outcome outcome)
    {
        var all = outcome.Calibrations.SelectMany(c => c.Entries).ToList();
        Assert.NotEmpty(all);
        var understated = outcome.Calibrations.SelectMany(c => c.Above(2)).Select(e => $"{e.Row} {e.Parameter} {e.Ratio:0.0}×").ToList();
        Assert.True(understated.Count == 0, "error bars below the measurement-noise scatter: " + string.Join("; ", understated));
    }

    void Check(MockRecovery.Outcome outcome)
    {
        foreach (var c in outcome.Calibrations)
        {
            output.WriteLine(c.Summary);
            foreach (var e in c.Above(2).Take(5)) output.WriteLine($"  {e.Row} {e.Parameter}: posterior σ {e.PosteriorSigma:G3}, scatter " +
                $"{e.RealisationScatter:G3} ({e.Ratio:0.0}×)");
        }
        var all = outcome.VersusTruth.SelectMany(c => c.Entries).ToList();
        foreach (var c in outcome.VersusTruth)
        {
            output.WriteLine(c.Summary);
            foreach (var e in c.Worst(3)) output.WriteLine($"  {e.Row} {e.Parameter}: ours {e.Ours}, truth {e.Theirs.Value:0.###}, " +
                $"{e.DifferenceInSigma:+0.0;-0.0}σ");
        }
        Assert.NotEmpty(all);
        double within2 = all.Count(e => Math.Abs(e.DifferenceInSigma) <= 2) / (double)all.Count;
        Assert.True(within2 >= 0.90, $"{within2:P1} of {all.Count} entries within 2σ of the truth (need ≥ 90%)");
        var beyond4 = all.Where(e => !(Math.Abs(e.DifferenceInSigma) <= 4)).Select(e => $"{e.Row} {e.Parameter} {e.DifferenceInSigma:0.0}σ").ToList();
        Assert.True(beyond4.Count == 0, "beyond 4σ: " + string.Join("; ", beyond4));
        CheckErrorBars(outcome);
    }
}
