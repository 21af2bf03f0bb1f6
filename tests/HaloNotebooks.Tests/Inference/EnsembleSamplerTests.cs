using HaloNotebooks.Inference;
using HaloNotebooks.Numerics;
using MathNet.Numerics.LinearAlgebra;
using Xunit;

namespace HaloNotebooks.Tests.Inference;

/// <summary>Statistical tests in the style of emcee's own (tests/integration/test_gaussian.py).</summary>
public class EnsembleSamplerTests
{
    /// <summary>A correlated multivariate normal N(μ, Σ) with a seeded random covariance.</summary>
    sealed class Gaussian : ILogDensity
    {
        public readonly double[] Mean;
        public readonly Matrix<double> Cov, Precision;
        public Gaussian(int ndim, long seed)
        {
            var rng = new SeededRandom(seed, 0);
            Mean = Enumerable.Range(0, ndim).Select(_ => 5 * rng.NextGaussian()).ToArray();
            var a = Matrix<double>.Build.Dense(ndim, ndim, (_, _) => rng.NextGaussian());
            Cov = a * a.Transpose() + Matrix<double>.Build.DenseIdentity(ndim) * 0.5;   // correlated, well conditioned
            Precision = Cov.Inverse();
        }
        public int Dimension => Mean.Length;
        public double LogDensity(ReadOnlySpan<double> x)
        {
            double s = 0;
            for (int i = 0; i < Mean.Length; i++)
                for (int j = 0; j < Mean.Length; j++) s += (x[i] - Mean[i]) * Precision[i, j] * (x[j] - Mean[j]);
            return -0.5 * s;
        }
    }

    static double[][] Ball(int walkers, double[] centre, double scale, long seed)
    {
        var rng = new SeededRandom(seed, 99);
        return Enumerable.Range(0, walkers).Select(_ => centre.Select(c => c + scale * rng.NextGaussian()).ToArray()).ToArray();
    }

    [Theory]
    [InlineData(1, 10)]
    [InlineData(5, 32)]
    public void Gaussian_RecoversMeanAndCovariance(int ndim, int walkers)
    {
        var target = new Gaussian(ndim, 1234 + ndim);
        var sampler = new EnsembleSampler(walkers, target, seed: 7);
        sampler.Run(Ball(walkers, target.Mean, 0.1, 7), 3000);
        const int burn = 500;
        var tau = sampler.GetAutocorrTime(out _, discard: burn, quiet: true);
        var flat = sampler.GetFlatChain(burn);
        int n = flat.GetLength(0);
        // Tolerances from the effective sample size N / τ: 5 standard errors for the mean,
        // and 5 standard errors (√(2/N_eff) relative) for the variances.
        double nEff = n / tau.Max();
        for (int d = 0; d < ndim; d++)
        {
            double sd = Math.Sqrt(target.Cov[d, d]);
            double mean = Enumerable.Range(0, n).Average(i => flat[i, d]);
            Assert.InRange(mean - target.Mean[d], -5 * sd / Math.Sqrt(nEff), 5 * sd / Math.Sqrt(nEff));
            for (int e = 0; e < ndim; e++)
            {
                double me = Enumerable.Range(0, n).Average(i => flat[i, e]);
                double cov = Enumerable.Range(0, n).Sum(i => (flat[i, d] - mean) * (flat[i, e] - me)) / (n - 1);
                double scale = Math.Sqrt(target.Cov[d, d] * target.Cov[e, e]);
                Assert.InRange((cov - target.Cov[d, e]) / scale, -5 * Math.Sqrt(2 / nEff), 5 * Math.Sqrt(2 / nEff));
            }
        }
        Assert.All(sampler.AcceptanceFraction, f => Assert.InRange(f, 0.1, 0.9));
    }

