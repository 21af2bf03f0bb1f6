using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using HaloNotebooks.Astrometry;
using HaloNotebooks.Inference;

namespace HaloNotebooks.Models;

/// <summary>
/// The dipole + contraction field of the outer halo (§3.2, Eqs. 5–6): V_r,i ~ N(μ_compr + μ_dipole cos θ_i,
/// √(σ_r² + ε_i²)), θ_i the angle between star i and the apex (l_apex, b_apex).
/// Sampled coordinates: (mu_compr, mu_dipole, sigma_r, l_apex [deg], sin b_apex) — the apex uniform on the
/// sphere (footnote 12); results report b_apex in degrees. The model is symmetric under
/// (μ_dipole, apex) → (−μ_dipole, antipode); <see cref="Fold"/> maps a sample to the paper's μ_dipole ≤ 0.
/// </summary>
public sealed class DipoleField : ILogDensity
{
    /// <summary>The reported parameters (b_apex in degrees).</summary>
    public static IReadOnlyList<string> ParameterNames { get; } = ["mu_compr", "mu_dipole", "sigma_r", "l_apex", "b_apex"];

    /// <summary>The sampled coordinates, in the order of the parameter vector.</summary>
    internal static IReadOnlyList<string> SampledCoordinates { get; } = ["mu_compr", "mu_dipole", "sigma_r", "l_apex", "sin_b_apex"];

    readonly double[] nx, ny, nz, vr, errSq;

    public DipoleField(RadialVelocitySample data) : this(data, null) { }

    /// <summary>The field with other priors than footnote 12's (the pipeline's and tests'; priors stay internal).</summary>
    internal DipoleField(RadialVelocitySample data, DipolePriors? priors)
    {
        int n = data.Count;
        if (n == 0) throw new ArgumentException("the sample has no stars");
        if (data.L.Length != n || data.B.Length != n || data.ErrVr.Length != n)
            throw new ArgumentException($"columns l, b, v_r, err_v_r differ in length ({data.L.Length}, {data.B.Length}, {n}, {data.ErrVr.Length})");
        Priors = priors ?? DipolePriors.Paper;
        nx = new double[n]; ny = new double[n]; nz = new double[n]; vr = new double[n]; errSq = new double[n];
        for (int i = 0; i < n; i++)
        {
            double l = data.L[i], b = data.B[i], v = data.Vr[i], e = data.ErrVr[i];
            if (!double.IsFinite(l) || !double.IsFinite(b) || !double.IsFinite(v) || !double.IsFinite(e) || e < 0)
                throw new ArgumentException($"star {i}: l = {l}, b = {b}, v_r = {v}, err_v_r = {e} must be finite with err_v_r ≥ 0");
            (nx[i], ny[i], nz[i]) = Vector3d.FromLonLat(l, b);
            vr[i] = v; errSq[i] = e * e;
        }
    }

    internal DipolePriors Priors { get; }
    public int Dimension => 5;
    public int StarCount => vr.Length;

    internal double LogPrior(ReadOnlySpan<double> t) =>
        Priors.MuCompr.Contains(t[0]) && Priors.MuDipole.Contains(t[1]) && Priors.SigmaR.Contains(t[2])
        && t[3] >= 0 && t[3] < 360 && t[4] >= -1 && t[4] <= 1 ? 0.0 : double.NegativeInfinity;

    /// <summary>ln L of Eq. 6 at sampled coordinates (mu_compr, mu_dipole, sigma_r, l_apex°, sin b_apex).</summary>
    internal double LogLikelihood(ReadOnlySpan<double> t)
    {
        if (t.Length != Dimension) throw new ArgumentException($"expected {Dimension} parameters, got {t.Length}");
        var (ax, ay, az) = ReflexMotion.ApexFromSinB(t[3], t[4]);
        double c = t[0], d = t[1], s2 = t[2] * t[2];
        int n = vr.Length, i = 0;
        double sum = 0;
        // Eq. 6 (ReflexMotion.MeanVr) lane-wise, cos θ = n̂·â; Σ r²/v lane-wise, Σ ln v through the running product
        // (one log per lane, not per star).
        if (Vector512.IsHardwareAccelerated)
        {
            var acc = Vector512<double>.Zero; var product = Vector512.Create(1.0); var exponent = Vector512<long>.Zero;
            var vax = Vector512.Create(ax); var vay = Vector512.Create(ay); var vaz = Vector512.Create(az);
            var vc = Vector512.Create(c); var vd = Vector512.Create(d); var vs2 = Vector512.Create(s2);
            for (; i + 8 <= n; i += 8)
            {
                var cosTheta = L512(nx, i) * vax + L512(ny, i) * vay + L512(nz, i) * vaz;
                var r = L512(vr, i) - (vc + vd * cosTheta);
                var v = vs2 + L512(errSq, i);
                acc += r * r / v;
                FastMath.MultiplyInto(ref product, ref exponent, v);
            }
            sum = Vector512.Sum(acc) + FastMath.LogOfProduct(product, exponent);
        }
        else if (Vector256.IsHardwareAccelerated)
        {
            var acc = Vector256<double>.Zero; var product = Vector256.Create(1.0); var exponent = Vector256<long>.Zero;
            var vax = Vector256.Create(ax); var vay = Vector256.Create(ay); var vaz = Vector256.Create(az);
            var vc = Vector256.Create(c); var vd = Vector256.Create(d); var vs2 = Vector256.Create(s2);
            for (; i + 4 <= n; i += 4)
            {
                var cosTheta = L(nx, i) * vax + L(ny, i) * vay + L(nz, i) * vaz;
                var r = L(vr, i) - (vc + vd * cosTheta);
                var v = vs2 + L(errSq, i);
                acc += r * r / v;
                FastMath.MultiplyInto(ref product, ref exponent, v);
            }
            sum = Vector256.Sum(acc) + FastMath.LogOfProduct(product, exponent);
        }
        for (; i < n; i++)
        {
            double r = vr[i] - ReflexMotion.MeanVr(c, d, nx[i] * ax + ny[i] * ay + nz[i] * az), v = s2 + errSq[i];
            sum += r * r / v + Math.Log(v);
        }
        return -0.5 * (sum + n * GaussianWithErrors.LogTwoPi);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static Vector512<double> L512(double[] a, int i) => Vector512.LoadUnsafe(ref MemoryMarshal.GetArrayDataReference(a), (nuint)i);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static Vector256<double> L(double[] a, int i) => Vector256.LoadUnsafe(ref MemoryMarshal.GetArrayDataReference(a), (nuint)i);

    public double LogDensity(ReadOnlySpan<double> theta)
    {
        double lp = LogPrior(theta);
        return double.IsNegativeInfinity(lp) ? lp : lp + LogLikelihood(theta);
    }

    /// <summary>
    /// The paper's canonical form μ_dipole ≤ 0: a sample with μ_dipole &gt; 0 becomes (−μ_dipole, antipode),
    /// l_apex → l_apex + 180° (mod 360), b_apex → −b_apex; the likelihood is unchanged. Returns whether it folded.
    /// </summary>
    internal static bool Fold(ref double muDipole, ref double lApexDeg, ref double bApexDeg)
    {
        if (muDipole <= 0) return false;
        muDipole = -muDipole;
        lApexDeg = Angles.Wrap360(lApexDeg + 180.0);
        bApexDeg = -bApexDeg;
        return true;
    }
}
