using HaloNotebooks.Catalogs;
using Xunit;

namespace HaloNotebooks.Tests.Catalogs;

public class TableFileTests
{
    [Fact]
    public void ReadWrite_DispatchByExtension_AllFormatsAgree()
    {
        var dir = Directory.CreateTempSubdirectory("tablefile");
        try
        {
            var t = FitsWriterTests.Sample(50, 17).Select("d", "targetid", "i32", "flag");
            foreach (var ext in new[] { ".fits", ".parquet", ".csv" })
            {
                var path = Path.Combine(dir.FullName, "t" + ext);
                TableFile.Write(t, path);
                var back = TableFile.Read(path);
                Assert.Equal(t.GetDouble("d").Select(BitConverter.DoubleToInt64Bits), back.GetDouble("d").Select(BitConverter.DoubleToInt64Bits));
                Assert.Equal(t.GetInt64("targetid"), back.GetInt64("targetid"));
                Assert.Equal(t.GetMissing("i32"), back.GetMissing("i32"));
                Assert.Equal(t.GetBool("flag", true), back.GetBool("flag", true));
            }
            Assert.Contains(".txt", Assert.Throws<CatalogException>(() => TableFile.Read(Path.Combine(dir.FullName, "t.txt"))).Message);
        }
        finally { dir.Delete(true); }
    }
}
