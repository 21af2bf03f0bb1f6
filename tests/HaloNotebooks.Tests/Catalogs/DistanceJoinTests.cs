using HaloNotebooks.Catalogs;
using HaloNotebooks.Selection;
using Xunit;
using C = HaloNotebooks.Catalogs.CanonicalColumns;

namespace HaloNotebooks.Tests.Catalogs;

public class DistanceJoinTests
{
    static StarTable Stars() => StarTable.FromColumns(
    [
        (C.TargetId, new long[] { 101, 102, 103, 104 }),
        (C.SourceId, new long[] { 901, 902, 903, 904 }),
    ]);

    [Fact]
    public void JoinBySourceId_CountsMissingAndRepeatedIds_AndDropsNoRow()
    {
        // SpecDis-like: keyed by SOURCE_ID; 902 twice (ambiguous), 904 absent, 999 not in the catalogue.
        var d = StarTable.FromColumns([("SOURCE_ID", new long[] { 903, 902, 901, 902, 999 }), ("DIST", new[] { 3.0, 2.0, 1.0, 2.5, 9.0 }),
            ("DIST_ERR", new[] { 0.3, 0.2, 0.1, 0.25, 0.9 })]);
        var cols = DistanceColumns.Parse("SOURCE_ID, DIST, DIST_ERR");
        Assert.Equal(C.SourceId, cols.JoinKey);
        var t = DistanceJoin.Join(Stars(), d, cols);
        Assert.Equal(4, t.RowCount);
        Assert.Equal(new long[] { 1, 2, 1, 0 }, t.GetInt64(C.DistanceRows));
        var dist = t.GetDouble(C.Distance);
        Assert.Equal(1.0, dist[0]);
        Assert.True(double.IsNaN(dist[1]));
        Assert.Equal(3.0, dist[2]);
        Assert.True(double.IsNaN(dist[3]));
        Assert.Equal(0.3, t.GetDouble(C.DistanceErr)[2]);

        // In the funnel: the missing ID and the ambiguous one are removed by name and counted.
        var (kept, funnel) = Funnel.Apply(t, QualityCuts.All(SelectionSettings.Paper));
        Assert.Equal(new long[] { 101, 103 }, kept.GetInt64(C.TargetId));
        Assert.Equal("distances: one row per ID", funnel.RemovedBy[1]);
        Assert.Equal("distances: ID found", funnel.RemovedBy[3]);
    }

    [Fact]
    public void JoinByTargetId_IsTheDefault_AndReadsFilesWithDetectedNames()
    {
        var dir = Directory.CreateTempSubdirectory("distjoin");
        try
        {
            string byTarget = Path.Combine(dir.FullName, "t.fits"), bySource = Path.Combine(dir.FullName, "s.csv");
            TableFile.Write(StarTable.FromColumns([("TARGETID", new long[] { 104, 101 }), ("DIST", new[] { 4.0, 1.0 }), ("DIST_ERR", new[] { 0.4, 0.1 })]),
                byTarget);
            TableFile.Write(StarTable.FromColumns([("SOURCE_ID", new long[] { 902 }), ("DIST", new[] { 2.0 }), ("DIST_ERR", new[] { 0.2 })]), bySource);
            var t = DistanceJoin.Join(Stars(), byTarget);
            Assert.Equal(new long[] { 1, 0, 0, 1 }, t.GetInt64(C.DistanceRows));
            Assert.Equal(4.0, t.GetDouble(C.Distance)[3]);
            var s = DistanceJoin.Join(Stars(), bySource);
            Assert.Equal(new long[] { 0, 1, 0, 0 }, s.GetInt64(C.DistanceRows));
            Assert.Equal(2.0, s.GetDouble(C.Distance)[1]);
            // Custom names; an ID column the star table cannot be joined on is a clear error.
            var e = Assert.Throws<CatalogException>(() => DistanceJoin.Join(Stars().WithoutColumns(C.SourceId), bySource));
            Assert.Contains("no source_id column", e.Message);
            var wrong = Assert.Throws<CatalogException>(() => DistanceJoin.Join(Stars(), byTarget, new DistanceColumns("TARGETID", "D", "DIST_ERR")));
            Assert.Contains("--distance-columns", wrong.Message);
        }
        finally { dir.Delete(true); }
    }

    [Theory]
    [InlineData("SOURCE_ID,DIST")]
    [InlineData("a,,c")]
    [InlineData("a,b,c,d")]
    public void Parse_RejectsAnythingButThreeNames(string text) =>
        Assert.Contains("ID,DIST,DIST_ERR", Assert.Throws<ArgumentException>(() => DistanceColumns.Parse(text)).Message);
}
