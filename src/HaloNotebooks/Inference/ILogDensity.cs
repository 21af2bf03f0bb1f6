namespace HaloNotebooks.Inference;

/// <summary>
/// An unnormalised log-posterior ln p(θ) (prior + likelihood). Must be thread-safe: the sampler
/// evaluates the walkers of a half-ensemble in parallel. Return −∞ outside the prior; NaN is an error.
/// </summary>
public interface ILogDensity
{
    int Dimension { get; }
    double LogDensity(ReadOnlySpan<double> theta);
}

/// <summary>Wraps a delegate (tests, quick experiments in notebooks).</summary>
public sealed class DelegateLogDensity(int dimension, Func<double[], double> logDensity) : ILogDensity
{
    public int Dimension { get; } = dimension;
    public double LogDensity(ReadOnlySpan<double> theta) => logDensity(theta.ToArray());
}
