using System.Buffers;
using HaloNotebooks.Inference;

namespace HaloNotebooks.Models;

/// <summary>
/// The single-component model (§3.1, Eq. 3 with p_MR = 1): one Gaussian in (v_r, v_phi, v_theta, [Fe/H])
/// with diagonal intrinsic dispersions, convolved with each star's errors (Eq. 2). Eight parameters,
/// in the order of <see cref="ParameterNames"/>; uniform priors (footnote 11).
/// </summary>
internal sealed class SingleComponent : IBatchLogDensity
{
    public static IReadOnlyList<string> ParameterNames { get; } =
        ["vr", "vphi", "vtheta", "sigma_r", "sigma_phi", "sigma_theta", "feh_mean", "feh_sigma"];

    readonly StarKinematics stars;

    internal SingleComponent(KinematicSample data, MixturePriors? priors = null)
    {
        stars = new StarKinematics(data);
        Priors = priors ?? MixturePriors.Paper;
    }

    internal MixturePriors Priors { get; }
    public int Dimension => 8;
    public int StarCount => stars.Count;
    /// <summary>Threads over stars inside one evaluation (1 inside the sampler, which already runs walkers in parallel).</summary>
    internal int? StarParallelism { get; init; } = 1;

    /// <summary>Means (v_r, v_phi, v_theta, [Fe/H]) of a parameter vector.</summary>
    internal static void Means(ReadOnlySpan<double> t, Span<double> m) { m[0] = t[0]; m[1] = t[1]; m[2] = t[2]; m[3] = t[6]; }
    /// <summary>Dispersions (σ_r, σ_phi, σ_theta, σ_[Fe/H]) of a parameter vector.</summary>
    internal static void Sigmas(ReadOnlySpan<double> t, Span<double> s) { s[0] = t[3]; s[1] = t[4]; s[2] = t[5]; s[3] = t[7]; }

    /// <summary>ln prior: 0 inside the uniform bounds, −∞ outside.</summary>
    internal double LogPrior(ReadOnlySpan<double> t) => InPrior(t, Priors) ? 0.0 : double.NegativeInfinity;

    internal static bool InPrior(ReadOnlySpan<double> t, MixturePriors p) =>
        p.VelocityMean.Contains(t[0]) && p.VelocityMean.Contains(t[1]) && p.VelocityMean.Contains(t[2]) &&
        p.VelocitySigma.Contains(t[3]) && p.VelocitySigma.Contains(t[4]) && p.VelocitySigma.Contains(t[5]) &&
        p.FehMean.Contains(t[6]) && p.FehSigma.Contains(t[7]);

    /// <summary>ln L = Σ_i ln N₄(x_i | μ, diag(σ² + ε_i²)) (Eqs. 1–2), fully normalised.</summary>
    internal double LogLikelihood(ReadOnlySpan<double> t)
    {
        if (t.Length != Dimension) throw new ArgumentException($"expected {Dimension} parameters, got {t.Length}");
        var c = Component(t);
        var st = stars;
        if (stars.Count <= StarChunks.Size || StarParallelism == 1)
            return SerialSum(st, c);
        return StarChunks.Sum(st.Count, StarParallelism, (i0, i1) => MixtureKernel.OneComponent(st, c, i0, i1));
    }

    /// <summary>The kernel's form of a parameter vector (weight 1).</summary>
    static ComponentParameters Component(ReadOnlySpan<double> t)
    {
        Span<double> m = stackalloc double[4], s = stackalloc double[4];
        Means(t, m); Sigmas(t, s);
        return new ComponentParameters(m, s, 0.0);
    }

    static double SerialSum(StarKinematics st, in ComponentParameters c)
    {
        double total = 0;
        for (int i0 = 0; i0 < st.Count; i0 += StarChunks.Size)
            total += MixtureKernel.OneComponent(st, c, i0, Math.Min(st.Count, i0 + StarChunks.Size));
        return total;
    }

    public double LogDensity(ReadOnlySpan<double> theta)
    {
        double lp = LogPrior(theta);
        return double.IsNegativeInfinity(lp) ? lp : lp + LogLikelihood(theta);
    }

    /// <summary>LogDensity at several points, bit-identical to one call per point, block-major (as TwoComponent.LogDensities).</summary>
    public void LogDensities(double[][] points, ReadOnlySpan<int> walkers, double[] into)
    {
        var c = ArrayPool<ComponentParameters>.Shared.Rent(walkers.Length);
        var live = ArrayPool<int>.Shared.Rent(walkers.Length);
        var total = ArrayPool<double>.Shared.Rent(walkers.Length);
        try
        {
            int n = 0;
            foreach (int k in walkers)
            {
                var t = points[k];
                if (t.Length != Dimension) throw new ArgumentException($"expected {Dimension} parameters, got {t.Length}");
                double lp = LogPrior(t);
                if (double.IsNegativeInfinity(lp)) { into[k] = lp; continue; }
                c[n] = Component(t);
                live[n] = k;
                total[n++] = 0;
            }
            var st = stars;
            for (int i0 = 0; i0 < st.Count; i0 += StarChunks.Size)
                for (int j = 0; j < n; j++)
                    total[j] += MixtureKernel.OneComponent(st, c[j], i0, Math.Min(st.Count, i0 + StarChunks.Size));
            for (int j = 0; j < n; j++) into[live[j]] = 0.0 + total[j];
        }
        finally
        {
            ArrayPool<ComponentParameters>.Shared.Return(c); ArrayPool<int>.Shared.Return(live); ArrayPool<double>.Shared.Return(total);
        }
    }
}
