using HaloNotebooks.Numerics;

namespace HaloNotebooks.Inference;

/// <summary>
/// emcee's MHMove: a Metropolis–Hastings step of every walker on its own. Walker k proposes Y from its position X
/// alone (drawing from its own stream), the proposals are evaluated (in parallel), and Y is accepted when
/// ln q(X | Y) − ln q(Y | X) + ln p(Y) − ln p(X) &gt; ln u, u drawn from the walker's stream after its proposal. Unlike the
/// red-blue moves it is not affine-invariant: the proposal's scale must suit the target. Subclasses only propose.
/// </summary>
public abstract class MHMove : Move
{
    /// <summary>
    /// Writes a proposal for <paramref name="walker"/> and returns ln q(x | x′) − ln q(x′ | x), x′ the proposal (0 for a
    /// symmetric proposal). Called from several threads at once (one walker each): use only <paramref name="rng"/> and the arguments.
    /// The sampler passes walker k's own stream, so a subclass drawing only from <paramref name="rng"/> (e.g. through
    /// MathNet's <c>Normal.Sample(rng, 0, 1)</c>) keeps the chain independent of the thread count.
    /// </summary>
    public abstract double Propose(ReadOnlySpan<double> walker, Span<double> proposal, Random rng);

    internal override void Advance(Ensemble ensemble, long step)
    {
        int n = ensemble.Walkers;
        for (int k = 0; k < n; k++) ensemble.Active[k] = k;
        ensemble.ProposeAndEvaluate(this, n, step);
        for (int k = 0; k < n; k++)
        {
            double lnpdiff = ensemble.Factor[k] + ensemble.NewLogProb[k] - ensemble.LogProb[k];
            if (lnpdiff > Math.Log(ensemble.WalkerRandom[k].NextDouble())) ensemble.Accept(k);
        }
    }
}
