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
                    Assert.Equal(expected.GetDouble(name).Select(BitConverter.DoubleToInt64Bits),
                        actual.GetDouble(name).Select(BitConverter.DoubleToInt64Bits));
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

    [Fact]
    public void Int16Uint8AndVectorForms_RoundTripThroughTheReader_WithTheDataModelsTforms()
    {
        var dir = Directory.CreateTempSubdirectory("fitswriter");
        try
        {
            var path = Path.Combine(dir.FullName, "forms.fits");
            int n = 300;
            var rng = new HaloNotebooks.Numerics.SeededRandom(3, 0);
            var i16 = Enumerable.Range(0, n).Select(i => i == 0 ? short.MinValue + 1 : i == 1 ? short.MaxValue : (int)(rng.NextDouble() * 60000) - 30000)
                .ToArray();
            var u8 = Enumerable.Range(0, n).Select(i => i % 255).ToArray();
            var missing = Enumerable.Range(0, n).Select(i => i % 17 == 5).ToArray();
            var t = StarTable.FromColumns([("RELEASE", i16)]).WithColumn("FA_TYPE", u8, missing).WithColumn("MASKBITS", i16, missing);
            for (int e = 0; e < 25; e++)
                t = t.WithColumn($"COVAR_{e}", Enumerable.Range(0, n).Select(i => e == 7 && i == 2 ? double.NaN : rng.NextGaussian() * (e + 1)).ToArray());
            for (int e = 0; e < 4; e++) t = t.WithColumn($"ELEM_{e}", Enumerable.Range(0, n).Select(i => (float)rng.NextGaussian()).ToArray());
            t = t.WithColumn("ID", Enumerable.Range(0, n).Select(i => (long)i * 1_000_000_007).ToArray());
            var forms = new Dictionary<string, string> { ["RELEASE"] = "I", ["MASKBITS"] = "I", ["FA_TYPE"] = "B", ["COVAR"] = "25D", ["ELEM"] = "4E" };

            FitsWriter.Write(path, [("RVTAB", t, forms)]);
            using var fits = FitsFile.Open(path);
            var header = fits.Header("RVTAB");
            Assert.Equal(6L, header["TFIELDS"]);                      // RELEASE, FA_TYPE, MASKBITS, COVAR, ELEM, ID
            Assert.Equal(new object[] { "I", "B", "I", "25D", "4E", "K" }, Enumerable.Range(1, 6).Select(k => header["TFORM" + k]).ToArray());
            Assert.Equal("COVAR", header["TTYPE4"]);
            Assert.Equal(2L + 1 + 2 + 25 * 8 + 4 * 4 + 8, header["NAXIS1"]);
            Assert.Equal(255L, header["TNULL2"]);                     // no value is 255, so it marks missing (0 is a real value)
            Assert.Equal((long)short.MinValue, header["TNULL3"]);
            AssertSameTable(t, fits.ReadTable("RVTAB"));
            AssertSameTable(t.Select("COVAR_0", "COVAR_24"), fits.ReadTable("RVTAB", ["COVAR_0", "COVAR_24"]));
        }
        finally { dir.Delete(true); }
    }

    [Fact]
    public void Forms_RejectValuesOutOfRange_AndVectorsWithoutTheirColumns()
    {
        var dir = Directory.CreateTempSubdirectory("fitswriter");
        try
        {
            var path = Path.Combine(dir.FullName, "bad.fits");
            var t = StarTable.FromColumns([("FLAG", new[] { 0, 256 }), ("V_0", new[] { 1.0, 2.0 }), ("V_1", new[] { 3.0, 4.0 })]);
            var e = Assert.Throws<CatalogException>(() => FitsWriter.Write(path, [("T", t, new Dictionary<string, string> { ["FLAG"] = "B" })]));
            Assert.Equal(("FLAG", 1L), (e.Column, e.Row));
            e = Assert.Throws<CatalogException>(() => FitsWriter.Write(path, [("T", t, new Dictionary<string, string> { ["V"] = "3D" })]));
            Assert.Equal("V_2", e.Column);
            e = Assert.Throws<CatalogException>(() => FitsWriter.Write(path, [("T", t, new Dictionary<string, string> { ["V"] = "2E" })]));
            Assert.Contains("cannot be written as TFORM E", e.Message);
            Assert.Empty(Directory.GetFiles(dir.FullName));
        }
        finally { dir.Delete(true); }
    }
}
