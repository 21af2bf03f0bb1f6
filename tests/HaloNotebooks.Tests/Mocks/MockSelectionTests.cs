using HaloNotebooks.Catalogs;
using HaloNotebooks.Mocks;
using HaloNotebooks.Selection;
using Xunit;

namespace HaloNotebooks.Tests.Mocks;

/// <summary>The mock through the paper's selection (Selection/PaperSelection with 1000 Monte-Carlo draws per star).</summary>
public class MockSelectionTests
{
    static HaloSample Select(MockCatalog mock, int mcSamples = 1000)
    {
        var catalogue = mock.Catalogue.Join(mock.Distances, CanonicalColumns.TargetId, CanonicalColumns.TargetId);
        var subs = SubstructureCatalog.FromTable(mock.Substructures, "mock");
        return PaperSelection.Run(catalogue, SelectionSettings.Paper with { McSamples = mcSamples }, subs);
    }

    static void AssertCounts(MockCatalog mock, HaloSample sample, double scale, double binTolerance, int minBinCount)
    {
        // §2.3 funnel, ±20%: ≈370k K giants → ≈150k after the disc cut → ≈94k after substructures → ≈64k after |δV| < 100.
        int Kept(string cut) => sample.Funnel.Steps.Last(s => s.Cut == cut).Kept;
        Assert.InRange(Kept("K giants: M_r") / scale, 0.8 * 370_000, 1.2 * 370_000);
        Assert.InRange(Kept("disc: |z|") / scale, 0.8 * 150_000, 1.2 * 150_000);
        Assert.InRange(Kept("Sagittarius stream") / scale, 0.8 * 94_000, 1.2 * 94_000);
        Assert.InRange(sample.Count / scale, 0.8 * 64_000, 1.2 * 64_000);
        // Table 1's N per r_GC bin.
        var r = sample.Stars.GetDouble(CanonicalColumns.RGc);
        var t1 = PaperTables.Table1;
        for (int i = 1; i < t1.RowCount; i++)
        {
            double a = t1[i, "r_min_kpc"], b = t1[i, "r_max_kpc"], target = t1[i, "N"] * scale;
            if (target < minBinCount) continue;
            int n = r.Count(x => x >= a && x < b);
            Assert.True(Math.Abs(n / target - 1) < binTolerance, $"[{a}, {b}) kpc: {n} selected vs {target:F0}");
        }
    }

    [Fact]
    public void SmallMock_ThroughThePaperSelection_GivesTable1CountsAndTheFunnel()
    {
        // scale 0.015, 100 MC draws (keeps the test short): bins with ≥ 60 expected stars within ±25% (Poisson noise at this size).
        var mock = MockCatalog.Generate(new MockSettings(Seed: 11, Scale: 0.015));
        AssertCounts(mock, Select(mock, 100), 0.015, 0.25, 60);
    }

    [Fact]
    [Trait("Category", "Slow")]
    public void FullScaleMock_ThroughThePaperSelection_GivesTable1CountsWithin15Percent_AndTheFunnelWithin20()
    {
        var mock = MockCatalog.Generate(new MockSettings());
        AssertCounts(mock, Select(mock), 1.0, 0.15, 0);
    }
}
