using System.Globalization;
using HaloNotebooks.Numerics;

namespace HaloNotebooks.Inference;

/// <summary>
/// The affine-invariant ensemble sampler of Goodman &amp; Weare (2010) with emcee 3.1's shape: a schedule of
/// <see cref="Move"/>s (default: <see cref="StretchMove"/>, a = 2, with the red/blue split; a weighted mixture
/// picks one move per step, as emcee's <c>moves=[(StretchMove(), 0.8), (DEMove(), 0.2)]</c>), a chain store
/// apart from the sampler (<see cref="ChainBackend"/> in memory, <see cref="HdfChainBackend"/> on disk), a step
/// iterator (<see cref="Sample"/>, emcee's sample()) and runs that continue (<see cref="Run(int, IProgress{SamplerProgress}?, CancellationToken)"/>,
/// emcee's run_mcmc(None, n)).
/// Walker k draws all its numbers from SeededRandom(seed, k), the split of step t from
/// SeededRandom(DeriveSeed(seed, −1), t) and the move of step t from SeededRandom(DeriveSeed(seed, −2), t); the
/// streams carry over between runs, so the chain is bit-identical for any thread count and a run continued in
/// pieces equals one long run. The store keeps the walkers' random states after every step, so a sampler given a
/// store that holds a chain (<see cref="HdfChainBackend.Open"/>) continues it as one long run would have.
/// </summary>
internal sealed class EnsembleSampler
{
    readonly ILogDensity target;
    readonly Move[] moves;
    readonly double[] cumulativeWeights;
    readonly long seed;
    readonly int? maxDegreeOfParallelism;
    readonly SeededRandom[] walkerRandom;
    readonly SeededRandom moveRandom = new(0);
    Ensemble? ensemble;         // the current state; null before the first run

    /// <summary>A sampler with one move (default: emcee's StretchMove, a = 2).</summary>
    internal EnsembleSampler(int walkers, ILogDensity target, Move? move = null, long seed = 1, int? maxDegreeOfParallelism = null,
                           ChainBackend? backend = null)
        : this(walkers, target, [(move ?? new StretchMove(), 1.0)], seed, maxDegreeOfParallelism, backend) { }

    /// <summary>A sampler that picks, every step, one of <paramref name="moves"/> with probability ∝ its weight (emcee's moves=[(move, weight), …]).</summary>
    internal EnsembleSampler(int walkers, ILogDensity target, IReadOnlyList<(Move Move, double Weight)> moves, long seed = 1,
                           int? maxDegreeOfParallelism = null, ChainBackend? backend = null)
    {
        if (walkers < 1) throw new ArgumentException($"the ensemble needs walkers (got {walkers})");
        if (maxDegreeOfParallelism is < 1) throw new ArgumentException($"threads must be positive (got {maxDegreeOfParallelism})");
        if (moves.Count == 0) throw new ArgumentException("give at least one move");
        if (moves.Any(m => m.Move is null || !(m.Weight > 0) || !double.IsFinite(m.Weight)))
            throw new ArgumentException($"every move needs a finite positive weight (got " +
                $"{string.Join(", ", moves.Select(m => m.Weight.ToString(CultureInfo.InvariantCulture)))})");
        foreach (var (m, _) in moves) m.Check(walkers, target.Dimension);
        Walkers = walkers;
        this.target = target;
        this.moves = moves.Select(m => m.Move).ToArray();
        double total = moves.Sum(m => m.Weight);
        Weights = moves.Select(m => m.Weight / total).ToArray();
        cumulativeWeights = new double[moves.Count];
        for (int i = 0; i < moves.Count; i++) cumulativeWeights[i] = (i == 0 ? 0 : cumulativeWeights[i - 1]) + Weights[i];
        this.seed = seed;
        this.maxDegreeOfParallelism = maxDegreeOfParallelism;
        walkerRandom = Enumerable.Range(0, walkers).Select(k => new SeededRandom(seed, k)).ToArray();
        Backend = backend ?? new ChainBackend();
        if (Backend.Initialized && Backend.Iterations > 0)
        {
            // A store with steps is continued (emcee's run_mcmc(None, n) on a backend that holds a chain).
            if (!Backend.CanContinue)
                throw new ArgumentException("the chain store holds steps but no random streams (a chain from emcee or an older halo): it cannot be continued");
            if (Backend.Walkers != walkers || Backend.Dimension != target.Dimension)
                throw new ArgumentException($"the chain store holds {Backend.Walkers} walkers × {Backend.Dimension} parameters, " +
                    $"not {walkers} × {target.Dimension}");
            if (Backend.Seed != seed)
                throw new ArgumentException($"the chain store was run with seed {Backend.Seed}, not {seed}: continue it with its own seed");
        }
        else Backend.Reset(walkers, target.Dimension);
    }

