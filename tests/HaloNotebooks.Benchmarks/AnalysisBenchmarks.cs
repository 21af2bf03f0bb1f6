using System.Diagnostics;
using System.Globalization;
using HaloNotebooks.Analysis;
using HaloNotebooks.Catalogs;
using HaloNotebooks.Mocks;
using HaloNotebooks.Selection;
using HaloNotebooks.Pipeline;
using HaloNotebooks.Truth;

namespace HaloNotebooks.Benchmarks;

/// <summary>
/// Every fit at the paper's settings (100 walkers × 1000 steps, 400 burn-in) on the full default mock, target
/// under 3 minutes, with the breakdown per table; the recovered tables against the mock's truth and the paper; then the
/// wall time of the whole `halo reproduce` (target: under 5 minutes, ideally 3). The mock is data/mock (generated when
/// absent). HALO_MOCK_SCALE runs a smaller mock in a temporary folder; HALO_SKIP_REPRODUCE=1 skips the last part.
/// </summary>
public sealed class AnalysisBenchmarks : IBenchmark
{
    public string Name => "analysis";

    public void Run(TextWriter output)
    {
        double scale = double.TryParse(Environment.GetEnvironmentVariable("HALO_MOCK_SCALE"), CultureInfo.InvariantCulture, out var s) ? s : 1.0;
        string dir = scale == 1.0 ? Path.Combine(RepoRoot(), MockCatalog.DefaultDirectory) : Path.Combine(Path.GetTempPath(), $"halo-analysis-bench-{scale}");
        var watch = Stopwatch.StartNew();
        if (scale == 1.0) MockCatalog.EnsureDefault(dir);
        else if (!File.Exists(Path.Combine(dir, MockCatalog.TruthFile))) MockCatalog.Generate(new MockSettings(42, scale)).Write(dir);
        output.WriteLine($"mock: {dir} (scale {scale}), ready in {watch.Elapsed.TotalSeconds:F1} s");

        watch.Restart();
        var catalogue = DesiMwsCatalog.Read(Path.Combine(dir, MockCatalog.CatalogueFile), Path.Combine(dir, MockCatalog.DistancesFile));
        var subs = SubstructureCatalog.Read(Path.Combine(dir, MockCatalog.SubstructuresFile));
        double read = watch.Elapsed.TotalSeconds;
        watch.Restart();
        var sample = PaperSelection.Run(catalogue, SelectionSettings.Paper, subs);
        var dipoleSample = PaperSelection.Run(catalogue, SelectionSettings.PaperDipole, subs);
        double select = watch.Elapsed.TotalSeconds;
        output.WriteLine($"read {read:F1} s; both selections {select:F1} s; {sample.Count:N0} stars (§2.3), {dipoleSample.Count:N0} (§4.4)");

        using var process = Process.GetCurrentProcess();
        var cpu0 = process.TotalProcessorTime;
        watch.Restart();
        var results = PaperAnalysis.Run(sample, dipoleSample, AnalysisSettings.Paper);
        double wall = watch.Elapsed.TotalSeconds;
        process.Refresh();
        double cpu = (process.TotalProcessorTime - cpu0).TotalSeconds;
        output.WriteLine();
        output.WriteLine($"**PaperAnalysis.Run at the paper's settings: {wall:F1} s wall, {cpu:F1} s CPU on " +
            $"{Environment.ProcessorCount} cores** (target < 180 s)");
        output.WriteLine();
        output.WriteLine("| stage | fits | stars fitted | summed fit time (one thread each) |");
        output.WriteLine("| --- | ---: | ---: | ---: |");
        void Row(string stage, IEnumerable<BinFit> fits)
        {
            var list = fits.ToList();
            output.WriteLine($"| {stage} | {list.Count} | {list.Sum(f => f.Bin.Count):N0} | {list.Sum(f => f.WallTimeSeconds):F1} s |");
        }
        Row("Table 1 (single, 3–160 kpc + bins)", results.Single.Bins.Prepend(results.Single.AllStars));
        Row("Table 2 (double, 3–160 kpc + bins)", results.Double.Bins.Prepend(results.Double.AllStars));
        Row("Table 3 (dipole, 50–120 kpc + sub-bins)", results.Dipole.Bins.Prepend(results.Dipole.AllStars));
        foreach (var key in new[] { "eq7", "hemispheres", "sky_map" })
            if (results.Timings.TryGetValue(key, out var t)) output.WriteLine($"| {key} | | | {t:F1} s |");
        output.WriteLine();
        output.WriteLine("Largest single fits: " + string.Join("; ", results.Single.Bins.Concat(results.Double.Bins)
            .Append(results.Single.AllStars).Append(results.Double.AllStars)
            .OrderByDescending(f => f.WallTimeSeconds).Take(3).Select(f => $"{f.Model} {f.Bin.Label} N={f.Bin.Count:N0} {f.WallTimeSeconds:F1} s")));

        try
        {
            var truth = ParquetTable.Read(Path.Combine(dir, MockCatalog.TruthFile));
            watch.Restart();
            var replicas = MockTruthTables.Replicas(catalogue, truth, subs, SelectionSettings.Paper);
            var t = MockTruthTables.Build(sample, dipoleSample, replicas, truth, AnalysisSettings.Paper, MockTruthTables.DefaultMockField());
            output.WriteLine();
            output.WriteLine($"mock truth ({replicas.Count} re-observed, re-selected replicas + box-constrained extreme deconvolution): " +
                $"{watch.Elapsed.TotalSeconds:F1} s");
            foreach (var (ours, reference) in results.Tables.Zip([t.Table1, t.Table2, t.Table3]))
            {
                var c = TableComparison.Compare(ours, reference, "mock truth");
                output.WriteLine($"- {c.Summary}; worst: " +
                    $"{string.Join("; ", c.Worst(3).Select(e => $"{e.Row} {e.Parameter} {e.DifferenceInSigma:+0.0;-0.0}σ"))}");
            }
        }
        catch (CatalogException e) { output.WriteLine($"(mock truth not readable: {e.Message})"); }
        foreach (var c in results.CompareWithPaper()) output.WriteLine($"- {c.Summary}");

        if (Environment.GetEnvironmentVariable("HALO_SKIP_REPRODUCE") == "1") return;
        string results1 = Path.Combine(Path.GetTempPath(), "halo-reproduce-bench");
        watch.Restart();
        var previous = Console.Out;
        int code;
        Console.SetOut(TextWriter.Null);
        try { code = HaloNotebooks.Cli.Program.Run(["reproduce", "--mock", dir, "--output", results1]); }
        finally { Console.SetOut(previous); }
        output.WriteLine();
        output.WriteLine($"**`halo reproduce --mock {dir}` (paper settings, figures HTML{(Figures.FigureExport.ChromiumAvailable ? " + PNG" : "")}): " +
            $"{watch.Elapsed.TotalSeconds:F1} s wall** (exit code {code}; target < 300 s, ideally 180 s)");
        var summary = Path.Combine(results1, "summary.json");
        if (File.Exists(summary))
        {
            using var doc = System.Text.Json.JsonDocument.Parse(File.ReadAllText(summary));
            output.WriteLine("stages: " +
                string.Join(", ", doc.RootElement.GetProperty("timings_s").EnumerateObject().Select(p => $"{p.Name} {p.Value.GetDouble():F1} s")));
        }
    }

    static string RepoRoot()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
            if (File.Exists(Path.Combine(d.FullName, "HaloNotebooks.sln"))) return d.FullName;
        throw new InvalidOperationException("HaloNotebooks.sln not found");
    }
}
