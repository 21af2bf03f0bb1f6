using Xunit;
using Xunit.Abstractions;
using HaloNotebooks.Mocks;
using HaloNotebooks.Selection;
using C = HaloNotebooks.Catalogs.CanonicalColumns;

namespace HaloNotebooks.Tests.Selection;

/// <summary>The done-when check at full scale (≈440k stars, ≈1 min): not run on CI.</summary>
public class FullMockSelectionTests(ITestOutputHelper output)
{
    [Fact]
    [Trait("Category", "Slow")]
    public void DefaultMock_CountsPerTable1Bin_WithinFifteenPercent()
    {
        var mock = MockCatalog.Generate(new MockSettings());
        var catalogue = mock.Catalogue.Join(mock.Distances, C.TargetId, C.TargetId);
        var sample = PaperSelection.Run(catalogue, SelectionSettings.Paper, SubstructureCatalog.FromTable(mock.Substructures, "mock"));
        var bins = SelectionDiagnostics.CountsPerBin(sample);
        output.WriteLine(sample.Funnel.ToMarkdown());
        output.WriteLine(SelectionDiagnostics.CountsMarkdown(bins));
        foreach (var b in bins)
            Assert.True(Math.Abs(b.RelativeDifference) <= 0.15, $"{b.RMin}–{b.RMax} kpc: {b.Count} selected, Table 1 has {b.PaperN}");
        // §2.3: ~370k K giants, ~150k after disc removal, ~94k after substructures and Sgr, ~64k final.
        var kept = sample.Funnel.Steps.ToDictionary(s => s.Cut, s => s.Kept);
        Assert.InRange(kept["K giants: M_r"], 0.85 * 370_000, 1.15 * 370_000);
        Assert.InRange(kept["disc: |z|"], 0.85 * 150_000, 1.15 * 150_000);
        Assert.InRange(kept["Sagittarius stream"], 0.85 * 94_000, 1.15 * 94_000);
        Assert.InRange(sample.Count, 0.85 * SelectionDiagnostics.PaperTable1Total, 1.15 * SelectionDiagnostics.PaperTable1Total);
    }
}
