using System.Diagnostics;
using HaloNotebooks.Figures;
using Plotly.NET;
using Figure = HaloNotebooks.Figures.Figure;

namespace HaloNotebooks.Benchmarks;

/// <summary>
/// A figure's JSON, the first thing every HTML page, notebook cell and PNG session needs: Plotly.NET's GenericChart.toJson
/// (the baseline) against Figure.ChartJson (the same DTO and string, Newtonsoft's loop check by reference), per figure of a
/// set shaped like `halo reproduce`'s, each chart serialised once by each, alternating. Checks the strings are equal first.
/// </summary>
public sealed class FigureJsonBenchmark : IBenchmark
{
    public string Name => "figure-json";

    public void Run(TextWriter o)
    {
        var figures = FiguresBenchmarksShapes.ReproduceLike();
        // Warm-up (JIT, Newtonsoft's contract caches) on a chart of its own.
        var warm = FiguresBenchmarksShapes.ReproduceLike()[1].Chart;
        _ = GenericChart.toJson(warm);
        _ = Figure.ChartJson(warm);
        o.WriteLine("| figure | JSON | GenericChart.toJson (baseline) | Figure.ChartJson | / baseline |");
        o.WriteLine("|---|---:|---:|---:|---:|");
        double totalBase = 0, totalOurs = 0;
        foreach (var f in figures)
        {
            var clock = Stopwatch.StartNew();
            string baseline = GenericChart.toJson(f.Chart);
            double b = clock.Elapsed.TotalMilliseconds;
            clock.Restart();
            string ours = Figure.ChartJson(f.Chart);
            double n = clock.Elapsed.TotalMilliseconds;
            if (ours != baseline) throw new InvalidOperationException($"{f.FileStem}: the two strings differ");
            totalBase += b; totalOurs += n;
            o.WriteLine($"| {f.FileStem} | {baseline.Length / 1024} KiB | {b:F0} ms | {n:F0} ms | {n / b:F3} |");
        }
        o.WriteLine($"| all {figures.Count} | | {totalBase:F0} ms | {totalOurs:F0} ms | {totalOurs / totalBase:F3} |");
    }
}
