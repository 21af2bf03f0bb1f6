using HaloNotebooks.Numerics;

namespace HaloNotebooks.Inference;

/// <summary>
/// Where a sampler stores its chain: emcee's Backend, in memory. Per step it keeps every walker's position
/// and log-probability; per walker, the number of accepted proposals. Reads back as emcee's
/// get_chain / get_log_prob (discard, thin, flat). <see cref="HdfChainBackend"/> also writes it to disk.
/// </summary>
internal class ChainBackend
{
    double[] chain = [];        // [step, walker, parameter], row-major; capacity ≥ Iterations
    double[] logProb = [];      // [step, walker]
    long[] accepted = [];
    ulong[] walkerStreams = [];  // [walker, SeededRandom.StateLength]: every walker's random state after the last stored step
    IReadOnlyList<string>? parameterNames;

    /// <summary>Ensemble size; 0 before the first <see cref="Reset"/>.</summary>
    public int Walkers { get; private set; }
    internal int Dimension { get; private set; }
    /// <summary>Steps stored.</summary>
    internal int Iterations { get; private set; }
    /// <summary>Whether <see cref="Reset"/> has given it a shape (emcee: initialized).</summary>
    internal bool Initialized => Walkers > 0;

    /// <summary>Names of the stored coordinates, in order (written beside the chain), or null.</summary>
    public IReadOnlyList<string>? ParameterNames
    {
        get => parameterNames;
        set
        {
            if (value is not null && Initialized && value.Count != Dimension)
                throw new ArgumentException($"{value.Count} parameter names for a chain of {Dimension} parameters");
            parameterNames = value?.ToArray();
        }
    }

    /// <summary>Accepted proposals per walker, over all stored steps.</summary>
    internal long[] Accepted => (long[])accepted.Clone();

    /// <summary>The accepted counts without a copy (the sampler's per-step mean).</summary>
    internal ReadOnlySpan<long> AcceptedCounts => accepted;

    /// <summary>Fraction of accepted proposals per walker.</summary>
    internal double[] AcceptanceFraction => accepted.Select(a => Iterations == 0 ? 0.0 : (double)a / Iterations).ToArray();

    /// <summary>Empties the store and gives it a shape (emcee's reset(nwalkers, ndim)).</summary>
    public virtual void Reset(int walkers, int dimension)
    {
        if (walkers < 1 || dimension < 1) throw new ArgumentException($"a chain needs at least one walker and one parameter (got {walkers} × {dimension})");
        if (parameterNames is not null && parameterNames.Count != dimension)
            throw new ArgumentException($"{parameterNames.Count} parameter names for a chain of {dimension} parameters");
        Walkers = walkers;
        Dimension = dimension;
        Iterations = 0;
        chain = [];
        logProb = [];
        accepted = new long[walkers];
        walkerStreams = [];
        Seed = null;
    }

    /// <summary>Makes room for <paramref name="steps"/> more steps (emcee's grow), so that saving a step allocates nothing.</summary>
    internal void Grow(int steps)
    {
        RequireShape();
        long needed = ((long)Iterations + steps) * Walkers;
        if (needed * Dimension > Array.MaxLength) throw new ArgumentException($"a chain of {Iterations + steps} steps × {Walkers} walkers × {Dimension} " +
            $"parameters does not fit in one array");
        if (logProb.Length >= needed) return;
        Array.Resize(ref chain, (int)(needed * Dimension));
        Array.Resize(ref logProb, (int)needed);
    }

    /// <summary>Appends one step: every walker's position and log-probability, and which walkers accepted.</summary>
    internal void SaveStep(double[][] position, ReadOnlySpan<double> logProbability, ReadOnlySpan<bool> acceptedThisStep)
    {
        RequireShape();
        if (position.Length != Walkers || logProbability.Length != Walkers || acceptedThisStep.Length != Walkers)
            throw new ArgumentException($"a step must hold {Walkers} walkers");
        if (logProb.Length < ((long)Iterations + 1) * Walkers) Grow(Math.Max(1, Iterations));
        long row = (long)Iterations * Walkers;
        for (int k = 0; k < Walkers; k++)
        {
            position[k].AsSpan(0, Dimension).CopyTo(chain.AsSpan((int)((row + k) * Dimension), Dimension));
            logProb[row + k] = logProbability[k];
            if (acceptedThisStep[k]) accepted[k]++;
        }
        Iterations++;
    }

