using System.Globalization;
using HaloNotebooks.Numerics;

namespace HaloNotebooks.Inference;

/// <summary>
/// Differential-evolution move (ter Braak 2006) as emcee 3.1's DEMove implements it, following Nelson et al.
/// (2013): pick an ordered pair (i, j), i ≠ j, of walkers of the other half, and propose
/// Y = X + γ (X_j − X_i) with γ = γ₀ (1 + σ N(0, 1)); the proposal is symmetric (factor 0).
/// σ is the spread of γ (not of the proposal), which keeps the move affine-invariant.
/// </summary>
/// <param name="sigma">Relative spread of γ (emcee: 1e-5).</param>
/// <param name="gamma0">Mean stretch of the difference vector; null = 2.38 / √(2 ndim), emcee's default.</param>
internal sealed class DEMove(double sigma = 1e-5, double? gamma0 = null) : RedBlueMove
{
    public double Sigma { get; } = sigma >= 0 && double.IsFinite(sigma) ? sigma
        : throw new ArgumentOutOfRangeException(nameof(sigma), sigma, "the spread of γ must be finite and ≥ 0");
    internal double? Gamma0 { get; } = gamma0 is null || (gamma0 > 0 && double.IsFinite(gamma0.Value)) ? gamma0
        : throw new ArgumentOutOfRangeException(nameof(gamma0), gamma0, "γ₀ must be finite and positive");

    public override string Description => string.Create(CultureInfo.InvariantCulture,
        $"differential evolution (γ0 = {(Gamma0 is double g ? g.ToString("G6", CultureInfo.InvariantCulture) : "2.38/sqrt(2 ndim)")}, σ = {Sigma:G6})");

    public override void Check(int walkers, int dimension)
    {
        base.Check(walkers, dimension);
        if (walkers < 4) throw new ArgumentException($"the differential-evolution move needs at least 4 walkers, two per half (got {walkers})");
    }

    public override double Propose(ReadOnlySpan<double> walker, ReadOnlySpan<double> complement,
                                   Span<double> proposal, SeededRandom rng)
    {
        int ndim = walker.Length, nc = complement.Length / ndim;
        // A uniform ordered pair off the diagonal (emcee: a random row of _get_nondiagonal_pairs(nc)).
        int i = rng.Next(nc), j = rng.Next(nc - 1);
        if (j >= i) j++;
        double gamma = (Gamma0 ?? 2.38 / Math.Sqrt(2.0 * ndim)) * (1.0 + Sigma * rng.NextGaussian());
        var from = complement.Slice(i * ndim, ndim);
        var to = complement.Slice(j * ndim, ndim);
        for (int d = 0; d < ndim; d++) proposal[d] = walker[d] + gamma * (to[d] - from[d]);
        return 0.0;
    }
}
