using HaloNotebooks.Catalogs;
using HaloNotebooks.Numerics;
using HaloNotebooks.Uncertainties;
using C = HaloNotebooks.Catalogs.CanonicalColumns;

namespace HaloNotebooks.Mocks;

/// <summary>
/// Inputs of Appendix A's experiment (the effect of distance errors, Fig. 10): a spherical halo with a triple power-law
/// density, an MR-fraction profile, and per-population anisotropy profiles; velocities are Gaussian with zero means,
/// σ_r(r) of each population from Table 2 and σ_φ = σ_θ = σ_r √(1 − β(r)); [Fe/H] from Table 2's per-population moments.
/// </summary>
/// <param name="Seed">Master seed (one stream per star).</param>
/// <param name="Stars">True stars drawn between <see cref="DrawMin"/> and <see cref="DrawMax"/> kpc.</param>
public sealed record AppendixMockSettings(long Seed = 42, int Stars = 200_000)
{
    // Appendix A applies no cuts, so the paper's Table 2 is its input as printed (not the calibrated halo of the main mock).
    static readonly HaloVelocityField Table2 = new(MockInputTables.Table2, MockInputTables.Table3);
    static readonly (double LnR, double Beta)[] MetalPoorBeta = BetaNodes("MP");

    /// <summary>The density profile (Appendix A: triple power law).</summary>
    internal TriplePowerLaw Density { get; init; } = new();

    /// <summary>True radii are drawn from ρ(r) r² in [DrawMin, DrawMax] kpc — wider than the 3-160 kpc sample, so that
    /// distance errors can scatter stars in from outside it.</summary>
    internal double DrawMin { get; init; } = 1.0;
    internal double DrawMax { get; init; } = 300.0;

    /// <summary>Observed r_GC range kept in the output (the selection's §2.3 range).</summary>
    public double RMin { get; init; } = 3.0;
    public double RMax { get; init; } = 160.0;

    /// <summary>p_MR(r). The paper adopts Medina et al. (2025)'s profile (their Fig. 16), not reproduced here; the default is
    /// this paper's Table 2 p_MR, interpolated in ln r.</summary>
    public Func<double, double> MetalRichFraction { get; init; } = Table2.MetalRichFraction;

    /// <summary>β_MR(r): constant 0.9 (Appendix A).</summary>
    internal Func<double, double> BetaMetalRich { get; init; } = _ => 0.9;

    /// <summary>β_MP(r): Table 2's MP anisotropy, linearly interpolated between bin centres (Appendix A), constant beyond them.</summary>
    public Func<double, double> BetaMetalPoor { get; init; } = r => Interpolate(MetalPoorBeta, Math.Log(r));

    /// <summary>σ_r(r) of the MR (true) or MP (false) population: Table 2, interpolated in ln r.</summary>
    internal Func<bool, double, double> SigmaR { get; init; } = (mr, r) => Table2.Table2Moments(mr, r).SigmaR;

    /// <summary>[Fe/H] error (dex) given to every star and added to its true [Fe/H] (§2.3 footnote 3: ≈0.05).</summary>
    internal double FehError { get; init; } = 0.05;

    /// <summary>Velocity error (km/s) added to the velocities and (in quadrature) to err_v_*; 0 isolates the effect of distances.</summary>
    internal double VelocityError { get; init; }

    /// <summary>
    /// True (the paper's pipeline, §2.3): each star's distance error, quoted at its measured distance (f × d), is propagated
    /// into err_v_* by the same Monte-Carlo as the main selection, so the fits deconvolve it. False: a what-if in which the
    /// fits read the distance-induced scatter as intrinsic dispersion.
    /// </summary>
    internal bool PropagateDistanceErrors { get; init; } = true;

    /// <summary>Monte-Carlo draws per star for <see cref="PropagateDistanceErrors"/> (§2.3: 1000).</summary>
    public int McSamples { get; init; } = 1000;

    internal void Validate()
    {
        Density.Validate();
        if (Stars <= 0) throw new ArgumentException($"AppendixMockSettings.Stars must be positive; got {Stars}.");
        if (!(DrawMin > 0 && DrawMax > DrawMin && RMin >= 0 && RMax > RMin))
            throw new ArgumentException("AppendixMockSettings needs 0 < DrawMin < DrawMax and 0 ≤ RMin < RMax.");
        if (!(FehError >= 0 && VelocityError >= 0)) throw new ArgumentException("AppendixMockSettings errors must be ≥ 0.");
        if (McSamples < 2) throw new ArgumentException($"AppendixMockSettings.McSamples must be ≥ 2; got {McSamples}.");
    }

    static (double, double)[] BetaNodes(string label)
    {
        var t = MockInputTables.Table2;
        return t.RowsLabelled(label).Where(i => !(t[i, "r_min_kpc"] == 3 && t[i, "r_max_kpc"] == 160))
            .Select(i => (0.5 * Math.Log(t[i, "r_min_kpc"] * t[i, "r_max_kpc"]), t[i, "beta"])).OrderBy(p => p.Item1).ToArray();
    }

