using HaloNotebooks.Inference;
using HaloNotebooks.Numerics;
using PureHDF;
using Xunit;

namespace HaloNotebooks.Tests.Inference;

/// <summary>
/// The chain file against emcee 3.1's HDFBackend layout (backends/hdf.py: reset, grow, save_step), read back
/// with PureHDF: group, attribute names, types and values, dataset shapes, types and every value.
/// </summary>
public sealed class HdfChainBackendTests : IDisposable
{
    readonly string folder = Directory.CreateTempSubdirectory("halo-chain-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    static readonly DelegateLogDensity Target = new(3, x => -0.5 * (x[0] * x[0] + 4 * x[1] * x[1] + 0.25 * x[2] * x[2]));

    static double[][] Ball(int walkers, long seed)
    {
        var rng = new SeededRandom(seed, 0);
        return Enumerable.Range(0, walkers).Select(_ => Enumerable.Range(0, 3).Select(_ => 0.3 * rng.NextGaussian()).ToArray()).ToArray();
    }

    [Fact]
    public void File_HasEmceesLayout_AttributeTypes_AndEveryValue()
    {
        var path = Path.Combine(folder, "chain.h5");
        var backend = new HdfChainBackend(path) { ParameterNames = ["x", "y", "z"] };
        var sampler = new EnsembleSampler(8, Target, seed: 5, backend: backend);
        sampler.Run(Ball(8, 1), 30);
        Assert.True(File.Exists(path));
        Assert.False(File.Exists(path + ".tmp"));

        using var file = H5File.OpenRead(path);
        Assert.True(file.LinkExists("mcmc"));
        var g = file.Group("mcmc");
        Assert.Equal(["has_blobs", "iteration", "ndim", "nwalkers", "parameter_names", "version"],
                     g.Attributes().Select(a => a.Name).Order(StringComparer.Ordinal));

        // nwalkers, ndim, iteration: Python ints, i.e. signed 64-bit integers, scalar.
        foreach (var (name, value) in new[] { ("nwalkers", 8L), ("ndim", 3L), ("iteration", 30L) })
        {
            var a = g.Attribute(name);
            Assert.Equal(H5DataTypeClass.FixedPoint, a.Type.Class);
            Assert.Equal(8, a.Type.Size);
            Assert.True(a.Type.FixedPoint.IsSigned);
            Assert.Equal(H5DataspaceType.Scalar, a.Space.Type);
            Assert.Equal(value, a.Read<long>());
        }
        // has_blobs: h5py's bool, a one-byte enumeration FALSE = 0, TRUE = 1, holding FALSE.
        var hasBlobs = g.Attribute("has_blobs");
        Assert.Equal(H5DataTypeClass.Enumerated, hasBlobs.Type.Class);
        Assert.Equal(1, hasBlobs.Type.Size);
        var members = hasBlobs.Type.Enumeration.GetMembers<byte>();
        Assert.Equal(new Dictionary<string, byte> { ["FALSE"] = 0, ["TRUE"] = 1 }, members);
        Assert.Equal((byte)0, hasBlobs.Read<byte>());
        // version: a scalar variable-length string; parameter_names: one string per parameter.
        Assert.Equal(H5DataspaceType.Scalar, g.Attribute("version").Space.Type);
        Assert.Contains("emcee 3.1 HDFBackend layout", g.Attribute("version").Read<string>());
        Assert.Equal(["x", "y", "z"], g.Attribute("parameter_names").Read<string[]>());

        // Datasets: float64, accepted (nwalkers), chain (iteration × nwalkers × ndim), log_prob (iteration × nwalkers).
        foreach (var (name, dims) in new[] { ("accepted", new ulong[] { 8 }), ("chain", new ulong[] { 30, 8, 3 }), ("log_prob", new ulong[] { 30, 8 }) })
        {
            var d = g.Dataset(name);
            Assert.Equal(H5DataTypeClass.FloatingPoint, d.Type.Class);
            Assert.Equal(8, d.Type.Size);
            Assert.Equal(dims, d.Space.Dimensions);
        }
        var chain = g.Dataset("chain").Read<double[]>();
        var expected = sampler.GetChain();
        for (int t = 0; t < 30; t++)
            for (int k = 0; k < 8; k++)
                for (int p = 0; p < 3; p++) Assert.Equal(expected[t, k, p], chain[(t * 8 + k) * 3 + p]);
        var logProb = g.Dataset("log_prob").Read<double[]>();
        var expectedLogProb = sampler.GetLogProb();
        for (int t = 0; t < 30; t++)
            for (int k = 0; k < 8; k++) Assert.Equal(expectedLogProb[t, k], logProb[t * 8 + k]);
        // accepted: emcee adds the step's accepted flags to np.zeros(nwalkers) — float64 counts.
        Assert.Equal(sampler.Backend.Accepted.Select(a => (double)a), g.Dataset("accepted").Read<double[]>());
        Assert.Equal(sampler.AcceptanceFraction, g.Dataset("accepted").Read<double[]>().Select(a => a / 30));
    }

    [Fact]
    public void Read_GivesBackTheChain_AndAnEarlyStopIsWritten()
    {
        var path = Path.Combine(folder, "early.h5");
        var sampler = new EnsembleSampler(8, Target, seed: 6, backend: new HdfChainBackend(path));
        foreach (var step in sampler.Sample(Ball(8, 2), steps: 500))
            if (step.Iteration == 12) break;
        var back = HdfChainBackend.Read(path);
        Assert.Equal(12, back.Iterations);
        Assert.Equal((8, 3), (back.Walkers, back.Dimension));
        Assert.Null(back.ParameterNames);
        Assert.Equal(sampler.GetChain(), back.GetChain());
        Assert.Equal(sampler.GetFlatLogProb(discard: 4), back.GetFlatLogProb(discard: 4));
        Assert.Equal(sampler.Backend.Accepted, back.Accepted);

        sampler.Run(8);                                  // the continued run rewrites the file with all 20 steps
        Assert.Equal(sampler.GetChain(), HdfChainBackend.Read(path).GetChain());
        Assert.Equal(20, HdfChainBackend.Read(path).Iterations);
    }

    [Fact]
    public void BadPaths_AreOneLineErrors()
    {
        var chain = new ChainBackend();
        Assert.Throws<InvalidOperationException>(() => HdfChainBackend.Write(chain, Path.Combine(folder, "empty.h5")));
        chain.Reset(2, 1);
        var missing = Assert.Throws<IOException>(() => HdfChainBackend.Write(chain, Path.Combine(folder, "no", "such", "dir.h5")));
        Assert.Contains("does not exist", missing.Message);
        Assert.Throws<FileNotFoundException>(() => HdfChainBackend.Read(Path.Combine(folder, "absent.h5")));
        Assert.Throws<ArgumentException>(() => new HdfChainBackend(" "));
    }

    [Fact]
    public void Read_OpensAChainWrittenByEmcee()
    {
        // Fixtures/chains/emcee_hdf_backend.h5: 10 walkers × 2 parameters × 6 steps written by emcee 3.1.4's own
        // HDFBackend (chunked, resizable datasets, int8 bool, random_state_* attributes); values printed by
        // Fixtures/chains/make_emcee_chain.py.
        var chain = HdfChainBackend.Read(TestPaths.Fixture("chains/emcee_hdf_backend.h5"));
        Assert.Equal((6, 10, 2), (chain.Iterations, chain.Walkers, chain.Dimension));
        var c = chain.GetChain();
        Assert.Equal(0.4357182491126349, c[5, 3, 0]);
        Assert.Equal(0.12788480316674117, c[5, 3, 1]);
        Assert.Equal(-0.45401203776060545, c[0, 9, 0]);
        Assert.Equal(-0.7061518506676457, c[0, 9, 1]);
        Assert.Equal(-1.2721142197123712, chain.GetLogProb()[2, 7]);
        Assert.Equal([5L, 4, 5, 5, 6, 5, 4, 3, 5, 2], chain.Accepted);
        Assert.Equal(40, chain.GetFlatChain(discard: 2).GetLength(0));
    }
}
