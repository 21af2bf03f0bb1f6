using HaloNotebooks.Numerics;
using PureHDF;

namespace HaloNotebooks.Inference;

/// <summary>
/// A chain store that is also an HDF5 file in emcee 3.1's HDFBackend layout, so that Python reads it with
/// <c>emcee.backends.HDFBackend(path, read_only=True).get_chain(discard=…, flat=True)</c> (and plots it with
/// corner or ArviZ). Group <c>mcmc</c>; attributes <c>version</c> (string), <c>nwalkers</c>, <c>ndim</c>,
/// <c>iteration</c> (int64), <c>has_blobs</c> (h5py's bool: an 8-bit enum FALSE/TRUE), and
/// <c>parameter_names</c> (strings; ours, emcee ignores it); float64 datasets <c>accepted</c> (nwalkers),
/// <c>chain</c> (iteration × nwalkers × ndim) and <c>log_prob</c> (iteration × nwalkers).
/// Beside emcee's layout, dataset <c>halo_random_state</c> (uint64, nwalkers × 6: every walker's xoshiro256** state
/// after the last stored step) with attribute <c>seed</c> (int64): with them <see cref="Open"/> continues the chain as
/// one long run would have; emcee reads by name and ignores both.
/// Unlike h5py, PureHDF writes whole files only: the chain is kept in memory and the file is rewritten atomically
/// (a temporary file, then a rename) every <see cref="FlushEvery"/> steps and whenever a run ends or stops early, so a
/// killed process leaves the last complete file, at most <see cref="FlushEvery"/> steps behind.
/// </summary>
/// <param name="path">The chain file (.h5).</param>
/// <param name="flushEvery">Steps between two writes while a run goes on (0: only when it ends); default <see cref="DefaultFlushEvery"/>.</param>
internal sealed class HdfChainBackend(string path, int flushEvery = HdfChainBackend.DefaultFlushEvery) : ChainBackend
{
    /// <summary>
    /// Steps between two writes unless set: each write rewrites the whole file (up to 14 MB at the paper's 100 × 1000 for
    /// 17 parameters; 10 writes in such a run), and a crash loses at most 100 steps. Writing every 50 steps added 0.9–1.5 s
    /// of CPU to a 3.4–3.9 s double fit of 3,000 stars (benchmarks/README.md).
    /// </summary>
    internal const int DefaultFlushEvery = 100;

    /// <summary>The dataset with every walker's random state (ours; emcee ignores it).</summary>
    internal const string RandomStateName = "halo_random_state";

    /// <summary>The group emcee's HDFBackend reads by default (name="mcmc").</summary>
    internal const string GroupName = "mcmc";

    /// <summary>
    /// h5py's bool: an 8-bit enumeration with members FALSE = 0 and TRUE = 1, which h5py reads as numpy.bool_. h5py's
    /// own base type is signed; PureHDF 2.2.0 cannot write an sbyte enum (it unboxes the values as byte), so the base is uint8.
    /// </summary>
    internal enum H5Bool : byte { FALSE = 0, TRUE = 1 }

    public string Path { get; } = string.IsNullOrWhiteSpace(path) ? throw new ArgumentException("the chain file path is empty") : path;

    public override int FlushEvery { get; } = flushEvery >= 0 ? flushEvery
        : throw new ArgumentOutOfRangeException(nameof(flushEvery), flushEvery, "steps between writes must be ≥ 0 (0: only at the end)");

    /// <summary>
    /// A chain file written by this class, opened to be continued: its steps are loaded, and a sampler given this store
    /// continues the run where it stopped (<see cref="EnsembleSampler.Run(int, IProgress{SamplerProgress}?, CancellationToken)"/>),
    /// rewriting the same file. The continued chain equals one long run bit for bit.
    /// </summary>
    internal static HdfChainBackend Open(string path, int flushEvery = DefaultFlushEvery)
    {
        var backend = new HdfChainBackend(path, flushEvery);
        Read(path, backend);
        if (!backend.CanContinue)
            throw new InvalidDataException($"{path}: the chain has no '{RandomStateName}' (written by emcee or an older halo), so it cannot be continued " +
                "bit for bit; start a new chain");
        return backend;
    }

