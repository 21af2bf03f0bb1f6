using HaloNotebooks.Numerics;

namespace HaloNotebooks.Inference;

/// <summary>
/// The walkers between steps, what a move works on (emcee's State plus the sampler's model wrapper): positions,
/// log-probabilities, one random stream per walker, and scratch space allocated once so that a step allocates
/// nothing. Evaluates a half-ensemble's proposals in parallel when that pays off. A move of one's own (derived
/// from <see cref="Move"/>) reads walker k with <see cref="GetPosition"/> and <see cref="GetLogProbability"/>, draws from
/// <see cref="GetRandom"/>(k) only, evaluates the target with <see cref="LogDensity"/> and moves the walker with
/// <see cref="Accept(int, ReadOnlySpan{double}, double)"/>.
/// </summary>
internal sealed class Ensemble
{
    readonly ILogDensity target;
    readonly long splitSeed;
    readonly SeededRandom splitRandom = new(0);
    readonly ParallelOptions options;
    readonly Action<int> proposeAndEvaluate;
    readonly IBatchLogDensity? batchTarget;
    readonly Action<int> proposeAndEvaluateGroup;
    readonly int threads;
    int groupCount, groupSize;
    RedBlueMove? move;
    MHMove? mhMove;
    int complementLength;

    internal Ensemble(ILogDensity target, double[][] position, double[] logProb, SeededRandom[] walkerRandom,
                    long splitSeed, bool parallel, int? maxDegreeOfParallelism)
    {
        this.target = target;
        this.splitSeed = splitSeed;
        Walkers = position.Length;
        Dimension = target.Dimension;
        Position = position;
        LogProb = logProb;
        WalkerRandom = walkerRandom;
        Parallel = parallel;
        options = new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism ?? -1 };
        Half = new int[Walkers];
        Active = new int[Walkers];
        Complement = new double[Walkers * Dimension];
        Proposal = new double[Walkers][];
        for (int k = 0; k < Walkers; k++) Proposal[k] = new double[Dimension];
        Factor = new double[Walkers];
        NewLogProb = new double[Walkers];
        Accepted = new bool[Walkers];
        proposeAndEvaluate = ProposeAndEvaluateOne;
        batchTarget = target as IBatchLogDensity;
        proposeAndEvaluateGroup = ProposeAndEvaluateGroup;
        threads = maxDegreeOfParallelism ?? Environment.ProcessorCount;
    }

    void Propose(int i)
    {
        int k = Active[i];
        Factor[k] = move is not null ? move.Propose(Position[k], Complement.AsSpan(0, complementLength), Proposal[k], WalkerRandom[k])
            : mhMove!.Propose(Position[k], Proposal[k], WalkerRandom[k]);
    }

    void ProposeAndEvaluateOne(int i)
    {
        Propose(i);
        int k = Active[i];
        NewLogProb[k] = target.LogDensity(Proposal[k]);
    }

    // Walkers Active[g·groupSize …) propose, then are evaluated in one batch. Each walker draws from its own stream and each
    // value equals LogDensity's, so the grouping (and with it the thread count) changes nothing in the chain.
    void ProposeAndEvaluateGroup(int g)
    {
        int lo = g * groupSize, hi = Math.Min(groupCount, lo + groupSize);
        for (int i = lo; i < hi; i++) Propose(i);
        batchTarget!.LogDensities(Proposal, Active.AsSpan(lo, hi - lo), NewLogProb);
    }

    public int Walkers { get; }
    internal int Dimension { get; }

    /// <summary>Walker <paramref name="walker"/>'s position (valid until the walker moves).</summary>
    internal ReadOnlySpan<double> GetPosition(int walker) => Position[walker];

    /// <summary>ln p at walker <paramref name="walker"/>'s position.</summary>
    internal double GetLogProbability(int walker) => LogProb[walker];

    /// <summary>Walker <paramref name="walker"/>'s own random stream: the only one its proposal and acceptance may draw from.</summary>
    internal SeededRandom GetRandom(int walker) => WalkerRandom[walker];

    /// <summary>The target's ln p at <paramref name="theta"/> (thread-safe).</summary>
    internal double LogDensity(ReadOnlySpan<double> theta) => target.LogDensity(theta);

    /// <summary>Walker <paramref name="walker"/> moves to <paramref name="position"/>, where ln p = <paramref name="logProbability"/>
    /// (counted as accepted in this step).</summary>
    internal void Accept(int walker, ReadOnlySpan<double> position, double logProbability)
    {
        if (position.Length != Dimension) throw new ArgumentException($"a position has {Dimension} coordinates (got {position.Length})");
        if (double.IsNaN(logProbability)) throw new ArgumentException($"the log-probability of walker {walker}'s new position is NaN");
        position.CopyTo(Position[walker]);
        LogProb[walker] = logProbability;
        Accepted[walker] = true;
    }

    internal double[][] Position { get; }
    internal double[] LogProb { get; }
    internal SeededRandom[] WalkerRandom { get; }
    /// <summary>Whether walker k accepted during the current step.</summary>
    internal bool[] Accepted { get; }
    internal bool Parallel { get; }

    // Scratch for the moves.
    internal int[] Half { get; }
    internal int[] Active { get; }
    internal double[] Complement { get; }
    internal double[][] Proposal { get; }
    internal double[] Factor { get; }
    internal double[] NewLogProb { get; }

    /// <summary>The stream that splits step <paramref name="step"/> (reused, not reallocated).</summary>
    internal SeededRandom SplitRandom(long step)
    {
        splitRandom.Reset(splitSeed, step);
        return splitRandom;
    }

    /// <summary>
    /// Proposes for the walkers Active[0..count) against Complement[0..complementLength) and evaluates the
    /// target there; throws emcee's message when the target returns NaN.
    /// </summary>
    internal void ProposeAndEvaluate(RedBlueMove move, int count, int complementLength, long step)
    {
        this.move = move;
        mhMove = null;
        this.complementLength = complementLength;
        Evaluate(count, step);
    }

    /// <summary>Every walker Active[0..count) proposes from its own position alone (a Metropolis–Hastings move); as above.</summary>
    internal void ProposeAndEvaluate(MHMove move, int count, long step)
    {
        this.move = null;
        mhMove = move;
        Evaluate(count, step);
    }

    void Evaluate(int count, long step)
    {
        if (batchTarget is not null)
        {
            // One batch per thread and then some (a thread that finishes early takes another), or one batch when serial.
            int groups = Parallel ? Math.Max(1, Math.Min(count, 2 * threads)) : 1;
            groupCount = count;
            groupSize = (count + groups - 1) / groups;
            if (groups > 1) System.Threading.Tasks.Parallel.For(0, (count + groupSize - 1) / groupSize, options, proposeAndEvaluateGroup);
            else ProposeAndEvaluateGroup(0);
        }
        else if (Parallel) System.Threading.Tasks.Parallel.For(0, count, options, proposeAndEvaluate);
        else for (int i = 0; i < count; i++) ProposeAndEvaluateOne(i);
        for (int i = 0; i < count; i++)
        {
            int k = Active[i];
            if (double.IsNaN(NewLogProb[k]))
                throw new InvalidOperationException($"Probability function returned NaN (walker {k}, step {step}, at [{string.Join(", ", Proposal[k])}])");
        }
    }

    /// <summary>Walker k moves to its proposal.</summary>
    internal void Accept(int k)
    {
        Proposal[k].CopyTo(Position[k], 0);
        LogProb[k] = NewLogProb[k];
        Accepted[k] = true;
    }
}
