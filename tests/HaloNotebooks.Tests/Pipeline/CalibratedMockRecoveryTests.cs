using Xunit;
using HaloNotebooks.Analysis;
using HaloNotebooks.Paper;
using HaloNotebooks.Catalogs;
using HaloNotebooks.Mocks;
using HaloNotebooks.Pipeline;
using HaloNotebooks.Selection;

namespace HaloNotebooks.Tests.Pipeline;

/// <summary>
/// The calibrated default mock (seed 42, never a calibration seed) through the paper's selection and fits at the paper's
/// settings, against the paper's Tables 1–3: Table 2 (the calibration target) at least 90% of the entries within 2σ,
/// Table 1 at least 85%, and no entry of Tables 1–3 beyond 4σ that the report does not explain (PaperDiscrepancies).
/// Table 1 cannot reach the 90% with two Gaussians per bin: the paper's own Table 2, read as the mixture it
/// fits, implies a Table 1 with 84% of its moments within 2σ (MixtureMoments; benchmarks/analysis.md).
/// </summary>
public class CalibratedMockRecoveryTests
{
    [Fact]
    [Trait("Category", "Slow")]
    public void CalibratedMock_ReturnsThePaperTables1And2_AtFullScale()
    {
        var mock = MockCatalog.Generate(new MockSettings(42, 1.0));
        var catalogue = mock.Catalogue.Join(mock.Distances, CanonicalColumns.TargetId, CanonicalColumns.TargetId);
        var subs = SubstructureCatalog.FromTable(mock.Substructures, "mock substructures");
        var sample = PaperSelection.Run(catalogue, SelectionSettings.Paper, subs);
        var dipoleSample = PaperSelection.Run(catalogue, SelectionSettings.PaperDipole, subs);
        var results = PaperAnalysis.Run(sample, dipoleSample, AnalysisSettings.Paper);
        var comparisons = results.CompareWithPaper();
        Assert.True(comparisons[1].FractionWithin2Sigma >= 0.90, comparisons[1].Summary);
        Assert.True(comparisons[0].FractionWithin2Sigma >= 0.85, comparisons[0].Summary);
        var unexplained = PaperDiscrepancies.Beyond(comparisons)
            .Where(b => !(Math.Abs(b.Entry.DifferenceInSigma) <= 4) && b.Explanation is null).ToList();
        Assert.True(unexplained.Count == 0,
            string.Join("; ", unexplained.Select(b => $"Table {b.Table} {b.Entry.Row} {b.Entry.Parameter} {b.Entry.DifferenceInSigma:F1}σ")));
    }
}
