using HaloNotebooks.Astrometry;

namespace HaloNotebooks.Models;

/// <summary>
/// A fast maximum-likelihood estimate of the dipole field (Eqs. 5–6). For fixed σ_r the mean
/// μ_compr + μ_dipole cos θ = μ_compr + D·n̂ is linear in (μ_compr, D = μ_dipole × apex vector), so it is a
/// weighted least-squares fit with weights 1/(σ_r² + ε²); σ_r is then updated by its own likelihood equation,
/// and the two steps alternate. Used to start the walkers. Reported with μ_dipole ≤ 0.
/// </summary>
internal static class DipolePointEstimate
{
    /// <summary>(mu_compr, mu_dipole, sigma_r, l_apex [deg], b_apex [deg]).</summary>
    public static double[] Fit(RadialVelocitySample data, int iterations = 50)
    {
        int n = data.Count;
        if (n < 5) throw new ArgumentException($"{n} stars are too few for the 5-parameter dipole field");
        var rows = new double[n][];
        for (int i = 0; i < n; i++)
        {
            var (x, y, z) = Vector3d.FromLonLat(data.L[i], data.B[i]);
            rows[i] = [1, x, y, z];
        }
        double mean = data.Vr.Average();
        double s2 = Math.Max(data.Vr.Select(v => (v - mean) * (v - mean)).Average() - data.ErrVr.Select(e => e * e).Average(), 1.0);
        var beta = new double[4];
        for (int it = 0; it < iterations; it++)
        {
            var a = MathNet.Numerics.LinearAlgebra.Matrix<double>.Build.Dense(4, 4);
            var rhs = MathNet.Numerics.LinearAlgebra.Vector<double>.Build.Dense(4);
            for (int i = 0; i < n; i++)
            {
                double wgt = 1.0 / (s2 + data.ErrVr[i] * data.ErrVr[i]);
                for (int p = 0; p < 4; p++)
                {
                    rhs[p] += wgt * rows[i][p] * data.Vr[i];
                    for (int q = 0; q < 4; q++) a[p, q] += wgt * rows[i][p] * rows[i][q];
                }
            }
            beta = a.Solve(rhs).ToArray();
            // σ_r²: fixed point of Σ w² (r² − (σ² + ε²)) = 0, i.e. the likelihood equation for σ.
            double num = 0, den = 0;
            for (int i = 0; i < n; i++)
            {
                double r = data.Vr[i] - (beta[0] + beta[1] * rows[i][1] + beta[2] * rows[i][2] + beta[3] * rows[i][3]);
                double e2 = data.ErrVr[i] * data.ErrVr[i], wgt = 1.0 / (s2 + e2);
                num += wgt * wgt * (r * r - e2); den += wgt * wgt;
            }
            s2 = Math.Max(num / den, 1.0);
        }
        // D is the travel velocity of Eq. 6's dipole term; its μ_dipole ≤ 0 form, l_apex in the sampler's [0, 360).
        var (mu, l, b) = ReflexMotion.DipoleOf(new Vector3d(beta[1], beta[2], beta[3]));
        return [beta[0], mu, Math.Sqrt(s2), Angles.Wrap360(l), b];
    }
}
