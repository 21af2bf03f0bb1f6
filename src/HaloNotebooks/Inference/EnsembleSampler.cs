using HaloNotebooks.Numerics;

namespace HaloNotebooks.Inference;

/// <summary>
/// The affine-invariant ensemble sampler of Goodman &amp; Weare (2010) with emcee 3.1's schedule: every
/// step the walkers are split at random into two halves (emcee's randomize_split), and each half is
/// updated against the other with a <see cref="RedBlueMove"/> (default: <see cref="StretchMove"/>, a = 2),
/// accepting when (move factor) + ln p(Y) − ln p(X) &gt; ln u.
/// Walker k draws all its numbers from SeededRandom(seed, k) and the split of step t from
/// SeededRandom(DeriveSeed(seed, −1), t), so the chain is bit-identical for any thread count; the
/// log-probabilities of a half-ensemble are evaluated in parallel.
/// </summary>
public sealed class EnsembleSampler
{
    readonly ILogDensity target;
    readonly RedBlueMove move;
    readonly long seed;
    readonly int? maxDegreeOfParallelism;
    double[] chain = [];        // [step, walker, parameter], row-major
    double[] logProb = [];      // [step, walker]
    long[] accepted = [];
    double[][] position = [];
    double[] currentLogProb = [];

    public EnsembleSampler(int walkers, ILogDensity target, RedBlueMove? move = null, long seed = 1, int? maxDegreeOfParallelism = null)
    {
        if (walkers < 2 || walkers % 2 != 0) throw new ArgumentException($"the number of walkers must be even and at least 2 (got {walkers})");
        if (walkers < 2 * target.Dimension)
            throw new ArgumentException($"{walkers} walkers for {target.Dimension} parameters: need at least {2 * target.Dimension}");
        if (maxDegreeOfParallelism is < 1) throw new ArgumentException($"threads must be positive (got {maxDegreeOfParallelism})");
        Walkers = walkers;
        this.target = target;
        this.move = move ?? new StretchMove();
        this.seed = seed;
        this.maxDegreeOfParallelism = maxDegreeOfParallelism;
    }

    /// <summary>A half-ensemble costing less than this (seconds) is evaluated on one thread.</summary>
    public double MinParallelSeconds { get; init; } = 2e-4;

    public int Walkers { get; }
    public int Dimension => target.Dimension;
    /// <summary>Steps stored so far.</summary>
    public int Iterations { get; private set; }

    /// <summary>Fraction of accepted proposals per walker.</summary>
    public double[] AcceptanceFraction => accepted.Select(a => Iterations == 0 ? 0.0 : (double)a / Iterations).ToArray();

    /// <summary>
    /// Runs <paramref name="steps"/> steps from <paramref name="initial"/> (one row per walker).
    /// Like emcee, refuses an initial ensemble that is not linearly independent (condition number above 1e8)
    /// unless <paramref name="skipInitialStateCheck"/>, and an initial log-probability that is NaN.
    /// </summary>
    public void Run(double[][] initial, int steps, IProgress<SamplerProgress>? progress = null,
                    bool skipInitialStateCheck = false, CancellationToken cancellation = default)
    {
        int n = Walkers, ndim = Dimension;
        if (initial.Length != n || initial.Any(w => w.Length != ndim))
            throw new ArgumentException($"initial state must be {n} walkers × {ndim} parameters");
        if (steps < 1) throw new ArgumentException($"steps must be positive (got {steps})");
        if (!skipInitialStateCheck && !WalkerIndependence.AreIndependent(initial))
            throw new ArgumentException("Initial state has a large condition number. Make sure that your walkers are linearly independent for the best performance");

        position = initial.Select(w => (double[])w.Clone()).ToArray();
        currentLogProb = new double[n];
        var clock = System.Diagnostics.Stopwatch.StartNew();
        for (int k = 0; k < n; k++) currentLogProb[k] = target.LogDensity(position[k]);
        // Threads only pay off when a half-ensemble is more work than a thread hand-off (cheap targets,
        // loaded machines); either way every walker draws from its own stream, so the chain is the same.
        bool parallel = maxDegreeOfParallelism != 1 && clock.Elapsed.TotalSeconds / 2 > MinParallelSeconds;
        if (currentLogProb.Any(double.IsNaN)) throw new InvalidOperationException("The initial log_prob was NaN");

        chain = new double[(long)steps * n * ndim];
        logProb = new double[(long)steps * n];
        accepted = new long[n];
        Iterations = 0;

        var rngs = Enumerable.Range(0, n).Select(k => new SeededRandom(seed, k)).ToArray();
        var splitSeed = SeededRandom.DeriveSeed(seed, -1);
        var half = new int[n];
        var proposals = new double[n][];
        var factors = new double[n];
        var newLogProb = new double[n];
        for (int k = 0; k < n; k++) proposals[k] = new double[ndim];
        var complement = new double[n / 2 * ndim];

        for (int t = 0; t < steps; t++)
        {
            cancellation.ThrowIfCancellationRequested();
            // inds = arange(n) % 2, shuffled (numpy's Fisher–Yates from the top).
            for (int k = 0; k < n; k++) half[k] = k % 2;
            var splitRng = new SeededRandom(splitSeed, t);
            for (int i = n - 1; i > 0; i--) { int j = splitRng.Next(i + 1); (half[i], half[j]) = (half[j], half[i]); }

            for (int split = 0; split < 2; split++)
            {
                int nc = 0;
                for (int k = 0; k < n; k++)
                    if (half[k] != split) { position[k].CopyTo(complement, nc * ndim); nc++; }
                var active = Enumerable.Range(0, n).Where(k => half[k] == split).ToArray();
                var comp = complement.AsMemory(0, nc * ndim);
                void Update(int i)
                {
                    int k = active[i];
                    factors[k] = move.Propose(position[k], comp.Span, proposals[k], rngs[k]);
                    newLogProb[k] = target.LogDensity(proposals[k]);
                }
                if (parallel) Parallel.For(0, active.Length, Options(), Update);
                else for (int i = 0; i < active.Length; i++) Update(i);
                foreach (int k in active)
                    if (double.IsNaN(newLogProb[k]))
                        throw new InvalidOperationException($"Probability function returned NaN (walker {k}, step {t}, at [{string.Join(", ", proposals[k])}])");
                foreach (int k in active)
                {
                    double lnpdiff = factors[k] + newLogProb[k] - currentLogProb[k];
                    if (lnpdiff > Math.Log(rngs[k].NextDouble()))
                    {
                        proposals[k].CopyTo(position[k], 0);
                        currentLogProb[k] = newLogProb[k];
                        accepted[k]++;
                    }
                }
            }
            for (int k = 0; k < n; k++)
            {
                position[k].CopyTo(chain, ((long)t * n + k) * ndim);
                logProb[(long)t * n + k] = currentLogProb[k];
            }
            Iterations = t + 1;
            progress?.Report(new SamplerProgress(t + 1, steps, accepted.Average() / (t + 1)));
        }
    }

