using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace HaloNotebooks.Models;

/// <summary>
/// The two vector primitives the likelihood kernels need, written out because they are several times
/// faster than the general-purpose Vector512.Exp / Vector512.Log on this hardware (measured, see
/// benchmarks/inference.md):
/// <list type="bullet">
/// <item>exp(x) for x ≤ 0: Cody–Waite reduction x = k ln 2 + r, |r| ≤ ½ ln 2, Taylor series to r¹³
/// (relative error ≤ 2.3e-16, checked in the tests); x below −700 returns e^−700 ≈ 1e−304 instead of
/// underflowing, which is invisible next to the 1 it is added to.</item>
/// <item>Σ ln y over many y: the running product per lane, with its binary exponent moved into an integer
/// counter after every multiplication so that it can neither overflow nor underflow; one scalar
/// logarithm per lane at the end. This replaces one logarithm per star.</item>
/// </list>
/// </summary>
internal static class FastMath
{
    const double Ln2Hi = 6.93147180369123816490e-01, Ln2Lo = 1.90821492927058770002e-10, Log2E = 1.4426950408889634;
    const long MantissaMask = 0x000FFFFFFFFFFFFFL, ExponentOne = 0x3FF0000000000000L;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static Vector512<double> ExpNonPositive(Vector512<double> x)
    {
        x = Vector512.Max(x, Vector512.Create(-700.0));
        var k = Vector512.Round(x * Vector512.Create(Log2E));
        var r = Vector512.FusedMultiplyAdd(k, Vector512.Create(-Ln2Hi), x);
        r = Vector512.FusedMultiplyAdd(k, Vector512.Create(-Ln2Lo), r);
        var p = Vector512.Create(1.0 / 6227020800);
        p = Vector512.FusedMultiplyAdd(p, r, Vector512.Create(1.0 / 479001600));
        p = Vector512.FusedMultiplyAdd(p, r, Vector512.Create(1.0 / 39916800));
        p = Vector512.FusedMultiplyAdd(p, r, Vector512.Create(1.0 / 3628800));
        p = Vector512.FusedMultiplyAdd(p, r, Vector512.Create(1.0 / 362880));
        p = Vector512.FusedMultiplyAdd(p, r, Vector512.Create(1.0 / 40320));
        p = Vector512.FusedMultiplyAdd(p, r, Vector512.Create(1.0 / 5040));
        p = Vector512.FusedMultiplyAdd(p, r, Vector512.Create(1.0 / 720));
        p = Vector512.FusedMultiplyAdd(p, r, Vector512.Create(1.0 / 120));
        p = Vector512.FusedMultiplyAdd(p, r, Vector512.Create(1.0 / 24));
        p = Vector512.FusedMultiplyAdd(p, r, Vector512.Create(1.0 / 6));
        p = Vector512.FusedMultiplyAdd(p, r, Vector512.Create(0.5));
        p = Vector512.FusedMultiplyAdd(p, r, Vector512.Create(1.0));
        p = Vector512.FusedMultiplyAdd(p, r, Vector512.Create(1.0));
        var scale = (Vector512.ConvertToInt64(k) + Vector512.Create(1023L)) << 52;
        return p * scale.AsDouble();
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static Vector256<double> ExpNonPositive(Vector256<double> x)
    {
        x = Vector256.Max(x, Vector256.Create(-700.0));
        var k = Vector256.Round(x * Vector256.Create(Log2E));
        var r = Vector256.FusedMultiplyAdd(k, Vector256.Create(-Ln2Hi), x);
        r = Vector256.FusedMultiplyAdd(k, Vector256.Create(-Ln2Lo), r);
        var p = Vector256.Create(1.0 / 6227020800);
        p = Vector256.FusedMultiplyAdd(p, r, Vector256.Create(1.0 / 479001600));
        p = Vector256.FusedMultiplyAdd(p, r, Vector256.Create(1.0 / 39916800));
        p = Vector256.FusedMultiplyAdd(p, r, Vector256.Create(1.0 / 3628800));
        p = Vector256.FusedMultiplyAdd(p, r, Vector256.Create(1.0 / 362880));
        p = Vector256.FusedMultiplyAdd(p, r, Vector256.Create(1.0 / 40320));
        p = Vector256.FusedMultiplyAdd(p, r, Vector256.Create(1.0 / 5040));
        p = Vector256.FusedMultiplyAdd(p, r, Vector256.Create(1.0 / 720));
        p = Vector256.FusedMultiplyAdd(p, r, Vector256.Create(1.0 / 120));
        p = Vector256.FusedMultiplyAdd(p, r, Vector256.Create(1.0 / 24));
        p = Vector256.FusedMultiplyAdd(p, r, Vector256.Create(1.0 / 6));
        p = Vector256.FusedMultiplyAdd(p, r, Vector256.Create(0.5));
        p = Vector256.FusedMultiplyAdd(p, r, Vector256.Create(1.0));
        p = Vector256.FusedMultiplyAdd(p, r, Vector256.Create(1.0));
        var scale = (Vector256.ConvertToInt64(k) + Vector256.Create(1023L)) << 52;
        return p * scale.AsDouble();
    }

    /// <summary>product ← product × y, keeping the product's mantissa in [1, 2) and its exponent in <paramref name="exponent"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static void MultiplyInto(ref Vector512<double> product, ref Vector512<long> exponent, Vector512<double> y)
    {
        var bits = (product * y).AsInt64();
        exponent += Vector512.ShiftRightLogical(bits, 52) - Vector512.Create(1023L);
        product = ((bits & Vector512.Create(MantissaMask)) | Vector512.Create(ExponentOne)).AsDouble();
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static void MultiplyInto(ref Vector256<double> product, ref Vector256<long> exponent, Vector256<double> y)
    {
        var bits = (product * y).AsInt64();
        exponent += Vector256.ShiftRightLogical(bits, 52) - Vector256.Create(1023L);
        product = ((bits & Vector256.Create(MantissaMask)) | Vector256.Create(ExponentOne)).AsDouble();
    }

    /// <summary>ln of the accumulated product: Σ over lanes of ln(mantissa) + exponent ln 2.</summary>
    internal static double LogOfProduct(Vector512<double> product, Vector512<long> exponent)
    {
        double s = 0;
        for (int j = 0; j < Vector512<double>.Count; j++) s += Math.Log(product[j]) + exponent[j] * Math.Log(2.0);
        return s;
    }

    internal static double LogOfProduct(Vector256<double> product, Vector256<long> exponent)
    {
        double s = 0;
        for (int j = 0; j < Vector256<double>.Count; j++) s += Math.Log(product[j]) + exponent[j] * Math.Log(2.0);
        return s;
    }
}
