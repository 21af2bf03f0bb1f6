using Xunit;
using HaloNotebooks.Analysis;
using HaloNotebooks.Inference;
using HaloNotebooks.Mocks;
using HaloNotebooks.Numerics;
using HaloNotebooks.Selection;
using HaloNotebooks.Truth;
using C = HaloNotebooks.Catalogs.CanonicalColumns;

namespace HaloNotebooks.Tests.Truth;

/// <summary>Fig. 2's β without the Sgr mask beside the mock's truth (issue 27).</summary>
public class SgrUnmaskedBetaTests
{
    /// <summary>Analytic cases: σ_r = 2σ_t gives β = 1 − 1/4 = 0.75; isotropic draws give β ≈ 0 within ≈ 3 × √(4/N).</summary>
    [Fact]
    public void MomentBeta_MatchesTheAnalyticAnisotropy()
    {
        double[] vr = [-2, 2, -2, 2], vt = [-1, 1, 1, -1];
        Assert.Equal(0.75, SgrUnmaskedBeta.MomentBeta(vr, vt, vt), 12);
        var rng = new SeededRandom(3);
        int n = 40_000;
        var a = Enumerable.Range(0, n).Select(_ => 100 * rng.NextGaussian()).ToArray();
        var b = Enumerable.Range(0, n).Select(_ => 100 * rng.NextGaussian()).ToArray();
        var c = Enumerable.Range(0, n).Select(_ => 100 * rng.NextGaussian()).ToArray();
        Assert.InRange(SgrUnmaskedBeta.MomentBeta(a, b, c), -3 * Math.Sqrt(4.0 / n), 3 * Math.Sqrt(4.0 / n));
        Assert.True(double.IsNaN(SgrUnmaskedBeta.MomentBeta([1.0], [1.0], [1.0])));
    }

    /// <summary>On a small mock selected without the Sgr mask: every fitted bin gets a row whose counts are the sample's,
    /// and the stream's stars are found where the mock puts them (its Sgr population is kept by the unmasked selection).</summary>
    [Fact]
    public void OnASmallMock_CountsTheSamplesStarsAndFindsTheStream()
    {
        var mock = MockCatalog.Generate(new MockSettings(Seed: 5, Scale: 0.05));
        var catalogue = mock.Catalogue.Join(mock.Distances, C.TargetId, C.TargetId);
        var unmasked = PaperSelection.Run(catalogue, SelectionSettings.Paper with { Seed = 3, MaskSagittarius = false },
            SubstructureCatalog.FromTable(mock.Substructures, "mock"));
        var settings = new AnalysisSettings { Sampler = new SamplerSettings(Walkers: 20, Steps: 40, Burn: 20, Seed: 2) };
        var profile = PaperAnalysis.FitProfile(FitModel.Single, unmasked, settings with { PredictiveDraws = 0 });
        var check = SgrUnmaskedBeta.Measure(unmasked, profile, mock.Truth);
        Assert.Equal(profile.Bins.Count, check.Bins.Count);
        var r = unmasked.Stars.GetDouble(C.RGc);
        foreach (var b in check.Bins)
        {
            Assert.Equal(r.Count(b.Bin.Contains), b.Stars);
            Assert.Equal(profile.Bins.Single(p => p.Bin.RMin == b.Bin.RMin)["beta"].Value, b.FittedBeta.Value);
        }
        Assert.True(check.Bins.Sum(b => b.SgrStars) > 0, "the unmasked sample keeps the mock's Sgr stars");
        Assert.Equal(check.Bins.Count + 1, check.ToCsv().TrimEnd('\n').Split('\n').Length);
        Assert.Contains("Sgr stream", check.ToHtml());
    }
}
