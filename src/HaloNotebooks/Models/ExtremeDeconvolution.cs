namespace HaloNotebooks.Models;

/// <summary>A Gaussian mixture in (v_r, v_phi, v_theta, [Fe/H]) with diagonal intrinsic covariances.</summary>
/// <param name="Weights">Component weights (sum 1).</param>
/// <param name="Means">[component][dimension].</param>
/// <param name="Sigmas">Intrinsic dispersions (not including the errors), [component][dimension].</param>
/// <param name="LogLikelihood">ln L of the data under the mixture convolved with the errors (Eqs. 2–3).</param>
/// <param name="Iterations">EM iterations used.</param>
internal sealed record DeconvolvedMixture(double[] Weights, double[][] Means, double[][] Sigmas, double LogLikelihood, int Iterations);

/// <summary>
/// Extreme deconvolution (Bovy, Hogg &amp; Roweis 2011) in the diagonal case: EM for a Gaussian mixture
/// whose stars carry their own (heteroscedastic) errors. It maximises the same likelihood as Eqs. 2–3, so
/// it gives a fast point estimate of the single- and double-component fits: the starting point of the
/// walkers, and a quick what-if tool in the notebooks. Deterministic (no random start).
/// With a prior box (footnote 11) the M-step is projected onto it: per dimension the surrogate is maximised
/// by the clamped mean and then the clamped variance, so ln L still rises every iteration and the result is
/// the maximum inside the box — where a posterior under uniform priors concentrates, not the free maximum
/// (a contaminating population can pull a free component outside it: an earlier mock's 3–9 kpc thick-disc stars
/// gave ⟨V_φ⟩ ≈ −180 km/s, outside [−100, 100]).
/// </summary>
internal static class ExtremeDeconvolution
{
    /// <summary>
    /// Fits <paramref name="components"/> Gaussians. Initial responsibilities split the stars into equal
    /// [Fe/H] quantiles, so component 0 starts as the most metal-rich. <paramref name="box"/>: keep every mean and
    /// dispersion inside these priors' ranges (null: unconstrained).
    /// </summary>
    public static DeconvolvedMixture Fit(KinematicSample data, int components, int maxIterations = 1000, double tolerance = 1e-10,
        MixturePriors? box = null)
    {
        if (components < 1) throw new ArgumentException($"need at least one component (got {components})");
        var s = new StarKinematics(data);
        int n = s.Count, k = components, dims = StarKinematics.Dimensions;
        if (n < 2 * k) throw new ArgumentException($"{n} stars are too few for {k} components");

        var resp = new double[k][];
        for (int c = 0; c < k; c++) resp[c] = new double[n];
        var order = Enumerable.Range(0, n).OrderByDescending(i => s.X[3][i]).ToArray();
        for (int j = 0; j < n; j++) resp[Math.Min(k - 1, j * k / n)][order[j]] = 1.0;

        var w = new double[k];
        var mu = new double[k][];
        var v = new double[k][];
        for (int c = 0; c < k; c++) { mu[c] = new double[dims]; v[c] = new double[dims]; }

        // Start from plain (error-free) moments of the initial split.
        for (int c = 0; c < k; c++)
        {
            double sw = resp[c].Sum();
            w[c] = sw / n;
            for (int d = 0; d < dims; d++)
            {
                double m = 0; for (int i = 0; i < n; i++) m += resp[c][i] * s.X[d][i];
                m /= sw;
                double var = 0; for (int i = 0; i < n; i++) { double r = s.X[d][i] - m; var += resp[c][i] * r * r; }
                mu[c][d] = m; v[c][d] = Math.Max(var / sw, 1e-12);
            }
            Project(box, mu[c], v[c]);
        }

        double previous = double.NegativeInfinity, logL = double.NegativeInfinity;
        var lp = new double[k];
        int it = 0;
        for (; it < maxIterations; it++)
        {
            // E-step: responsibilities under the error-convolved components (Eq. 4 for k = 2).
            logL = 0;
            for (int i = 0; i < n; i++)
            {
                double max = double.NegativeInfinity;
                for (int c = 0; c < k; c++)
                {
                    double l = Math.Log(w[c]);
                    for (int d = 0; d < dims; d++)
                    {
                        double t = v[c][d] + s.ErrorSq[d][i], r = s.X[d][i] - mu[c][d];
                        l -= 0.5 * (r * r / t + Math.Log(t) + GaussianWithErrors.LogTwoPi);
                    }
                    lp[c] = l; max = Math.Max(max, l);
                }
                double sum = 0;
                for (int c = 0; c < k; c++) sum += Math.Exp(lp[c] - max);
                double lse = max + Math.Log(sum);
                logL += lse;
                for (int c = 0; c < k; c++) resp[c][i] = Math.Exp(lp[c] - lse);
            }
            if (Math.Abs(logL - previous) <= tolerance * Math.Abs(logL)) break;
            previous = logL;

            // M-step (Bovy+2011 Eqs. 16–18, diagonal): b = μ + V/(V+ε²)(x − μ), B = V − V²/(V+ε²).
            for (int c = 0; c < k; c++)
            {
                double sw = 0;
                for (int i = 0; i < n; i++) sw += resp[c][i];
                w[c] = sw / n;
                for (int d = 0; d < dims; d++)
                {
                    double m0 = mu[c][d], v0 = v[c][d], sb = 0;
                    for (int i = 0; i < n; i++) sb += resp[c][i] * (m0 + v0 / (v0 + s.ErrorSq[d][i]) * (s.X[d][i] - m0));
                    double m1 = Clamp(sb / sw, box, d, mean: true), sv = 0;
                    for (int i = 0; i < n; i++)
                    {
                        double t = v0 + s.ErrorSq[d][i];
                        double b = m0 + v0 / t * (s.X[d][i] - m0), bb = v0 - v0 * v0 / t;
                        sv += resp[c][i] * ((m1 - b) * (m1 - b) + bb);
                    }
                    mu[c][d] = m1; v[c][d] = Math.Max(sv / sw, 1e-12);
                    if (box is not null) { double sd = Clamp(Math.Sqrt(v[c][d]), box, d, mean: false); v[c][d] = sd * sd; }
                }
            }
        }
        return new DeconvolvedMixture(w, mu, v.Select(vc => vc.Select(Math.Sqrt).ToArray()).ToArray(), logL, it);
    }

    /// <summary>x kept inside the box's range for dimension d (0–2 velocities, 3 [Fe/H]) of a mean or a dispersion.</summary>
    static double Clamp(double x, MixturePriors? box, int d, bool mean)
    {
        if (box is null) return x;
        var r = mean ? (d < 3 ? box.VelocityMean : box.FehMean) : (d < 3 ? box.VelocitySigma : box.FehSigma);
        return Math.Clamp(x, r.Lower, r.Upper);
    }

    static void Project(MixturePriors? box, double[] mu, double[] v)
    {
        if (box is null) return;
        for (int d = 0; d < mu.Length; d++)
        {
            mu[d] = Clamp(mu[d], box, d, mean: true);
            double sd = Clamp(Math.Sqrt(v[d]), box, d, mean: false);
            v[d] = sd * sd;
        }
    }
}
