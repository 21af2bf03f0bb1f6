using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace HaloNotebooks.Models;

/// <summary>
/// The per-star sums of Eqs. 1–3, vectorised. For one component, with v_d = σ_d² + ε_d² (Eq. 2) and
/// r_d = x_d − μ_d, ln L = ln w − 2 ln 2π − ½ (q + ln P), q = Σ_d r_d² / v_d, P = Π_d v_d: the four
/// quotients over the common denominator P (one division per star and component), and the logarithms
/// of P collected as one running product (<see cref="FastMath.MultiplyInto(ref Vector512{double}, ref Vector512{long}, Vector512{double})"/>)
/// instead of one log per star. Two components: ln(w_A P_A^−½ e^−q_A/2 + w_B P_B^−½ e^−q_B/2)
/// = −½ min(q_A, q_B) + ln(bracket), where the bracket needs one exp(−½|q_A − q_B|) — a log-sum-exp
/// with the larger exponent factored out — and again goes into the running product.
/// Vector512 where the hardware has it, else Vector256, else scalar; no allocation. The result depends
/// only on the star range [start, end), not on the thread that computes it.
/// </summary>
internal static class MixtureKernel
{
    const double TwoLogTwoPi = 2 * GaussianWithErrors.LogTwoPi;

    /// <summary>Which kernel runs on this machine (benchmarks and reports).</summary>
    public static string Path => Vector512.IsHardwareAccelerated ? "Vector512" : Vector256.IsHardwareAccelerated ? "Vector256" : "scalar";

    internal static double OneComponent(StarKinematics s, in ComponentParameters a, int start, int end)
    {
        if (Vector512.IsHardwareAccelerated) return OneComponent512(s, a, start, end);
        if (Vector256.IsHardwareAccelerated) return OneComponent256(s, a, start, end);
        return OneComponentScalar(s, a, start, end);
    }

    internal static double TwoComponents(StarKinematics s, in ComponentParameters a, in ComponentParameters b, int start, int end)
    {
        if (Vector512.IsHardwareAccelerated) return TwoComponents512(s, a, b, start, end);
        if (Vector256.IsHardwareAccelerated) return TwoComponents256(s, a, b, start, end);
        return TwoComponentsScalar(s, a, b, start, end);
    }

    // ---------------- scalar: the reference form, also the tail of the vector loops ----------------

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static double StarLogL(StarKinematics s, in ComponentParameters c, int i)
    {
        double r0 = s.X[0][i] - c.M0, r1 = s.X[1][i] - c.M1, r2 = s.X[2][i] - c.M2, r3 = s.X[3][i] - c.M3;
        double v0 = s.ErrorSq[0][i] + c.S0, v1 = s.ErrorSq[1][i] + c.S1, v2 = s.ErrorSq[2][i] + c.S2, v3 = s.ErrorSq[3][i] + c.S3;
        double p01 = v0 * v1, p23 = v2 * v3, p = p01 * p23;
        double num = p23 * (r0 * r0 * v1 + r1 * r1 * v0) + p01 * (r2 * r2 * v3 + r3 * r3 * v2);
        return c.Constant - 0.5 * (num / p + Math.Log(p));
    }

    internal static double OneComponentScalar(StarKinematics s, in ComponentParameters a, int start, int end)
    {
        double sum = 0;
        for (int i = start; i < end; i++) sum += StarLogL(s, a, i);
        return sum;
    }

    internal static double TwoComponentsScalar(StarKinematics s, in ComponentParameters a, in ComponentParameters b, int start, int end)
    {
        double sum = 0;
        for (int i = start; i < end; i++)
        {
            double la = StarLogL(s, a, i), lb = StarLogL(s, b, i);
            sum += Math.Max(la, lb) + Math.Log(1.0 + Math.Exp(-Math.Abs(la - lb)));
        }
        return sum;
    }

    // ---------------- Vector512 ----------------

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static Vector512<double> Load512(double[] a, int i) =>
        Vector512.LoadUnsafe(ref MemoryMarshal.GetArrayDataReference(a), (nuint)i);

