using HaloNotebooks.Astrometry;
using HaloNotebooks.Inference;
using HaloNotebooks.Models;
using HaloNotebooks.Numerics;
using HaloNotebooks.Paper;
using MathNet.Numerics;

namespace HaloNotebooks.Analysis;

/// <summary>
/// Posterior predictive checks of the paper's Gaussian models (beyond the paper; issue 28). For a subsample of posterior
/// draws θ_s the model is convolved with each star's own errors (Eq. 2): per dimension d the predictive distribution of
/// star i is N(μ_d, σ_d² + ε_id²) (single), the p_MR-weighted mixture of two (double) or N(μ_compr + μ_dipole cos θ_i,
/// σ_r² + ε_i²) (dipole, Eq. 6). Two statistics per dimension:
/// <list type="bullet">
/// <item>the probability integral transform u_i = (1/S) Σ_s F_i(x_id | θ_s): uniform on [0, 1] when the model describes the
/// stars. Its histogram in <see cref="PitBins"/> equal bins gives a χ² with K − 1 degrees of freedom, and the total-variation
/// distance ½ Σ_k |n_k/N − 1/K| says by how much it fails (the fraction of stars that would have to move between quantile
/// bins). Per component (MR, MP) each star is weighted by its Eq. 4 membership w_ic: E[Σ w_ic 1{F_c(x) ∈ bin k}] = p_c/K
/// exactly when the mixture is right, so the weighted PIT histogram is flat under the model;</item>
/// <item>replicated data: per draw one new value per star from the model plus its own error, histogrammed in the data's
/// bins — the predictive band of the figure — and the fraction of replicas whose histogram χ² against the mean replica is at
/// least the data's (a posterior predictive p-value; resolution 1/S).</item>
/// </list>
/// With 10⁴ stars the PIT χ² detects departures far too small to matter for the tables; read the distance beside it.
/// </summary>
internal static class PosteriorPredictive
{
    /// <summary>Posterior draws per check (a deterministic subsample of the post-burn-in chain).</summary>
    internal const int DefaultDraws = 32;

    /// <summary>Equal-probability bins of the PIT histogram.</summary>
    internal const int PitBins = 20;

    /// <summary>Bins of the data histogram (between the data's 0.5th and 99.5th percentiles).</summary>
    internal const int HistogramBins = 30;

    static readonly string[] KinematicDimensions = ["v_r", "v_phi", "v_theta", "feh"];

    /// <summary>The check of a single- or double-component fit (Eqs. 1–4) on the stars it was fitted to.</summary>
    internal static PredictiveCheck Check(KinematicSample data, FitResult fit, RadialBin bin, long seed, int draws)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(fit);
        var model = FitModel.Parse(fit.Model);
        if (model == FitModel.Dipole) throw new ArgumentException("a dipole fit is checked on a RadialVelocitySample");
        if (data.Count != fit.StarCount) throw new ArgumentException($"the fit has {fit.StarCount} stars, the sample {data.Count}");
        var rng = new SeededRandom(seed, 0);
        var picks = Draws(fit, draws, rng);
        int components = model == FitModel.Double ? 2 : 1;
        // θ per draw: weight, means (4), sigmas (4) per component.
        var weight = new double[picks.Length, components];
        var mean = new double[picks.Length, components, 4];
        var sigma = new double[picks.Length, components, 4];
        string[] suffix = components == 2 ? ["_mr", "_mp"] : [""];
        string[] meanNames = ["vr", "vphi", "vtheta", "feh_mean"], sigmaNames = ["sigma_r", "sigma_phi", "sigma_theta", "feh_sigma"];
        for (int c = 0; c < components; c++)
            for (int d = 0; d < 4; d++)
            {
                var m = fit.Samples(meanNames[d] + suffix[c]);
                var s = fit.Samples(sigmaNames[d] + suffix[c]);
                for (int k = 0; k < picks.Length; k++) { mean[k, c, d] = m[picks[k]]; sigma[k, c, d] = s[picks[k]]; }
            }
        var pmr = components == 2 ? fit.Samples("p_mr") : null;
        for (int k = 0; k < picks.Length; k++)
        {
            weight[k, 0] = pmr is null ? 1.0 : pmr[picks[k]];
            if (components == 2) weight[k, 1] = 1 - weight[k, 0];
        }
        double[][] x = [data.Vr, data.VPhi, data.VTheta, data.Feh], err = [data.ErrVr, data.ErrVPhi, data.ErrVTheta, data.ErrFeh];
        int n = data.Count, S = picks.Length;

