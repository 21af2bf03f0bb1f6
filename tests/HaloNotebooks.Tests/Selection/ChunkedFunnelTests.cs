using HaloNotebooks.Catalogs;
using HaloNotebooks.Mocks;
using HaloNotebooks.Selection;
using Xunit;
using C = HaloNotebooks.Catalogs.CanonicalColumns;

namespace HaloNotebooks.Tests.Selection;

/// <summary>
/// The selection of a catalogue read in small row chunks against the same catalogue read whole: the same funnel (every
/// step's wording and counts, every input row's removing cut) and the same sample, byte for byte when written.
/// </summary>
public class ChunkedFunnelTests
{
    static readonly SelectionSettings Fast = SelectionSettings.Paper with { McSamples = 100 };

    /// <summary>A chunk size that is not a divisor of anything in sight, so boundaries fall everywhere.</summary>
    const int SmallChunk = 97;

    /// <summary>
    /// A small mock (its repeat rows follow all PRIMARY rows, so every repeat is in a later chunk than its star) plus two
    /// extra PRIMARY TARGETIDs sharing a Gaia source with an early star, at the end: one with a larger RV error (the early
    /// row is kept) and one with a smaller (the last row is kept, so the early row's fate is decided chunks later).
    /// </summary>
    static (StarTable Catalogue, MockCatalog Mock, int EarlyLoser, int LateLoser) Catalogue()
    {
        var mock = MockCatalog.Generate(new MockSettings(Seed: 11, Scale: 0.01));
        int keepsEarly = 3, keepsLate = 5;
        var rows = Enumerable.Range(0, mock.Catalogue.RowCount).Append(keepsEarly).Append(keepsLate).ToArray();
        var cat = mock.Catalogue.Take(rows);
        int n = cat.RowCount, twinEarly = n - 2, twinLate = n - 1;
        var ids = cat.GetInt64(C.TargetId);
        ids[twinEarly] = MockCatalog.FirstTargetId + 20_000_000;
        ids[twinLate] = MockCatalog.FirstTargetId + 20_000_001;
        var rvErr = cat.GetDouble(C.RvErr);
        rvErr[twinEarly] *= 2;
        rvErr[twinLate] /= 2;
        return (cat.WithColumn(C.TargetId, ids).WithColumn(C.RvErr, rvErr), mock, twinEarly, keepsLate);
    }

    [Fact]
    public void MwsallInSmallChunks_GivesTheWholeFileFunnelAndOutputBytes()
    {
        var (cat, mock, earlyLoser, lateLoser) = Catalogue();
        var dir = Directory.CreateTempSubdirectory("chunked-funnel");
        try
        {
            string mwsall = Path.Combine(dir.FullName, "mwsall.fits"), distances = Path.Combine(dir.FullName, "distances.fits");
            DesiMwsCatalog.Write(mwsall, cat);
            FitsWriter.Write(distances, MwsLayout.DistanceTable(mock.Distances), MwsLayout.DistanceHdu);
            var subs = SubstructureCatalog.FromTable(mock.Substructures, "mock");

            var whole = PaperSelection.Run(DesiMwsCatalog.Read(mwsall, distances), Fast, subs);
            var chunked = PaperSelection.RunInChunks(DesiMwsCatalog.Open(mwsall, distances), Fast, subs, rowsPerChunk: SmallChunk);

            // The test exercises what it claims: repeats and both Gaia twins lie chunks away from their star's row.
            var removed = whole.Funnel.RemovedBy;
            var primaryOf = new Dictionary<long, int>();
            var targetIds = cat.GetInt64(C.TargetId);
            var isPrimary = cat.GetBool(C.Primary);
            for (int i = 0; i < cat.RowCount; i++) if (isPrimary[i]) primaryOf.TryAdd(targetIds[i], i);
            int spanning = Enumerable.Range(0, cat.RowCount).Count(i => !isPrimary[i] && primaryOf[targetIds[i]] / SmallChunk != i / SmallChunk);
            Assert.True(spanning > 100, $"{spanning} repeat rows in another chunk than their PRIMARY row");
            Assert.Equal("Gaia SOURCE_ID: one row", removed[earlyLoser]);
            Assert.Equal("Gaia SOURCE_ID: one row", removed[lateLoser]);
            Assert.Equal(2, whole.Funnel.Steps.Single(s => s.Cut == "Gaia SOURCE_ID: one row").Removed);
            Assert.True(whole.Count > 300, $"{whole.Count} selected");

            AssertSameSelection(whole, chunked);
        }
        finally { dir.Delete(true); }
    }

    [Fact]
    public void CsvInSmallChunks_GivesTheWholeFileFunnelAndOutputBytes_WithTypesOfTheWholeFile()
    {
        var (cat, mock, _, _) = Catalogue();
        // A column whose first cells are whole numbers: a chunk on its own would call it int64; the file makes it double.
        var ratio = Enumerable.Range(0, cat.RowCount).Select(i => i < 3 * SmallChunk ? i : i + 0.5).ToArray();
        var stars = DistanceJoin.Join(cat, mock.Distances, DistanceColumns.Canonical).WithColumn("flux_ratio", ratio);
        var dir = Directory.CreateTempSubdirectory("chunked-funnel-csv");
        try
        {
            string csv = Path.Combine(dir.FullName, "stars.csv");
            CsvTable.Write(stars, csv);
            var subs = SubstructureCatalog.FromTable(mock.Substructures, "mock");
            var whole = PaperSelection.Run(CsvTable.Read(csv), Fast, subs);
            var chunked = PaperSelection.RunInChunks(CsvTable.Open(csv), Fast, subs, rowsPerChunk: SmallChunk);
            Assert.Equal(ColumnType.Double, whole.Stars.GetColumnType("flux_ratio"));
            AssertSameSelection(whole, chunked);
        }
        finally { dir.Delete(true); }
    }

    [Fact]
    public void EmptyCatalogue_ListsEveryCutWithNoStars()
    {
        var (cat, mock, _, _) = Catalogue();
        var empty = DistanceJoin.Join(cat, mock.Distances, DistanceColumns.Canonical).Head(0);
        var sample = PaperSelection.RunInChunks(CatalogueChunks.FromTable(empty), Fast, rowsPerChunk: SmallChunk);
        Assert.Equal(0, sample.Count);
        Assert.Equal(PaperSelection.Run(empty, Fast).Funnel.Steps, sample.Funnel.Steps);
        Assert.Contains(sample.Funnel.Steps, s => s.Cut == "Sagittarius stream");
    }

    static void AssertSameSelection(HaloSample whole, HaloSample chunked)
    {
        Assert.Equal(whole.Funnel.Steps, chunked.Funnel.Steps);                 // cut, wording, parameters, in, kept
        Assert.Equal(whole.Funnel.RemovedBy, chunked.Funnel.RemovedBy);         // every input row's removing cut
        Assert.Equal(whole.Funnel.ToMarkdown(), chunked.Funnel.ToMarkdown());
        Assert.Equal(whole.InputRows.ToArray(), chunked.InputRows.ToArray());
        Assert.Equal(Bytes(whole.Stars), Bytes(chunked.Stars));
    }

    static byte[] Bytes(StarTable t)
    {
        var path = Path.GetTempFileName() + ".csv";
        try
        {
            CsvTable.Write(t, path);
            return File.ReadAllBytes(path);
        }
        finally { File.Delete(path); }
    }
}
