namespace HaloNotebooks.Inference;

/// <summary>
/// Where a running sampler is: steps done of this run's total, and the mean acceptance fraction so far
/// (over every stored step). <see cref="Iteration"/> counts all stored steps, across continued runs.
/// </summary>
internal readonly record struct SamplerProgress(int Step, int TotalSteps, double MeanAcceptanceFraction)
{
    public double Fraction => TotalSteps == 0 ? 1.0 : (double)Step / TotalSteps;

    /// <summary>Steps stored in the chain after this one (equals <see cref="Step"/> in a first run).</summary>
    internal int Iteration { get; init; }
}