        // PIT of the mixture and of each component, membership weights: averages over the draws.
        var pitAll = new double[4][];
        var pitComponent = new double[components, 4][];
        for (int d = 0; d < 4; d++) { pitAll[d] = new double[n]; for (int c = 0; c < components; c++) pitComponent[c, d] = new double[n]; }
        var member = new double[components][];
        for (int c = 0; c < components; c++) member[c] = new double[n];
        Span<double> logDensity = stackalloc double[2];
        Span<double> cdf = stackalloc double[8];
        for (int i = 0; i < n; i++)
            for (int k = 0; k < S; k++)
            {
                for (int c = 0; c < components; c++)
                {
                    double ln = Math.Log(weight[k, c]);
                    for (int d = 0; d < 4; d++)
                    {
                        double sd = Math.Sqrt(sigma[k, c, d] * sigma[k, c, d] + err[d][i] * err[d][i]), z = (x[d][i] - mean[k, c, d]) / sd;
                        ln += -0.5 * z * z - Math.Log(sd);
                        cdf[c * 4 + d] = 0.5 * SpecialFunctions.Erfc(-z / Math.Sqrt(2));
                    }
                    logDensity[c] = ln;
                }
                double max = components == 2 ? Math.Max(logDensity[0], logDensity[1]) : logDensity[0];
                double total = 0;
                for (int c = 0; c < components; c++) total += Math.Exp(logDensity[c] - max);
                for (int c = 0; c < components; c++) member[c][i] += Math.Exp(logDensity[c] - max) / total / S;
                for (int d = 0; d < 4; d++)
                {
                    double mix = 0;
                    for (int c = 0; c < components; c++)
                    {
                        mix += weight[k, c] * cdf[c * 4 + d];
                        pitComponent[c, d][i] += cdf[c * 4 + d] / S;
                    }
                    pitAll[d][i] += mix / S;
                }
            }

        // Replicated data: per draw, per star a component (by its weight) and a value from it plus the star's error.
        var replicas = new double[4][][];
        for (int d = 0; d < 4; d++) { replicas[d] = new double[S][]; for (int k = 0; k < S; k++) replicas[d][k] = new double[n]; }
        for (int k = 0; k < S; k++)
            for (int i = 0; i < n; i++)
            {
                int c = components == 2 && rng.NextDouble() >= weight[k, 0] ? 1 : 0;
                for (int d = 0; d < 4; d++)
                    replicas[d][k][i] = mean[k, c, d] + Math.Sqrt(sigma[k, c, d] * sigma[k, c, d] + err[d][i] * err[d][i]) * rng.NextGaussian();
            }

