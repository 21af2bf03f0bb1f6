using HaloNotebooks.Analysis;
using HaloNotebooks.Catalogs;
using HaloNotebooks.Mocks;
using HaloNotebooks.Selection;
using HaloNotebooks.Pipeline;
using HaloNotebooks.Truth;

namespace HaloNotebooks.Tests.Analysis;

/// <summary>The mock → selection → analysis chain in memory, and the tables the mock's truth says it should give.</summary>
static class MockRecovery
{
    public sealed record Outcome(AnalysisResults Results, IReadOnlyList<TableComparison> VersusTruth, IReadOnlyList<ErrorCalibration> Calibrations);

    public static Outcome Run(double scale, AnalysisSettings settings, long mockSeed = 42)
    {
        var mock = MockCatalog.Generate(new MockSettings(mockSeed, scale));
        var catalogue = mock.Catalogue.Join(mock.Distances, CanonicalColumns.TargetId, CanonicalColumns.TargetId);
        var dir = Directory.CreateTempSubdirectory("halo-recovery-").FullName;
        try
        {
            var csv = Path.Combine(dir, MockCatalog.SubstructuresFile);
            CsvTable.Write(mock.Substructures, csv);
            var subs = SubstructureCatalog.Read(csv);
            var sample = PaperSelection.Run(catalogue, SelectionSettings.Paper, subs);
            var dipoleSample = PaperSelection.Run(catalogue, SelectionSettings.PaperDipole, subs);
            var results = PaperAnalysis.Run(sample, dipoleSample, settings);
            var replicas = MockTruthTables.Replicas(catalogue, mock.Truth, subs, SelectionSettings.Paper);
            var truth = MockTruthTables.Build(sample, dipoleSample, replicas, mock.Truth, settings, MockTruthTables.DefaultMockField());
            return new Outcome(results,
                results.Tables.Zip([truth.Table1, truth.Table2, truth.Table3], (o, t) => TableComparison.Compare(o, t, "mock truth")).ToList(),
                [ErrorCalibration.Compare(results.Table1, truth.Scatter1), ErrorCalibration.Compare(results.Table2, truth.Scatter2)]);
        }
        finally { Directory.Delete(dir, true); }
    }
}
