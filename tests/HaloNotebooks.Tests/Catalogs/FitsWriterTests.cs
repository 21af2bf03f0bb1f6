using Xunit;
using HaloNotebooks.Catalogs;

namespace HaloNotebooks.Tests.Catalogs;

public class FitsWriterTests
{
    internal static StarTable Sample(int n, long seed)
    {
        var rng = new HaloNotebooks.Numerics.SeededRandom(seed, 0);
        var d = new double[n]; var f = new float[n]; var i32 = new int[n]; var i64 = new long[n]; var b = new bool[n]; var s = new string[n];
        var m32 = new bool[n]; var mb = new bool[n];
        for (int i = 0; i < n; i++)
        {
            d[i] = i % 7 == 3 ? double.NaN : rng.NextGaussian() * Math.Pow(10, (int)(rng.NextDouble() * 40) - 20);
            f[i] = (float)rng.NextGaussian();
            i32[i] = (int)(rng.NextDouble() * uint.MaxValue) + int.MinValue;
            i64[i] = (long)(rng.NextDouble() * long.MaxValue) * (i % 2 == 0 ? 1 : -1);
            b[i] = rng.NextDouble() < 0.5;
            s[i] = i % 5 == 0 ? null! : "star '" + i + "'";
            m32[i] = i % 11 == 4;
            mb[i] = i % 13 == 6;
        }
        return StarTable.FromColumns([("d", d), ("f", f), ("targetid", i64), ("s", s)])
            .WithColumn("i32", i32, m32).WithColumn("flag", b, mb);
    }

    internal static void AssertSameTable(StarTable expected, StarTable actual)
    {
        Assert.Equal(expected.RowCount, actual.RowCount);
        Assert.Equal(expected.ColumnNames, actual.ColumnNames);
        foreach (var name in expected.ColumnNames)
        {
            var type = expected.GetColumnType(name);
            Assert.Equal(type, actual.GetColumnType(name));
            Assert.Equal(expected.GetMissing(name), actual.GetMissing(name));
            switch (type)
            {
                case ColumnType.Double or ColumnType.Single:
                    Assert.Equal(expected.GetDouble(name).Select(BitConverter.DoubleToInt64Bits), actual.GetDouble(name).Select(BitConverter.DoubleToInt64Bits));
                    break;
                case ColumnType.Int32 or ColumnType.Int64: Assert.Equal(expected.GetInt64(name, 0), actual.GetInt64(name, 0)); break;
                case ColumnType.Boolean: Assert.Equal(expected.GetBool(name, false), actual.GetBool(name, false)); break;
                default: Assert.Equal(expected.GetString(name), actual.GetString(name)); break;
            }
        }
    }

    [Fact]
    public void Write_ThenRead_RoundTripsEveryTypeBitForBit_AcrossHdus()
    {
        var dir = Directory.CreateTempSubdirectory("fitswriter");
        try
        {
            var path = Path.Combine(dir.FullName, "t.fits");
            var a = Sample(5000, 7);   // more than one 4 MB chunk is not needed: rows cross chunk boundaries at 1 row anyway
            var b = Sample(3, 8).WithColumn("a_column_name_long_enough_to_need_the_FITS_CONTINUE_long_string_convention_xyz", new double[] { 1, 2, 3 });
            FitsWriter.Write(path, [("FIRST", a), ("SECOND", b)]);
            Assert.Equal(0, new FileInfo(path).Length % 2880);
            using var fits = FitsFile.Open(path);
            Assert.Equal([null, "FIRST", "SECOND"], fits.Hdus.Select(h => h.ExtName));
            AssertSameTable(a, fits.ReadTable("FIRST"));
            AssertSameTable(b, fits.ReadTable("SECOND"));
            Assert.Empty(Directory.GetFiles(dir.FullName, "*.tmp"));
        }
        finally { dir.Delete(true); }
    }

    [Fact]
    public void Write_RejectsNonAsciiStrings_AndLeavesNoFile()
    {
        var dir = Directory.CreateTempSubdirectory("fitswriter");
        try
        {
            var path = Path.Combine(dir.FullName, "bad.fits");
            var t = StarTable.FromColumns([("name", new[] { "Draco", "Boötes" })]);
            var e = Assert.Throws<CatalogException>(() => FitsWriter.Write(path, [("T", t)]));
            Assert.Equal("name", e.Column);
            Assert.Empty(Directory.GetFiles(dir.FullName));
        }
        finally { dir.Delete(true); }
    }
}