    static double Interpolate((double X, double Y)[] nodes, double x)
    {
        if (x <= nodes[0].X) return nodes[0].Y;
        if (x >= nodes[^1].X) return nodes[^1].Y;
        int k = 0;
        while (x > nodes[k + 1].X) k++;
        double w = (x - nodes[k].X) / (nodes[k + 1].X - nodes[k].X);
        return nodes[k].Y + w * (nodes[k + 1].Y - nodes[k].Y);
    }
}

/// <summary>
/// Appendix A's mock (Fig. 10): the same spherical halo observed with perfect distances and with distances perturbed by a
/// fractional error (the paper uses 18% and 30%). Each star keeps its true proper motion and line-of-sight velocity; only
/// its heliocentric distance becomes d (1 + f z), with the same standard normal z for every f, so the samples differ only
/// by the distance error. Positions and velocities are then recomputed from the perturbed distance, which moves stars
/// between radial bins and biases their tangential velocities as in the real data.
/// </summary>
public static class AppendixMock
{
    static readonly HaloVelocityField Field = new(MockInputTables.Table2, MockInputTables.Table3);

    /// <summary>
    /// The stars whose (perturbed) r_GC lies in [RMin, RMax), as a table with the columns the selection produces:
    /// targetid, population ("halo_mr"/"halo_mp"), ra, dec, l, b, distance, true_distance, x, y, z, r_gc, true_r_gc,
    /// v_r, v_phi, v_theta, err_v_r, err_v_phi, err_v_theta, feh, feh_err.
    /// </summary>
    /// <param name="fractionalDistanceError">f ≥ 0: 0 for perfect distances, 0.18 or 0.30 as in Appendix A.</param>
    public static StarTable Generate(AppendixMockSettings settings, double fractionalDistanceError, int? maxDegreeOfParallelism = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        settings.Validate();
        if (!(fractionalDistanceError >= 0 && fractionalDistanceError < 1))
            throw new ArgumentOutOfRangeException(nameof(fractionalDistanceError), fractionalDistanceError, "fractional distance error must be in [0, 1)");
        var radii = new RadiusSampler(settings);
        var rows = new Row?[settings.Stars];
        Parallel.For(0, settings.Stars, new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism ?? -1 },
                     i => rows[i] = Draw(settings, radii, i, fractionalDistanceError));
        var kept = rows.Where(r => r is not null).Select(r => r!.Value).ToArray();
        double[] Col(Func<Row, double> f) => kept.Select(f).ToArray();
        var (errVr, errVphi, errVtheta) = VelocityErrors(settings, kept, fractionalDistanceError, maxDegreeOfParallelism);
        return StarTable.FromColumns(
        [
            (C.TargetId, kept.Select(r => r.Id).ToArray()),
            ("population", kept.Select(r => r.MetalRich ? MockPopulation.HaloMetalRich.Name() : MockPopulation.HaloMetalPoor.Name()).ToArray()),
            (C.Ra, Col(r => r.Ra)), (C.Dec, Col(r => r.Dec)), (C.L, Col(r => r.L)), (C.B, Col(r => r.B)),
            (C.Distance, Col(r => r.Distance)), ("true_distance", Col(r => r.TrueDistance)),
            (C.X, Col(r => r.X)), (C.Y, Col(r => r.Y)), (C.Z, Col(r => r.Z)),
            (C.RGc, Col(r => r.RGc)), ("true_r_gc", Col(r => r.TrueRGc)),
            (C.VR, Col(r => r.Vr)), (C.VPhi, Col(r => r.VPhi)), (C.VTheta, Col(r => r.VTheta)),
            (C.ErrVR, errVr), (C.ErrVPhi, errVphi), (C.ErrVTheta, errVtheta),
            (C.Feh, Col(r => r.Feh)), (C.FehErr, Col(_ => settings.FehError)),
        ]);
    }

    /// <summary>
    /// err_v_* of the kept stars: the Monte-Carlo spread of (V_r, V_φ, V_θ) under a Gaussian distance error f × d about the
    /// measured distance (as SpecDis2 quotes it; proper motions and line-of-sight velocities exact), with the velocity error
    /// added in quadrature; the velocity error alone when f = 0 or propagation is off.
    /// </summary>
    static (double[] Vr, double[] VPhi, double[] VTheta) VelocityErrors(AppendixMockSettings s, Row[] kept, double f, int? threads)
    {
        int n = kept.Length;
        double e2 = s.VelocityError * s.VelocityError;
        if (!(s.PropagateDistanceErrors && f > 0))
            return (Enumerable.Repeat(s.VelocityError, n).ToArray(), Enumerable.Repeat(s.VelocityError, n).ToArray(),
                Enumerable.Repeat(s.VelocityError, n).ToArray());
        double[] Col(Func<Row, double> g) => kept.Select(g).ToArray();
        var zero = new double[n];
        var obs = new ObservableColumns(Col(r => r.Ra), Col(r => r.Dec), Col(r => r.Distance), Col(r => r.Pmra), Col(r => r.Pmdec), Col(r => r.Rv));
        var err = new ObservableErrors(Col(r => f * r.Distance), zero, zero, zero, zero);
        var mc = MonteCarloErrors.Propagate(Astrometry.GalactocentricFrame.Paper, obs, err,
            new MonteCarloSettings(s.McSamples, SeededRandom.DeriveSeed(s.Seed, SeedStream.AppendixMockErrors), MaxDegreeOfParallelism: threads,
                StreamIds: kept.Select(r => r.Id).ToArray()));
        double[] Add(double[] a) => a.Select(x => Math.Sqrt(x * x + e2)).ToArray();
        return (Add(mc.Vr), Add(mc.VPhi), Add(mc.VTheta));
    }

    /// <summary>The three samples of Fig. 10: perfect distances and 18% and 30% errors, keyed by the fractional error.</summary>
    internal static IReadOnlyDictionary<double, StarTable> GeneratePaperSet(AppendixMockSettings settings) =>
        new[] { 0.0, 0.18, 0.30 }.ToDictionary(f => f, f => Generate(settings, f));

    readonly record struct Row(long Id, bool MetalRich, double Ra, double Dec, double L, double B, double Distance, double TrueDistance,
        double X, double Y, double Z, double RGc, double TrueRGc, double Vr, double VPhi, double VTheta, double Feh,
        double Pmra, double Pmdec, double Rv);

    static Row? Draw(AppendixMockSettings s, RadiusSampler radii, long i, double f)
    {
        var rng = new SeededRandom(SeededRandom.DeriveSeed(s.Seed, SeedStream.AppendixMock), i);
        double r = radii.Sample(rng.NextDouble());
        var (x, y, z) = HaloPopulation.IsotropicPoint(rng, r);
        bool mr = rng.NextDouble() < s.MetalRichFraction(r);
        double sigmaR = s.SigmaR(mr, r), beta = mr ? s.BetaMetalRich(r) : s.BetaMetalPoor(r);
        double sigmaT = sigmaR * Math.Sqrt(1.0 - beta);   // σ_φ = σ_θ, so β = 1 − σ_t²/σ_r²
        var m = Field.Table2Moments(mr, r);
        double vr = sigmaR * rng.NextGaussian(), vphi = sigmaT * rng.NextGaussian(), vtheta = sigmaT * rng.NextGaussian();
        double feh = rng.NextGaussian(m.FehMean, m.FehSigma);
        double zDistance = rng.NextGaussian();
        double zVr = rng.NextGaussian(), zVphi = rng.NextGaussian(), zVtheta = rng.NextGaussian(), zFeh = rng.NextGaussian();
        var (vx, vy, vz) = ObservingGeometry.CartesianVelocity(x, y, z, vr, vphi, vtheta);
        var o = ObservingGeometry.ToObservables(x, y, z, vx, vy, vz);
        double d = o.Distance * (1.0 + f * zDistance);
        if (!(d > 0)) return null;
        var p = ObservingGeometry.ToGalactocentric(o.Ra, o.Dec, d, o.Pmra, o.Pmdec, o.Rv);
        if (!(p.RGc >= s.RMin && p.RGc < s.RMax)) return null;
        var (l, b) = ObservingGeometry.GalacticFromIcrs(o.Ra, o.Dec);
        return new Row(i, mr, o.Ra, o.Dec, l, b, d, o.Distance, p.X, p.Y, p.Z, p.RGc, r,
                       p.Vr + s.VelocityError * zVr, p.VPhi + s.VelocityError * zVphi, p.VTheta + s.VelocityError * zVtheta,
                       feh + s.FehError * zFeh, o.Pmra, o.Pmdec, o.Rv);
    }

    /// <summary>Inverse-CDF sampling of ρ(r) r² on a fine log grid.</summary>
    sealed class RadiusSampler
    {
        readonly double[] lnR, cdf;

        internal RadiusSampler(AppendixMockSettings s)
        {
            const int n = 8192;
            lnR = new double[n + 1];
            cdf = new double[n + 1];
            double a = Math.Log(s.DrawMin), b = Math.Log(s.DrawMax), h = (b - a) / n;
            double F(double ln) { double r = Math.Exp(ln); return s.Density.Density(r) * r * r * r; } // dN/dln r = ρ r³
            lnR[0] = a;
            for (int j = 1; j <= n; j++)
            {
                lnR[j] = a + j * h;
                cdf[j] = cdf[j - 1] + 0.5 * (F(lnR[j - 1]) + F(lnR[j])) * h;
            }
            for (int j = 1; j <= n; j++) cdf[j] /= cdf[n];
        }

        public double Sample(double u)
        {
            int j = Array.BinarySearch(cdf, u);
            if (j < 0) j = ~j;
            j = Math.Clamp(j, 1, cdf.Length - 1);
            double w = (u - cdf[j - 1]) / (cdf[j] - cdf[j - 1]);
            return Math.Exp(lnR[j - 1] + w * (lnR[j] - lnR[j - 1]));
        }
    }
}
