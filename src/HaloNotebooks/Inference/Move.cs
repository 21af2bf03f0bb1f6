namespace HaloNotebooks.Inference;

/// <summary>
/// emcee's Move: one update of the whole ensemble. The sampler owns the schedule (which move each step),
/// the random streams and the chain store; a move proposes and accepts, and never sees the store.
/// New proposals plug in by deriving from <see cref="RedBlueMove"/> (as emcee's stretch, DE, walk and KDE moves do).
/// </summary>
public abstract class Move
{
    private protected Move() { }

    /// <summary>What the move is, with its parameters (recorded in a fit's JSON, e.g. "stretch (a = 2)").</summary>
    public abstract string Description { get; }

    /// <summary>Throws when the move cannot run with this ensemble (checked once, when the sampler is built).</summary>
    internal abstract void Check(int walkers, int dimension);

    /// <summary>Advances every walker of <paramref name="ensemble"/> once; <paramref name="step"/> counts from the first step ever stored.</summary>
    internal abstract void Advance(Ensemble ensemble, long step);

    public override string ToString() => Description;
}
