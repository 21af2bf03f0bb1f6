using System.Collections.Concurrent;
using System.Numerics;

namespace HaloNotebooks.Inference;

/// <summary>
/// Math.NET Numerics 5's radix-2 FFT (ManagedFourierTransformProvider.Radix2Forward / Radix2Inverse, no scaling) written out,
/// because as served it splits every transform of 1024 points or more over the thread pool and recomputes each twiddle factor's
/// cosine and sine per transform: inside fits that already keep every core busy, the autocorrelation time of one 17-parameter
/// chain (1700 transforms each way) cost more than half a second of CPU (benchmarks/README.md). Here the twiddle factors are
/// computed once per length, with Math.NET's expression, and the butterflies run on the calling thread in the same order of
/// levels with the same operands, so every output has the same bits as Fourier.Forward / Fourier.Inverse with
/// FourierOptions.NoScaling (tested).
/// </summary>
internal sealed class Radix2Fft
{
    static readonly ConcurrentDictionary<int, Radix2Fft> ByLength = new();

    readonly int length;
    // Twiddle factor k of the level of size L at [L + k] (L = 1, 2, 4, … length/2).
    readonly Complex[] forward, inverse;

    Radix2Fft(int length)
    {
        this.length = length;
        forward = Twiddles(length, -1);
        inverse = Twiddles(length, 1);
    }

    /// <summary>The transform of <paramref name="length"/> points (a power of two), built once and shared (thread-safe).</summary>
    internal static Radix2Fft For(int length)
    {
        if (length < 1 || (length & (length - 1)) != 0) throw new ArgumentOutOfRangeException(nameof(length), length, "not a power of two");
        return ByLength.GetOrAdd(length, n => new Radix2Fft(n));
    }

    /// <summary>In place: X_k = Σ_j x_j e^(−2πijk/n), unscaled.</summary>
    internal void Forward(Complex[] samples) => Transform(samples, forward);

    /// <summary>In place: x_j = Σ_k X_k e^(+2πijk/n), unscaled (n times the inverse).</summary>
    internal void Inverse(Complex[] samples) => Transform(samples, inverse);

    static Complex[] Twiddles(int length, int exponentSign)
    {
        var w = new Complex[Math.Max(1, length)];
        for (int levelSize = 1; levelSize < length; levelSize *= 2)
            for (int k = 0; k < levelSize; k++)
            {
                // Math.NET's Radix2Step: (exponentSign * k) * Constants.Pi / levelSize.
                var exponent = (exponentSign * k) * Math.PI / levelSize;
                w[levelSize + k] = new Complex(Math.Cos(exponent), Math.Sin(exponent));
            }
        return w;
    }

    void Transform(Complex[] samples, Complex[] w)
    {
        if (samples.Length != length) throw new ArgumentException($"expected {length} samples, got {samples.Length}", nameof(samples));
        Reorder(samples);
        for (int levelSize = 1; levelSize < length; levelSize *= 2)
        {
            int step = levelSize << 1;
            // Math.NET loops k outside and i inside; the butterflies of one level touch disjoint pairs, so i outside gives the
            // same values and reads memory in order.
            for (int i0 = 0; i0 < length; i0 += step)
                for (int k = 0; k < levelSize; k++)
                {
                    int i = i0 + k;
                    var ai = samples[i];
                    var t = w[levelSize + k] * samples[i + levelSize];
                    samples[i] = ai + t;
                    samples[i + levelSize] = ai - t;
                }
        }
    }

    /// <summary>Math.NET's Radix2Reorder: the bit-reversal permutation.</summary>
    static void Reorder(Complex[] samples)
    {
        int j = 0;
        for (int i = 0; i < samples.Length - 1; i++)
        {
            if (i < j) (samples[i], samples[j]) = (samples[j], samples[i]);
            int m = samples.Length;
            do
            {
                m >>= 1;
                j ^= m;
            }
            while ((j & m) == 0);
        }
    }
}