    ParallelOptions Options() => new() { MaxDegreeOfParallelism = maxDegreeOfParallelism ?? -1 };

    /// <summary>emcee get_chain(discard, thin): [step, walker, parameter] from step <paramref name="discard"/>, every <paramref name="thin"/>-th.</summary>
    public double[,,] GetChain(int discard = 0, int thin = 1)
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
    public double[,] GetFlatChain(int discard = 0, int thin = 1)
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
    public double[] GetFlatSamples(int parameter, int discard = 0, int thin = 1)
    {
        var steps = StepsKept(discard, thin);
        var r = new double[steps.Length * Walkers];
        for (int s = 0; s < steps.Length; s++)
            for (int k = 0; k < Walkers; k++)
                r[s * Walkers + k] = chain[((long)steps[s] * Walkers + k) * Dimension + parameter];
        return r;
    }

    /// <summary>emcee get_log_prob(discard, thin): [step, walker].</summary>
    public double[,] GetLogProb(int discard = 0, int thin = 1)
    {
        var steps = StepsKept(discard, thin);
        var r = new double[steps.Length, Walkers];
        for (int s = 0; s < steps.Length; s++)
            for (int k = 0; k < Walkers; k++) r[s, k] = logProb[(long)steps[s] * Walkers + k];
        return r;
    }

    /// <summary>emcee get_log_prob(discard, thin, flat=True).</summary>
    public double[] GetFlatLogProb(int discard = 0, int thin = 1)
    {
        var steps = StepsKept(discard, thin);
        var r = new double[steps.Length * Walkers];
        for (int s = 0; s < steps.Length; s++)
            for (int k = 0; k < Walkers; k++) r[s * Walkers + k] = logProb[(long)steps[s] * Walkers + k];
        return r;
    }

    /// <summary>emcee get_autocorr_time(discard, thin, quiet): τ per parameter, in steps (× thin).</summary>
    public double[] GetAutocorrTime(out string? warning, int discard = 0, int thin = 1, double c = 5, double tol = 50, bool quiet = false)
    {
        var tau = Autocorrelation.IntegratedTime(GetChain(discard, thin), out warning, c, tol, quiet);
        for (int d = 0; d < tau.Length; d++) tau[d] *= thin;
        return tau;
    }

    /// <summary>The last position of every walker (to continue a run).</summary>
    public double[][] LastPosition => position.Select(w => (double[])w.Clone()).ToArray();

    int[] StepsKept(int discard, int thin)
    {
        if (Iterations == 0) throw new InvalidOperationException("the sampler has not been run");
        if (discard < 0 || thin < 1) throw new ArgumentException($"discard must be ≥ 0 and thin ≥ 1 (got {discard}, {thin})");
        var list = new List<int>();
        for (int s = discard; s < Iterations; s += thin) list.Add(s);
        return list.ToArray();
    }
}
