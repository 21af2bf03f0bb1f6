using HaloNotebooks.Paper;
namespace HaloNotebooks.Analysis;

/// <summary>
/// The posterior of a single Gaussian with per-star errors in one dimension (Eq. 2 with x = V_r; §4.4 and
/// footnote 20): parameters the mean ⟨V_r⟩ and dispersion σ, uniform priors ⟨V_r⟩ ∈ [−100, 100], σ ∈ [10, 200] km/s
/// (footnote 11). With two parameters the posterior is evaluated exactly on a grid rather than sampled: for each σ
/// the log-likelihood is a quadratic in the mean built from four sums over the stars, so a fine grid costs O(N·n_σ).
/// Deterministic (no random numbers).
/// </summary>
internal static class GaussianMeanFit
{
    const int SigmaNodes = 401, MeanNodes = 801;

    /// <summary>Marginal posterior medians and 16/84th percentiles of the mean and the dispersion.</summary>
    public static (Measurement Mean, Measurement Sigma) Fit(ReadOnlySpan<double> x, ReadOnlySpan<double> err,
        double meanMin = -100, double meanMax = 100, double sigmaMin = 10, double sigmaMax = 200)
    {
        int n = x.Length;
        if (n < 2) throw new ArgumentException($"a Gaussian fit needs at least 2 stars, got {n}");
        if (err.Length != n) throw new ArgumentException($"{n} values but {err.Length} errors");
        double sum = 0, sum2 = 0, e2 = 0;
        for (int i = 0; i < n; i++)
        {
            if (!double.IsFinite(x[i]) || !double.IsFinite(err[i]) || err[i] < 0)
                throw new ArgumentException($"star {i}: value {x[i]} with error {err[i]} is not usable");
            sum += x[i]; sum2 += x[i] * x[i]; e2 += err[i] * err[i];
        }
        double mean = sum / n, variance = Math.Max(sum2 / n - mean * mean, 1e-12);
        double sigma0 = Math.Sqrt(Math.Max(variance - e2 / n, sigmaMin * sigmaMin));
        // First guess of the posterior widths; the grid is widened until the edges carry no mass.
        double widthMean = Math.Sqrt((sigma0 * sigma0 + e2 / n) / n);
        double widthSigma = (sigma0 * sigma0 + e2 / n) / sigma0 / Math.Sqrt(2.0 * n);
        double half = 10;
        for (int attempt = 0; ; attempt++)
        {
            double m0 = Math.Max(meanMin, mean - half * widthMean), m1 = Math.Min(meanMax, mean + half * widthMean);
            double s0 = Math.Max(sigmaMin, sigma0 - half * widthSigma), s1 = Math.Min(sigmaMax, sigma0 + half * widthSigma);
            if (!(m1 > m0) || !(s1 > s0)) throw new ArgumentException($"the data's mean {mean:0.0} lies outside the prior [{meanMin}, {meanMax}]");
            var logPost = Grid(x, err, m0, m1, s0, s1, out double max);
            bool edgeMass = EdgeHasMass(logPost, max, m0 > meanMin, m1 < meanMax, s0 > sigmaMin, s1 < sigmaMax);
            if (!edgeMass || attempt == 6)
            {
                var (meanMarginal, sigmaMarginal) = Marginals(logPost, max);
                return (Summarise(meanMarginal, m0, m1), Summarise(sigmaMarginal, s0, s1));
            }
            half *= 2;
        }
    }

    static double[,] Grid(ReadOnlySpan<double> x, ReadOnlySpan<double> err, double m0, double m1, double s0, double s1, out double max)
    {
        var logPost = new double[SigmaNodes, MeanNodes];
        max = double.NegativeInfinity;
        for (int j = 0; j < SigmaNodes; j++)
        {
            double sigma = s0 + (s1 - s0) * j / (SigmaNodes - 1), s2 = sigma * sigma;
            double a = 0, b = 0, c = 0, d = 0;
            for (int i = 0; i < x.Length; i++)
            {
                double v = s2 + err[i] * err[i], w = 1.0 / v;
                a += w; b += x[i] * w; c += x[i] * x[i] * w; d += Math.Log(v);
            }
            for (int k = 0; k < MeanNodes; k++)
            {
                double mu = m0 + (m1 - m0) * k / (MeanNodes - 1);
                // Eq. 2 summed over stars: −½ Σ [(x − μ)²/v + ln v] (the 2π constant drops out).
                double lp = -0.5 * (c - 2 * mu * b + mu * mu * a + d);
                logPost[j, k] = lp;
                if (lp > max) max = lp;
            }
        }
        return logPost;
    }

    static bool EdgeHasMass(double[,] lp, double max, bool meanLow, bool meanHigh, bool sigmaLow, bool sigmaHigh)
    {
        const double negligible = 16; // e^-16 of the peak density
        for (int j = 0; j < SigmaNodes; j++)
        {
            if (meanLow && lp[j, 0] > max - negligible) return true;
            if (meanHigh && lp[j, MeanNodes - 1] > max - negligible) return true;
        }
        for (int k = 0; k < MeanNodes; k++)
        {
            if (sigmaLow && lp[0, k] > max - negligible) return true;
            if (sigmaHigh && lp[SigmaNodes - 1, k] > max - negligible) return true;
        }
        return false;
    }

    static (double[] Mean, double[] Sigma) Marginals(double[,] lp, double max)
    {
        var mean = new double[MeanNodes];
        var sigma = new double[SigmaNodes];
        for (int j = 0; j < SigmaNodes; j++)
            for (int k = 0; k < MeanNodes; k++)
            {
                double p = Math.Exp(lp[j, k] - max);
                mean[k] += p;
                sigma[j] += p;
            }
        return (mean, sigma);
    }

    /// <summary>Percentiles of a density tabulated on equally spaced nodes (trapezoidal cumulative, linear inverse).</summary>
    static Measurement Summarise(double[] density, double lo, double hi)
    {
        int m = density.Length;
        double h = (hi - lo) / (m - 1);
        var cdf = new double[m];
        for (int k = 1; k < m; k++) cdf[k] = cdf[k - 1] + 0.5 * (density[k - 1] + density[k]) * h;
        double total = cdf[^1];
        double Quantile(double q)
        {
            double target = q * total;
            int k = Array.BinarySearch(cdf, target);
            if (k >= 0) return lo + k * h;
            k = ~k;
            if (k <= 0) return lo;
            if (k >= m) return hi;
            double f = (target - cdf[k - 1]) / (cdf[k] - cdf[k - 1]);
            return lo + (k - 1 + f) * h;
        }
        return Measurement.FromPercentiles(Quantile(0.5), Quantile(0.16), Quantile(0.84));
    }
}