    /// <summary>A half-ensemble costing less than this (seconds) is evaluated on one thread.</summary>
    internal double MinParallelSeconds { get; init; } = 2e-4;

    public int Walkers { get; }
    internal int Dimension => target.Dimension;
    /// <summary>Where the chain goes.</summary>
    internal ChainBackend Backend { get; }
    /// <summary>The moves, with their weights normalised to 1.</summary>
    internal IReadOnlyList<Move> Moves => moves;
    internal IReadOnlyList<double> Weights { get; }
    /// <summary>The move schedule in words ("stretch (a = 2)", or "0.8 × stretch (a = 2) + 0.2 × differential evolution (…)").</summary>
    internal string MoveDescription => moves.Length == 1 ? moves[0].Description
        : string.Join(" + ", moves.Select((m, i) => string.Create(CultureInfo.InvariantCulture, $"{Weights[i]:G4} × {m.Description}")));

    /// <summary>Steps stored so far.</summary>
    internal int Iterations => Backend.Iterations;

    /// <summary>Fraction of accepted proposals per walker.</summary>
    internal double[] AcceptanceFraction => Backend.AcceptanceFraction;

    /// <summary>
    /// Runs <paramref name="steps"/> steps from <paramref name="initial"/> (one row per walker), appending to the store.
    /// Like emcee, refuses an initial ensemble that is not linearly independent (condition number above 1e8)
    /// unless <paramref name="skipInitialStateCheck"/>, and an initial log-probability that is NaN.
    /// </summary>
    public void Run(double[][] initial, int steps, IProgress<SamplerProgress>? progress = null,
                    bool skipInitialStateCheck = false, CancellationToken cancellation = default)
    {
        foreach (var step in Sample(initial, steps, skipInitialStateCheck, cancellation)) progress?.Report(step);
    }

    /// <summary>Continues from where the last run stopped for <paramref name="steps"/> more steps (emcee's run_mcmc(None, steps)).</summary>
    public void Run(int steps, IProgress<SamplerProgress>? progress = null, CancellationToken cancellation = default)
    {
        foreach (var step in Sample(steps, cancellation)) progress?.Report(step);
    }

    /// <summary>
    /// emcee's sample(): starts from <paramref name="initial"/> and yields after every stored step, so that a caller
    /// can show progress, look at the chain so far (<see cref="Backend"/>) or stop early by leaving the loop; the steps
    /// done are kept, and a later <see cref="Sample(int, CancellationToken)"/> or <see cref="Run(int, IProgress{SamplerProgress}?, CancellationToken)"/>
    /// continues from them.
    /// </summary>
    public IEnumerable<SamplerProgress> Sample(double[][] initial, int steps, bool skipInitialStateCheck = false, CancellationToken cancellation = default)
    {
        int n = Walkers, ndim = Dimension;
        if (initial is null || initial.Length != n || initial.Any(w => w is null || w.Length != ndim))
            throw new ArgumentException($"initial state must be {n} walkers × {ndim} parameters");
        if (steps < 1) throw new ArgumentException($"steps must be positive (got {steps})");
        if (!skipInitialStateCheck && !WalkerIndependence.AreIndependent(initial))
            throw new ArgumentException("Initial state has a large condition number. Make sure that your walkers are linearly " +
                "independent for the best performance");

        if (Backend.Iterations > 0)
            throw new InvalidOperationException($"the chain store already holds {Backend.Iterations} steps: continue them with Run(steps) or Sample(steps)");

        var position = initial.Select(w => (double[])w.Clone()).ToArray();
        var logProb = new double[n];
        var clock = System.Diagnostics.Stopwatch.StartNew();
        for (int k = 0; k < n; k++) logProb[k] = target.LogDensity(position[k]);
        // Threads only pay off when a half-ensemble is more work than a thread hand-off (cheap targets,
        // loaded machines); either way every walker draws from its own stream, so the chain is the same.
        bool parallel = maxDegreeOfParallelism != 1 && clock.Elapsed.TotalSeconds / 2 > MinParallelSeconds;
        if (logProb.Any(double.IsNaN)) throw new InvalidOperationException("The initial log_prob was NaN");
        ensemble = new Ensemble(target, position, logProb, walkerRandom, SeededRandom.DeriveSeed(seed, SeedStream.EnsembleSplit), parallel,
            maxDegreeOfParallelism);
        return Steps(steps, cancellation);
    }

    /// <summary>
    /// emcee's sample() from the last state: continues the previous run, or the chain the store was given with (its last
    /// positions, log-probabilities and the walkers' random states), so that the chain equals one long run bit for bit.
    /// </summary>
    public IEnumerable<SamplerProgress> Sample(int steps, CancellationToken cancellation = default)
    {
        if (ensemble is null && Backend.CanContinue) ensemble = ContinueStoredChain();
        if (ensemble is null) throw new InvalidOperationException("nothing to continue: the sampler has not been run (give an initial state)");
        if (steps < 1) throw new ArgumentException($"steps must be positive (got {steps})");
        return Steps(steps, cancellation);
    }

