using HaloNotebooks.Analysis;
using Xunit;

namespace HaloNotebooks.Tests.Analysis;

public class MeanVelocityMapTests
{
    [Fact]
    public void Build_KeepsPixelsWithEnoughStars_AndWeightsByInverseVariance()
    {
        long[] pixel = [7, 7, 7, 3, 3];
        double[] vr = [10, 40, -20, 5, 5];
        double[] err = [1, 2, 2, 1, 1];
        var model = new DipoleVelocityField(-18, -24, -35, -38);
        var map = MeanVelocityMap.Build(4, pixel, vr, err, p => (p * 10.0, 5.0), model, minStars: 3);
        var kept = Assert.Single(map.Pixels);
        Assert.Equal(7, kept.Index);
        Assert.Equal(3, kept.Count);
        // weights 1, 1/4, 1/4: (10 + 10 − 5) / 1.5 = 10.
        Assert.Equal(10, kept.MeanVr, 12);
        // deviations 0, 30, −30: n/(n−1) Σw²d² / (Σw)² = 1.5 × (2 × 900/16) / 2.25 = 75.
        Assert.Equal(Math.Sqrt(75), kept.ErrMeanVr, 12);
        Assert.Equal(model.MeanVr(70, 5), kept.ModelVr, 12);
        Assert.Equal(SkyMapWeighting.InverseVariance, map.Weighting);
    }

    [Fact]
    public void Error_WithEqualWeights_IsSampleStandardDeviationOverRootN()
    {
        double[] vr = [-120, 35, 80, -10, 55, -70];
        long[] pixel = new long[vr.Length];
        double[] err = Enumerable.Repeat(5.0, vr.Length).ToArray();
        var p = Assert.Single(MeanVelocityMap.Build(4, pixel, vr, err, _ => (0, 0), new DipoleVelocityField(0, 0, 0, 0), minStars: 2).Pixels);
        double mean = vr.Average(), s = Math.Sqrt(vr.Sum(v => (v - mean) * (v - mean)) / (vr.Length - 1));
        Assert.Equal(mean, p.MeanVr, 12);
        Assert.Equal(s / Math.Sqrt(vr.Length), p.ErrMeanVr, 12);
    }

    /// <summary>
    /// The quoted error must match the scatter of the pixel mean over many draws of a halo with σ_r = 107 km/s and
    /// errors of 1–15 km/s (the 216-star pixel of the default mock), not the ≈ 1 km/s 1/√Σw gives. Both weightings
    /// are checked; 400 draws fix the scatter to about ±4%, the tolerance is 10%.
    /// </summary>
    [Theory]
    [InlineData(SkyMapWeighting.InverseVariance)]
    [InlineData(SkyMapWeighting.InverseTotalVariance)]
    public void Error_MatchesScatterOfPixelMeanOverRealisations(SkyMapWeighting weighting)
    {
        const int n = 216, draws = 400;
        const double sigmaR = 107, truth = -40;
        var rng = new Random(20260);
        var means = new double[draws];
        var errors = new double[draws];
        double Gauss() => Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());
        for (int k = 0; k < draws; k++)
        {
            var err = Enumerable.Range(0, n).Select(_ => 1 + 14 * rng.NextDouble()).ToArray();
            var vr = err.Select(e => truth + sigmaR * Gauss() + e * Gauss()).ToArray();
            var p = Assert.Single(MeanVelocityMap.Build(4, new long[n], vr, err, _ => (0, 0), new DipoleVelocityField(0, 0, 0, 0), weighting: weighting)
                .Pixels);
            means[k] = p.MeanVr;
            errors[k] = p.ErrMeanVr;
        }
        double m = means.Average(), scatter = Math.Sqrt(means.Sum(x => (x - m) * (x - m)) / (draws - 1));
        double quoted = Math.Sqrt(errors.Average(e => e * e));
        Assert.InRange(quoted / scatter, 0.9, 1.1);
        // 1/(σ_r² + δ²) weights are near-equal here: the error is σ_r/√n ≈ 7.3 km/s. The paper's 1/δ² weights let the few
        // precise stars decide the pixel and do worse than equal weights (the figure says which weights were used).
        double equalWeights = Math.Sqrt(sigmaR * sigmaR + 70) / Math.Sqrt(n);
        if (weighting == SkyMapWeighting.InverseTotalVariance) Assert.InRange(quoted, 0.9 * equalWeights, 1.1 * equalWeights);
        else Assert.True(quoted > 1.2 * equalWeights, $"1/δ² weights gave {quoted:0.0} km/s, equal weights {equalWeights:0.0}");
        Assert.InRange(m, truth - 3 * scatter / Math.Sqrt(draws), truth + 3 * scatter / Math.Sqrt(draws));
    }

    [Fact]
    public void InverseTotalVariance_EstimatesTheIntrinsicDispersion_AndNamesItsWeights()
    {
        var rng = new Random(7);
        double Gauss() => Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());
        var err = Enumerable.Range(0, 20000).Select(_ => 2 + 20 * rng.NextDouble()).ToArray();
        var vr = err.Select(e => 100 * Gauss() + e * Gauss()).ToArray();
        var map = MeanVelocityMap.Build(4, new long[vr.Length], vr, err, _ => (0, 0), new DipoleVelocityField(0, 0, 0, 0),
            weighting: SkyMapWeighting.InverseTotalVariance);
        Assert.InRange(map.IntrinsicSigmaR, 98, 102);
        Assert.Contains("1/(σ_r² + δ²)", map.WeightingDescription);
    }

    [Fact]
    public void Build_RejectsNonPositiveErrors() =>
        Assert.Throws<ArgumentException>(() => MeanVelocityMap.Build(4, [1], [1], [0], _ => (0, 0), new DipoleVelocityField(0, 0, 0, 0)));
}
