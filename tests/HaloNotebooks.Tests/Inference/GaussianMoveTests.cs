using HaloNotebooks.Inference;
using HaloNotebooks.Numerics;
using Xunit;

namespace HaloNotebooks.Tests.Inference;

/// <summary>
/// emcee's MHMove / GaussianMove, and the public <see cref="Move"/> extension point: each samples a known Gaussian
/// at a fixed seed, with tolerances stated against the chain's own Monte-Carlo error.
/// </summary>
public class GaussianMoveTests
{
    // N(μ, Σ), μ = (1, −2), Σ = [[1, 0.6], [0.6, 2]] (correlation 0.42).
    static readonly double[] Mu = [1, -2];
    static readonly double[,] Sigma = { { 1, 0.6 }, { 0.6, 2 } };
    static readonly DelegateLogDensity Target = new(2, x =>
    {
        double det = Sigma[0, 0] * Sigma[1, 1] - Sigma[0, 1] * Sigma[1, 0];
        double dx = x[0] - Mu[0], dy = x[1] - Mu[1];
        return -0.5 * (Sigma[1, 1] * dx * dx - 2 * Sigma[0, 1] * dx * dy + Sigma[0, 0] * dy * dy) / det;
    });

    static double[][] Start(int walkers)
    {
        var rng = new SeededRandom(5, 0);
        return Enumerable.Range(0, walkers).Select(_ => new[] { rng.NextGaussian(), rng.NextGaussian() }).ToArray();
    }

    /// <summary>Sample mean and covariance of the flat chain after burn-in.</summary>
    static (double[] Mean, double[,] Cov) Moments(EnsembleSampler s, int burn)
    {
        var flat = s.GetFlatChain(discard: burn);
        int n = flat.GetLength(0);
        var mean = new double[2];
        for (int i = 0; i < n; i++) for (int d = 0; d < 2; d++) mean[d] += flat[i, d] / n;
        var cov = new double[2, 2];
        for (int i = 0; i < n; i++)
            for (int a = 0; a < 2; a++)
                for (int b = 0; b < 2; b++) cov[a, b] += (flat[i, a] - mean[a]) * (flat[i, b] - mean[b]) / (n - 1);
        return (mean, cov);
    }

    static void AssertRecovers(EnsembleSampler s, int burn)
    {
        var (mean, cov) = Moments(s, burn);
        // 32 walkers × 3500 kept steps with τ ≲ 15 give ≳ 7000 independent draws: the mean's error is ≈ 0.012 (x) and
        // 0.017 (y), a variance's ≈ 2–3 %. Tolerances: 0.06 in the mean, 10 % of the variances, 0.1 in the covariance.
        Assert.InRange(mean[0], Mu[0] - 0.06, Mu[0] + 0.06);
        Assert.InRange(mean[1], Mu[1] - 0.06, Mu[1] + 0.06);
        Assert.InRange(cov[0, 0], 0.9 * Sigma[0, 0], 1.1 * Sigma[0, 0]);
        Assert.InRange(cov[1, 1], 0.9 * Sigma[1, 1], 1.1 * Sigma[1, 1]);
        Assert.InRange(cov[0, 1], Sigma[0, 1] - 0.1, Sigma[0, 1] + 0.1);
    }

    [Fact]
    public void GaussianMove_SamplesAKnown2DGaussian_WithASaneAcceptance()
    {
        // The optimal random-walk scale for a Gaussian target, 2.38² / ndim × Σ (Gelman, Roberts & Gilks 1996).
        var proposal = new double[2, 2];
        for (int a = 0; a < 2; a++) for (int b = 0; b < 2; b++) proposal[a, b] = 2.38 * 2.38 / 2 * Sigma[a, b];
        var s = new EnsembleSampler(32, Target, new GaussianMove(proposal), seed: 11, maxDegreeOfParallelism: 1);
        s.Run(Start(32), 4000);
        AssertRecovers(s, 500);
        // At that scale a 2-D Gaussian accepts ≈ 35 % (Gelman, Roberts & Gilks 1996).
        double acceptance = s.AcceptanceFraction.Average();
        Assert.InRange(acceptance, 0.25, 0.45);
        Assert.Equal("Gaussian Metropolis (2 × 2 covariance)", s.MoveDescription);
    }