        var dims = new List<PredictiveDimension>();
        for (int d = 0; d < 4; d++)
        {
            var histogram = Replicated(x[d], replicas[d], out double replicatedP);
            dims.Add(Pit("all", KinematicDimensions[d], pitAll[d], null, histogram, replicatedP));
            if (components == 2)
            {
                dims.Add(Pit("MR", KinematicDimensions[d], pitComponent[0, d], member[0], null, double.NaN));
                dims.Add(Pit("MP", KinematicDimensions[d], pitComponent[1, d], member[1], null, double.NaN));
            }
        }
        return new PredictiveCheck(model, bin, S, dims);
    }

    /// <summary>The check of a dipole fit (Eq. 6) on the stars it was fitted to: V_r alone.</summary>
    internal static PredictiveCheck Check(RadialVelocitySample data, FitResult fit, RadialBin bin, long seed, int draws)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(fit);
        if (FitModel.Parse(fit.Model) != FitModel.Dipole) throw new ArgumentException($"need a dipole fit, got '{fit.Model}'");
        if (data.Count != fit.StarCount) throw new ArgumentException($"the fit has {fit.StarCount} stars, the sample {data.Count}");
        var rng = new SeededRandom(seed, 0);
        var picks = Draws(fit, draws, rng);
        double[] compr = fit.Samples("mu_compr"), dipole = fit.Samples("mu_dipole"), sigmaR = fit.Samples("sigma_r"),
            lApex = fit.Samples("l_apex"), bApex = fit.Samples("b_apex");
        int n = data.Count, S = picks.Length;
        var nx = new double[n]; var ny = new double[n]; var nz = new double[n];
        for (int i = 0; i < n; i++) (nx[i], ny[i], nz[i]) = Vector3d.FromLonLat(data.L[i], data.B[i]);
        var pit = new double[n];
        var replicas = new double[S][];
        for (int k = 0; k < S; k++)
        {
            int j = picks[k];
            var (ax, ay, az) = ReflexMotion.Apex(lApex[j], bApex[j]);
            replicas[k] = new double[n];
            for (int i = 0; i < n; i++)
            {
                double mu = ReflexMotion.MeanVr(compr[j], dipole[j], nx[i] * ax + ny[i] * ay + nz[i] * az);
                double sd = Math.Sqrt(sigmaR[j] * sigmaR[j] + data.ErrVr[i] * data.ErrVr[i]);
                pit[i] += 0.5 * SpecialFunctions.Erfc(-(data.Vr[i] - mu) / sd / Math.Sqrt(2)) / S;
                replicas[k][i] = mu + sd * rng.NextGaussian();
            }
        }
        var histogram = Replicated(data.Vr, replicas, out double replicatedP);
        return new PredictiveCheck(FitModel.Dipole, bin, S, [Pit("all", "v_r", pit, null, histogram, replicatedP)]);
    }

    /// <summary>Indices of <paramref name="draws"/> posterior samples, spread evenly over the kept chain from a seeded offset.</summary>
    static int[] Draws(FitResult fit, int draws, SeededRandom rng)
    {
        if (draws < 2) throw new ArgumentException($"need at least 2 posterior draws, got {draws}");
        int available = fit.Samples(fit.ChainParameterNames[0]).Length;
        int S = Math.Min(draws, available);
        double stride = (double)available / S, offset = rng.NextDouble() * stride;
        var picks = new int[S];
        for (int k = 0; k < S; k++) picks[k] = Math.Min(available - 1, (int)(offset + k * stride));
        return picks;
    }

    /// <summary>The PIT histogram's χ², p-value and total-variation distance (weights: Eq. 4 memberships, or 1).</summary>
    static PredictiveDimension Pit(string component, string dimension, double[] u, double[]? w, PredictiveHistogram? histogram, double replicatedP)
    {
        var counts = new double[PitBins];
        var squares = new double[PitBins];
        double total = 0, totalSq = 0;
        for (int i = 0; i < u.Length; i++)
        {
            double wi = w?[i] ?? 1.0;
            int k = Math.Clamp((int)(u[i] * PitBins), 0, PitBins - 1);
            counts[k] += wi; squares[k] += wi * wi; total += wi; totalSq += wi * wi;
        }
        double expected = total / PitBins, chi2 = 0, distance = 0;
        for (int k = 0; k < PitBins; k++)
        {
            // Var(n_k) of a weighted count is Σ w²; with unit weights this is Pearson's χ².
            double variance = w is null ? expected : Math.Max(squares[k], totalSq / PitBins);
            chi2 += (counts[k] - expected) * (counts[k] - expected) / variance;
            distance += Math.Abs(counts[k] / total - 1.0 / PitBins);
        }
        int dof = PitBins - 1;
        double p = SpecialFunctions.GammaUpperRegularized(dof / 2.0, chi2 / 2.0);   // P(χ²_dof ≥ chi2), not 1 − CDF (underflows)
        return new PredictiveDimension(component, dimension, u.Length, total * total / totalSq, chi2, dof, p, 0.5 * distance,
            counts.Select(c => c / total).ToArray(), histogram, replicatedP);
    }

    /// <summary>Data and replica histograms in the data's bins; the replicas' 16/50/84th percentiles per bin; the posterior
    /// predictive p-value of the histogram χ² against the mean replica.</summary>
    static PredictiveHistogram Replicated(double[] data, double[][] replicas, out double replicatedP)
    {
        var sorted = data.Order().ToArray();
        double lo = Measurement.Percentile(sorted, 0.5), hi = Measurement.Percentile(sorted, 99.5);
        if (!(hi > lo)) hi = lo + 1;
        var edges = Enumerable.Range(0, HistogramBins + 1).Select(k => lo + (hi - lo) * k / HistogramBins).ToArray();
        double[] Count(double[] values)
        {
            var h = new double[HistogramBins];
            foreach (var v in values)
            {
                int k = (int)Math.Floor((v - lo) / (hi - lo) * HistogramBins);
                if (k >= 0 && k < HistogramBins) h[k]++;
            }
            return h;
        }
        var observed = Count(data);
        var rep = replicas.Select(Count).ToArray();
        var mid = new double[HistogramBins]; var low = new double[HistogramBins]; var high = new double[HistogramBins];
        var expected = new double[HistogramBins];
        for (int b = 0; b < HistogramBins; b++)
        {
            var column = rep.Select(r => r[b]).Order().ToArray();
            low[b] = Measurement.Percentile(column, 16); mid[b] = Measurement.Percentile(column, 50); high[b] = Measurement.Percentile(column, 84);
            expected[b] = column.Average();
        }
        double T(double[] h)
        {
            double t = 0;
            for (int b = 0; b < HistogramBins; b++) t += (h[b] - expected[b]) * (h[b] - expected[b]) / Math.Max(expected[b], 1);
            return t;
        }
        double tData = T(observed);
        replicatedP = rep.Count(r => T(r) >= tData) / (double)rep.Length;
        return new PredictiveHistogram(edges, observed, low, mid, high);
    }
}