    /// <summary>
    /// The master seed of the sampler that wrote the stored steps, or null (none run yet, or a chain from elsewhere). With
    /// <see cref="WalkerStreams"/> it is all a sampler needs to continue the chain as one long run would have (emcee keeps
    /// its numpy random state beside the chain for the same reason).
    /// </summary>
    internal long? Seed { get; private set; }

    /// <summary>Every walker's random state after the last stored step (SeededRandom.StateLength numbers each), or empty.</summary>
    internal ReadOnlySpan<ulong> WalkerStreams => walkerStreams;

    /// <summary>Whether the store can be continued bit for bit (a seed and every walker's random state are stored).</summary>
    internal bool CanContinue => Iterations > 0 && Seed is not null && walkerStreams.Length == Walkers * SeededRandom.StateLength;

    /// <summary>Keeps the walkers' random states after the step just saved (the sampler calls it after every <see cref="SaveStep"/>).</summary>
    internal void SaveStreams(long seed, SeededRandom[] walkers)
    {
        if (walkers.Length != Walkers) throw new ArgumentException($"{walkers.Length} random streams for {Walkers} walkers");
        if (walkerStreams.Length != Walkers * SeededRandom.StateLength) walkerStreams = new ulong[Walkers * SeededRandom.StateLength];
        for (int k = 0; k < walkers.Length; k++) walkers[k].SaveState(walkerStreams.AsSpan(k * SeededRandom.StateLength, SeededRandom.StateLength));
        Seed = seed;
    }

    /// <summary>Puts the stored random states into <paramref name="walkers"/> (continuing a run).</summary>
    internal void RestoreStreams(SeededRandom[] walkers)
    {
        if (!CanContinue || walkers.Length != Walkers) throw new InvalidOperationException("the chain store holds no random streams to continue from");
        for (int k = 0; k < walkers.Length; k++) walkers[k].RestoreState(walkerStreams.AsSpan(k * SeededRandom.StateLength, SeededRandom.StateLength));
    }

    /// <summary>The log-probabilities of the last stored step (where a continued run starts).</summary>
    internal double[] LastLogProb()
    {
        if (Iterations == 0) throw new InvalidOperationException("the chain is empty");
        return logProb.AsSpan((Iterations - 1) * Walkers, Walkers).ToArray();
    }

    /// <summary>
    /// Steps between two writes of the stored steps to disk while a run goes on (0: only when a run ends or stops;
    /// the in-memory store writes nothing). A killed process loses at most this many steps.
    /// </summary>
    public virtual int FlushEvery => 0;

    /// <summary>Replaces the whole content (reading a chain back from a file); <paramref name="seed"/> and
    /// <paramref name="streams"/> when the file holds them.</summary>
    internal void Load(int walkers, int dimension, int iterations, double[] chainValues, double[] logProbValues, long[] acceptedCounts,
                       long? seed = null, ulong[]? streams = null)
    {
        Reset(walkers, dimension);
        if (chainValues.LongLength != (long)iterations * walkers * dimension || logProbValues.LongLength != (long)iterations * walkers
            || acceptedCounts.Length != walkers)
            throw new ArgumentException($"the stored arrays do not match {iterations} steps × {walkers} walkers × {dimension} parameters");
        chain = chainValues;
        logProb = logProbValues;
        accepted = acceptedCounts;
        Iterations = iterations;
        if (streams is not null && streams.Length != walkers * SeededRandom.StateLength)
            throw new ArgumentException($"the stored random streams do not match {walkers} walkers");
        walkerStreams = streams ?? [];
        Seed = streams is null ? null : seed;
    }

    /// <summary>Called by the sampler every <see cref="FlushEvery"/> steps and when a run ends or stops early (the disk backend
    /// writes its file here).</summary>
    public virtual void Flush() { }

    /// <summary>emcee get_chain(discard, thin): [step, walker, parameter] from step <paramref name="discard"/>, every <paramref name="thin"/>-th.</summary>
    internal double[,,] GetChain(int discard = 0, int thin = 1)
    {
        var steps = StepsKept(discard, thin);
        var r = new double[steps.Length, Walkers, Dimension];
        for (int s = 0; s < steps.Length; s++)
            for (int k = 0; k < Walkers; k++)
                for (int d = 0; d < Dimension; d++)
                    r[s, k, d] = chain[((long)steps[s] * Walkers + k) * Dimension + d];
        return r;
    }