    [Fact]
    public void GaussianMove_IsotropicAndAxisAligned_SampleTheSameTarget()
    {
        var iso = new EnsembleSampler(32, Target, new GaussianMove(1.5), seed: 12, maxDegreeOfParallelism: 1);
        iso.Run(Start(32), 4000);
        AssertRecovers(iso, 500);
        var diag = new EnsembleSampler(32, Target, new GaussianMove([2.8, 5.6]), seed: 13, maxDegreeOfParallelism: 2);
        diag.Run(Start(32), 4000);
        AssertRecovers(diag, 500);
        Assert.InRange(iso.AcceptanceFraction.Average(), 0.1, 0.9);
    }

    [Fact]
    public void GaussianMove_RefusesBadCovariances_AndAnotherDimension()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new GaussianMove(0.0));
        Assert.Throws<ArgumentException>(() => new GaussianMove([1.0, -1.0]));
        Assert.Throws<ArgumentException>(() => new GaussianMove(new double[,] { { 1, 2 }, { 2, 1 } }));       // not positive definite
        Assert.Throws<ArgumentException>(() => new GaussianMove(new double[,] { { 1, 0.1 }, { 0.2, 1 } }));   // not symmetric
        var three = Assert.Throws<ArgumentException>(() => new EnsembleSampler(8, Target, new GaussianMove([1.0, 1.0, 1.0])));
        Assert.Contains("3 parameters", three.Message);
        // A Metropolis move needs no red/blue split: an odd ensemble smaller than 2 × ndim is fine.
        var small = new EnsembleSampler(3, Target, new GaussianMove(1.0), seed: 1);
        small.Run(Start(3), 5, skipInitialStateCheck: true);
        Assert.Equal(5, small.Iterations);
    }

    /// <summary>A whole-ensemble move on the library's internal Move surface (the pipeline's extension point): a Metropolis
    /// random walk on one coordinate at a time (the coordinate = step mod ndim, emcee's GaussianMove "sequential" mode).</summary>
    sealed class SequentialWalk(double scale) : Move
    {
        public override string Description => "sequential random walk";

        internal override void Advance(Ensemble ensemble, long step)
        {
            Span<double> y = stackalloc double[ensemble.Dimension];
            int d = (int)(step % ensemble.Dimension);
            for (int k = 0; k < ensemble.Walkers; k++)
            {
                var rng = ensemble.GetRandom(k);
                ensemble.GetPosition(k).CopyTo(y);
                y[d] += scale * rng.NextGaussian();
                double lnp = ensemble.LogDensity(y);
                if (lnp - ensemble.GetLogProbability(k) > Math.Log(rng.NextDouble())) ensemble.Accept(k, y, lnp);
            }
        }
    }

    [Fact]
    public void AMoveOfOnesOwn_PlugsIn_SamplesTheTarget_AndContinuesLikeOneRun()
    {
        var s = new EnsembleSampler(32, Target, new SequentialWalk(2.0), seed: 14);
        s.Run(Start(32), 4000);
        AssertRecovers(s, 500);
        Assert.Equal("sequential random walk", s.MoveDescription);

        var one = new EnsembleSampler(8, Target, new SequentialWalk(2.0), seed: 15);
        one.Run(Start(8), 40);
        var pieces = new EnsembleSampler(8, Target, new SequentialWalk(2.0), seed: 15);
        pieces.Run(Start(8), 25);
        pieces.Run(15);
        Assert.Equal(one.GetChain(), pieces.GetChain());
    }

    /// <summary>A move written from the public surface only, as a notebook would: an MHMove whose proposal draws
    /// through MathNet from the stream the sampler hands it.</summary>
    sealed class PublicRandomWalk(double scale) : MHMove
    {
        public override string Description => "random walk (public MHMove)";

        public override double Propose(ReadOnlySpan<double> walker, Span<double> proposal, Random rng)
        {
            for (int i = 0; i < walker.Length; i++) proposal[i] = walker[i] + scale * MathNet.Numerics.Distributions.Normal.Sample(rng, 0, 1);
            return 0.0;
        }
    }

    [Fact]
    public void AnMHMoveFromThePublicSurface_SamplesTheTarget_IndependentlyOfTheThreadCount()
    {
        var s = new EnsembleSampler(32, Target, new PublicRandomWalk(2.0), seed: 16, maxDegreeOfParallelism: 1);
        s.Run(Start(32), 4000);
        AssertRecovers(s, 500);

        var one = new EnsembleSampler(8, Target, new PublicRandomWalk(2.0), seed: 17, maxDegreeOfParallelism: 1);
        one.Run(Start(8), 40);
        var two = new EnsembleSampler(8, Target, new PublicRandomWalk(2.0), seed: 17, maxDegreeOfParallelism: 2);
        two.Run(Start(8), 40);
        Assert.Equal(one.GetChain(), two.GetChain());
    }
}