    /// <summary>P = Π v and num = q P (q = Σ r²/v) of one component for 8 stars.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static void Component512(StarKinematics s, int i, in ComponentParameters c, out Vector512<double> num, out Vector512<double> p)
    {
        var r0 = Load512(s.X[0], i) - Vector512.Create(c.M0); var r1 = Load512(s.X[1], i) - Vector512.Create(c.M1);
        var r2 = Load512(s.X[2], i) - Vector512.Create(c.M2); var r3 = Load512(s.X[3], i) - Vector512.Create(c.M3);
        var v0 = Load512(s.ErrorSq[0], i) + Vector512.Create(c.S0); var v1 = Load512(s.ErrorSq[1], i) + Vector512.Create(c.S1);
        var v2 = Load512(s.ErrorSq[2], i) + Vector512.Create(c.S2); var v3 = Load512(s.ErrorSq[3], i) + Vector512.Create(c.S3);
        var p01 = v0 * v1; var p23 = v2 * v3;
        p = p01 * p23;
        num = p23 * (r0 * r0 * v1 + r1 * r1 * v0) + p01 * (r2 * r2 * v3 + r3 * r3 * v2);
    }

    internal static double OneComponent512(StarKinematics s, in ComponentParameters a, int start, int end)
    {
        var sumQ = Vector512<double>.Zero;
        var product = Vector512.Create(1.0);
        var exponent = Vector512<long>.Zero;
        int i = start;
        for (; i + 8 <= end; i += 8)
        {
            Component512(s, i, a, out var num, out var p);
            sumQ += num / p;
            FastMath.MultiplyInto(ref product, ref exponent, p);
        }
        double vectorPart = (i - start) * a.Constant - 0.5 * (Vector512.Sum(sumQ) + FastMath.LogOfProduct(product, exponent));
        return vectorPart + OneComponentScalar(s, a, i, end);
    }

    internal static double TwoComponents512(StarKinematics s, in ComponentParameters a, in ComponentParameters b, int start, int end)
    {
        var sumQ = Vector512<double>.Zero;
        var numerator = Vector512.Create(1.0); var numeratorExponent = Vector512<long>.Zero;
        var variances = Vector512.Create(1.0); var variancesExponent = Vector512<long>.Zero;
        var wa = Vector512.Create(a.Weight); var wb = Vector512.Create(b.Weight);
        int i = start;
        for (; i + 8 <= end; i += 8)
        {
            Component512(s, i, a, out var numA, out var pa);
            Component512(s, i, b, out var numB, out var pb);
            // One division for both quotients: q_A = num_A P_B / (P_A P_B), q_B = num_B P_A / (P_A P_B).
            var pab = pa * pb;
            var inv = Vector512.Create(1.0) / pab;
            var qa = numA * pb * inv; var qb = numB * pa * inv;
            // bracket × √P_A = w_A e_A + w_B √(P_A / P_B) e_B, where the winning e is 1 and the other exp(−½|Δq|);
            // P_A / P_B = P_A² / (P_A P_B) reuses the one division, leaving one square root.
            var e = FastMath.ExpNonPositive(Vector512.Create(-0.5) * Vector512.Abs(qa - qb));
            var tb = wb * Vector512.Sqrt(pa * pa * inv);
            var bracket = Vector512.ConditionalSelect(Vector512.LessThanOrEqual(qa, qb), wa + tb * e, wa * e + tb);
            sumQ += Vector512.Min(qa, qb);
            FastMath.MultiplyInto(ref numerator, ref numeratorExponent, bracket);
            FastMath.MultiplyInto(ref variances, ref variancesExponent, pa);
        }
        double vectorPart = -(i - start) * TwoLogTwoPi - 0.5 * Vector512.Sum(sumQ)
            + FastMath.LogOfProduct(numerator, numeratorExponent) - 0.5 * FastMath.LogOfProduct(variances, variancesExponent);
        return vectorPart + TwoComponentsScalar(s, a, b, i, end);
    }