    /// <summary>emcee get_chain(discard, thin, flat=True): [sample, parameter], sample = step × walkers + walker.</summary>
    internal double[,] GetFlatChain(int discard = 0, int thin = 1)
    {
        var steps = StepsKept(discard, thin);
        var r = new double[steps.Length * Walkers, Dimension];
        for (int s = 0; s < steps.Length; s++)
            for (int k = 0; k < Walkers; k++)
                for (int d = 0; d < Dimension; d++)
                    r[s * Walkers + k, d] = chain[((long)steps[s] * Walkers + k) * Dimension + d];
        return r;
    }

    /// <summary>Flat samples of one parameter (the column of <see cref="GetFlatChain"/>).</summary>
    internal double[] GetFlatSamples(int parameter, int discard = 0, int thin = 1)
    {
        if (parameter < 0 || parameter >= Dimension) throw new ArgumentOutOfRangeException(nameof(parameter), parameter,
            $"the chain has {Dimension} parameters");
        var steps = StepsKept(discard, thin);
        var r = new double[steps.Length * Walkers];
        for (int s = 0; s < steps.Length; s++)
            for (int k = 0; k < Walkers; k++)
                r[s * Walkers + k] = chain[((long)steps[s] * Walkers + k) * Dimension + parameter];
        return r;
    }

    /// <summary>emcee get_log_prob(discard, thin): [step, walker].</summary>
    internal double[,] GetLogProb(int discard = 0, int thin = 1)
    {
        var steps = StepsKept(discard, thin);
        var r = new double[steps.Length, Walkers];
        for (int s = 0; s < steps.Length; s++)
            for (int k = 0; k < Walkers; k++) r[s, k] = logProb[(long)steps[s] * Walkers + k];
        return r;
    }

    /// <summary>emcee get_log_prob(discard, thin, flat=True).</summary>
    internal double[] GetFlatLogProb(int discard = 0, int thin = 1)
    {
        var steps = StepsKept(discard, thin);
        var r = new double[steps.Length * Walkers];
        for (int s = 0; s < steps.Length; s++)
            for (int k = 0; k < Walkers; k++) r[s * Walkers + k] = logProb[(long)steps[s] * Walkers + k];
        return r;
    }

    /// <summary>emcee get_autocorr_time(discard, thin, quiet): τ per parameter, in steps (× thin).</summary>
    internal double[] GetAutocorrTime(out string? warning, int discard = 0, int thin = 1, double c = 5, double tol = 50, bool quiet = false)
    {
        var tau = Autocorrelation.IntegratedTime(GetChain(discard, thin), out warning, c, tol, quiet);
        for (int d = 0; d < tau.Length; d++) tau[d] *= thin;
        return tau;
    }

    /// <summary>The last stored position of every walker (emcee's get_last_sample().coords).</summary>
    internal double[][] LastPosition()
    {
        if (Iterations == 0) throw new InvalidOperationException("the chain is empty");
        long row = (long)(Iterations - 1) * Walkers;
        return Enumerable.Range(0, Walkers).Select(k => chain.AsSpan((int)((row + k) * Dimension), Dimension).ToArray()).ToArray();
    }

    /// <summary>The stored steps as one row-major block [step, walker, parameter] (a view, for writers).</summary>
    internal ReadOnlySpan<double> ChainValues => chain.AsSpan(0, Iterations * Walkers * Dimension);
    internal ReadOnlySpan<double> LogProbValues => logProb.AsSpan(0, Iterations * Walkers);

    void RequireShape()
    {
        if (!Initialized) throw new InvalidOperationException("the chain store has no shape yet: call Reset(walkers, dimension) first");
    }

    int[] StepsKept(int discard, int thin)
    {
        if (Iterations == 0) throw new InvalidOperationException("the sampler has not been run");
        if (discard < 0 || thin < 1) throw new ArgumentException($"discard must be ≥ 0 and thin ≥ 1 (got {discard}, {thin})");
        var list = new List<int>();
        for (int s = discard; s < Iterations; s += thin) list.Add(s);
        return list.ToArray();
    }
}
