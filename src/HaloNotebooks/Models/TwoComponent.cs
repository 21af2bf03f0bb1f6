using System.Buffers;
using HaloNotebooks.Inference;

namespace HaloNotebooks.Models;

/// <summary>
/// The two-component mixture of §3.1 (Eq. 3): a metal-rich (MR) and a metal-poor (MP) Gaussian in
/// (v_r, v_phi, v_theta, [Fe/H]), each convolved with the stars' errors (Eq. 2), weights p_MR and 1 − p_MR.
/// 17 parameters: p_mr, then the eight single-component parameters of MR, then of MP
/// (<see cref="ParameterNames"/>). Uniform priors (footnote 11) plus feh_mean_mr &gt; feh_mean_mp, so the
/// labels cannot switch: MR is by construction the component with the higher mean [Fe/H].
/// </summary>
internal sealed class TwoComponent : IBatchLogDensity
{
    public static IReadOnlyList<string> ParameterNames { get; } =
        ["p_mr", .. SingleComponent.ParameterNames.Select(n => n + "_mr"), .. SingleComponent.ParameterNames.Select(n => n + "_mp")];

    /// <summary>Index of the first MR and MP parameter in the vector.</summary>
    internal const int MetalRichOffset = 1, MetalPoorOffset = 9;

    readonly StarKinematics stars;

    internal TwoComponent(KinematicSample data, MixturePriors? priors = null)
    {
        stars = new StarKinematics(data);
        Priors = priors ?? MixturePriors.Paper;
    }

    internal MixturePriors Priors { get; }
    public int Dimension => 17;
    public int StarCount => stars.Count;
    /// <summary>Threads over stars inside one evaluation (1 inside the sampler, which already runs walkers in parallel).</summary>
    internal int? StarParallelism { get; init; } = 1;

    internal double LogPrior(ReadOnlySpan<double> t) =>
        Priors.PMetalRich.Contains(t[0])
        && SingleComponent.InPrior(t.Slice(MetalRichOffset, 8), Priors)
        && SingleComponent.InPrior(t.Slice(MetalPoorOffset, 8), Priors)
        && t[MetalRichOffset + 6] > t[MetalPoorOffset + 6]
            ? 0.0 : double.NegativeInfinity;

    static void Components(ReadOnlySpan<double> t, out ComponentParameters mr, out ComponentParameters mp)
    {
        Span<double> m = stackalloc double[4], s = stackalloc double[4];
        SingleComponent.Means(t.Slice(MetalRichOffset, 8), m); SingleComponent.Sigmas(t.Slice(MetalRichOffset, 8), s);
        mr = new ComponentParameters(m, s, Math.Log(t[0]));
        SingleComponent.Means(t.Slice(MetalPoorOffset, 8), m); SingleComponent.Sigmas(t.Slice(MetalPoorOffset, 8), s);
        mp = new ComponentParameters(m, s, Math.Log(1.0 - t[0]));
    }

    /// <summary>ln L = Σ_i ln[p_MR L_MR,i + (1 − p_MR) L_MP,i] (Eq. 3), fully normalised.</summary>
    internal double LogLikelihood(ReadOnlySpan<double> t)
    {
        if (t.Length != Dimension) throw new ArgumentException($"expected {Dimension} parameters, got {t.Length}");
        Components(t, out var mr, out var mp);
        var st = stars;
        // At p_MR = 0 or 1 one component has weight zero: sum the other alone (the log-sum-exp form
        // factors out the winning component, which may be the one with no weight).
        if (t[0] == 0.0 || t[0] == 1.0)
        {
            var only = t[0] == 1.0 ? mr : mp;
            return StarChunks.Sum(st.Count, StarParallelism, (i0, i1) => MixtureKernel.OneComponent(st, only, i0, i1));
        }
        if (stars.Count <= StarChunks.Size || StarParallelism == 1)
        {
            double total = 0;
            for (int i0 = 0; i0 < st.Count; i0 += StarChunks.Size)
                total += MixtureKernel.TwoComponents(st, mr, mp, i0, Math.Min(st.Count, i0 + StarChunks.Size));
            return total;
        }
        return StarChunks.Sum(st.Count, StarParallelism, (i0, i1) => MixtureKernel.TwoComponents(st, mr, mp, i0, i1));
    }

    public double LogDensity(ReadOnlySpan<double> theta)
    {
        double lp = LogPrior(theta);
        return double.IsNegativeInfinity(lp) ? lp : lp + LogLikelihood(theta);
    }

    /// <summary>
    /// LogDensity at several points (a half-ensemble), bit-identical to one call per point: the same blocks of
    /// <see cref="StarChunks.Size"/> stars summed in the same order, but block-major, so each block is read from memory once
    /// for all points instead of once per point (the paper's 64 000 stars are 4 MB, a block 256 KB).
    /// </summary>
    public void LogDensities(double[][] points, ReadOnlySpan<int> walkers, double[] into)
    {
        var mr = ArrayPool<ComponentParameters>.Shared.Rent(walkers.Length);
        var mp = ArrayPool<ComponentParameters>.Shared.Rent(walkers.Length);
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
                if (double.IsNegativeInfinity(lp) || t[0] == 0.0 || t[0] == 1.0) { into[k] = LogDensity(t); continue; }
                Components(t, out mr[n], out mp[n]);
                live[n] = k;
                total[n++] = 0;
            }
            var st = stars;
            for (int i0 = 0; i0 < st.Count; i0 += StarChunks.Size)
                for (int j = 0; j < n; j++)
                    total[j] += MixtureKernel.TwoComponents(st, mr[j], mp[j], i0, Math.Min(st.Count, i0 + StarChunks.Size));
            // LogDensity's lp + ln L with lp = 0 inside the prior.
            for (int j = 0; j < n; j++) into[live[j]] = 0.0 + total[j];
        }
        finally
        {
            ArrayPool<ComponentParameters>.Shared.Return(mr); ArrayPool<ComponentParameters>.Shared.Return(mp);
            ArrayPool<int>.Shared.Return(live); ArrayPool<double>.Shared.Return(total);
        }
    }

    /// <summary>
    /// Eq. 4: the probability that each star belongs to the metal-rich component,
    /// p_MR L_MR,i / (p_MR L_MR,i + (1 − p_MR) L_MP,i), at the parameters <paramref name="t"/>.
    /// </summary>
    public double[] MembershipProbabilityMR(ReadOnlySpan<double> t)
    {
        Components(t, out var mr, out var mp);
        var p = new double[stars.Count];
        for (int i = 0; i < p.Length; i++)
        {
            double la = MixtureKernel.StarLogL(stars, mr, i), lb = MixtureKernel.StarLogL(stars, mp, i);
            p[i] = 1.0 / (1.0 + Math.Exp(lb - la));
        }
        return p;
    }
}
