using Xunit;
using HaloNotebooks.Figures;
using HaloNotebooks.Numerics;

namespace HaloNotebooks.Tests.Figures;

public class SampleBinningTests
{
    [Theory]
    [InlineData(0.30)]
    [InlineData(0.3934693402873666)]   // 1σ in 2-D
    [InlineData(0.8646647167633873)]   // 2σ in 2-D
    public void EnclosedMass_OfA2DGaussian_IsTheDiskOfRadiusSqrtMinus2Ln1MinusLevel(double level)
    {
        // For an isotropic 2-D normal the highest-density region holding mass ℓ is the disk
        // r < sqrt(−2 ln(1 − ℓ)): 0.845σ, 1σ and 2σ for the paper's three levels.
        var rng = new SeededRandom(3, 0);
        int n = 400_000, bins = 60;
        var x = new double[n]; var y = new double[n];
        for (int k = 0; k < n; k++) { x[k] = rng.NextGaussian(); y[k] = rng.NextGaussian(); }
        var mass = SampleBinning.EnclosedMass(SampleBinning.Histogram2D(x, y, (-4, 4), (-4, 4), bins));
        double expected = Math.Sqrt(-2 * Math.Log(1 - level)), width = 8.0 / bins;
        double inside = 0, outside = double.MaxValue;
        for (int iy = 0; iy < bins; iy++)
            for (int ix = 0; ix < bins; ix++)
            {
                double r = Math.Sqrt(Math.Pow(-4 + (ix + 0.5) * width, 2) + Math.Pow(-4 + (iy + 0.5) * width, 2));
                if (mass[iy, ix] <= level) inside = Math.Max(inside, r); else outside = Math.Min(outside, r);
            }
        // Region edge within about one bin of the analytic radius (sampling noise moves it a little).
        Assert.InRange(inside, expected - 1.5 * width, expected + 1.5 * width);
        Assert.InRange(outside, expected - 1.5 * width, expected + 1.5 * width);
    }

    [Fact]
    public void EnclosedMass_IsOneOutsideTheSamples_AndCountsTiesTogether()
    {
        var h = new double[,] { { 0, 1 }, { 1, 2 } };
        var m = SampleBinning.EnclosedMass(h);
        Assert.Equal(0.5, m[1, 1], 12);
        Assert.Equal(1.0, m[0, 1], 12);   // the two bins of 1 share the tie group: 2+1+1 = all
        Assert.Equal(1.0, m[1, 0], 12);
        Assert.Equal(1.0, m[0, 0], 12);
    }

    [Fact]
    public void Smooth_ConservesMassAwayFromEdges()
    {
        var h = new double[21, 21];
        h[10, 10] = 1;
        var s = SampleBinning.Smooth(h, 1.5);
        double total = 0;
        foreach (var v in s) total += v;
        Assert.Equal(1.0, total, 12);
        Assert.Equal(s[10, 9], s[10, 11], 12);
        Assert.Equal(s[9, 10], s[11, 10], 12);
        Assert.True(s[10, 10] > s[10, 11] && s[10, 11] > s[10, 12]);
    }

    [Fact]
    public void Quantile_MatchesNumpyLinearInterpolation()
    {
        double[] sorted = [1, 2, 3, 4];
        Assert.Equal(2.5, SampleBinning.Quantile(sorted, 0.5), 12);
        Assert.Equal(1.48, SampleBinning.Quantile(sorted, 0.16), 12);   // numpy.percentile([1,2,3,4], 16) = 1.48
        Assert.Equal(4, SampleBinning.Quantile(sorted, 1), 12);
    }
}
