using System.Diagnostics;
using HaloNotebooks.Analysis;
using HaloNotebooks.Catalogs;
using HaloNotebooks.Inference;
using HaloNotebooks.Mocks;
using HaloNotebooks.Selection;
using HaloNotebooks.Truth;
using C = HaloNotebooks.Catalogs.CanonicalColumns;

namespace HaloNotebooks.Benchmarks;

/// <summary>
/// The CPU cost of `halo reproduce`'s Appendix A stage (issue 28), the toy halo (Mocks.AppendixMock, 30,000 stars, as on main
/// before) against the calibrated mock (Truth.AppendixCalibratedMock), in one process on the same machine: building the three
/// distance-error samples, then the 39 double-component bin fits at the paper's sampler (100 × 1000, 400 burn-in) on one
/// thread, no fit cache. CPU time is the process's (user + sys) over each part. HALO_MOCK: the default mock's folder
/// (default data/mock); HALO_APPENDIX_STARS: comma-separated targets of stars per level (default 30000).
/// </summary>
public sealed class AppendixACostBenchmarks : IBenchmark
{
    public string Name => "appendix-a-cost";

    public void Run(TextWriter output)
    {
        string dir = Environment.GetEnvironmentVariable("HALO_MOCK") ?? MockCatalog.DefaultDirectory;
        var targets = (Environment.GetEnvironmentVariable("HALO_APPENDIX_STARS") ?? "30000").Split(',').Select(int.Parse).ToArray();
        var settings = new AnalysisSettings();
        var levels = settings.DistanceErrors;
        var catalogue = CatalogueOpener.Read(Path.Combine(dir, MockCatalog.CatalogueFile), Path.Combine(dir, MockCatalog.DistancesFile), null);
        var truth = ParquetTable.Read(Path.Combine(dir, MockCatalog.TruthFile));
        var subs = SubstructureCatalog.Read(Path.Combine(dir, MockCatalog.SubstructuresFile));
        var selection = SelectionSettings.Paper with { Seed = 1 };
        var main = PaperSelection.Run(catalogue, selection, subs);
        var counts = settings.RadialBins.Describe(main.Stars.GetDouble(C.RGc)).Select(b => b.Count).ToList();
        output.WriteLine($"mock {dir}: {catalogue.RowCount} rows, §2.3 sample {main.Count} stars");

        Measure(output, "toy halo (30,000 stars drawn)", () => AppendixMockInput.Generate(new AppendixMockSettings(7, 30_000), levels, 1), settings);
        foreach (int stars in targets)
            Measure(output, $"calibrated mock ({stars} stars per level)", () => AppendixCalibratedMock.Build(catalogue, truth, subs,
                selection with { MaxDegreeOfParallelism = 1 }, levels, settings.RadialBins, counts, stars, 7).Input, settings);
    }

    static void Measure(TextWriter output, string name, Func<AppendixInput> build, AnalysisSettings settings)
    {
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var input = build();
        double samples = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
        cpu = Process.GetCurrentProcess().TotalProcessorTime;
        int fits = 0, fitted = 0;
        foreach (var level in input.Samples)
            for (int k = 0; k < settings.RadialBins.Count; k++)
            {
                var (lo, hi) = settings.RadialBins[k];
                var keep = level.RGc.Select(r => r >= lo && r < hi).ToArray();
                var data = level.Stars.Where(keep);
                if (data.Count < PaperAnalysis.MinStarsPerFit) continue;
                HaloFits.Double(data, new FitSettings(settings.Sampler with { Seed = 100 + fits }, 1), cache: null, priors: null, start: null);
                fits++;
                fitted += data.Count;
            }
        double fitting = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
        output.WriteLine($"{name}: samples {samples:F1} s CPU ({string.Join(" / ", input.Samples.Select(x => x.RGc.Length))} stars), " +
            $"{fits} fits on {fitted} stars {fitting:F1} s CPU, total {samples + fitting:F1} s CPU");
    }
}