    /// <summary>The ensemble where the stored chain stopped. The target is evaluated there once more: to decide on threads as a
    /// first run does, and to refuse a chain written for other data or another model.</summary>
    Ensemble ContinueStoredChain()
    {
        var position = Backend.LastPosition();
        var logProb = Backend.LastLogProb();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        for (int k = 0; k < Walkers; k++)
        {
            double now = target.LogDensity(position[k]);
            bool same = now == logProb[k] || Math.Abs(now - logProb[k]) <= 1e-9 * Math.Max(1, Math.Abs(logProb[k]));
            if (!same)
                throw new ArgumentException(FormattableString.Invariant($"the stored chain does not belong to this target: walker {k}'s log-probability ") +
                    FormattableString.Invariant($"was {logProb[k]:R} and is now {now:R} (other data or another model?)"));
        }
        bool parallel = maxDegreeOfParallelism != 1 && clock.Elapsed.TotalSeconds / 2 > MinParallelSeconds;
        Backend.RestoreStreams(walkerRandom);
        return new Ensemble(target, position, logProb, walkerRandom, SeededRandom.DeriveSeed(seed, SeedStream.EnsembleSplit), parallel,
            maxDegreeOfParallelism);
    }

    IEnumerable<SamplerProgress> Steps(int steps, CancellationToken cancellation)
    {
        var e = ensemble!;
        Backend.Grow(steps);
        var moveSeed = SeededRandom.DeriveSeed(seed, SeedStream.Moves);
        int flushed = -1;
        try
        {
            for (int i = 0; i < steps; i++)
            {
                cancellation.ThrowIfCancellationRequested();
                long t = Backend.Iterations;
                Array.Clear(e.Accepted);
                ChooseMove(moveSeed, t).Advance(e, t);
                Backend.SaveStep(e.Position, e.LogProb, e.Accepted);
                Backend.SaveStreams(seed, e.WalkerRandom);
                if (Backend.FlushEvery > 0 && Backend.Iterations % Backend.FlushEvery == 0) { Backend.Flush(); flushed = Backend.Iterations; }
                yield return new SamplerProgress(i + 1, steps, MeanAcceptance()) { Iteration = Backend.Iterations };
            }
        }
        finally
        {
            if (flushed != Backend.Iterations) Backend.Flush();
        }
    }

    /// <summary>One move per step, ∝ weight; a single move draws nothing (the default stream stays emcee-like and unchanged).</summary>
    Move ChooseMove(long moveSeed, long step)
    {
        if (moves.Length == 1) return moves[0];
        moveRandom.Reset(moveSeed, step);
        double u = moveRandom.NextDouble();
        for (int i = 0; i < moves.Length - 1; i++)
            if (u < cumulativeWeights[i]) return moves[i];
        return moves[^1];
    }

    double MeanAcceptance()
    {
        double sum = 0;
        var accepted = Backend.AcceptedCounts;
        for (int k = 0; k < accepted.Length; k++) sum += accepted[k];
        return sum / accepted.Length / Backend.Iterations;
    }

    /// <summary>emcee get_chain(discard, thin): [step, walker, parameter].</summary>
    internal double[,,] GetChain(int discard = 0, int thin = 1) => Backend.GetChain(discard, thin);

    /// <summary>emcee get_chain(discard, thin, flat=True): [sample, parameter], sample = step × walkers + walker.</summary>
    internal double[,] GetFlatChain(int discard = 0, int thin = 1) => Backend.GetFlatChain(discard, thin);

    /// <summary>Flat samples of one parameter (the column of <see cref="GetFlatChain"/>).</summary>
    internal double[] GetFlatSamples(int parameter, int discard = 0, int thin = 1) => Backend.GetFlatSamples(parameter, discard, thin);

    /// <summary>emcee get_log_prob(discard, thin): [step, walker].</summary>
    internal double[,] GetLogProb(int discard = 0, int thin = 1) => Backend.GetLogProb(discard, thin);

    /// <summary>emcee get_log_prob(discard, thin, flat=True).</summary>
    internal double[] GetFlatLogProb(int discard = 0, int thin = 1) => Backend.GetFlatLogProb(discard, thin);

    /// <summary>emcee get_autocorr_time(discard, thin, quiet): τ per parameter, in steps (× thin).</summary>
    internal double[] GetAutocorrTime(out string? warning, int discard = 0, int thin = 1, double c = 5, double tol = 50, bool quiet = false) =>
        Backend.GetAutocorrTime(out warning, discard, thin, c, tol, quiet);

    /// <summary>The current position of every walker (where a continued run starts).</summary>
    internal double[][] LastPosition =>
        ensemble?.Position.Select(w => (double[])w.Clone()).ToArray() ?? throw new InvalidOperationException("the sampler has not been run");
}
