using System.Diagnostics;
using System.Numerics;
using HaloNotebooks.Inference;
using HaloNotebooks.Numerics;
using MathNet.Numerics.IntegralTransforms;

namespace HaloNotebooks.Benchmarks;

/// <summary>
/// The integrated autocorrelation time of one paper-sized double fit's chain (600 post-burn-in steps × 100 walkers ×
/// 17 parameters, an AR(1) series per walker; `halo reproduce` computes one per fit): Autocorrelation.IntegratedTime
/// (Radix2Fft) against the same estimate on Math.NET's Fourier.Forward / Inverse (the baseline, its earlier form), alone
/// and with two estimates at once (as two fits finish side by side). Checks the two give the same bits first.
/// </summary>
public sealed class AutocorrelationBenchmark : IBenchmark
{
    public string Name => "autocorrelation";

    public void Run(TextWriter o)
    {
        var chain = Chain(600, 100, 17, seed: 7);
        var ours = Autocorrelation.IntegratedTime(chain, out _, quiet: true);
        var baseline = MathNetTau(chain);
        for (int d = 0; d < ours.Length; d++)
            if (BitConverter.DoubleToInt64Bits(ours[d]) != BitConverter.DoubleToInt64Bits(baseline[d]))
                throw new InvalidOperationException($"parameter {d}: τ {ours[d]:R} against {baseline[d]:R} on Math.NET");
        o.WriteLine("| estimate of τ (600 × 100 × 17) | at once | wall, median of 5 | CPU of that run | CPU / baseline's |");
        o.WriteLine("|---|---:|---:|---:|---:|");
        foreach (int together in new[] { 1, 2 })
        {
            var (baseWall, baseCpu) = Median(() => Together(together, () => MathNetTau(chain)));
            var (wall, cpu) = Median(() => Together(together, () => Autocorrelation.IntegratedTime(chain, out _, quiet: true)));
            o.WriteLine($"| Math.NET Fourier (baseline) | {together} | {baseWall * 1000:F0} ms | {baseCpu * 1000:F0} ms | 1 |");
            o.WriteLine($"| Radix2Fft | {together} | {wall * 1000:F0} ms | {cpu * 1000:F0} ms | {cpu / baseCpu:F2} |");
        }
    }

    static int Together(int n, Func<double[]> f)
    {
        Parallel.For(0, n, new ParallelOptions { MaxDegreeOfParallelism = n }, _ => f());
        return n;
    }

    static (double Wall, double Cpu) Median(Func<int> f)
    {
        f();   // warm-up (JIT)
        var times = new List<(double Wall, double Cpu)>();
        for (int rep = 0; rep < 5; rep++)
        {
            var clock = Stopwatch.StartNew();
            var (_, cpu) = CpuTimed.Run(f);
            times.Add((clock.Elapsed.TotalSeconds, cpu));
        }
        return times.OrderBy(t => t.Wall).ElementAt(times.Count / 2);
    }

    /// <summary>emcee's integrated_time with function_1d on Math.NET's transform, as Autocorrelation had it.</summary>
    static double[] MathNetTau(double[,,] chain)
    {
        int nT = chain.GetLength(0), nW = chain.GetLength(1), nD = chain.GetLength(2);
        int n = 1;
        while (n < nT) n <<= 1;
        var tau = new double[nD];
        for (int d = 0; d < nD; d++)
        {
            var sum = new double[nT];
            for (int k = 0; k < nW; k++)
            {
                double mean = 0;
                for (int t = 0; t < nT; t++) mean += chain[t, k, d];
                mean /= nT;
                var f = new Complex[2 * n];
                for (int t = 0; t < nT; t++) f[t] = new Complex(chain[t, k, d] - mean, 0);
                Fourier.Forward(f, FourierOptions.NoScaling);
                for (int i = 0; i < f.Length; i++) f[i] = new Complex(f[i].Real * f[i].Real + f[i].Imaginary * f[i].Imaginary, 0);
                Fourier.Inverse(f, FourierOptions.NoScaling);
                for (int t = 0; t < nT; t++) sum[t] += f[t].Real / f[0].Real;
            }
            var taus = new double[nT];
            double cum = 0;
            for (int t = 0; t < nT; t++) { cum += sum[t] / nW; taus[t] = 2.0 * cum - 1.0; }
            tau[d] = taus[Autocorrelation.AutoWindow(taus, 5)];
        }
        return tau;
    }

    internal static double[,,] Chain(int steps, int walkers, int parameters, long seed)
    {
        var rng = new SeededRandom(seed);
        var chain = new double[steps, walkers, parameters];
        for (int k = 0; k < walkers; k++)
            for (int d = 0; d < parameters; d++)
            {
                double x = 0;
                for (int t = 0; t < steps; t++) { x = 0.9 * x + rng.NextGaussian(); chain[t, k, d] = x; }
            }
        return chain;
    }
}
