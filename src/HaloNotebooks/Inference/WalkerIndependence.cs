using MathNet.Numerics.LinearAlgebra;

namespace HaloNotebooks.Inference;

/// <summary>
/// emcee's <c>walkers_independent</c>: the initial walkers must span the parameter space. The centred
/// positions, each column scaled by its largest absolute value and then to unit norm, must have a
/// 2-norm condition number ≤ 1e8 (and all be finite, no column constant).
/// </summary>
internal static class WalkerIndependence
{
    internal const double MaxConditionNumber = 1e8;

    internal static bool AreIndependent(double[][] walkers) => ConditionNumber(walkers) <= MaxConditionNumber;

    /// <summary>The condition number emcee tests (∞ when a column is constant or a value is not finite).</summary>
    internal static double ConditionNumber(double[][] walkers)
    {
        int n = walkers.Length, ndim = walkers[0].Length;
        var c = Matrix<double>.Build.Dense(n, ndim);
        for (int d = 0; d < ndim; d++)
        {
            double mean = 0;
            for (int k = 0; k < n; k++)
            {
                if (!double.IsFinite(walkers[k][d])) return double.PositiveInfinity;
                mean += walkers[k][d];
            }
            mean /= n;
            double colMax = 0;
            for (int k = 0; k < n; k++) { c[k, d] = walkers[k][d] - mean; colMax = Math.Max(colMax, Math.Abs(c[k, d])); }
            if (colMax == 0) return double.PositiveInfinity;
            double norm = 0;
            for (int k = 0; k < n; k++) { c[k, d] /= colMax; norm += c[k, d] * c[k, d]; }
            norm = Math.Sqrt(norm);
            for (int k = 0; k < n; k++) c[k, d] /= norm;
        }
        return c.ConditionNumber();
    }
}
