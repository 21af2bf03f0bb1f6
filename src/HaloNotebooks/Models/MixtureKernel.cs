using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace HaloNotebooks.Models;

/// <summary>
/// The per-star sums of Eqs. 1–3, vectorised. For one component, with v_d = σ_d² + ε_d² (Eq. 2) and
/// r_d = x_d − μ_d, ln L = ln w − 2 ln 2π − ½ (Σ_d r_d² / v_d + ln Π_d v_d): one logarithm of the product
/// of the four variances per star and component, and the four quotients put over the common
/// denominator Π v_d so that one division suffices. Two components are combined with a log-sum-exp
/// (max + ln(1 + e^(−|Δ|))). Vector512 where the hardware has it, else Vector256, else scalar; no
/// allocation. Sums are accumulated lane-wise over [start, end), so the result depends only on the
/// range, not on the thread that computes it.
/// </summary>
internal static class MixtureKernel
{
    public static double OneComponent(StarKinematics s, in ComponentParameters a, int start, int end)
    {
        if (Vector512.IsHardwareAccelerated) return OneComponent512(s, a, start, end);
        if (Vector256.IsHardwareAccelerated) return OneComponent256(s, a, start, end);
        return OneComponentScalar(s, a, start, end);
    }

    public static double TwoComponents(StarKinematics s, in ComponentParameters a, in ComponentParameters b, int start, int end)
    {
        if (Vector512.IsHardwareAccelerated) return TwoComponents512(s, a, b, start, end);
        if (Vector256.IsHardwareAccelerated) return TwoComponents256(s, a, b, start, end);
        return TwoComponentsScalar(s, a, b, start, end);
    }

