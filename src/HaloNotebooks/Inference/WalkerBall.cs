using HaloNotebooks.Numerics;

namespace HaloNotebooks.Inference;

/// <summary>
/// emcee's usual start: walkers in a small Gaussian ball around a point estimate, walker k drawn from
/// SeededRandom(DeriveSeed(seed, 1), k). Draws where the log-density is −∞ (outside the prior) are redrawn.
/// </summary>
internal static class WalkerBall
{
    internal static double[][] Around(ReadOnlySpan<double> centre, ReadOnlySpan<double> scale, int walkers, ILogDensity target, long seed)
    {
        if (centre.Length != target.Dimension || scale.Length != target.Dimension)
            throw new ArgumentException($"centre and scale must have {target.Dimension} entries");
        var c = centre.ToArray();
        if (double.IsNegativeInfinity(target.LogDensity(c)))
            throw new ArgumentException($"the starting point ({string.Join(", ", c)}) lies outside the prior");
        var s = scale.ToArray();
        var ballSeed = SeededRandom.DeriveSeed(seed, SeedStream.WalkerBall);
        var result = new double[walkers][];
        for (int k = 0; k < walkers; k++)
        {
            var rng = new SeededRandom(ballSeed, k);
            var w = new double[c.Length];
            for (int attempt = 0; ; attempt++)
            {
                for (int d = 0; d < w.Length; d++) w[d] = c[d] + s[d] * rng.NextGaussian();
                if (!double.IsNegativeInfinity(target.LogDensity(w))) break;
                if (attempt > 10000) throw new InvalidOperationException("could not place a walker inside the prior around the start");
            }
            result[k] = w;
        }
        return result;
    }
}
