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

    /// <summary>The moves under test: emcee's default, its DEMove, and the mixture of its documentation.</summary>
    static IReadOnlyList<(Move, double)> Moves(string kind) => kind switch
    {
        "stretch" => [(new StretchMove(), 1.0)],
        "de" => [(new DEMove(), 1.0)],
        "mixture" => [(new StretchMove(), 0.8), (new DEMove(), 0.2)],
        _ => throw new ArgumentException(kind),
    };

    [Theory]
    [InlineData(1, 10, "stretch")]
    [InlineData(5, 32, "stretch")]
    [InlineData(1, 10, "de")]
    [InlineData(5, 32, "de")]
    [InlineData(5, 32, "mixture")]
    public void Gaussian_RecoversMeanAndCovariance(int ndim, int walkers, string moves)
    {
        var target = new Gaussian(ndim, 1234 + ndim);
        var sampler = new EnsembleSampler(walkers, target, Moves(moves), seed: 7);
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

    [Theory]
    [InlineData("stretch", 1)]
    [InlineData("mixture", 1)]
    [InlineData("mixture", 2)]
    public void Run_ContinuedInPieces_IsBitIdenticalToOneLongRun(string moves, int threads)
    {
        var target = new Gaussian(3, 11);
        var start = Ball(12, target.Mean, 0.5, 4);
        var one = new EnsembleSampler(12, target, Moves(moves), seed: 21, maxDegreeOfParallelism: threads) { MinParallelSeconds = 0 };
        one.Run(start, 150);
        var pieces = new EnsembleSampler(12, target, Moves(moves), seed: 21, maxDegreeOfParallelism: threads) { MinParallelSeconds = 0 };
        pieces.Run(start, 40);
        pieces.Run(70);                    // emcee's run_mcmc(None, 70)
        pieces.Run(40);
        Assert.Equal(150, pieces.Iterations);
        Assert.Equal(one.GetChain(), pieces.GetChain());
        Assert.Equal(one.GetLogProb(), pieces.GetLogProb());
        Assert.Equal(one.AcceptanceFraction, pieces.AcceptanceFraction);
        Assert.Equal(one.LastPosition, pieces.LastPosition);
    }

    [Fact]
    public void Sample_StopsEarlyKeepingTheStepsDone_AndContinuesBitIdentically()
    {
        var target = new Gaussian(2, 13);
        var start = Ball(8, target.Mean, 0.5, 5);
        var full = new EnsembleSampler(8, target, seed: 2);
        full.Run(start, 60);

        var sampler = new EnsembleSampler(8, target, seed: 2);
        var seen = new List<SamplerProgress>();
        foreach (var step in sampler.Sample(start, steps: 1000))
        {
            seen.Add(step);
            Assert.Equal(step.Iteration, sampler.Iterations);            // the store is up to date at every yield
            if (step.Iteration == 25) break;                             // early stopping
        }
        Assert.Equal(25, sampler.Iterations);
        Assert.Equal(Enumerable.Range(1, 25), seen.Select(s => s.Step));
        Assert.All(seen, s => Assert.Equal(1000, s.TotalSteps));
        var more = sampler.Sample(35).ToList();
        Assert.Equal(Enumerable.Range(26, 35), more.Select(s => s.Iteration));
        Assert.Equal(full.GetChain(), sampler.GetChain());
        Assert.Equal(full.GetLogProb(), sampler.GetLogProb());
    }

    [Fact]
    public void Run_WithoutAnInitialState_RefusesToContinueNothing()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => new EnsembleSampler(6, new Gaussian(2, 1)).Run(10));
        Assert.Contains("has not been run", ex.Message);
    }

    [Fact]
    public void Moves_AreDescribed_AndBadWeightsOrTooFewWalkersAreRefused()
    {
        var target = new Gaussian(2, 3);
        Assert.Equal("stretch (a = 2)", new EnsembleSampler(6, target).MoveDescription);
        var mixed = new EnsembleSampler(6, target, [(new StretchMove(), 4.0), (new DEMove(), 1.0)]);
        Assert.Equal([0.8, 0.2], mixed.Weights);
        Assert.Equal("0.8 × stretch (a = 2) + 0.2 × differential evolution (γ0 = 2.38/sqrt(2 ndim), σ = 1E-05)", mixed.MoveDescription);
        Assert.Throws<ArgumentException>(() => new EnsembleSampler(6, target, [(new StretchMove(), 0.0)]));
        Assert.Throws<ArgumentException>(() => new EnsembleSampler(6, target, [(new StretchMove(), double.NaN)]));
        Assert.Throws<ArgumentException>(() => new EnsembleSampler(6, target, Array.Empty<(Move, double)>()));
        var few = Assert.Throws<ArgumentException>(() => new EnsembleSampler(6, new Gaussian(4, 1), new DEMove()));
        Assert.Contains("≥ 8", few.Message);
        Assert.Throws<ArgumentException>(() => new EnsembleSampler(2, new Gaussian(1, 1), new DEMove()));
    }

    [Fact]
    public void Mixture_UsesEveryMove_InProportionToItsWeight()
    {
        // A move that records the steps it was asked to make; its proposal is the stretch move's.
        var target = new Gaussian(2, 6);
        var a = new CountingMove(); var b = new CountingMove();
        var sampler = new EnsembleSampler(8, target, [(a, 0.75), (b, 0.25)], seed: 4);
        sampler.Run(Ball(8, target.Mean, 0.5, 1), 2000);
        Assert.Equal(2000, a.Steps + b.Steps);
        // Binomial(2000, 0.25): σ ≈ 19.4; 5σ.
        Assert.InRange(b.Steps, 500 - 97, 500 + 97);
    }

    /// <summary>The stretch proposal, counting how many ensemble steps used it (each step proposes once per walker).</summary>
    sealed class CountingMove : RedBlueMove
    {
        readonly StretchMove stretch = new();
        int proposals;
        public int Steps => proposals / 8;
        public override string Description => "counting stretch";
        public override double Propose(ReadOnlySpan<double> walker, ReadOnlySpan<double> complement, Span<double> proposal, SeededRandom rng)
        {
            Interlocked.Increment(ref proposals);
            return stretch.Propose(walker, complement, proposal, rng);
        }
    }

    sealed class SynchronousProgress(Action<SamplerProgress> report) : IProgress<SamplerProgress>
    {
        public void Report(SamplerProgress value) => report(value);
    }
}
