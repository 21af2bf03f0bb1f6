using System.Diagnostics;
using HaloNotebooks.Inference;
using HaloNotebooks.Models;
using HaloNotebooks.Numerics;

namespace HaloNotebooks.Benchmarks;

/// <summary>
/// A half-ensemble's evaluations (50 points near the truth) on the paper's 64 000 stars: one LogDensity call per point
/// (the baseline, each call streaming all stars) against one LogDensities call (block-major), on one thread and on two
/// threads each evaluating its own model at once (as `halo reproduce` runs two fits side by side). Checks that both give
/// the same bits before timing.
/// </summary>
public sealed class LikelihoodBatchBenchmark : IBenchmark
{
    public string Name => "likelihood-batch";

    public void Run(TextWriter o)
    {
        const int stars = 64000, points = 50, repetitions = 20;
        o.WriteLine("| model | threads | per point (ns per star) | batched (ns per star) | batched / per point |");
        o.WriteLine("|---|---:|---:|---:|---:|");
        foreach (bool two in new[] { false, true })
            foreach (int threads in new[] { 1, 2 })
            {
                var models = Enumerable.Range(0, threads).Select(t =>
                {
                    var data = InferenceData.Mixture(stars, 11 + t);
                    return two ? (IBatchLogDensity)new TwoComponent(data) : new SingleComponent(data);
                }).ToArray();
                var theta = Points(two ? InferenceData.Truth : InferenceData.Truth[1..9], points, seed: 3);
                var walkers = Enumerable.Range(0, points).ToArray();
                // Same bits first.
                var a = new double[points]; var b = new double[points];
                for (int k = 0; k < points; k++) a[k] = models[0].LogDensity(theta[k]);
                models[0].LogDensities(theta, walkers, b);
                for (int k = 0; k < points; k++)
                    if (BitConverter.DoubleToInt64Bits(a[k]) != BitConverter.DoubleToInt64Bits(b[k]))
                        throw new InvalidOperationException($"point {k}: {a[k]:R} per point, {b[k]:R} batched");
                double Time(Action<IBatchLogDensity, double[]> evaluate)
                {
                    var best = double.MaxValue;
                    for (int r = 0; r < 3; r++)
                    {
                        var clock = Stopwatch.StartNew();
                        Parallel.For(0, threads, new ParallelOptions { MaxDegreeOfParallelism = threads }, t =>
                        {
                            var into = new double[points];
                            for (int rep = 0; rep < repetitions; rep++) evaluate(models[t], into);
                        });
                        best = Math.Min(best, clock.Elapsed.TotalSeconds);
                    }
                    return best * 1e9 / ((double)repetitions * points * stars);
                }
                double perPoint = Time((m, into) => { for (int k = 0; k < points; k++) into[k] = m.LogDensity(theta[k]); });
                double batched = Time((m, into) => m.LogDensities(theta, walkers, into));
                o.WriteLine($"| {(two ? "double" : "single")} | {threads} | {perPoint:F2} | {batched:F2} | {batched / perPoint:F2} |");
            }
    }

    static double[][] Points(double[] centre, int n, long seed)
    {
        var rng = new SeededRandom(seed);
        return Enumerable.Range(0, n).Select(_ => centre.Select(c => c + 1e-3 * (Math.Abs(c) + 1) * rng.NextGaussian()).ToArray()).ToArray();
    }
}