    // ---------------- Vector256 ----------------

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static Vector256<double> Load256(double[] a, int i) =>
        Vector256.LoadUnsafe(ref MemoryMarshal.GetArrayDataReference(a), (nuint)i);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static void Component256(StarKinematics s, int i, in ComponentParameters c, out Vector256<double> num, out Vector256<double> p)
    {
        var r0 = Load256(s.X[0], i) - Vector256.Create(c.M0); var r1 = Load256(s.X[1], i) - Vector256.Create(c.M1);
        var r2 = Load256(s.X[2], i) - Vector256.Create(c.M2); var r3 = Load256(s.X[3], i) - Vector256.Create(c.M3);
        var v0 = Load256(s.ErrorSq[0], i) + Vector256.Create(c.S0); var v1 = Load256(s.ErrorSq[1], i) + Vector256.Create(c.S1);
        var v2 = Load256(s.ErrorSq[2], i) + Vector256.Create(c.S2); var v3 = Load256(s.ErrorSq[3], i) + Vector256.Create(c.S3);
        var p01 = v0 * v1; var p23 = v2 * v3;
        p = p01 * p23;
        num = p23 * (r0 * r0 * v1 + r1 * r1 * v0) + p01 * (r2 * r2 * v3 + r3 * r3 * v2);
    }

    internal static double OneComponent256(StarKinematics s, in ComponentParameters a, int start, int end)
    {
        var sumQ = Vector256<double>.Zero;
        var product = Vector256.Create(1.0);
        var exponent = Vector256<long>.Zero;
        int i = start;
        for (; i + 4 <= end; i += 4)
        {
            Component256(s, i, a, out var num, out var p);
            sumQ += num / p;
            FastMath.MultiplyInto(ref product, ref exponent, p);
        }
        double vectorPart = (i - start) * a.Constant - 0.5 * (Vector256.Sum(sumQ) + FastMath.LogOfProduct(product, exponent));
        return vectorPart + OneComponentScalar(s, a, i, end);
    }

    internal static double TwoComponents256(StarKinematics s, in ComponentParameters a, in ComponentParameters b, int start, int end)
    {
        var sumQ = Vector256<double>.Zero;
        var numerator = Vector256.Create(1.0); var numeratorExponent = Vector256<long>.Zero;
        var variances = Vector256.Create(1.0); var variancesExponent = Vector256<long>.Zero;
        var wa = Vector256.Create(a.Weight); var wb = Vector256.Create(b.Weight);
        int i = start;
        for (; i + 4 <= end; i += 4)
        {
            Component256(s, i, a, out var numA, out var pa);
            Component256(s, i, b, out var numB, out var pb);
            // One division for both quotients: q_A = num_A P_B / (P_A P_B), q_B = num_B P_A / (P_A P_B).
            var pab = pa * pb;
            var inv = Vector256.Create(1.0) / pab;
            var qa = numA * pb * inv; var qb = numB * pa * inv;
            // bracket × √P_A = w_A e_A + w_B √(P_A / P_B) e_B, where the winning e is 1 and the other exp(−½|Δq|);
            // P_A / P_B = P_A² / (P_A P_B) reuses the one division, leaving one square root.
            var e = FastMath.ExpNonPositive(Vector256.Create(-0.5) * Vector256.Abs(qa - qb));
            var tb = wb * Vector256.Sqrt(pa * pa * inv);
            var bracket = Vector256.ConditionalSelect(Vector256.LessThanOrEqual(qa, qb), wa + tb * e, wa * e + tb);
            sumQ += Vector256.Min(qa, qb);
            FastMath.MultiplyInto(ref numerator, ref numeratorExponent, bracket);
            FastMath.MultiplyInto(ref variances, ref variancesExponent, pa);
        }
        double vectorPart = -(i - start) * TwoLogTwoPi - 0.5 * Vector256.Sum(sumQ)
            + FastMath.LogOfProduct(numerator, numeratorExponent) - 0.5 * FastMath.LogOfProduct(variances, variancesExponent);
        return vectorPart + TwoComponentsScalar(s, a, b, i, end);
    }
}
