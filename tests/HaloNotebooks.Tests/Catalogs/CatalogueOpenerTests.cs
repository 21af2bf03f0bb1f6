using HaloNotebooks.Catalogs;
using HaloNotebooks.Pipeline;
using Xunit;
using C = HaloNotebooks.Catalogs.CanonicalColumns;

namespace HaloNotebooks.Tests.Catalogs;

/// <summary>One opener for the CLI and the notebooks: the distance catalogue is joined whatever the table's format.</summary>
public class CatalogueOpenerTests
{
    static StarTable Stars() => StarTable.FromColumns(
    [
        (C.TargetId, new long[] { 101, 102, 103 }),
        (C.Ra, new[] { 10.0, 20.0, 30.0 }),
    ]);

    static StarTable Distances() =>
        StarTable.FromColumns([("TARGETID", new long[] { 103, 101 }), ("DIST", new[] { 30.5, 10.5 }), ("DIST_ERR", new[] { 3.0, 1.0 })]);

    [Theory]
    [InlineData("csv")]
    [InlineData("parquet")]
    [InlineData("fits")]
    public void Open_JoinsTheDistances_ForEveryTableFormat(string format)
    {
        var dir = Directory.CreateTempSubdirectory("opener");
        try
        {
            string stars = Path.Combine(dir.FullName, "stars." + format), distances = Path.Combine(dir.FullName, "d.csv");
            TableFile.Write(Stars(), stars);
            TableFile.Write(Distances(), distances);
            var t = CatalogueOpener.Read(stars, distances);
            Assert.Equal(new long[] { 101, 102, 103 }, t.GetInt64(C.TargetId));
            Assert.Equal(new long[] { 1, 0, 1 }, t.GetInt64(C.DistanceRows));
            var d = t.GetDouble(C.Distance);
            Assert.Equal(10.5, d[0]);
            Assert.True(double.IsNaN(d[1]));
            Assert.Equal(30.5, d[2]);
            Assert.Equal(3.0, t.GetDouble(C.DistanceErr)[2]);
            // Without a distance catalogue the table is read as it is.
            Assert.DoesNotContain(C.Distance, CatalogueOpener.Read(stars).ColumnNames);
        }
        finally { dir.Delete(true); }
    }

    [Fact]
    public void Open_NamesAMissingFile_AndRejectsColumnsWithoutADistanceCatalogue()
    {
        string missing = Path.Combine(Path.GetTempPath(), "no-such-catalogue-" + Guid.NewGuid() + ".csv");
        Assert.Contains(missing, Assert.Throws<FileNotFoundException>(() => CatalogueOpener.Open(missing)).Message);
        var dir = Directory.CreateTempSubdirectory("opener");
        try
        {
            string stars = Path.Combine(dir.FullName, "stars.csv");
            TableFile.Write(Stars(), stars);
            Assert.Throws<ArgumentException>(() => CatalogueOpener.Open(stars, null, DistanceColumns.Parse("TARGETID,DIST,DIST_ERR")));
        }
        finally { dir.Delete(true); }
    }

    [Fact]
    public void NotebookLoadData_HonoursHaloDistances_ForACsvCatalogue()
    {
        var dir = Directory.CreateTempSubdirectory("opener");
        try
        {
            string stars = Path.Combine(dir.FullName, "stars.csv"), distances = Path.Combine(dir.FullName, "d.fits");
            TableFile.Write(Stars(), stars);
            TableFile.Write(Distances(), distances);
            var env = new Dictionary<string, string> { ["HALO_CATALOGUE"] = stars, ["HALO_DISTANCES"] = distances };
            var data = NotebookSetup.LoadData("unused", v => env.GetValueOrDefault(v));
            Assert.False(data.IsMock);
            Assert.Equal(30.5, data.Catalogue.GetDouble(C.Distance)[2]);
            Assert.Contains("with distances from " + distances, data.Source);
        }
        finally { dir.Delete(true); }
    }
}
