using HaloNotebooks.Numerics;

namespace HaloNotebooks.Inference;

/// <summary>
/// emcee's RedBlueMove (Foreman-Mackey et al. 2013): every step the walkers are split at random into two
/// halves (randomize_split: arange(n) % 2, shuffled); each walker of one half proposes from the positions of
/// the other half (held fixed), the proposals are evaluated (in parallel), accepted when
/// (move factor) + ln p(Y) − ln p(X) &gt; ln u, then the roles swap. Subclasses only propose.
/// Walker k draws its proposal and its u from its own stream, the split of step t from stream t of a
/// derived seed, so the chain does not depend on the thread count.
/// </summary>
internal abstract class RedBlueMove : Move
{
    /// <summary>
    /// Writes a proposal for <paramref name="walker"/> given the complementary half
    /// (<paramref name="complement"/>: its walkers one after another, <c>walker.Length</c> numbers each)
    /// and returns the log of the proposal's Metropolis–Hastings factor. Called from several threads at
    /// once (one walker each): use only <paramref name="rng"/> and the arguments.
    /// </summary>
    public abstract double Propose(ReadOnlySpan<double> walker, ReadOnlySpan<double> complement,
                                   Span<double> proposal, SeededRandom rng);

    /// <summary>emcee refuses a red-blue move with fewer walkers than twice the dimension (live_dangerously = False); the
    /// split into halves needs an even number. The rule is <see cref="SamplerSettings"/>'s.</summary>
    public override void Check(int walkers, int dimension)
    {
        if (SamplerSettings.WalkerProblem(walkers, dimension) is string problem) throw new ArgumentException($"{Description} move: {problem}");
    }

    internal override void Advance(Ensemble e, long step)
    {
        int n = e.Walkers, ndim = e.Dimension;
        var half = e.Half;
        // inds = arange(n) % 2, shuffled (numpy's Fisher–Yates from the top).
        for (int k = 0; k < n; k++) half[k] = k % 2;
        var splitRng = e.SplitRandom(step);
        for (int i = n - 1; i > 0; i--) { int j = splitRng.Next(i + 1); (half[i], half[j]) = (half[j], half[i]); }

        for (int split = 0; split < 2; split++)
        {
            int nc = 0, na = 0;
            for (int k = 0; k < n; k++)
                if (half[k] != split) { e.Position[k].CopyTo(e.Complement, nc * ndim); nc++; }
                else e.Active[na++] = k;
            e.ProposeAndEvaluate(this, na, nc * ndim, step);
            for (int i = 0; i < na; i++)
            {
                int k = e.Active[i];
                double lnpdiff = e.Factor[k] + e.NewLogProb[k] - e.LogProb[k];
                if (lnpdiff > Math.Log(e.WalkerRandom[k].NextDouble())) e.Accept(k);
            }
        }
    }
}
