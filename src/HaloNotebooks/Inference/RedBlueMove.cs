using HaloNotebooks.Numerics;

namespace HaloNotebooks.Inference;

/// <summary>
/// emcee's RedBlueMove: the ensemble is split in two halves at random every step; each walker of one
/// half proposes from the positions of the other half (held fixed), the proposals are evaluated, then
/// the roles swap. A move only proposes; the sampler owns the schedule, the streams and the store.
/// </summary>
public abstract class RedBlueMove
{
    /// <summary>
    /// Writes a proposal for <paramref name="walker"/> given the complementary half
    /// (<paramref name="complement"/>: its walkers one after another, <c>walker.Length</c> numbers each)
    /// and returns the log of the proposal's Metropolis–Hastings factor.
    /// </summary>
    public abstract double Propose(ReadOnlySpan<double> walker, ReadOnlySpan<double> complement,
                                   Span<double> proposal, SeededRandom rng);
}
