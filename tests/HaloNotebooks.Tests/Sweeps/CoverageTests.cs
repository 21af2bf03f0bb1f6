using HaloNotebooks.Sweeps;
using Xunit;

namespace HaloNotebooks.Tests.Sweeps;

public class CoverageTests
{
    static SweepEntry Entry(double median, double sigma) =>
        new(1, null, 3, 160, "vr", 100, median, median - 1.96 * sigma, median - sigma, median + sigma, median + 1.96 * sigma);

    [Fact]
    public void BinomialFraction_IsTheFractionWithItsStandardError()
    {
        var f = new BinomialFraction(7, 10);
        Assert.Equal(0.7, f.Fraction, 12);
        Assert.Equal(Math.Sqrt(0.7 * 0.3 / 10), f.Error, 12);   // 0.1449
        Assert.True(double.IsNaN(new BinomialFraction(0, 0).Fraction));
    }

    /// <summary>Seven of ten 68 % intervals hold the truth (|median − truth| ≤ σ), nine of ten 95 % intervals.</summary>
    [Fact]
    public void Of_CountsTheIntervalsThatHoldTheTruth()
    {
        double[] offsets = [0.1, -0.5, 0.9, -0.99, 0.0, 0.3, -0.7, 1.5, -1.8, 2.5];   // in σ = 2
        var c = Coverage.Of(offsets.Select(o => Entry(10 + 2 * o, 2)).ToList(), truth: 10);
        Assert.Equal(7, c.Within68.Hits);
        Assert.Equal(9, c.Within95.Hits);
        Assert.Equal(10, c.Within68.Trials);
        Assert.Equal(offsets.Average(), c.ZMean, 12);
        Assert.Equal(Math.Sqrt(offsets.Average(o => o * o)), c.ZRms, 12);
        Assert.True(c.OutsideNominal68() is false);   // 70 % is within 68 ± 5
    }

    /// <summary>Medians at the quantiles (i + ½)/n of N(truth, σ²) with honest σ: coverage is 68.3 % and 95 % to within 1/n.</summary>
    [Fact]
    public void Of_GivesTheNominalCoverage_ForCalibratedIntervals()
    {
        const int n = 400;
        var entries = Enumerable.Range(0, n).Select(i => Entry(5 + 3 * NormalQuantile((i + 0.5) / n), 3)).ToList();
        var c = Coverage.Of(entries, 5);
        Assert.InRange(c.Within68.Fraction, 0.6827 - 1.0 / n, 0.6827 + 1.0 / n);
        Assert.InRange(c.Within95.Fraction, 0.95 - 1.0 / n, 0.95 + 1.0 / n);
        Assert.InRange(c.ZMean, -1e-9, 1e-9);
        Assert.InRange(c.ZRms, 0.98, 1.0);
    }

    [Fact]
    public void Of_UnwrapsTheApexLongitude()
    {
        // Truth −170° and medians near +175°: 15° apart on the sky, not 345°.
        var e = new SweepEntry(3, null, 50, 120, "l_apex", 500, 175, 150, 165, 185, 200);
        var c = Coverage.Of([e], -170);
        Assert.Equal(190, c.Truth, 9);
        Assert.Equal(1, c.Within95.Hits);
        Assert.Equal(0, c.Within68.Hits);
    }

    [Fact]
    public void PairedSlope_RecoversALinearTrend_ThroughRealisationOffsets()
    {
        double[] x = [-1.2, -1.0, -0.85, -0.7];
        // Each realisation: its own offset (sampling noise shared by every cut) + 0.3 per dex.
        var y = new[] { 0.1, -0.4, 0.25 }.Select(o => x.Select(v => o + 0.3 * v).ToArray()).ToList();
        var (slope, error) = Systematic.PairedSlope(x, y);
        Assert.Equal(0.3, slope, 12);
        Assert.Equal(0, error, 12);
    }

    static double NormalQuantile(double p)
    {
        // Bisection on the CDF: slow but exact to double precision, and independent of the code under test.
        double lo = -10, hi = 10;
        for (int i = 0; i < 200; i++)
        {
            double mid = 0.5 * (lo + hi);
            if (NormalCdf(mid) < p) lo = mid; else hi = mid;
        }
        return 0.5 * (lo + hi);
    }

    static double NormalCdf(double x)
    {
        // ½ erfc(|x|/√2): the Maclaurin series of erf below 3, Laplace's continued fraction above.
        double z = Math.Abs(x) / Math.Sqrt(2);
        double erfc;
        if (z < 3)
        {
            double sum = z, term = z;
            for (int k = 1; k < 200; k++) { term *= -z * z / k; sum += term / (2 * k + 1); }
            erfc = 1 - 2 / Math.Sqrt(Math.PI) * sum;
        }
        else
        {
            double f = 0;
            for (int k = 60; k >= 1; k--) f = k / 2.0 / (z + f);
            erfc = Math.Exp(-z * z) / Math.Sqrt(Math.PI) / (z + f);
        }
        return x >= 0 ? 1 - 0.5 * erfc : 0.5 * erfc;
    }
}
