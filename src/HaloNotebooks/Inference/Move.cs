namespace HaloNotebooks.Inference;

/// <summary>
/// emcee's Move: one update of the whole ensemble. The sampler owns the schedule (which move each step),
/// the random streams and the chain store; a move proposes and accepts, and never sees the store.
/// New proposals plug in by deriving from <see cref="RedBlueMove"/> (proposals from the other half of the ensemble, as
/// emcee's stretch, DE, walk and KDE moves) or <see cref="MHMove"/> (a walker's own Metropolis–Hastings proposal, as
/// emcee's MHMove and GaussianMove). Outside the library a new move derives from <see cref="MHMove"/>; the red-blue family
/// and whole-ensemble updates stay internal (they drive the sampler's per-walker streams directly).
/// </summary>
public abstract class Move
{
    protected Move() { }

    /// <summary>What the move is, with its parameters (recorded in a fit's JSON, e.g. "stretch (a = 2)").</summary>
    public abstract string Description { get; }

    /// <summary>Throws when the move cannot run with this ensemble (checked once, when the sampler is built).</summary>
    public virtual void Check(int walkers, int dimension) { }

    /// <summary>
    /// Advances every walker of <paramref name="ensemble"/> once; <paramref name="step"/> counts from the first step ever
    /// stored. Walker k must draw only from <see cref="Ensemble.GetRandom"/>(k), so that the chain does not depend on the
    /// thread count and a continued run equals one long run.
    /// </summary>
    internal abstract void Advance(Ensemble ensemble, long step);

    public override string ToString() => Description;
}