    /// <summary>Writes the stored steps to <see cref="Path"/>.</summary>
    public override void Flush() => Write(this, Path);

    /// <summary>Writes any chain store to <paramref name="path"/> in emcee's HDF5 layout (atomically: a temporary file, then a rename).</summary>
    public static void Write(ChainBackend chain, string path)
    {
        if (!chain.Initialized) throw new InvalidOperationException("the chain store has no shape yet: nothing to write");
        ulong iterations = (ulong)chain.Iterations, walkers = (ulong)chain.Walkers, ndim = (ulong)chain.Dimension;
        var group = new H5Group
        {
            // emcee: np.zeros(nwalkers) += accepted flags, i.e. float64 counts.
            ["accepted"] = chain.Accepted.Select(a => (double)a).ToArray(),
            ["chain"] = new H5Dataset(chain.ChainValues.ToArray(), fileDims: [iterations, walkers, ndim]),
            ["log_prob"] = new H5Dataset(chain.LogProbValues.ToArray(), fileDims: [iterations, walkers]),
            Attributes = new()
            {
                ["version"] = Version,
                ["nwalkers"] = (long)walkers,
                ["ndim"] = (long)ndim,
                ["has_blobs"] = H5Bool.FALSE,
                ["iteration"] = (long)iterations,
            },
        };
        if (chain.ParameterNames is { } names) group.Attributes["parameter_names"] = names.ToArray();
        if (chain.CanContinue)
            group[RandomStateName] = new H5Dataset(chain.WalkerStreams.ToArray(), fileDims: [walkers, (ulong)SeededRandom.StateLength])
            {
                Attributes = new() { ["seed"] = chain.Seed!.Value },
            };
        var full = System.IO.Path.GetFullPath(path);
        var dir = System.IO.Path.GetDirectoryName(full)!;
        if (!Directory.Exists(dir)) throw new IOException($"cannot write the chain to {full}: directory {dir} does not exist");
        var temporary = full + ".tmp";
        new H5File { [GroupName] = group }.Write(temporary);
        File.Move(temporary, full, overwrite: true);
    }

    /// <summary>Reads a chain written in emcee's HDF5 layout (by this class or by emcee's HDFBackend) into memory.</summary>
    public static ChainBackend Read(string path, string groupName = GroupName) => Read(path, new ChainBackend(), groupName);

    static ChainBackend Read(string path, ChainBackend store, string groupName = GroupName)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"no chain file {path}", path);
        using var file = H5File.OpenRead(path);
        if (!file.LinkExists(groupName)) throw new InvalidDataException($"{path} has no group '{groupName}' (not an emcee chain)");
        var g = file.Group(groupName);
        int walkers = checked((int)g.Attribute("nwalkers").Read<long>());
        int ndim = checked((int)g.Attribute("ndim").Read<long>());
        int iterations = checked((int)g.Attribute("iteration").Read<long>());
        // emcee grows the datasets before filling them: read only the first `iteration` steps.
        var chain = g.Dataset("chain").Read<double[]>();
        var logProb = g.Dataset("log_prob").Read<double[]>();
        var accepted = g.Dataset("accepted").Read<double[]>().Select(a => (long)Math.Round(a)).ToArray();
        if (g.AttributeExists("parameter_names")) store.ParameterNames = g.Attribute("parameter_names").Read<string[]>();
        long? seed = null;
        ulong[]? streams = null;
        if (g.LinkExists(RandomStateName))
        {
            var d = g.Dataset(RandomStateName);
            streams = d.Read<ulong[]>();
            seed = d.Attribute("seed").Read<long>();
        }
        store.Load(walkers, ndim, iterations, chain[..(iterations * walkers * ndim)], logProb[..(iterations * walkers)], accepted, seed, streams);
        return store;
    }

    static string Version { get; } =
        $"HaloNotebooks {typeof(HdfChainBackend).Assembly.GetName().Version} (emcee 3.1 HDFBackend layout)";
}
