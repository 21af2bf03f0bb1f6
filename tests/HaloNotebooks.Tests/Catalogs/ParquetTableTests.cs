using HaloNotebooks.Catalogs;
using Xunit;

namespace HaloNotebooks.Tests.Catalogs;

public class ParquetTableTests
{
    [Fact]
    public void WriteThenRead_RoundTripsEveryColumnType_WithMissingValues()
    {
        var dir = Directory.CreateTempSubdirectory("parquet");
        try
        {
            var path = Path.Combine(dir.FullName, "t.parquet");
            var t = FitsWriterTests.Sample(1000, 13);
            ParquetTable.Write(t, path);
            FitsWriterTests.AssertSameTable(t, ParquetTable.Read(path));
            var some = ParquetTable.Read(path, ["flag", "d"]);
            Assert.Equal(["flag", "d"], some.ColumnNames);
            Assert.Equal("nope", Assert.Throws<CatalogException>(() => ParquetTable.Read(path, ["nope"])).Column);
        }
        finally { dir.Delete(true); }
    }

    [Fact]
    public void Read_NotParquet_IsACatalogException()
    {
        var dir = Directory.CreateTempSubdirectory("parquet");
        try
        {
            var path = Path.Combine(dir.FullName, "t.parquet");
            File.WriteAllText(path, "a,b\n1,2\n");
            Assert.Equal(path, Assert.Throws<CatalogException>(() => ParquetTable.Read(path)).File);
        }
        finally { dir.Delete(true); }
    }
}
