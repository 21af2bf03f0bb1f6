using System.Diagnostics;
using HaloNotebooks.Figures;

namespace HaloNotebooks.Benchmarks;

/// <summary>
/// PNG export of a set of ten figures shaped like `halo reproduce`'s Figs. 1–10 (corner plots of 5, 5 and 17 parameters,
/// six profile grids, one N_side 4 sky map): one Chromium process per figure (the baseline, FigureExport.WritePng)
/// against all figures in one Chromium session and in two sessions at once (FigureExport.WritePngs), in the same run,
/// alternating, twice each. Needs Chromium.
/// </summary>
public sealed class PngExportBenchmarks : IBenchmark
{
    public string Name => "png-export";

    public void Run(TextWriter output)
    {
        if (!FigureExport.ChromiumAvailable) { output.WriteLine("Chromium absent: apt-get install chromium"); return; }
        var figures = FiguresBenchmarksShapes.ReproduceLike();
        var dir = Directory.CreateTempSubdirectory("halo-png-bench-").FullName;
        var targets = figures.Select((f, i) => (f, Path.Combine(dir, $"f{i}.png"))).ToList();
        output.WriteLine("| export of 10 figures | run 1 | run 2 | ratio to the baseline (mean) |");
        output.WriteLine("| --- | --- | --- | --- |");
        var cases = new (string Name, Action Export)[]
        {
            ("one Chromium per figure (baseline, WritePng)", () => { foreach (var (f, p) in targets) FigureExport.WritePng(f, p); }),
            ("one session (WritePngs, sessions 1)", () => Check(FigureExport.WritePngs(targets, sessions: 1))),
            ("two sessions at once (WritePngs, sessions 2)", () => Check(FigureExport.WritePngs(targets, sessions: 2))),
        };
        var times = cases.Select(_ => new List<double>()).ToArray();
        for (int run = 0; run < 2; run++)
            for (int c = 0; c < cases.Length; c++)
            {
                var clock = Stopwatch.StartNew();
                cases[c].Export();
                times[c].Add(clock.Elapsed.TotalSeconds);
            }
        for (int c = 0; c < cases.Length; c++)
            output.WriteLine($"| {cases[c].Name} | {times[c][0]:F1} s | {times[c][1]:F1} s | {times[c].Average() / times[0].Average():F2}× |");
        output.WriteLine($"load average at end: {File.ReadAllText("/proc/loadavg").Trim()}");
        Directory.Delete(dir, recursive: true);
    }

    static void Check(IReadOnlyList<string?> outcome)
    {
        if (outcome.FirstOrDefault(m => m is not null) is { } message) throw new InvalidOperationException(message);
    }
}
