using System.Diagnostics;
using HaloNotebooks.Mocks;

namespace HaloNotebooks.Benchmarks;

/// <summary>
/// Full-scale mock generation (issue 5: ≤ 30 s): wall time, peak working set, and the forecast §2.3 funnel and
/// per-bin counts against Table 1 (the transparent restatement of the cuts in Mocks/SelectionForecast).
/// </summary>
public sealed class MockBenchmarks : IBenchmark
{
    public string Name => "mocks";

    public void Run(TextWriter output)
    {
        double scale = double.TryParse(Environment.GetEnvironmentVariable("HALO_MOCK_SCALE"), System.Globalization.CultureInfo.InvariantCulture, out var s) ? s : 1.0;
        var settings = new MockSettings(Seed: 42, Scale: scale);
        var watch = Stopwatch.StartNew();
        var stars = MockGenerator.Run(settings);
        double seconds = watch.Elapsed.TotalSeconds;
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        output.WriteLine($"| mock generation (seed 42, scale {scale}) | {stars.Count:N0} stars | {seconds:F1} s | peak working set {process.PeakWorkingSet64 / 1048576.0:F0} MB |");
        var summary = ForecastSummary.Of(stars, PaperTables.Table1);
        output.WriteLine();
        output.WriteLine("| after cut (forecast, linear velocity errors) | stars |");
        output.WriteLine("| --- | ---: |");
        foreach (var (cut, n) in summary.Funnel) output.WriteLine($"| {cut} | {n:N0} |");
        output.WriteLine();
        output.WriteLine("| r_GC bin (kpc) | forecast N | Table 1 N × scale | ratio |");
        output.WriteLine("| --- | ---: | ---: | ---: |");
        foreach (var (a, b, n, t) in summary.Bins) output.WriteLine($"| [{a}, {b}) | {n:N0} | {t * scale:F0} | {n / (t * scale):F3} |");
        var byPop = stars.GroupBy(x => x.True.Population).OrderBy(g => g.Key);
        output.WriteLine();
        var cuts = Enum.GetValues<ForecastCut>().Skip(1).ToArray();
        output.WriteLine("| population | in catalogue | " + string.Join(" | ", cuts.Select(c => "removed by " + c)) + " | survive (forecast) |");
        output.WriteLine("| --- | ---: |" + string.Concat(cuts.Select(_ => " ---: |")) + " ---: |");
        foreach (var g in byPop)
            output.WriteLine($"| {g.Key.Name()} | {g.Count():N0} | " + string.Join(" | ", cuts.Select(c => g.Count(x => x.Forecast == c).ToString("N0")))
                             + $" | {g.Count(x => x.Forecast == ForecastCut.None):N0} |");
        var survivors = stars.Where(x => x.Forecast == ForecastCut.None).Select(SelectionForecast.LinearVelocityErrors).ToList();
        static double Median(IEnumerable<double> v) { var a = v.Order().ToArray(); return a.Length == 0 ? double.NaN : a[a.Length / 2]; }
        output.WriteLine();
        output.WriteLine($"median linear velocity errors of the survivors (§2.3 footnote 8: ≈7, 31, 29 km/s): "
                         + $"{Median(survivors.Select(e => e.Vr)):F1}, {Median(survivors.Select(e => e.VPhi)):F1}, {Median(survivors.Select(e => e.VTheta)):F1} km/s");
    }
}
