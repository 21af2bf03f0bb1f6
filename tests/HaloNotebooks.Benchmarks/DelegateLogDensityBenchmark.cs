using System.Diagnostics;
using HaloNotebooks.Inference;
using HaloNotebooks.Numerics;

namespace HaloNotebooks.Benchmarks;

/// <summary>
/// <see cref="DelegateLogDensity"/> on spans against the copy it made before (theta.ToArray() on every call, reproduced
/// here as <see cref="CopyingLogDensity"/>): the stretch-move sampler, 100 walkers × 2000 steps, on the same cheap
/// 17-parameter Gaussian written as a delegate, one thread, so that the wrapper's cost shows. The two are run
/// alternately, 4 rounds (the first warms up the JIT); CPU time and bytes allocated per step, medians of 3. Both give
/// the same chain (Σ log_prob printed).
/// </summary>
public sealed class DelegateLogDensityBenchmark : IBenchmark
{
    public string Name => "inference-delegate";

    const int Walkers = 100, Steps = 2000, Ndim = 17;

    static double Gaussian(ReadOnlySpan<double> x)
    {
        double s = 0;
        for (int d = 0; d < x.Length; d++) s += x[d] * x[d] / (d + 1);
        return -0.5 * s;
    }

    /// <summary>The wrapper as it was: the sampler's span copied into a new array for the delegate on every call.</summary>
    sealed class CopyingLogDensity(int dimension, Func<double[], double> logDensity) : ILogDensity
    {
        public int Dimension { get; } = dimension;
        public double LogDensity(ReadOnlySpan<double> theta) => logDensity(theta.ToArray());
    }

    public void Run(TextWriter o)
    {
        var rng = new SeededRandom(3, 0);
        var start = Enumerable.Range(0, Walkers).Select(_ => Enumerable.Range(0, Ndim).Select(_ => 0.1 * rng.NextGaussian()).ToArray()).ToArray();
        var cases = new (string Name, ILogDensity Target)[]
        {
            ("copy per call (before)", new CopyingLogDensity(Ndim, x => Gaussian(x))),
            ("span (now)", new DelegateLogDensity(Ndim, x => Gaussian(x))),
        };
        var runs = cases.ToDictionary(c => c.Name, _ => new List<(double Cpu, double Wall, double Bytes, double Sum)>());
        for (int round = 0; round < 4; round++)
            foreach (var (name, target) in cases)
            {
                long before = GC.GetTotalAllocatedBytes(precise: true);
                var clock = Stopwatch.StartNew();
                var (sampler, cpu) = CpuTimed.Run(() =>
                {
                    var s = new EnsembleSampler(Walkers, target, seed: 1, maxDegreeOfParallelism: 1);
                    s.Run(start, Steps);
                    return s;
                });
                double wall = clock.Elapsed.TotalSeconds;
                long allocated = GC.GetTotalAllocatedBytes(precise: true) - before;
                if (round > 0) runs[name].Add((cpu, wall, (double)allocated / Steps, sampler.GetFlatLogProb().Sum()));
            }
        o.WriteLine("| log-density | walkers × steps | CPU time (s), median of 3 | wall (s) | allocated per step (bytes) | Σ log_prob |");
        o.WriteLine("|---|---|---|---|---|---|");
        var medians = cases.Select(c => (c.Name, M: runs[c.Name].OrderBy(r => r.Cpu).ElementAt(1))).ToList();
        foreach (var (name, m) in medians)
            o.WriteLine(FormattableString.Invariant($"| {name} | {Walkers} × {Steps} | {m.Cpu:F3} | {m.Wall:F3} | {m.Bytes:F0} | {m.Sum:R} |"));
        o.WriteLine(FormattableString.Invariant($"ratio now / before (CPU): {medians[1].M.Cpu / medians[0].M.Cpu:F2}"));
    }
}
