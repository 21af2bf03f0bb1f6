namespace HaloNotebooks.Numerics;

/// <summary>
/// Every stream number the project hands to <see cref="SeededRandom.DeriveSeed(long, long)"/> or to a
/// <see cref="SeededRandom"/>, one name each, so that no two sub-tasks of one seed share a stream by accident.
/// The numbers are fixed: every result of a given seed depends on them bit for bit, so never renumber one.
/// </summary>
internal static class SeedStream
{
    // ---- the ensemble sampler (emcee-style), streams of the fit's seed

    /// <summary>The initial walker ball: walker k draws from SeededRandom(DeriveSeed(seed, 1), k).</summary>
    internal const long WalkerBall = 1;

    /// <summary>The split of step t into the ensemble's halves: SeededRandom(DeriveSeed(seed, −1), t) (walker k itself
    /// draws from SeededRandom(seed, k)).</summary>
    internal const long EnsembleSplit = -1;

    /// <summary>The move chosen at step t: SeededRandom(DeriveSeed(seed, −2), t).</summary>
    internal const long Moves = -2;

    // ---- the mock catalogue's populations (task numbers of MockStar.Stream, streams of the mock's seed)

    /// <summary>The thin/thick disc contaminants.</summary>
    internal const long DiscPopulation = 10;

    /// <summary>The Sagittarius stream.</summary>
    internal const long SagittariusStream = 20;

    /// <summary>Stars that are not K giants.</summary>
    internal const long NonKGiants = 30;

    /// <summary>Members of substructure <paramref name="index"/> (globular clusters, dwarf galaxies).</summary>
    internal static long SubstructureMembers(int index) => 100 + index;

    /// <summary>The Appendix A mock's stars (and <see cref="AppendixMockErrors"/> for its Monte-Carlo errors).</summary>
    public const long AppendixMock = 500;

    /// <summary>The Appendix A mock's Monte-Carlo velocity errors.</summary>
    internal const long AppendixMockErrors = AppendixMock + 1;

    /// <summary>The halo K giants of radial bin <paramref name="bin"/>.</summary>
    internal static long HaloBin(int bin) => 1000 + bin;

    /// <summary>Which stars have repeat spectra ("REPEAT" in ASCII), then their values and their quality flags.</summary>
    internal const long RepeatPick = 0x5245_5045_4154;

    /// <summary>The repeat spectra's observed values.</summary>
    internal const long RepeatValues = RepeatPick + 1;

    /// <summary>The repeat spectra's quality flags.</summary>
    internal const long RepeatQuality = RepeatPick + 2;

    /// <summary>Re-observation <paramref name="replica"/> of the mock's stars (streams of the truth seed).</summary>
    internal static long Reobservation(int replica) => replica;

    // ---- halo reproduce, streams of the analysis seed

    /// <summary>The Appendix A mock drawn by <c>halo reproduce</c>.</summary>
    internal const long ReproduceAppendixMock = 9000;

    /// <summary>The re-observations of <c>halo reproduce --mock-truth</c>.</summary>
    internal const long ReproduceMockTruth = 9100;

    /// <summary>The selection's Monte-Carlo draws for mock-truth replica <paramref name="replica"/> (a stream of the
    /// selection's seed).</summary>
    internal static long MockTruthReplica(int replica) => 1000 + replica;

    // ---- halo sweep, streams of the sweep's seed

    /// <summary>The mock of realisation <paramref name="realisation"/>.</summary>
    internal static long SweepMock(int realisation) => realisation;

    /// <summary>The selection's Monte-Carlo draws of realisation <paramref name="realisation"/>.</summary>
    internal static long SweepSelection(int realisation) => 1_000_000 + realisation;

    /// <summary>The fits of realisation <paramref name="realisation"/>.</summary>
    internal static long SweepAnalysis(int realisation) => 2_000_000 + realisation;

    /// <summary>The selection's Monte-Carlo draws of a truth task.</summary>
    internal const long SweepTruthSelection = 3_000_000;

    /// <summary>The fits of a truth task.</summary>
    internal const long SweepTruthAnalysis = 3_000_001;

    // ---- halo mock calibrate: not a derived stream but a plain seed, so that `halo mock --seed S` redraws a step's mock

    /// <summary>The mock seed of calibration step <paramref name="step"/> (1-based): seed + step − 1.</summary>
    internal static long CalibrationStep(long seed, int step) => seed + step - 1;
}
