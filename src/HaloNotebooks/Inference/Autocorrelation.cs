using System.Globalization;
using System.Numerics;

namespace HaloNotebooks.Inference;

/// <summary>The chain is too short for a reliable τ (emcee's AutocorrError); carries the estimate.</summary>
internal sealed class AutocorrelationException(double[] tau, string message) : Exception(message)
{
    internal double[] Tau { get; } = tau;
}

/// <summary>
/// Integrated autocorrelation time exactly as emcee's <c>autocorr.integrated_time</c>: the normalised
/// autocorrelation of each walker by FFT (zero-padded to twice the next power of two), averaged over
/// walkers, τ(M) = 2 Σ_{t≤M} ρ(t) − 1 with Sokal's automatic window (smallest M with M ≥ c τ(M), c = 5),
/// and the warning when the chain is shorter than tol·τ (tol = 50).
/// </summary>
internal static class Autocorrelation
{
    /// <summary>emcee <c>function_1d</c>: normalised autocorrelation function of a series.</summary>
    internal static double[] Function1D(ReadOnlySpan<double> x)
    {
        var acf = new double[x.Length];
        Function1D(x, new Complex[2 * NextPowerOfTwo(x.Length)], acf);
        return acf;
    }

    /// <summary>As above into <paramref name="acf"/>, with <paramref name="f"/> (twice the next power of two) as scratch.</summary>
    static void Function1D(ReadOnlySpan<double> x, Complex[] f, Span<double> acf)
    {
        double mean = 0;
        foreach (var v in x) mean += v;
        mean /= x.Length;
        for (int i = 0; i < x.Length; i++) f[i] = new Complex(x[i] - mean, 0);
        Array.Clear(f, x.Length, f.Length - x.Length);
        // Math.NET's radix-2 FFT, bit for bit, without its thread pool (Radix2Fft.cs).
        var fft = Radix2Fft.For(f.Length);
        fft.Forward(f);
        for (int i = 0; i < f.Length; i++) f[i] = new Complex(f[i].Real * f[i].Real + f[i].Imaginary * f[i].Imaginary, 0);
        fft.Inverse(f);
        double a0 = f[0].Real;
        for (int i = 0; i < acf.Length; i++) acf[i] = f[i].Real / a0;
    }

    /// <summary>emcee <c>auto_window</c>: first index where index ≥ c·τ, else the last index.</summary>
    internal static int AutoWindow(ReadOnlySpan<double> taus, double c)
    {
        for (int m = 0; m < taus.Length; m++)
            if (!(m < c * taus[m])) return m;
        return taus.Length - 1;
    }

    /// <summary>
    /// τ per parameter of a chain laid out [step, walker, parameter] (emcee's get_chain() shape).
    /// When the chain is shorter than tol·τ for some parameter: throws <see cref="AutocorrelationException"/>
    /// unless <paramref name="quiet"/>, in which case the message is returned in <paramref name="warning"/>.
    /// </summary>
    internal static double[] IntegratedTime(double[,,] chain, out string? warning, double c = 5, double tol = 50, bool quiet = false)
    {
        int nT = chain.GetLength(0), nW = chain.GetLength(1), nD = chain.GetLength(2);
        var tau = new double[nD];
        var series = new double[nT];
        var acf = new double[nT];
        var scratch = new Complex[2 * NextPowerOfTwo(nT)];
        for (int d = 0; d < nD; d++)
        {
            var f = new double[nT];
            for (int k = 0; k < nW; k++)
            {
                for (int t = 0; t < nT; t++) series[t] = chain[t, k, d];
                Function1D(series, scratch, acf);
                for (int t = 0; t < nT; t++) f[t] += acf[t];
            }
            var taus = new double[nT];
            double cum = 0;
            for (int t = 0; t < nT; t++) { cum += f[t] / nW; taus[t] = 2.0 * cum - 1.0; }
            tau[d] = taus[AutoWindow(taus, c)];
        }
        warning = null;
        int flagged = tau.Count(t => tol * t > nT);
        if (flagged > 0)
        {
            warning = string.Create(CultureInfo.InvariantCulture,
                $"The chain is shorter than {tol} times the integrated autocorrelation time for {flagged} parameter(s). " +
                $"Use this estimate with caution and run a longer chain!\nN/{tol} = {nT / tol:F0};\ntau: " +
                    $"[{string.Join(" ", tau.Select(t => t.ToString("G9", CultureInfo.InvariantCulture)))}]");
            if (!quiet) throw new AutocorrelationException(tau, warning);
        }
        return tau;
    }

    /// <summary>τ of a single series (one walker, one parameter).</summary>
    internal static double IntegratedTime(ReadOnlySpan<double> series, out string? warning, double c = 5, double tol = 50, bool quiet = false)
    {
        var chain = new double[series.Length, 1, 1];
        for (int t = 0; t < series.Length; t++) chain[t, 0, 0] = series[t];
        return IntegratedTime(chain, out warning, c, tol, quiet)[0];
    }

    static int NextPowerOfTwo(int n)
    {
        int i = 1;
        while (i < n) i <<= 1;
        return i;
    }
}
