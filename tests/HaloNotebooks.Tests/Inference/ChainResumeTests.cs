using HaloNotebooks.Inference;
using HaloNotebooks.Numerics;
using PureHDF;
using Xunit;

namespace HaloNotebooks.Tests.Inference;

/// <summary>
/// Chains that survive and continue: the file is written every K steps while a run goes on, and a sampler given
/// <see cref="HdfChainBackend.Open"/>'s store continues it to the same chain, bit for bit, as one run of the total length.
/// </summary>
public sealed class ChainResumeTests : IDisposable
{
    readonly string folder = Directory.CreateTempSubdirectory("halo-resume-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    // A correlated 3-D Gaussian: cheap, and every move below accepts and rejects.
    static readonly DelegateLogDensity Target = new(3, x => -0.5 * (x[0] * x[0] + 4 * x[1] * x[1] + 0.25 * x[2] * x[2] + x[0] * x[1]));

    // Every stream a continued run must carry over: the move choice (by step), the split (by step), each walker's
    // proposals and acceptances, and the Gaussian spare that DEMove and GaussianMove leave in a walker's stream.
    static (Move, double)[] Moves() => [(new StretchMove(), 0.5), (new DEMove(), 0.3), (new GaussianMove(0.3), 0.2)];

    static double[][] Ball(int walkers)
    {
        var rng = new SeededRandom(17, 0);
        return Enumerable.Range(0, walkers).Select(_ => Enumerable.Range(0, 3).Select(_ => 0.3 * rng.NextGaussian()).ToArray()).ToArray();
    }

    [Fact]
    public void ContinuedFromTheFile_EqualsOneRun_BitForBit()
    {
        var one = new EnsembleSampler(10, Target, Moves(), seed: 21, maxDegreeOfParallelism: 1);
        one.Run(Ball(10), 50);

        var path = Path.Combine(folder, "chain.h5");
        var first = new EnsembleSampler(10, Target, Moves(), seed: 21, maxDegreeOfParallelism: 2, backend: new HdfChainBackend(path, flushEvery: 7));
        first.Run(Ball(10), 30);
        // A new process, in effect: nothing but the file and the same target, moves and seed.
        var continued = new EnsembleSampler(10, Target, Moves(), seed: 21, backend: HdfChainBackend.Open(path, flushEvery: 7));
        Assert.Equal(30, continued.Iterations);
        continued.Run(20);

        Assert.Equal(50, continued.Iterations);
        Assert.Equal(one.GetChain(), continued.GetChain());
        Assert.Equal(one.GetLogProb(), continued.GetLogProb());
        Assert.Equal(one.Backend.Accepted, continued.Backend.Accepted);
        var file = HdfChainBackend.Read(path);
        Assert.Equal(one.GetChain(), file.GetChain());
        Assert.Equal(one.Backend.Accepted, file.Accepted);
        // The file holds what a third piece needs: the walkers' states after step 50 are one long run's.
        Assert.Equal(one.Backend.WalkerStreams.ToArray(), file.WalkerStreams.ToArray());
        Assert.Equal(21L, file.Seed);
    }

    [Fact]
    public void File_IsWrittenEveryKSteps_WhileTheRunGoesOn()
    {
        var path = Path.Combine(folder, "running.h5");
        var sampler = new EnsembleSampler(8, Target, seed: 3, backend: new HdfChainBackend(path, flushEvery: 5));
        var seen = new List<(int Iteration, int InFile)>();
        foreach (var step in sampler.Sample(Ball(8), steps: 1000))
        {
            seen.Add((step.Iteration, File.Exists(path) ? HdfChainBackend.Read(path).Iterations : 0));
            if (step.Iteration == 13) break;
        }
        // After step t the file holds the last multiple of 5 (none before step 5), never more than 5 steps behind.
        Assert.Equal(Enumerable.Range(1, 13).Select(t => (t, t / 5 * 5)), seen);
        Assert.Equal(13, HdfChainBackend.Read(path).Iterations);      // leaving the loop writes the rest
        Assert.Equal(sampler.GetChain(), HdfChainBackend.Read(path).GetChain());
    }

    [Fact]
    public void Continuing_RefusesAnotherTargetSeedOrAChainWithoutStreams()
    {
        var path = Path.Combine(folder, "c.h5");
        new EnsembleSampler(8, Target, seed: 4, backend: new HdfChainBackend(path)).Run(Ball(8), 6);

        var seed = Assert.Throws<ArgumentException>(() => new EnsembleSampler(8, Target, seed: 5, backend: HdfChainBackend.Open(path)));
        Assert.Contains("seed 4", seed.Message);
        Assert.Throws<ArgumentException>(() => new EnsembleSampler(10, Target, seed: 4, backend: HdfChainBackend.Open(path)));
        var other = new DelegateLogDensity(3, x => -0.5 * (x[0] * x[0] + x[1] * x[1] + x[2] * x[2]));
        var wrong = Assert.Throws<ArgumentException>(() => new EnsembleSampler(8, other, seed: 4, backend: HdfChainBackend.Open(path)).Run(3));
        Assert.Contains("does not belong to this target", wrong.Message);
        var again = new EnsembleSampler(8, Target, seed: 4, backend: HdfChainBackend.Open(path));
        Assert.Throws<InvalidOperationException>(() => again.Run(Ball(8), 3));          // a fresh start would overwrite the chain

        // emcee's own file has no walker streams: readable, not continuable.
        var emcee = TestPaths.Fixture("chains/emcee_hdf_backend.h5");
        Assert.Equal(6, HdfChainBackend.Read(emcee).Iterations);
        Assert.Contains("cannot be continued", Assert.Throws<InvalidDataException>(() => HdfChainBackend.Open(emcee)).Message);
    }

    [Fact]
    public void RandomStates_AreStoredBesideEmceesLayout_NotInIt()
    {
        var path = Path.Combine(folder, "layout.h5");
        new EnsembleSampler(8, Target, seed: -9, backend: new HdfChainBackend(path)).Run(Ball(8), 4);
        using var file = H5File.OpenRead(path);
        var g = file.Group("mcmc");
        // emcee's group attributes are unchanged (random_state_* would be read by emcee as numpy's state): ours is a dataset.
        Assert.DoesNotContain(g.Attributes(), a => a.Name.StartsWith("random_state", StringComparison.Ordinal));
        var d = g.Dataset("halo_random_state");
        Assert.Equal(new ulong[] { 8, 6 }, d.Space.Dimensions);
        Assert.Equal(-9L, d.Attribute("seed").Read<long>());
    }
}
