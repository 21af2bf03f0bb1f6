using System.Numerics;
using System.Runtime.CompilerServices;

namespace HaloNotebooks.Numerics;

/// <summary>
/// xoshiro256** (Blackman &amp; Vigna 2018) seeded through SplitMix64, with independent child streams.
/// Every random draw in the project comes from one of these, created from a caller-set seed and a
/// stream index (a star, a walker, a radial bin), so results never depend on thread scheduling:
/// the same (seed, stream) always gives the same numbers whichever thread consumes them.
/// Written here because System.Random(seed) offers no documented way to derive independent streams.
/// </summary>
internal sealed class SeededRandom : Random
{
    ulong s0, s1, s2, s3;
    double spareGaussian;
    bool hasSpare;

    /// <summary>A generator for stream <paramref name="stream"/> of master seed <paramref name="seed"/>.</summary>
    internal SeededRandom(long seed, long stream = 0) => Reset(seed, stream);

    /// <summary>Puts this generator in the state of <c>new SeededRandom(seed, stream)</c> without allocating (hot loops).</summary>
    internal void Reset(long seed, long stream)
    {
        // Mix seed and stream so that neighbouring seeds/streams give unrelated states.
        ulong x = SplitMix(unchecked((ulong)seed) ^ 0x9E3779B97F4A7C15UL) ^ SplitMix(unchecked((ulong)stream) + 0xD1B54A32D192ED03UL);
        s0 = SplitMix(ref x); s1 = SplitMix(ref x); s2 = SplitMix(ref x); s3 = SplitMix(ref x);
        hasSpare = false;
        spareGaussian = 0;
    }

    /// <summary>Numbers in <see cref="SaveState"/>'s record: the four state words, the spare Gaussian's bits, whether it is held.</summary>
    internal const int StateLength = 6;

    /// <summary>Writes the generator's whole state (a chain file keeps it, so that a continued run draws what one long run would).</summary>
    internal void SaveState(Span<ulong> state)
    {
        state[0] = s0; state[1] = s1; state[2] = s2; state[3] = s3;
        state[4] = BitConverter.DoubleToUInt64Bits(spareGaussian);
        state[5] = hasSpare ? 1UL : 0UL;
    }

    /// <summary>Puts back a state written by <see cref="SaveState"/>.</summary>
    internal void RestoreState(ReadOnlySpan<ulong> state)
    {
        if (state.Length != StateLength || (state[0] | state[1] | state[2] | state[3]) == 0 || state[5] > 1)
            throw new ArgumentException("not a xoshiro256** state (6 numbers, not all zero, the last 0 or 1)");
        s0 = state[0]; s1 = state[1]; s2 = state[2]; s3 = state[3];
        spareGaussian = BitConverter.UInt64BitsToDouble(state[4]);
        hasSpare = state[5] == 1;
    }

    /// <summary>A child seed for stream <paramref name="stream"/>: use to hand one seed to a sub-task (a bin, a fit).</summary>
    internal static long DeriveSeed(long seed, long stream) =>
        unchecked((long)(SplitMix(unchecked((ulong)seed) + 0x632BE59BD9B4E019UL) ^ SplitMix(unchecked((ulong)stream) * 0xBF58476D1CE4E5B9UL + 1)));

    /// <summary>
    /// A child seed for a named sub-task (e.g. "table2/double/bin 3"): the name's 64-bit FNV-1a hash of its UTF-8
    /// bytes as the stream, the same in every process and on every platform (string.GetHashCode is randomised per process).
    /// </summary>
    internal static long DeriveSeed(long seed, string name) => DeriveSeed(seed, StableHash(name));

    /// <summary>64-bit FNV-1a of the UTF-8 bytes of <paramref name="text"/>.</summary>
    internal static long StableHash(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        ulong h = 0xCBF29CE484222325UL;
        foreach (byte b in System.Text.Encoding.UTF8.GetBytes(text)) h = unchecked((h ^ b) * 0x100000001B3UL);
        return unchecked((long)h);
    }

    static ulong SplitMix(ulong z)
    {
        z = unchecked(z + 0x9E3779B97F4A7C15UL);
        z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
        z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
        return z ^ (z >> 31);
    }

    static ulong SplitMix(ref ulong state)
    {
        state = unchecked(state + 0x9E3779B97F4A7C15UL);
        return SplitMix(state - 0x9E3779B97F4A7C15UL);
    }

    /// <summary>The next 64 random bits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal ulong NextUInt64()
    {
        ulong result = unchecked(BitOperations.RotateLeft(s1 * 5, 7) * 9);
        ulong t = s1 << 17;
        s2 ^= s0; s3 ^= s1; s1 ^= s2; s0 ^= s3; s2 ^= t;
        s3 = BitOperations.RotateLeft(s3, 45);
        return result;
    }

    /// <summary>Uniform on [0, 1) with 53 random bits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public override double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    protected override double Sample() => NextDouble();

    public override int Next() => (int)(NextUInt64() >> 33);

    public override int Next(int maxValue) => maxValue <= 0 ? 0 : (int)((NextUInt64() >> 32) * (ulong)maxValue >> 32);

    public override int Next(int minValue, int maxValue) => minValue + Next(maxValue - minValue);

    /// <summary>Standard normal N(0, 1) by the Marsaglia polar method (pairs; the spare is kept).</summary>
    internal double NextGaussian()
    {
        if (hasSpare) { hasSpare = false; return spareGaussian; }
        double u, v, s;
        do
        {
            u = 2.0 * NextDouble() - 1.0;
            v = 2.0 * NextDouble() - 1.0;
            s = u * u + v * v;
        } while (s >= 1.0 || s == 0.0);
        double f = Math.Sqrt(-2.0 * Math.Log(s) / s);
        spareGaussian = v * f;
        hasSpare = true;
        return u * f;
    }

    /// <summary>N(mean, sigma).</summary>
    internal double NextGaussian(double mean, double sigma) => mean + sigma * NextGaussian();
}