    [Fact]
    public void Chain_IsBitIdenticalForOneAndTwoThreads()
    {
        var target = new Gaussian(3, 5);
        double[][] Run(int threads)
        {
            var s = new EnsembleSampler(12, target, seed: 42, maxDegreeOfParallelism: threads) { MinParallelSeconds = 0 };   // force threads
            s.Run(Ball(12, target.Mean, 0.5, 1), 200);
            var flat = s.GetFlatChain();
            return Enumerable.Range(0, flat.GetLength(0)).Select(i => Enumerable.Range(0, 3).Select(d => flat[i, d]).ToArray()).ToArray();
        }
        var one = Run(1); var two = Run(2);
        Assert.Equal(one.Length, two.Length);
        for (int i = 0; i < one.Length; i++) Assert.Equal(one[i], two[i]);
        var other = new EnsembleSampler(12, target, seed: 43);
        other.Run(Ball(12, target.Mean, 0.5, 1), 200);
        Assert.NotEqual(one[^1][0], other.GetFlatChain()[one.Length - 1, 0]);
    }

    [Fact]
    public void GetChain_FollowsEmceeDiscardThinAndFlatLayout()
    {
        var target = new Gaussian(2, 9);
        var s = new EnsembleSampler(6, target, seed: 3);
        s.Run(Ball(6, target.Mean, 0.5, 2), 20);
        var chain = s.GetChain(discard: 5, thin: 3);        // steps 5, 8, 11, 14, 17
        Assert.Equal([5, 6, 2], new[] { chain.GetLength(0), chain.GetLength(1), chain.GetLength(2) });
        var full = s.GetChain();
        var flat = s.GetFlatChain(discard: 5, thin: 3);
        Assert.Equal(30, flat.GetLength(0));
        for (int st = 0; st < 5; st++)
            for (int k = 0; k < 6; k++)
            {
                Assert.Equal(full[5 + 3 * st, k, 1], chain[st, k, 1]);
                Assert.Equal(chain[st, k, 1], flat[st * 6 + k, 1]);
            }
        var lp = s.GetLogProb(discard: 5, thin: 3);
        Assert.Equal(target.LogDensity([chain[2, 4, 0], chain[2, 4, 1]]), lp[2, 4]);
        Assert.Equal(lp[1, 3], s.GetFlatLogProb(5, 3)[1 * 6 + 3]);
    }

    [Fact]
    public void Run_RejectsDependentWalkersLikeEmcee()
    {
        var target = new Gaussian(3, 1);
        var same = Enumerable.Range(0, 8).Select(_ => new[] { 1.0, 2.0, 3.0 }).ToArray();
        var ex = Assert.Throws<ArgumentException>(() => new EnsembleSampler(8, target).Run(same, 5));
        Assert.Contains("condition number", ex.Message);
        // Walkers on a line (rank 1) are dependent too.
        var line = Enumerable.Range(0, 8).Select(k => new[] { k * 1.0, 2.0 * k, -k * 1.0 }).ToArray();
        Assert.Throws<ArgumentException>(() => new EnsembleSampler(8, target).Run(line, 5));
    }

    [Fact]
    public void Run_ThrowsWhenTheLogProbabilityIsNaN()
    {
        var nan = new DelegateLogDensity(2, x => x[0] > 0.5 ? double.NaN : -0.5 * (x[0] * x[0] + x[1] * x[1]));
        var ex = Assert.Throws<InvalidOperationException>(() => new EnsembleSampler(8, nan, seed: 1).Run(Ball(8, [-3, 0], 0.1, 3), 200));
        Assert.StartsWith("Probability function returned NaN", ex.Message);
        var initial = Assert.Throws<InvalidOperationException>(() => new EnsembleSampler(8, nan, seed: 1).Run(Ball(8, [1, 0], 0.1, 3), 200));
        Assert.Equal("The initial log_prob was NaN", initial.Message);
    }

    [Fact]
    public void Progress_IsReportedEveryStep()
    {
        var target = new Gaussian(2, 2);
        var reports = new List<SamplerProgress>();
        var progress = new SynchronousProgress(reports.Add);
        new EnsembleSampler(6, target).Run(Ball(6, target.Mean, 0.5, 2), 15, progress);
        Assert.Equal(Enumerable.Range(1, 15), reports.Select(r => r.Step));
        Assert.All(reports, r => Assert.Equal(15, r.TotalSteps));
    }

    sealed class SynchronousProgress(Action<SamplerProgress> report) : IProgress<SamplerProgress>
    {
        public void Report(SamplerProgress value) => report(value);
    }
}
