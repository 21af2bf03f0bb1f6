using System.Diagnostics;
using System.Globalization;
using HaloNotebooks.Catalogs;
using HaloNotebooks.Mocks;
using HaloNotebooks.Selection;

namespace HaloNotebooks.Benchmarks;

/// <summary>
/// Full-scale mock (target: generation ≤ 30 s): generation and writing time, CPU time, peak working set; then the
/// paper's selection (Selection/PaperSelection, 1000 Monte-Carlo draws per star) on the mock, its funnel against
/// §2.3 (≈370k → ≈150k → ≈94k → ≈64k, ±20%) and its per-bin counts against Table 1's N (±15%). Set HALO_MOCK_SCALE
/// to run a smaller mock (counts are then compared with scale × the paper's).
/// </summary>
public sealed class MockBenchmarks : IBenchmark
{
    public string Name => "mocks";

    public void Run(TextWriter output)
    {
        double scale = double.TryParse(Environment.GetEnvironmentVariable("HALO_MOCK_SCALE"), CultureInfo.InvariantCulture, out var s) ? s : 1.0;
        var settings = new MockSettings(Seed: 42, Scale: scale);
        using var process = Process.GetCurrentProcess();
        var cpu0 = process.TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        var mock = MockCatalog.Generate(settings);
        double generate = watch.Elapsed.TotalSeconds;
        process.Refresh();
        double cpu = (process.TotalProcessorTime - cpu0).TotalSeconds;
        long peak = process.PeakWorkingSet64;
        string dir = Path.Combine(Path.GetTempPath(), "halo-mock-bench-" + Guid.NewGuid().ToString("N")[..8]);
        watch.Restart();
        mock.Write(dir);
        double write = watch.Elapsed.TotalSeconds;
        long bytes = Directory.GetFiles(dir).Sum(f => new FileInfo(f).Length);
        output.WriteLine("| step | stars | wall time | CPU time | peak working set |");
        output.WriteLine("| --- | ---: | ---: | ---: | ---: |");
        output.WriteLine($"| MockCatalog.Generate (seed 42, scale {scale}) | {mock.Catalogue.RowCount:N0} | {generate:F1} s | {cpu:F1} s | " +
            $"{peak / 1048576.0:F0} MB |");
        output.WriteLine($"| MockCatalog.Write (4 files, {bytes / 1048576.0:F0} MB) | | {write:F1} s | | |");

        // The forecast funnel recorded in the truth table (linear velocity errors).
        var forecast = mock.Truth.GetString("forecast_cut");
        output.WriteLine();
        output.WriteLine("Forecast (Mocks/SelectionForecast, linear velocity errors): stars removed by each cut: "
                         + string.Join(", ", forecast.GroupBy(c => c).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key} {g.Count():N0}")));

        // The real selection on the written files.
        watch.Restart();
        var catalogue = DesiMwsCatalog.Read(Path.Combine(dir, MockCatalog.CatalogueFile), Path.Combine(dir, MockCatalog.DistancesFile));
        var subs = SubstructureCatalog.ReadMockList(Path.Combine(dir, MockCatalog.SubstructuresFile));
        var sample = PaperSelection.Run(catalogue, SelectionSettings.Paper, subs);
        double select = watch.Elapsed.TotalSeconds;
        Directory.Delete(dir, true);
        output.WriteLine();
        output.WriteLine($"PaperSelection.Run on the mock (read + select, 1000 MC draws per star): {select:F1} s");
        output.WriteLine();
        output.WriteLine("| cut | in | kept |");
        output.WriteLine("| --- | ---: | ---: |");
        foreach (var step in sample.Funnel.Steps) output.WriteLine($"| {step.Cut} | {step.In:N0} | {step.Kept:N0} |");
        output.WriteLine();
        output.WriteLine("| r_GC bin (kpc) | selected | Table 1 N × scale | ratio |");
        output.WriteLine("| --- | ---: | ---: | ---: |");
        var r = sample.Stars.GetDouble(CanonicalColumns.RGc);
        var t1 = MockInputTables.Table1;
        for (int i = 0; i < t1.RowCount; i++)
        {
            double a = t1[i, "r_min_kpc"], b = t1[i, "r_max_kpc"], n = r.Count(x => x >= a && x < b), target = t1[i, "N"] * scale;
            output.WriteLine($"| [{a}, {b}) | {n:N0} | {target:F0} | {n / target:F3} |");
        }
        var err = new[] { CanonicalColumns.ErrVR, CanonicalColumns.ErrVPhi, CanonicalColumns.ErrVTheta }
            .Select(c => { var v = sample.Stars.GetDouble(c).Order().ToArray(); return v[v.Length / 2]; }).ToArray();
        output.WriteLine();
        output.WriteLine($"median MC velocity errors of the selected stars (§2.3 footnote 8: ≈7, 31, 29 km/s): {err[0]:F1}, {err[1]:F1}, {err[2]:F1} km/s");
    }
}
