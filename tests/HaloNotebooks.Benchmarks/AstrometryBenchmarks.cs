using System.Diagnostics;
using HaloNotebooks.Astrometry;
using HaloNotebooks.Numerics;
using HaloNotebooks.Uncertainties;

namespace HaloNotebooks.Benchmarks;

/// <summary>
/// The Galactocentric transform of 10^6 stars (1 thread and all threads) and the Monte-Carlo velocity
/// errors of 10^5 stars × 1000 draws (target: under 10 s on 2 cores). Best of three runs after a warm-up.
/// </summary>
public sealed class AstrometryBenchmarks : IBenchmark
{
    public string Name => "astrometry";

    public void Run(TextWriter output)
    {
        var frame = GalactocentricFrame.Paper;
        const int transformStars = 1_000_000;
        var (ra, dec, d, pmra, pmdec, rv) = Stars(transformStars, seed: 1);
        output.WriteLine($"load average at start: {LoadAverage()}");
        output.WriteLine("| case | threads | best wall time | CPU time of that run | throughput (wall) |");
        output.WriteLine("| --- | --- | --- | --- | --- |");
        foreach (int? threads in new int?[] { 1, null })
        {
            frame.Transform(ra, dec, d, pmra, pmdec, rv, threads);   // warm-up (JIT, page faults)
            var (wall, cpu) = Best(3, () => frame.Transform(ra, dec, d, pmra, pmdec, rv, threads));
            output.WriteLine($"| transform 10^6 stars | {Threads(threads)} | {wall * 1e3:F0} ms | {cpu * 1e3:F0} ms | " +
                $"{transformStars / wall / 1e6:F2} Mstars/s |");
        }

        const int mcStars = 100_000, draws = 1000;
        var (mra, mdec, md, mpmra, mpmdec, mrv) = Stars(mcStars, seed: 2);
        var obs = new ObservableColumns(mra, mdec, md, mpmra, mpmdec, mrv);
        var err = new ObservableErrors(md.Select(x => 0.12 * x).ToArray(), Enumerable.Repeat(0.1, mcStars).ToArray(),
                                       Enumerable.Repeat(0.08, mcStars).ToArray(), Enumerable.Repeat(0.2, mcStars).ToArray(),
                                       Enumerable.Repeat(5.0, mcStars).ToArray());
        MonteCarloErrors.Propagate(frame, obs with { Ra = mra[..1000], Dec = mdec[..1000], Distance = md[..1000], Pmra = mpmra[..1000],
            Pmdec = mpmdec[..1000], Rv = mrv[..1000] },
                                   new ObservableErrors(err.Distance[..1000], err.Pmra[..1000], err.Pmdec[..1000], err.PmCorr[..1000], err.Rv[..1000]),
                                   new MonteCarloSettings(Samples: 100));   // warm-up
        foreach (int? threads in new int?[] { 1, null })
        {
            var settings = new MonteCarloSettings(Samples: draws, Seed: 42, MaxDegreeOfParallelism: threads);
            var (wall, cpu) = Best(threads == 1 ? 1 : 3, () => MonteCarloErrors.Propagate(frame, obs, err, settings));
            output.WriteLine($"| MC errors 10^5 stars × 1000 draws | {Threads(threads)} | {wall:F2} s | {cpu:F2} s | " +
                $"{(double)mcStars * draws / wall / 1e6:F1} M draws/s |");
        }
        output.WriteLine($"load average at end: {LoadAverage()}");
    }

    static string Threads(int? threads) => threads?.ToString() ?? $"all ({Environment.ProcessorCount})";

    static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    /// <summary>Best wall time of <paramref name="repeats"/> runs, and the process CPU time of that run
    /// (on a machine shared with other jobs the CPU time shows what an idle machine would need).</summary>
    static (double Wall, double Cpu) Best(int repeats, Action action)
    {
        var best = (Wall: double.MaxValue, Cpu: 0.0);
        var process = Process.GetCurrentProcess();
        for (int k = 0; k < repeats; k++)
        {
            process.Refresh();
            var cpu0 = process.TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            action();
            double wall = clock.Elapsed.TotalSeconds;
            process.Refresh();
            if (wall < best.Wall) best = (wall, (process.TotalProcessorTime - cpu0).TotalSeconds);
        }
        return best;
    }

    /// <summary>Isotropic stars at 1–100 kpc with 150 km/s tangential and radial velocities.</summary>
    static (double[], double[], double[], double[], double[], double[]) Stars(int n, long seed)
    {
        var rng = new SeededRandom(seed);
        double[] ra = new double[n], dec = new double[n], d = new double[n], pmra = new double[n], pmdec = new double[n], rv = new double[n];
        for (int i = 0; i < n; i++)
        {
            ra[i] = 360 * rng.NextDouble();
            dec[i] = Math.Asin(2 * rng.NextDouble() - 1) * Angles.RadToDeg;
            d[i] = Math.Pow(100, rng.NextDouble());
            pmra[i] = rng.NextGaussian(0, 150) / (4.74 * d[i]);
            pmdec[i] = rng.NextGaussian(0, 150) / (4.74 * d[i]);
            rv[i] = rng.NextGaussian(0, 150);
        }
        return (ra, dec, d, pmra, pmdec, rv);
    }
}
