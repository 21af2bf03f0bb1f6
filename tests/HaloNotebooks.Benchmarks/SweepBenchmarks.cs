using System.Diagnostics;
using System.Globalization;
using HaloNotebooks.Pipeline;
using HaloNotebooks.Sweeps;

namespace HaloNotebooks.Benchmarks;

/// <summary>
/// The cost of one `halo sweep` task (to size --time and --mem): one realisation — mock, §2.3 and §4.4
/// selections, the fits of Tables 1–3 — in this process on one thread, at the reduced sampler settings of the coverage
/// sweep (40 walkers × 300 steps) and at the paper's (100 × 1000), for HALO_SWEEP_SCALE (default 0.05) of the mock.
/// Wall and CPU time and the peak working set; the first, warm-up task is not counted.
/// </summary>
public sealed class SweepBenchmarks : IBenchmark
{
    public string Name => "sweep-task";

    public void Run(TextWriter output)
    {
        double scale = double.TryParse(Environment.GetEnvironmentVariable("HALO_SWEEP_SCALE"), CultureInfo.InvariantCulture, out var s) ? s : 0.05;
        output.WriteLine("| sampler | scale | selected stars | wall time | CPU time | peak working set |");
        output.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: |");
        var reduced = new SweepPlan(3, [], false, 40, 300, 100, scale, 1, 0);
        var paper = reduced with { Walkers = 100, Steps = 1000, Burn = 400 };
        SweepTaskRun.Realisation(reduced, reduced.Variants()[0], reduced.Tasks()[2], 1);   // warm-up: JIT, embedded tables
        foreach (var (name, plan) in new[] { ("40 × 300 (reduced)", reduced), ("100 × 1000 (paper)", paper) })
        {
            using var process = Process.GetCurrentProcess();
            var cpu0 = process.TotalProcessorTime;
            var watch = Stopwatch.StartNew();
            var r = SweepTaskRun.Realisation(plan, plan.Variants()[0], plan.Tasks()[0], 1);
            double wall = watch.Elapsed.TotalSeconds;
            process.Refresh();
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {name} | {scale} | {r.Stars:N0} | {wall:F1} s | {(process.TotalProcessorTime - cpu0).TotalSeconds:F1} s | " +
                    $"{process.PeakWorkingSet64 / 1048576.0:F0} MB |"));
        }
    }
}
