namespace HaloNotebooks.Inference;

/// <summary>Where a running sampler is: steps done of the total, and the mean acceptance fraction so far.</summary>
public readonly record struct SamplerProgress(int Step, int TotalSteps, double MeanAcceptanceFraction)
{
    public double Fraction => TotalSteps == 0 ? 1.0 : (double)Step / TotalSteps;
}
