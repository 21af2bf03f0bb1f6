using HaloNotebooks.Catalogs;
using Xunit;

namespace HaloNotebooks.Tests.Catalogs;

public class StarTableTests
{
    static StarTable Stars() => StarTable.FromColumns([
        ("targetid", new long[] { 10, 20, 30, 40 }), ("rv", new[] { 1.0, double.NaN, 3.0, 4.0 }),
        ("teff", new[] { 4800f, 5000f, 5200f, 5400f }), ("name", new[] { "a", "", "c", null! }), ("ok", new[] { true, false, true, true })])
        .WithColumn("count", new[] { 1, 2, 3, 4 }, new[] { false, true, false, false });

    [Fact]
    public void Getters_ConvertAndReportMissingValues_AndReturnCopies()
    {
        var t = Stars();
        Assert.Equal(4, t.RowCount);
        Assert.Equal([4800.0, 5000.0, 5200.0, 5400.0], t.GetDouble("teff"));
        Assert.Equal([1.0, double.NaN, 3.0, 4.0], t.GetDouble("count"));
        Assert.Equal([false, true, false, false], t.GetMissing("rv"));
        Assert.Equal([false, true, false, true], t.GetMissing("name"));   // empty string is missing
        var copy = t.GetDouble("rv");
        copy[0] = 99;
        Assert.Equal(1.0, t.GetDouble("rv")[0]);
        Assert.Equal("nope", Assert.Throws<CatalogException>(() => t.GetDouble("nope")).Column);
        Assert.Throws<CatalogException>(() => t.GetDouble("name"));
        Assert.Equal(1, Assert.Throws<CatalogException>(() => t.GetInt64("count")).Row);
        Assert.Equal([1L, 2L, 3L, 4L], t.GetInt64("rv", 2));   // NaN → fill, whole doubles accepted
    }

    [Fact]
    public void Where_Select_WithColumn_ReturnNewTables()
    {
        var t = Stars();
        var kept = t.Where([true, false, false, true]);
        Assert.Equal([10L, 40L], kept.GetInt64("targetid"));
        Assert.Equal([false, false], kept.GetMissing("count"));
        Assert.Equal(4, t.RowCount);
        Assert.Equal(["rv", "targetid"], t.Select("rv", "targetid").ColumnNames);
        var added = t.WithColumn("feh", new[] { -1.0, -2.0, -1.5, -0.5 });
        Assert.False(t.Contains("feh"));
        Assert.Equal(-2.0, added.GetDouble("feh")[1]);
        var replaced = added.WithColumn("feh", new[] { 0.0, 0.0, 0.0, 0.0 });
        Assert.Equal(added.ColumnNames, replaced.ColumnNames);
        Assert.Throws<CatalogException>(() => t.WithColumn("short", new[] { 1.0 }));
        Assert.Throws<CatalogException>(() => t.Where([true]));
    }

    [Fact]
    public void Join_IsALeftJoinOnInt64Keys_UnmatchedRowsMissing()
    {
        var t = Stars();
        var d = StarTable.FromColumns([("id", new long[] { 40, 10, 99 }), ("distance", new[] { 4.0, 1.0, 9.0 }), ("flag", new[] { 7, 8, 9 })]);
        var j = t.Join(d, "targetid", "id");
        Assert.Equal(t.RowCount, j.RowCount);
        Assert.Equal([1.0, double.NaN, double.NaN, 4.0], j.GetDouble("distance"));
        Assert.Equal([false, true, true, false], j.GetMissing("flag"));
        Assert.Equal([8L, 0L, 0L, 7L], j.GetInt64("flag", 0));
        var dup = StarTable.FromColumns([("id", new long[] { 10, 10 }), ("distance", new[] { 1.0, 2.0 })]);
        Assert.Equal(1, Assert.Throws<CatalogException>(() => t.Join(dup, "targetid", "id")).Row);
    }

    [Fact]
    public void Frame_RoundTrip_KeepsTypesAndMissingValues()
    {
        var t = Stars();
        var frame = t.ToFrame();
        Assert.Equal(4, frame.RowCount);
        Assert.Equal(t.ColumnNames, frame.ColumnKeys);
        FitsWriterTests.AssertSameTable(t, StarTable.FromFrame(frame));
    }

    [Fact]
    public void ToHtml_ShowsFirstRowsAndSize()
    {
        var big = StarTable.FromColumns([("x", Enumerable.Range(0, 25).Select(i => (double)i).ToArray()), ("n<ame", Enumerable.Repeat("a&b", 25).ToArray())]);
        var html = big.ToHtml();
        Assert.Contains("25 rows × 2 columns", html);
        Assert.Contains("<td>9</td>", html);
        Assert.DoesNotContain("<td>10</td>", html);
        Assert.Contains("n&lt;ame", html);
        Assert.Contains("a&amp;b", html);
        Assert.NotNull(typeof(StarTable).GetCustomAttributes(false).SingleOrDefault(a => a.GetType().Name == "TypeFormatterSourceAttribute"));
    }

    [Fact]
    public void Slices_ConcatenatedAgain_AreTheTable_WithMissingValuesAndMasks()
    {
        var t = FitsWriterTests.Sample(1000, 4);
        var parts = new[] { (0, 97), (97, 0), (97, 500), (597, 403) }.Select(p => t.Slice(p.Item1, p.Item2)).ToList();
        FitsWriterTests.AssertSameTable(t, StarTable.Concat(parts));
        Assert.Equal(t.GetMissing("i32")[97..597], parts[2].GetMissing("i32"));
        Assert.Throws<CatalogException>(() => t.Slice(990, 11));
        Assert.Throws<CatalogException>(() => StarTable.Concat([t, t.Select("d")]));
        Assert.Throws<CatalogException>(() => StarTable.Concat([t.Select("d"), t.Select("f").RenameColumn("f", "d")]));   // float beside double
    }

    [Fact]
    public void FitsRowRanges_AreSlicesOfTheWholeTable()
    {
        var dir = Directory.CreateTempSubdirectory("fits-rows");
        try
        {
            var path = Path.Combine(dir.FullName, "t.fits");
            var t = FitsWriterTests.Sample(2000, 5);
            FitsWriter.Write(path, t, "STARS");
            using var fits = FitsFile.Open(path);
            Assert.Equal(2000, fits.RowCount("STARS"));
            FitsWriterTests.AssertSameTable(t.Slice(1234, 567).Select("i32", "s"), fits.ReadRows("STARS", ["i32", "s"], 1234, 567));
            FitsWriterTests.AssertSameTable(t.Slice(1999, 1), fits.ReadRows("STARS", null, 1999, null));
            Assert.Throws<CatalogException>(() => fits.ReadRows("STARS", null, 1990, 11));
            var chunks = TableFile.Open(path).Read(333).ToList();
            Assert.Equal([0, 333, 666, 999, 1332, 1665, 1998], chunks.Select(c => c.FirstRow));
            FitsWriterTests.AssertSameTable(t, StarTable.Concat(chunks.Select(c => c.Rows).ToList()));
        }
        finally { dir.Delete(true); }
    }
}
