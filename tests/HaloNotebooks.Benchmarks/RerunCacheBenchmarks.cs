using System.Diagnostics;
using HaloNotebooks.Analysis;
using HaloNotebooks.Figures;

namespace HaloNotebooks.Benchmarks;

/// <summary>
/// What a rerun of `halo reproduce` saves on its PNGs (Figures/PngCache.cs): the ten figures shaped like Figs. 1–10 of
/// <see cref="PngExportBenchmarks"/> exported through an empty cache (Chromium renders, the PNGs are kept) and then through
/// the filled one (read back, no Chromium), wall and this process's CPU time (Chromium's own CPU is in neither: compare the
/// walls). Twice, each time with a fresh cache folder. Needs Chromium.
/// </summary>
public sealed class RerunCacheBenchmarks : IBenchmark
{
    public string Name => "rerun-cache";

    public void Run(TextWriter output)
    {
        if (!FigureExport.ChromiumAvailable) { output.WriteLine("Chromium absent: apt-get install chromium"); return; }
        var figures = FiguresBenchmarksShapes.ReproduceLike();
        var dir = Directory.CreateTempSubdirectory("halo-rerun-bench-").FullName;
        var targets = figures.Select((f, i) => (f, Path.Combine(dir, $"f{i}.png"))).ToList();
        output.WriteLine("| PNG export of 10 figures | first (empty cache): wall, CPU | rerun (cache filled): wall, CPU | rerun / first (wall) |");
        output.WriteLine("| --- | --- | --- | --- |");
        var process = Process.GetCurrentProcess();
        for (int round = 0; round < 2; round++)
        {
            var cache = new FitCache(Path.Combine(dir, "cache" + round));
            var times = new List<(double Wall, double Cpu)>();
            for (int pass = 0; pass < 2; pass++)
            {
                process.Refresh();
                var cpu = process.TotalProcessorTime;
                var clock = Stopwatch.StartNew();
                var outcome = PngCache.WritePngs(targets, 1.0, 1, cache);
                if (outcome.FirstOrDefault(m => m is not null) is { } message) throw new InvalidOperationException(message);
                process.Refresh();
                times.Add((clock.Elapsed.TotalSeconds, (process.TotalProcessorTime - cpu).TotalSeconds));
            }
            output.WriteLine($"| round {round + 1} | {times[0].Wall:F2} s, {times[0].Cpu:F2} s | {times[1].Wall:F3} s, {times[1].Cpu:F3} s | " +
                $"{times[1].Wall / times[0].Wall:P1} |");
        }
        output.WriteLine($"load average at end: {File.ReadAllText("/proc/loadavg").Trim()}");
        Directory.Delete(dir, recursive: true);
    }
}
