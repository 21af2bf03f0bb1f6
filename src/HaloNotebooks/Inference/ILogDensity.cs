namespace HaloNotebooks.Inference;

/// <summary>
/// An unnormalised log-posterior ln p(θ) (prior + likelihood). Must be thread-safe: the sampler
/// evaluates the walkers of a half-ensemble in parallel. Return −∞ outside the prior; NaN is an error.
/// </summary>
internal interface ILogDensity
{
    int Dimension { get; }
    double LogDensity(ReadOnlySpan<double> theta);
}

/// <summary>
/// A target that evaluates several points in one call, each value bit-identical to <see cref="ILogDensity.LogDensity"/> at
/// that point. The sampler hands it a half-ensemble's proposals, so a model that sums over stars can read each block of
/// stars from memory once for all of them instead of once per walker (Models/StarChunks.cs).
/// </summary>
internal interface IBatchLogDensity : ILogDensity
{
    /// <summary>into[k] = LogDensity(points[k]) for every k in <paramref name="walkers"/>; must be thread-safe, as LogDensity.</summary>
    void LogDensities(double[][] points, ReadOnlySpan<int> walkers, double[] into);
}

/// <summary>
/// Wraps a delegate (tests, quick experiments in notebooks), e.g. <c>new DelegateLogDensity(2, x =&gt; -0.5 * (x[0] * x[0] + x[1] * x[1]))</c>.
/// The delegate sees the sampler's own span, not a copy, so an evaluation allocates nothing; copy it (<c>x.ToArray()</c>)
/// to keep or hand it to LINQ.
/// </summary>
internal sealed class DelegateLogDensity(int dimension, Func<ReadOnlySpan<double>, double> logDensity) : ILogDensity
{
    readonly Func<ReadOnlySpan<double>, double> logDensity = logDensity ?? throw new ArgumentNullException(nameof(logDensity));

    public int Dimension { get; } = dimension >= 1 ? dimension : throw new ArgumentOutOfRangeException(nameof(dimension), dimension, "at least one parameter");
    public double LogDensity(ReadOnlySpan<double> theta) => logDensity(theta);
}
