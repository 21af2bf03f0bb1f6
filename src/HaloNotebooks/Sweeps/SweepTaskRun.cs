using System.Diagnostics;
using System.Text.Json;
using HaloNotebooks.Astrometry;
using HaloNotebooks.Analysis;
using HaloNotebooks.Paper;
using HaloNotebooks.Catalogs;
using HaloNotebooks.Mocks;
using HaloNotebooks.Selection;

namespace HaloNotebooks.Sweeps;

/// <summary>
/// One task of a sweep (`halo sweep task DIR --index I`, one Slurm array element): mock → §2.3 and §4.4 selections → the
/// fits of Tables 1–3, or the variant's truth; the result is written to DIR/tasks/I.json through a temporary file and a
/// move, so a killed task leaves nothing, and a task whose file exists is not run again.
/// </summary>
public static class SweepTaskRun
{
    /// <summary>
    /// Runs task <paramref name="index"/> of the sweep in <paramref name="directory"/> unless its result exists; returns
    /// false when it existed. <paramref name="threads"/>: fits (and mock, selection) at once; the result does not depend on it.
    /// </summary>
    public static bool Run(string directory, int index, int? threads = 1, IProgress<string>? progress = null)
    {
        var plan = SweepPlan.Read(directory);
        var tasks = SweepPlan.ReadTasks(directory);
        if (index < 0 || index >= tasks.Count) throw new ArgumentException($"--index {index} is outside the sweep's {tasks.Count} tasks (0–{tasks.Count - 1})");
        string path = SweepPlan.ResultPath(directory, index);
        if (File.Exists(path)) { progress?.Report($"task {index}: {path} exists, nothing to do"); return false; }
        var task = tasks[index];
        var variant = plan.Variants()[task.Variant];
        var clock = Stopwatch.StartNew();
        progress?.Report($"task {index}: {task.Kind} {(task.Realisation >= 0 ? task.Realisation + " " : "")}of variant {variant.Label}");

        SweepTaskResult result;
        if (task.Kind == SweepTask.TruthKind)
        {
            var entries = SweepTruth.Tables(plan, variant, task, threads);
            result = new SweepTaskResult(index, task.Kind, task.Variant, task.Realisation, clock.Elapsed.TotalSeconds, PeakMemoryMb(), 0, 0,
                entries, Environment.MachineName);
        }
        else
        {
            var (entries, stars, dipoleStars) = Realisation(plan, variant, task, threads, progress);
            result = new SweepTaskResult(index, task.Kind, task.Variant, task.Realisation, clock.Elapsed.TotalSeconds, PeakMemoryMb(), stars, dipoleStars,
                entries, Environment.MachineName);
        }
        AtomicFile.Write(path, s => JsonSerializer.Serialize(s, result, SweepPlan.Json));
        progress?.Report($"task {index}: done in {result.Seconds:0.0} s, peak {result.PeakMemoryMb:0} MB");
        return true;
    }

    static double PeakMemoryMb()
    {
        using var p = Process.GetCurrentProcess();
        return p.PeakWorkingSet64 / 1048576.0;
    }

    /// <summary>An independent mock (its own seed) through the variant's selections and the fits of Tables 1–3.</summary>
    internal static (IReadOnlyList<SweepEntry> Entries, int Stars, int DipoleStars) Realisation(SweepPlan plan, SweepVariant variant, SweepTask task,
        int? threads, IProgress<string>? progress = null)
    {
        var mock = MockCatalog.Generate(new MockSettings(task.MockSeed, plan.Scale) { MaxDegreeOfParallelism = threads });
        var catalogue = mock.Catalogue.Join(mock.Distances, CanonicalColumns.TargetId, CanonicalColumns.TargetId);
        var subs = SubstructureCatalog.FromTable(mock.Substructures, "mock substructures");
        var sample = PaperSelection.Run(catalogue,
            variant.Apply(SelectionSettings.Paper) with { Seed = task.SelectionSeed, MaxDegreeOfParallelism = threads }, subs);
        var dipoleSample = PaperSelection.Run(catalogue,
            variant.Apply(SelectionSettings.PaperDipole) with { Seed = task.SelectionSeed, MaxDegreeOfParallelism = threads }, subs);
        progress?.Report($"task {task.Index}: {mock.Catalogue.RowCount} mock stars, {sample.Count} selected, {dipoleSample.Count} in the dipole sample");
        var results = PaperAnalysis.Run(sample, dipoleSample, plan.Analysis(task, threads));
        return (Entries(results), sample.Count, dipoleSample.Count);
    }

    /// <summary>Every entry of Tables 1–3 with its 68 % and 95 % intervals from the fits' posterior samples.</summary>
    internal static IReadOnlyList<SweepEntry> Entries(AnalysisResults results)
    {
        var entries = new List<SweepEntry>();
        void Add(int table, string? component, BinFit fit, string tableKey, string fitKey)
        {
            var samples = fit.Fit?.Samples(fitKey) ?? throw new InvalidOperationException($"the {fit.Model} fit of {fit.Bin.Label} kpc kept no samples");
            if (fitKey == "l_apex") samples = Angles.UnwrapLongitudes(samples);
            var sorted = samples.Order().ToArray();
            var m = fit[fitKey];
            entries.Add(new SweepEntry(table, component, fit.Bin.RMin, fit.Bin.RMax, tableKey, fit.Bin.Count, m.Value,
                Measurement.Percentile(sorted, 2.5), m.P16, m.P84, Measurement.Percentile(sorted, 97.5)));
        }
        var kinematic = TableColumn.Kinematics.Select(c => c.Key).ToArray();
        foreach (var fit in results.Single.Bins.Prepend(results.Single.AllStars))
            foreach (var k in kinematic) Add(1, null, fit, k, k);
        foreach (var component in new[] { "MR", "MP" })
            foreach (var fit in results.Double.Bins.Prepend(results.Double.AllStars))
            {
                string suffix = "_" + component.ToLowerInvariant();
                foreach (var k in kinematic) Add(2, component, fit, k, k + suffix);
                if (component == "MR") Add(2, component, fit, "p_mr", "p_mr");
            }
        foreach (var fit in results.Dipole.Bins.Prepend(results.Dipole.AllStars))
            foreach (var c in TableColumn.Dipole) Add(3, null, fit, c.Key, c.Key);
        return entries;
    }
}
