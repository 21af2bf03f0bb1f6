using HaloNotebooks.Analysis;
using HaloNotebooks.Numerics;
using Xunit;

namespace HaloNotebooks.Tests.Analysis;

public class GaussianMeanFitTests
{
    [Fact]
    public void Fit_WithEqualErrors_AgreesWithTheAnalyticMaximumLikelihood()
    {
        // Equal errors e: the likelihood is that of N(μ, s), s² = σ² + e², so μ̂ = sample mean, ŝ² = sample variance,
        // σ̂ = √(ŝ² − e²); for large N the posterior is Gaussian with widths ŝ/√N and ŝ²/(σ̂√(2N)).
        var rng = new SeededRandom(11);
        const int n = 20000;
        const double e = 30;
        var x = Enumerable.Range(0, n).Select(_ => rng.NextGaussian(-12, Math.Sqrt(105 * 105 + e * e))).ToArray();
        var err = Enumerable.Repeat(e, n).ToArray();
        double mean = x.Average(), s2 = x.Sum(v => (v - mean) * (v - mean)) / n, sigma = Math.Sqrt(s2 - e * e);
        double widthMean = Math.Sqrt(s2 / n), widthSigma = s2 / (sigma * Math.Sqrt(2.0 * n));

        var (m, s) = GaussianMeanFit.Fit(x, err);

        Assert.InRange(m.Value, mean - 0.02 * widthMean, mean + 0.02 * widthMean);
        Assert.InRange(m.Sigma / widthMean, 0.98, 1.02);
        Assert.InRange(s.Value, sigma - 0.05 * widthSigma, sigma + 0.05 * widthSigma);
        Assert.InRange(s.Sigma / widthSigma, 0.97, 1.03);
    }

    [Fact]
    public void Fit_RecoversMeanOfMixedErrorData()
    {
        var rng = new SeededRandom(12);
        var err = Enumerable.Range(0, 3000).Select(_ => 5 + 45 * rng.NextDouble()).ToArray();
        var x = err.Select(e => rng.NextGaussian(25, Math.Sqrt(80 * 80 + e * e))).ToArray();
        var (m, s) = GaussianMeanFit.Fit(x, err);
        Assert.InRange((m.Value - 25) / m.Sigma, -3, 3);
        Assert.InRange((s.Value - 80) / s.Sigma, -3, 3);
    }

    [Fact]
    public void Fit_RejectsNegativeErrors() =>
        Assert.Throws<ArgumentException>(() => GaussianMeanFit.Fit([1, 2, 3], [1, -1, 1]));
}
