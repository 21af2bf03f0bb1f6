using System.Globalization;
using HaloNotebooks.Numerics;

namespace HaloNotebooks.Inference;

/// <summary>
/// Goodman &amp; Weare (2010) stretch move, as emcee 3.1 implements it: z ~ g(z) ∝ 1/√z on [1/a, a]
/// drawn as ((a − 1) u + 1)² / a, proposal Y = X_j + z (X_k − X_j) for a partner j of the other half,
/// acceptance factor z^(n−1), i.e. (ndim − 1) ln z.
/// </summary>
internal sealed class StretchMove(double a = 2.0) : RedBlueMove
{
    public double A { get; } = a > 1 ? a : throw new ArgumentOutOfRangeException(nameof(a), a, "the stretch scale must exceed 1");

    public override string Description => string.Create(CultureInfo.InvariantCulture, $"stretch (a = {A:G6})");

    public override double Propose(ReadOnlySpan<double> walker, ReadOnlySpan<double> complement,
                                   Span<double> proposal, SeededRandom rng)
    {
        int ndim = walker.Length;
        double u = (A - 1.0) * rng.NextDouble() + 1.0;
        double z = u * u / A;
        int j = rng.Next(complement.Length / ndim);
        var partner = complement.Slice(j * ndim, ndim);
        // emcee: c[rint] - (c[rint] - s) * zz
        for (int d = 0; d < ndim; d++) proposal[d] = partner[d] - (partner[d] - walker[d]) * z;
        return (ndim - 1.0) * Math.Log(z);
    }
}
