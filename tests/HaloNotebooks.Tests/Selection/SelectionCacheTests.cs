using HaloNotebooks.Analysis;
using HaloNotebooks.Catalogs;
using HaloNotebooks.Mocks;
using HaloNotebooks.Selection;
using Xunit;
using C = HaloNotebooks.Catalogs.CanonicalColumns;

namespace HaloNotebooks.Tests.Selection;

/// <summary>
/// The selection cache (issue 31): with the fit cache on, a second selection of the same catalogue is read back — every
/// column, the funnel and each input row's removing cut equal to the selection's own — and another setting, seed or
/// catalogue is another key; a damaged entry is selected again with one warning. Runs alone: it sets the process's fit cache.
/// </summary>
[Collection(nameof(HaloNotebooks.Tests.Analysis.FitCacheEnvironment))]
public class SelectionCacheTests
{
    [Fact]
    public void SecondSelection_IsReadBack_Identical_AndADamagedEntryIsSelectedAgain()
    {
        var root = Directory.CreateTempSubdirectory("halo-selection-cache-").FullName;
        var previous = FitCache.Current;
        try
        {
            var mock = MockCatalog.Generate(new MockSettings(Seed: 11, Scale: 0.01));
            var catalogue = mock.Catalogue.Join(mock.Distances, C.TargetId, C.TargetId);
            var subs = SubstructureCatalog.FromTable(mock.Substructures, "mock");
            var settings = SelectionSettings.Paper with { McSamples = 50, Seed = 5 };
            FitCache.Current = null;
            var uncached = PaperSelection.Run(catalogue, settings, subs);

            var warnings = new List<string>();
            FitCache.Current = new FitCache(root) { Warn = warnings.Add };
            var first = PaperSelection.Run(catalogue, settings, subs);
            var entry = Assert.Single(Directory.GetFiles(root, "*" + SelectionCache.Extension));
            var second = PaperSelection.Run(catalogue, settings, subs);
            AssertSame(uncached, first);
            AssertSame(uncached, second);
            Assert.NotSame(first.Stars, second.Stars);

            // The thread count changes no result and shares the entry; a cut, a seed or another catalogue does not.
            PaperSelection.Run(catalogue, settings with { MaxDegreeOfParallelism = 1 }, subs);
            Assert.Single(Directory.GetFiles(root, "*" + SelectionCache.Extension));
            PaperSelection.Run(catalogue, settings with { FehMax = -0.5 }, subs);
            PaperSelection.Run(catalogue, settings with { Seed = 6 }, subs);
            var changed = catalogue.WithColumn(C.Rv, catalogue.GetDouble(C.Rv).Select((v, i) => i == 0 ? v + 1 : v).ToArray());
            PaperSelection.Run(changed, settings, subs);
            Assert.Equal(4, Directory.GetFiles(root, "*" + SelectionCache.Extension).Length);
            Assert.Empty(warnings);

            var bytes = File.ReadAllBytes(entry);
            bytes[bytes.Length / 2] ^= 0x01;
            File.WriteAllBytes(entry, bytes);
            var again = PaperSelection.Run(catalogue, settings, subs);
            Assert.Single(warnings);
            Assert.Contains("damaged", warnings[0]);
            AssertSame(uncached, again);
        }
        finally
        {
            FitCache.Current = previous;
            Directory.Delete(root, true);
        }
    }

    static void AssertSame(HaloSample expected, HaloSample actual)
    {
        Assert.Equal(expected.Stars.ColumnNames, actual.Stars.ColumnNames);
        // Bit for bit (Equal takes −0.0 for 0.0).
        foreach (var name in expected.Stars.ColumnNames)
        {
            var (e, a) = (expected.Stars.Column(name), actual.Stars.Column(name));
            Assert.Equal(e.Type, a.Type);
            Assert.Equal(e.Values, a.Values);
            Assert.Equal(e.Missing, a.Missing);
        }
        foreach (var name in expected.Stars.ColumnNames.Where(n => expected.Stars.GetColumnType(n) == ColumnType.Double))
            Assert.Equal(expected.Stars.GetDouble(name).Select(BitConverter.DoubleToInt64Bits),
                actual.Stars.GetDouble(name).Select(BitConverter.DoubleToInt64Bits));
        Assert.Equal(expected.Funnel.Steps, actual.Funnel.Steps);
        Assert.Equal(expected.Funnel.RemovedBy, actual.Funnel.RemovedBy);
        Assert.Equal(expected.InputRows.ToArray(), actual.InputRows.ToArray());
        Assert.Equal(expected.ToHtml(), actual.ToHtml());
    }
}
