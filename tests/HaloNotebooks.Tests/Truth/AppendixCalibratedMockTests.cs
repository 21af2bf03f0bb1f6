using Xunit;
using HaloNotebooks.Analysis;
using HaloNotebooks.Mocks;
using HaloNotebooks.Models;
using HaloNotebooks.Inference;
using HaloNotebooks.Selection;
using HaloNotebooks.Truth;
using C = HaloNotebooks.Catalogs.CanonicalColumns;

namespace HaloNotebooks.Tests.Truth;

/// <summary>Appendix A on the calibrated mock (issue 28): the mock's own stars with perturbed distances, selected again.</summary>
public class AppendixCalibratedMockTests
{
    static readonly Lazy<(MockCatalog Mock, AppendixMockRun Run)> Small = new(() =>
    {
        var mock = MockCatalog.Generate(new MockSettings(Seed: 5, Scale: 0.05));
        var catalogue = mock.Catalogue.Join(mock.Distances, C.TargetId, C.TargetId);
        var bins = RadialBins.Paper;
        // Counts far above the sample: every bin keeps all its stars.
        var run = AppendixCalibratedMock.Build(catalogue, mock.Truth, SubstructureCatalog.FromTable(mock.Substructures, "mock"),
            SelectionSettings.Paper with { Seed = 3 }, [0.0, 0.30], bins, Enumerable.Repeat(1, bins.Count).ToList(), 1_000_000, seed: 9);
        return (mock, run);
    });

    [Fact]
    public void KeepFractions_ShareTheTargetEquallyAndLeaveSmallBinsWhole()
    {
        // 2100 stars over bins of 100, 1000, 5000: the share 700 exceeds 100 (kept whole), then 1000 each: 1000 kept whole, 1000 of 5000.
        Assert.Equal([1.0, 1.0, 0.2], AppendixCalibratedMock.KeepFractions([100, 1000, 5000], 2100));
        Assert.Equal([1.0, 1.0], AppendixCalibratedMock.KeepFractions([100, 1000], 5000));
        Assert.Equal([0.5, 0.5], AppendixCalibratedMock.KeepFractions([1000, 1000], 1000));
    }

    [Fact]
    public void WithoutDistanceErrors_EveryStarSitsAtItsTrueRadius()
    {
        var (mock, run) = Small.Value;
        var level = run.Input.Samples[0];
        Assert.Equal(0.0, level.FractionalError);
        Assert.True(level.RGc.Length > 1000, $"{level.RGc.Length} stars");
        // Every star's selected r_GC is one of the truth's (the selection recomputes it from the true distance).
        var trueR = mock.Truth.GetDouble(C.RGc).Order().ToArray();
        Assert.All(level.RGc, r =>
        {
            int k = Array.BinarySearch(trueR, r);
            k = k >= 0 ? k : Math.Clamp(~k, 1, trueR.Length - 1);
            double nearest = Math.Min(Math.Abs(trueR[k] - r), Math.Abs(trueR[Math.Max(k - 1, 0)] - r));
            Assert.True(nearest < 1e-6 * r, $"r_GC {r} is no star's true radius (nearest {nearest})");
        });
    }

    [Fact]
    public void ThirtyPercentErrors_ScatterStarsOutwards()
    {
        // The halo's density falls outside 20 kpc, so errors carry more stars out than in (Appendix A's premise): at 30 % a bin's
        // stars truly lie, in the median, inside its measured median; without errors the two are the same stars' radii.
        var (_, run) = Small.Value;
        var perfect = run.Truth.Where(t => t.FractionalError == 0 && t.Stars > 0).ToList();
        Assert.All(perfect, t => Assert.Equal(t.RMedian, t.TrueRMedian, 6));
        var middle = run.Truth.Where(t => t.FractionalError == 0.30 && t.RMin >= 20.8 && t.RMax <= 60 && t.Stars >= 50).ToList();
        Assert.True(middle.Count >= 3, $"{middle.Count} bins");
        Assert.All(middle, t => Assert.True(t.TrueRMedian < t.RMedian,
            $"[{t.RMin}, {t.RMax}): true median {t.TrueRMedian:F1} kpc, measured {t.RMedian:F1} kpc"));
    }

