using System.Globalization;
using HaloNotebooks.Numerics;

namespace HaloNotebooks.Inference;

/// <summary>
/// emcee's GaussianMove in its default "vector" mode: a Metropolis step Y = X + L z, z ~ N(0, I), with L L^T the
/// proposal covariance: isotropic (a scalar variance), axis-aligned (one variance per parameter) or general (a
/// matrix, through its Cholesky factor). The proposal is symmetric (factor 0). emcee's "random" and "sequential" modes
/// (one coordinate per step) and its scale factor are not implemented. A common choice for a Gaussian-like target
/// of covariance Σ is 2.38² / ndim × Σ (Gelman, Roberts &amp; Gilks 1996).
/// </summary>
public sealed class GaussianMove : MHMove
{
    readonly double[] cholesky;     // lower-triangular L (d × d, row-major); empty for the isotropic and axis-aligned cases
    readonly double[]? scales;      // √variance per parameter (axis-aligned), or null
    readonly double? scale;         // √variance (isotropic), or null
    readonly int? dimension;        // the covariance's size (null: isotropic, any dimension)
    readonly string description;

    /// <summary>An isotropic proposal of variance <paramref name="variance"/> in every parameter.</summary>
    public GaussianMove(double variance)
    {
        if (!(variance > 0) || !double.IsFinite(variance))
            throw new ArgumentOutOfRangeException(nameof(variance), variance, "the proposal variance must be finite and positive");
        scale = Math.Sqrt(variance);
        cholesky = [];
        description = string.Create(CultureInfo.InvariantCulture, $"Gaussian Metropolis (variance {variance:G6})");
    }

    /// <summary>An axis-aligned proposal: one variance per parameter.</summary>
    public GaussianMove(IReadOnlyList<double> variances)
    {
        ArgumentNullException.ThrowIfNull(variances);
        if (variances.Count == 0 || variances.Any(v => !(v > 0) || !double.IsFinite(v)))
            throw new ArgumentException("every proposal variance must be finite and positive", nameof(variances));
        scales = variances.Select(Math.Sqrt).ToArray();
        dimension = scales.Length;
        cholesky = [];
        description = string.Create(CultureInfo.InvariantCulture,
            $"Gaussian Metropolis (variances {string.Join(", ", variances.Select(v => v.ToString("G6", CultureInfo.InvariantCulture)))})");
    }

    /// <summary>A proposal with the full covariance matrix <paramref name="covariance"/> (symmetric, positive definite).</summary>
    public GaussianMove(double[,] covariance)
    {
        ArgumentNullException.ThrowIfNull(covariance);
        int d = covariance.GetLength(0);
        if (d == 0 || covariance.GetLength(1) != d)
            throw new ArgumentException("the proposal covariance must be a non-empty square matrix", nameof(covariance));
        cholesky = new double[d * d];
        for (int i = 0; i < d; i++)
            for (int j = 0; j <= i; j++)
            {
                if (covariance[i, j] != covariance[j, i])
                    throw new ArgumentException($"the proposal covariance is not symmetric at ({i}, {j})", nameof(covariance));
                double sum = covariance[i, j];
                for (int k = 0; k < j; k++) sum -= cholesky[i * d + k] * cholesky[j * d + k];
                if (i == j)
                {
                    if (!(sum > 0)) throw new ArgumentException("the proposal covariance is not positive definite", nameof(covariance));
                    cholesky[i * d + i] = Math.Sqrt(sum);
                }
                else cholesky[i * d + j] = sum / cholesky[j * d + j];
            }
        dimension = d;
        description = string.Create(CultureInfo.InvariantCulture, $"Gaussian Metropolis ({d} × {d} covariance)");
    }

    public override string Description => description;

    public override void Check(int walkers, int dimension)
    {
        if (this.dimension is int d && d != dimension)
            throw new ArgumentException($"the Gaussian proposal has {d} parameters, the target {dimension}");
    }

    public override double Propose(ReadOnlySpan<double> walker, Span<double> proposal, Random rng)
    {
        // The sampler always passes a SeededRandom (its own Gaussian draws); any other Random goes through MathNet.
        Func<double> gaussian = rng is SeededRandom seeded ? seeded.NextGaussian : () => MathNet.Numerics.Distributions.Normal.Sample(rng, 0, 1);
        int d = walker.Length;
        if (scale is double s)
            for (int i = 0; i < d; i++) proposal[i] = walker[i] + s * gaussian();
        else if (scales is not null)
            for (int i = 0; i < d; i++) proposal[i] = walker[i] + scales[i] * gaussian();
        else
        {
            // proposal = walker + L z: z drawn into the proposal first, then L applied from the last row up (in place).
            for (int i = 0; i < d; i++) proposal[i] = gaussian();
            for (int i = d - 1; i >= 0; i--)
            {
                double sum = 0;
                for (int k = 0; k <= i; k++) sum += cholesky[i * d + k] * proposal[k];
                proposal[i] = sum;
            }
            for (int i = 0; i < d; i++) proposal[i] += walker[i];
        }
        return 0.0;
    }
}
