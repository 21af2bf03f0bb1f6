using HaloNotebooks.Analysis;
using HaloNotebooks.Paper;
using HaloNotebooks.Catalogs;
using HaloNotebooks.Mocks;
using HaloNotebooks.Selection;
using HaloNotebooks.Truth;

namespace HaloNotebooks.Sweeps;

/// <summary>
/// The one place a sweep's truth comes from: what Tables 1–3 should read for a variant's selection. Today it is the
/// mock's own truth tables (<see cref="MockTruthTables"/>: pooled re-observations of one mock — seed
/// <see cref="SweepPlan.TruthSeed"/>, scale <see cref="SweepPlan.TruthScale"/> — fitted by extreme deconvolution inside
/// the prior box; Table 3 the mock's dipole field averaged over the selected stars). The truth is one fixed answer per
/// variant for every realisation: a population value, so the coverage counts the sampling scatter of new stars. Its
/// own sampling noise is that of a mock of TruthScale, i.e. √(Scale / TruthScale) of a realisation's σ; keep
/// TruthScale ≥ 10 × Scale to hold it below a third of σ. A calibrated mock's known answer replaces this method.
/// </summary>
internal static class SweepTruth
{
    /// <summary>What is used, for reports.</summary>
    internal static string Description(SweepPlan plan) =>
        $"the mock's own truth tables (MockTruthTables: {MockTruthTables.DefaultReplicas} re-observations of the mock with seed {plan.TruthSeed} at scale " +
            $"{plan.TruthScale:0.###}, pooled)";

    /// <summary>Tables 1–3 of the truth for <paramref name="variant"/>, as entries with the value in Median.</summary>
    internal static IReadOnlyList<SweepEntry> Tables(SweepPlan plan, SweepVariant variant, SweepTask task, int? threads, IProgress<double>? progress = null)
    {
        var mock = MockCatalog.Generate(new MockSettings(plan.TruthSeed, plan.TruthScale) { MaxDegreeOfParallelism = threads });
        var catalogue = mock.Catalogue.Join(mock.Distances, CanonicalColumns.TargetId, CanonicalColumns.TargetId);
        var subs = SubstructureCatalog.FromTable(mock.Substructures, "mock substructures");
        var selection = variant.Apply(SelectionSettings.Paper) with { Seed = task.SelectionSeed, MaxDegreeOfParallelism = threads };
        var dipoleSelection = variant.Apply(SelectionSettings.PaperDipole) with { Seed = task.SelectionSeed, MaxDegreeOfParallelism = threads };
        var sample = PaperSelection.Run(catalogue, selection, subs);
        var dipoleSample = PaperSelection.Run(catalogue, dipoleSelection, subs);
        var replicas = MockTruthTables.Replicas(catalogue, mock.Truth, subs, selection, MockTruthTables.DefaultReplicas, task.FitSeed, progress);
        var truth = MockTruthTables.Build(sample, dipoleSample, replicas, mock.Truth, plan.Analysis(task, threads), MockTruthTables.DefaultMockField());
        return new[] { truth.Table1, truth.Table2, truth.Table3 }
            .SelectMany(t => t.Rows.SelectMany(row => row.Values.Select(kv =>
                new SweepEntry(t.Number, row.Component, row.RMin, row.RMax, kv.Key, row.N ?? 0, kv.Value.Value, double.NaN,
                    double.NaN, double.NaN, double.NaN))))
            .ToList();
    }
}