    [Fact]
    public void TheTruthOfTheInnerBins_IsTheMocksInputAnisotropy()
    {
        // Inside 30 kpc the mock has no reflex motion: the metal-poor stars' true β is the calibrated input's, to sampling noise.
        // The input varies across a bin (linear in ln r between bin centres), so each variance expected is the mixture's over the
        // bin's stars: the mean of σ²(r) plus the variance of the mean velocity μ(r). β = 1 − (v_φ + v_θ) / (2 v_r) from sample
        // variances: σ_β ≈ (1 − β) √(3 / N) (each variance ±√(2/N)); tolerance 4σ.
        var (_, run) = Small.Value;
        var field = new HaloVelocityField();
        var radii = run.Input.Samples[0].RGc;
        int n = 0;
        foreach (var t in run.Truth.Where(t => t.FractionalError == 0 && t.RMax <= 28.7 && t.HaloStars > 300))
        {
            var moments = radii.Where(r => r >= t.RMin && r < t.RMax).Select(r => field.Table2Moments(false, r)).ToArray();
            double Expected(Func<PopulationMoments, double> sigma, Func<PopulationMoments, double> mean)
            {
                double mu = moments.Average(mean);
                return moments.Average(m => sigma(m) * sigma(m) + (mean(m) - mu) * (mean(m) - mu));
            }
            double input = 1 - (Expected(m => m.SigmaPhi, m => m.VPhi) + Expected(m => m.SigmaTheta, m => m.VTheta))
                / (2 * Expected(m => m.SigmaR, m => m.Vr));
            double metalPoor = t.HaloStars * (1 - t.MetalRichFraction);
            double sigma = (1 - input) * Math.Sqrt(3 / metalPoor);
            Assert.True(Math.Abs(t.BetaMetalPoor - input) < 4 * sigma,
                $"[{t.RMin}, {t.RMax}): true β_MP {t.BetaMetalPoor:F3} against the input {input:F3} (σ {sigma:F3})");
            Assert.InRange(t.MetalRichFraction, 0.0, 1.0);
            n++;
        }
        Assert.True(n >= 3, $"{n} inner bins with enough stars");
    }

    /// <summary>Notebook 05 fits Appendix A alone (PaperAnalysis.FitAppendixA); its profiles must be the run's, fit for fit
    /// (same keys, so same seeds), or the notebook and `halo reproduce` would disagree.</summary>
    [Fact]
    public void AppendixAFitsAlone_AreTheWholeRunsAppendixFits()
    {
        var (_, run) = Small.Value;
        var settings = new AnalysisSettings { Sampler = new SamplerSettings(Walkers: 36, Steps: 30, Burn: 10, Seed: 4) };
        var level0 = run.Input.Samples[0];
        int n = level0.RGc.Length;
        var dipole = new RadialVelocitySample(new double[n], new double[n], level0.Stars.Vr, level0.Stars.ErrVr);
        var whole = PaperAnalysis.Run(level0.Stars, level0.RGc, dipole, level0.RGc, settings, run.Input).AppendixA!;
        var alone = PaperAnalysis.FitAppendixA(run.Input, settings);
        Assert.Equal(whole.Levels.Count, alone.Levels.Count);
        for (int level = 0; level < whole.Levels.Count; level++)
        {
            Assert.Equal(whole.Levels[level].Bins.Count, alone.Levels[level].Bins.Count);
            for (int k = 0; k < whole.Levels[level].Bins.Count; k++)
                foreach (var p in new[] { "p_mr", "beta_mp", "beta_mr" })
                    Assert.Equal(whole.Levels[level].Bins[k][p].Value, alone.Levels[level].Bins[k][p].Value);
        }
    }
}
