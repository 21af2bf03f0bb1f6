using HaloNotebooks.Numerics;

namespace HaloNotebooks.Inference;

/// <summary>
/// The walkers between steps, what a move works on (emcee's State plus the sampler's model wrapper): positions,
/// log-probabilities, one random stream per walker, and scratch space allocated once so that a step allocates
/// nothing. Evaluates a half-ensemble's proposals in parallel when that pays off.
/// </summary>
internal sealed class Ensemble
{
    readonly ILogDensity target;
    readonly long splitSeed;
    readonly SeededRandom splitRandom = new(0);
    readonly ParallelOptions options;
    readonly Action<int> proposeAndEvaluate;
    RedBlueMove? move;
    int complementLength;

    public Ensemble(ILogDensity target, double[][] position, double[] logProb, SeededRandom[] walkerRandom,
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
    }

    void ProposeAndEvaluateOne(int i)
    {
        int k = Active[i];
        Factor[k] = move!.Propose(Position[k], Complement.AsSpan(0, complementLength), Proposal[k], WalkerRandom[k]);
        NewLogProb[k] = target.LogDensity(Proposal[k]);
    }

    public int Walkers { get; }
    public int Dimension { get; }
    public double[][] Position { get; }
    public double[] LogProb { get; }
    public SeededRandom[] WalkerRandom { get; }
    /// <summary>Whether walker k accepted during the current step.</summary>
    public bool[] Accepted { get; }
    public bool Parallel { get; }

    // Scratch for the moves.
    public int[] Half { get; }
    public int[] Active { get; }
    public double[] Complement { get; }
    public double[][] Proposal { get; }
    public double[] Factor { get; }
    public double[] NewLogProb { get; }

    /// <summary>The stream that splits step <paramref name="step"/> (reused, not reallocated).</summary>
    public SeededRandom SplitRandom(long step)
    {
        splitRandom.Reset(splitSeed, step);
        return splitRandom;
    }

    /// <summary>
    /// Proposes for the walkers Active[0..count) against Complement[0..complementLength) and evaluates the
    /// target there; throws emcee's message when the target returns NaN.
    /// </summary>
    public void ProposeAndEvaluate(RedBlueMove move, int count, int complementLength, long step)
    {
        this.move = move;
        this.complementLength = complementLength;
        if (Parallel) System.Threading.Tasks.Parallel.For(0, count, options, proposeAndEvaluate);
        else for (int i = 0; i < count; i++) ProposeAndEvaluateOne(i);
        for (int i = 0; i < count; i++)
        {
            int k = Active[i];
            if (double.IsNaN(NewLogProb[k]))
                throw new InvalidOperationException($"Probability function returned NaN (walker {k}, step {step}, at [{string.Join(", ", Proposal[k])}])");
        }
    }

    /// <summary>Walker k moves to its proposal.</summary>
    public void Accept(int k)
    {
        Proposal[k].CopyTo(Position[k], 0);
        LogProb[k] = NewLogProb[k];
        Accepted[k] = true;
    }
}