    // ---------------- scalar (also the tail of the vector loops) ----------------

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double StarLogL(StarKinematics s, in ComponentParameters c, int i)
    {
        double r0 = s.X[0][i] - c.M0, r1 = s.X[1][i] - c.M1, r2 = s.X[2][i] - c.M2, r3 = s.X[3][i] - c.M3;
        double v0 = s.ErrorSq[0][i] + c.S0, v1 = s.ErrorSq[1][i] + c.S1, v2 = s.ErrorSq[2][i] + c.S2, v3 = s.ErrorSq[3][i] + c.S3;
        double p01 = v0 * v1, p23 = v2 * v3, p = p01 * p23;
        double num = p23 * (r0 * r0 * v1 + r1 * r1 * v0) + p01 * (r2 * r2 * v3 + r3 * r3 * v2);
        return c.Constant - 0.5 * (num / p + Math.Log(p));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static double LogAddExp(double x, double y)
    {
        double m = Math.Max(x, y);
        return m + Math.Log(1.0 + Math.Exp(-Math.Abs(x - y)));
    }

    static double OneComponentScalar(StarKinematics s, in ComponentParameters a, int start, int end)
    {
        double sum = 0;
        for (int i = start; i < end; i++) sum += StarLogL(s, a, i);
        return sum;
    }

    static double TwoComponentsScalar(StarKinematics s, in ComponentParameters a, in ComponentParameters b, int start, int end)
    {
        double sum = 0;
        for (int i = start; i < end; i++) sum += LogAddExp(StarLogL(s, a, i), StarLogL(s, b, i));
        return sum;
    }

    // ---------------- Vector512 ----------------

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static Vector512<double> Load512(double[] a, int i) =>
        Vector512.LoadUnsafe(ref MemoryMarshal.GetArrayDataReference(a), (nuint)i);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static Vector512<double> Component512(
        Vector512<double> x0, Vector512<double> x1, Vector512<double> x2, Vector512<double> x3,
        Vector512<double> e0, Vector512<double> e1, Vector512<double> e2, Vector512<double> e3, in ComponentParameters c)
    {
        var r0 = x0 - Vector512.Create(c.M0); var r1 = x1 - Vector512.Create(c.M1);
        var r2 = x2 - Vector512.Create(c.M2); var r3 = x3 - Vector512.Create(c.M3);
        var v0 = e0 + Vector512.Create(c.S0); var v1 = e1 + Vector512.Create(c.S1);
        var v2 = e2 + Vector512.Create(c.S2); var v3 = e3 + Vector512.Create(c.S3);
        var p01 = v0 * v1; var p23 = v2 * v3; var p = p01 * p23;
        var num = p23 * (r0 * r0 * v1 + r1 * r1 * v0) + p01 * (r2 * r2 * v3 + r3 * r3 * v2);
        return Vector512.Create(c.Constant) - Vector512.Create(0.5) * (num / p + Vector512.Log(p));
    }

    static double OneComponent512(StarKinematics s, in ComponentParameters a, int start, int end)
    {
        var acc = Vector512<double>.Zero;
        int i = start;
        for (; i + 8 <= end; i += 8)
            acc += Component512(Load512(s.X[0], i), Load512(s.X[1], i), Load512(s.X[2], i), Load512(s.X[3], i),
                                Load512(s.ErrorSq[0], i), Load512(s.ErrorSq[1], i), Load512(s.ErrorSq[2], i), Load512(s.ErrorSq[3], i), a);
        return Vector512.Sum(acc) + OneComponentScalar(s, a, i, end);
    }

    static double TwoComponents512(StarKinematics s, in ComponentParameters a, in ComponentParameters b, int start, int end)
    {
        var acc = Vector512<double>.Zero;
        var one = Vector512.Create(1.0);
        int i = start;
        for (; i + 8 <= end; i += 8)
        {
            var x0 = Load512(s.X[0], i); var x1 = Load512(s.X[1], i); var x2 = Load512(s.X[2], i); var x3 = Load512(s.X[3], i);
            var e0 = Load512(s.ErrorSq[0], i); var e1 = Load512(s.ErrorSq[1], i); var e2 = Load512(s.ErrorSq[2], i); var e3 = Load512(s.ErrorSq[3], i);
            var la = Component512(x0, x1, x2, x3, e0, e1, e2, e3, a);
            var lb = Component512(x0, x1, x2, x3, e0, e1, e2, e3, b);
            var m = Vector512.Max(la, lb);
            acc += m + Vector512.Log(one + Vector512.Exp(-Vector512.Abs(la - lb)));
        }
        return Vector512.Sum(acc) + TwoComponentsScalar(s, a, b, i, end);
    }

    // ---------------- Vector256 ----------------

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static Vector256<double> Load256(double[] a, int i) =>
        Vector256.LoadUnsafe(ref MemoryMarshal.GetArrayDataReference(a), (nuint)i);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static Vector256<double> Component256(
        Vector256<double> x0, Vector256<double> x1, Vector256<double> x2, Vector256<double> x3,
        Vector256<double> e0, Vector256<double> e1, Vector256<double> e2, Vector256<double> e3, in ComponentParameters c)
    {
        var r0 = x0 - Vector256.Create(c.M0); var r1 = x1 - Vector256.Create(c.M1);
        var r2 = x2 - Vector256.Create(c.M2); var r3 = x3 - Vector256.Create(c.M3);
        var v0 = e0 + Vector256.Create(c.S0); var v1 = e1 + Vector256.Create(c.S1);
        var v2 = e2 + Vector256.Create(c.S2); var v3 = e3 + Vector256.Create(c.S3);
        var p01 = v0 * v1; var p23 = v2 * v3; var p = p01 * p23;
        var num = p23 * (r0 * r0 * v1 + r1 * r1 * v0) + p01 * (r2 * r2 * v3 + r3 * r3 * v2);
        return Vector256.Create(c.Constant) - Vector256.Create(0.5) * (num / p + Vector256.Log(p));
    }

    static double OneComponent256(StarKinematics s, in ComponentParameters a, int start, int end)
    {
        var acc = Vector256<double>.Zero;
        int i = start;
        for (; i + 4 <= end; i += 4)
            acc += Component256(Load256(s.X[0], i), Load256(s.X[1], i), Load256(s.X[2], i), Load256(s.X[3], i),
                                Load256(s.ErrorSq[0], i), Load256(s.ErrorSq[1], i), Load256(s.ErrorSq[2], i), Load256(s.ErrorSq[3], i), a);
        return Vector256.Sum(acc) + OneComponentScalar(s, a, i, end);
    }

    static double TwoComponents256(StarKinematics s, in ComponentParameters a, in ComponentParameters b, int start, int end)
    {
        var acc = Vector256<double>.Zero;
        var one = Vector256.Create(1.0);
        int i = start;
        for (; i + 4 <= end; i += 4)
        {
            var x0 = Load256(s.X[0], i); var x1 = Load256(s.X[1], i); var x2 = Load256(s.X[2], i); var x3 = Load256(s.X[3], i);
            var e0 = Load256(s.ErrorSq[0], i); var e1 = Load256(s.ErrorSq[1], i); var e2 = Load256(s.ErrorSq[2], i); var e3 = Load256(s.ErrorSq[3], i);
            var la = Component256(x0, x1, x2, x3, e0, e1, e2, e3, a);
            var lb = Component256(x0, x1, x2, x3, e0, e1, e2, e3, b);
            var m = Vector256.Max(la, lb);
            acc += m + Vector256.Log(one + Vector256.Exp(-Vector256.Abs(la - lb)));
        }
        return Vector256.Sum(acc) + TwoComponentsScalar(s, a, b, i, end);
    }

    /// <summary>Which kernel runs on this machine (benchmarks and reports).</summary>
    public static string Path => Vector512.IsHardwareAccelerated ? "Vector512" : Vector256.IsHardwareAccelerated ? "Vector256" : "scalar";
}
