using System.Diagnostics;
using HaloNotebooks.Catalogs;
using HaloNotebooks.Mocks;
using HaloNotebooks.Selection;
using C = HaloNotebooks.Catalogs.CanonicalColumns;

namespace HaloNotebooks.Benchmarks;

/// <summary>
/// The §2.3 selection of the full default mock (seed 42, scale 1: ≈440k stars, ≈94k of them get 1000 Monte-Carlo
/// draws) — target: under 60 s — with its funnel, the purity/completeness of every cut against the mock's
/// truth and the counts per Table 1 bin; then, when the public SEGUE K giants are found (../shared beside the
/// repository, or the folder named by HALO_SHARED), the same selection on real data.
/// </summary>
public sealed class SelectionBenchmarks : IBenchmark
{
    public string Name => "selection";

    public void Run(TextWriter output)
    {
        output.WriteLine($"load average at start: {LoadAverage()}");
        var clock = Stopwatch.StartNew();
        var mock = MockCatalog.Generate(new MockSettings());
        var catalogue = mock.Catalogue.Join(mock.Distances, C.TargetId, C.TargetId);
        var subs = SubstructureCatalog.FromTable(mock.Substructures, MockCatalog.SubstructuresFile);
        output.WriteLine($"default mock generated in {clock.Elapsed.TotalSeconds:F1} s (not part of the timing): {catalogue.RowCount:N0} stars");

        // Warm-up on the first 5000 rows (JIT, thread pool).
        var warm = new bool[catalogue.RowCount];
        Array.Fill(warm, true, 0, 5000);
        PaperSelection.Run(catalogue.Where(warm), SelectionSettings.Paper with { McSamples = 50 }, subs);

        var process = Process.GetCurrentProcess();
        process.Refresh();
        var cpu0 = process.TotalProcessorTime;
        clock.Restart();
        var sample = PaperSelection.Run(catalogue, SelectionSettings.Paper, subs);
        double wall = clock.Elapsed.TotalSeconds;
        process.Refresh();
        double cpu = (process.TotalProcessorTime - cpu0).TotalSeconds;
        int mcStars = sample.Funnel.Steps.Single(s => s.Cut == "velocity errors").In;
        output.WriteLine();
        output.WriteLine("| case | stars in | stars with MC errors | draws | wall time | CPU time | selected |");
        output.WriteLine("| --- | --- | --- | --- | --- | --- | --- |");
        output.WriteLine($"| PaperSelection.Run, default mock | {catalogue.RowCount:N0} | {mcStars:N0} | 1000 | {wall:F1} s | " +
            $"{cpu:F1} s | {sample.Count:N0} |");
        // The DESI quality cuts alone (the mock's repeats and failed fits; Selection/QualityCuts), and the peak memory per input row.
        clock.Restart();
        var (_, quality) = Funnel.Apply(catalogue, QualityCuts.All(SelectionSettings.Paper));
        output.WriteLine($"| QualityCuts.All alone, default mock | {catalogue.RowCount:N0} | – | – | {clock.Elapsed.TotalSeconds:F2} s | – | " +
            $"{quality.FinalCount:N0} |");
        process.Refresh();
        output.WriteLine($"peak working set {process.PeakWorkingSet64 / 1048576.0:F0} MB = {process.PeakWorkingSet64 / 1024.0 / catalogue.RowCount:F2} KB " +
            $"per input row (mock generation included)");
        output.WriteLine($"load average at end: {LoadAverage()}");

        output.WriteLine("\n### Funnel of the default mock\n");
        output.WriteLine(sample.Funnel.ToMarkdown());
        output.WriteLine("### Against the mock's truth\n");
        output.WriteLine(SelectionDiagnostics.Compare(sample.Funnel, catalogue, mock.Truth).ToMarkdown());
        output.WriteLine("### Stars per Table 1 bin (target: within ±15% of the paper's N)\n");
        output.WriteLine(SelectionDiagnostics.CountsMarkdown(SelectionDiagnostics.CountsPerBin(sample)));

        var shared = SharedFolder();
        string? xue = shared is null ? null : Path.Combine(shared, "data/external/segue_kgiants_xue2014");
        if (xue is null || !Directory.Exists(xue))
        {
            output.WriteLine("SEGUE K giants not found (../shared/data/external/segue_kgiants_xue2014 or $HALO_SHARED): skipped.");
            return;
        }
        var ext = Path.Combine(shared!, "data/external");
        var segue = SegueKGiants.Read(Path.Combine(xue, "Xue2014KGiant14.txt"), Path.Combine(xue, "Xue2015KGiantxmatch_gaia_corr.txt"));
        var real = SubstructureCatalog.Combine(
            SubstructureCatalog.ReadBaumgardtVasiliev(Path.Combine(ext, "gc_baumgardt_orbits/orbits_table.txt"),
                Path.Combine(ext, "gc_vasiliev_baumgardt2021_pm/GCs_VB21.txt")),
            SubstructureCatalog.ReadPace(Path.Combine(ext, "lvdb_pace2022")));
        clock.Restart();
        var segueSample = PaperSelection.Run(segue, SelectionSettings.Paper, real);
        output.WriteLine($"### Funnel of the SEGUE K giants (Xue et al. 2014 + Gaia DR2; {clock.Elapsed.TotalSeconds:F1} s)\n");
        output.WriteLine(segueSample.Funnel.ToMarkdown());
    }

    static string? SharedFolder()
    {
        if (Environment.GetEnvironmentVariable("HALO_SHARED") is { Length: > 0 } env) return env;
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "HaloNotebooks.sln")))
                return Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared"));
        return null;
    }

    static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
}
