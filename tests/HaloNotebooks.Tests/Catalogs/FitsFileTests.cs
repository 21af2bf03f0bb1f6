using Xunit;
using System.Text.Json;
using HaloNotebooks.Catalogs;

namespace HaloNotebooks.Tests.Catalogs;

public class FitsFileTests
{
    static readonly string FixturePath = TestPaths.Fixture("catalogs/bintable_features.fits");
    static readonly JsonElement Expected = JsonDocument.Parse(File.ReadAllText(TestPaths.Fixture("catalogs/bintable_features.json"))).RootElement;

    static double Num(JsonElement e) => e.ValueKind == JsonValueKind.String
        ? e.GetString() switch { "nan" => double.NaN, "inf" => double.PositiveInfinity, var s => throw new InvalidDataException(s) }
        : e.GetDouble();

    [Fact]
    public void ReadTable_MatchesIndependentlyBuiltFixture_EveryTformScalingAndNull()
    {
        using var fits = FitsFile.Open(FixturePath);
        var t = fits.ReadTable("STARS");
        Assert.Equal(Expected.GetProperty("rows").GetInt32(), t.RowCount);
        Assert.Equal(ColumnType.Int64, t.GetColumnType("ID"));
        Assert.Equal(Expected.GetProperty("ID").EnumerateArray().Select(e => e.GetInt64()), t.GetInt64("ID"));
        Assert.Equal(Expected.GetProperty("K64").EnumerateArray().Select(e => e.GetInt64()), t.GetInt64("K64"));
        foreach (var name in new[] { "B8", "U16", "SBYTE" })
        {
            Assert.Equal(ColumnType.Int32, t.GetColumnType(name));
            Assert.Equal(Expected.GetProperty(name).EnumerateArray().Select(e => e.GetInt64()), t.GetInt64(name));
        }
        Assert.Equal(ColumnType.Int64, t.GetColumnType("U32"));   // unsigned 32-bit convention needs int64
        Assert.Equal(Expected.GetProperty("U32").EnumerateArray().Select(e => e.GetInt64()), t.GetInt64("U32"));
        // TNULL → missing, reported by GetMissing and refused by GetInt64 without a fill value.
        Assert.Equal([false, false, true], t.GetMissing("J32"));
        Assert.Equal([7L, -2147483647L, 0L], t.GetInt64("J32", 0));
        var ex = Assert.Throws<CatalogException>(() => t.GetInt64("J32"));
        Assert.Equal(2, ex.Row);
        Assert.Equal([true, false, false], t.GetBool("FLAG", false));
        Assert.Equal([false, false, true], t.GetMissing("FLAG"));
        Assert.Equal(ColumnType.Single, t.GetColumnType("E32"));
        Assert.Equal(Expected.GetProperty("E32").EnumerateArray().Select(Num), t.GetDouble("E32"));
        Assert.Equal(Expected.GetProperty("D64").EnumerateArray().Select(Num), t.GetDouble("D64"));
        Assert.Equal(Expected.GetProperty("NAME").EnumerateArray().Select(e => e.ValueKind == JsonValueKind.Null ? null : e.GetString()), t.GetString("NAME"));
        for (int k = 0; k < 3; k++)
            Assert.Equal(Expected.GetProperty($"VEC_{k}").EnumerateArray().Select(Num), t.GetDouble($"VEC_{k}"));
        Assert.Equal(Expected.GetProperty("SCALED").EnumerateArray().Select(Num), t.GetDouble("SCALED"));
    }

    [Fact]
    public void Header_JoinsContinueCards_IntoOneLongString()
    {
        using var fits = FitsFile.Open(FixturePath);
        Assert.Equal(Expected.GetProperty("LONGSTR").GetString(), fits.Header("0")["LONGSTR"]);
    }

    [Fact]
    public void ReadTable_ByIndexOrExtName_AndColumnProjectionKeepsRequestOrder()
    {
        using var fits = FitsFile.Open(FixturePath);
        Assert.Equal(3, fits.Hdus.Count);
        Assert.Equal(["PRIMARY", "BINTABLE", "BINTABLE"], fits.Hdus.Select(h => h.Type));
        var byName = fits.ReadTable("stars", ["D64", "VEC", "ID"]);
        var byIndex = fits.ReadTable(1, ["D64", "VEC", "ID"]);
        Assert.Equal(["D64", "VEC_0", "VEC_1", "VEC_2", "ID"], byName.ColumnNames);
        Assert.Equal(byName.GetInt64("ID"), byIndex.GetInt64("ID"));
        Assert.Equal(["VEC_1"], fits.ReadTable("STARS", ["VEC_1"]).ColumnNames);
        var empty = fits.ReadTable("EMPTY");
        Assert.Equal(0, empty.RowCount);
        Assert.Equal(["X"], empty.ColumnNames);
    }

    [Fact]
    public void ReadTable_NamesHduAndColumn_WhenColumnOrHduMissing()
    {
        using var fits = FitsFile.Open(FixturePath);
        var e1 = Assert.Throws<CatalogException>(() => fits.ReadTable("STARS", ["NOPE"]));
        Assert.Equal("NOPE", e1.Column);
        Assert.Equal(FixturePath, e1.File);
        Assert.Contains("STARS", e1.Hdu);
        var e2 = Assert.Throws<CatalogException>(() => fits.ReadTable("GAIA"));
        Assert.Contains("GAIA", e2.Message);
        var e3 = Assert.Throws<CatalogException>(() => fits.ReadTable("0"));
        Assert.Contains("not a binary table", e3.Message);
    }

    static byte[] Fixture() => File.ReadAllBytes(FixturePath);

    static CatalogException OpenAndReadFails(byte[] bytes)
    {
        return Assert.Throws<CatalogException>(() =>
        {
            using var fits = FitsFile.Open(new MemoryStream(bytes), "bad.fits");
            fits.ReadTable("STARS");
        });
    }

    static byte[] ReplaceCard(byte[] bytes, string key, string newCard)
    {
        var copy = (byte[])bytes.Clone();
        var text = System.Text.Encoding.Latin1.GetString(copy);
        int at = -1;
        for (int i = 0; i < text.Length; i += 80) if (text.AsSpan(i, 8).TrimEnd().SequenceEqual(key)) { at = i; break; }
        Assert.True(at >= 0, key);
        System.Text.Encoding.ASCII.GetBytes(newCard.PadRight(80), copy.AsSpan(at));
        return copy;
    }

    [Fact]
    public void BadInput_GivesCatalogException_ForEachDocumentedFault()
    {
        var good = Fixture();
        Assert.Contains("truncated", OpenAndReadFails(good[..(2880 * 3 + 100)]).Message);                     // truncated data
        Assert.Contains("SIMPLE", OpenAndReadFails(ReplaceCard(good, "SIMPLE", "SIMPLE  =                    F")).Message);
        Assert.Contains("END", OpenAndReadFails(ReplaceCard(good[..2880], "END", "XND")).Message);                     // header without END
        Assert.Contains("remain", OpenAndReadFails(ReplaceCard(good, "NAXIS2", "NAXIS2  =              9999999")).Message);
        var tform = OpenAndReadFails(ReplaceCard(good, "TFORM2", "TFORM2  = 'Z       '"));
        Assert.Equal("FLAG", tform.Column);
        Assert.Contains("unknown TFORM", tform.Message);
        Assert.Contains("NAXIS1", OpenAndReadFails(ReplaceCard(good, "NAXIS1", "NAXIS1  =                   12")).Message);
        Assert.Contains("shorter than one", OpenAndReadFails(good[..1000]).Message);
    }

    [Fact]
    public void UnsupportedTform_IsSkippableByProjection_AndNamedWhenRequested()
    {
        var bytes = ReplaceCard(Fixture(), "TFORM2", "TFORM2  = '8X      '");   // 8 bits = 1 byte, the width of the L column it replaces
        using var fits = FitsFile.Open(new MemoryStream(bytes), "bits.fits");
        Assert.Equal([39627835862863901L, -1L, 42L], fits.ReadTable("STARS", ["ID"]).GetInt64("ID"));
        var e = Assert.Throws<CatalogException>(() => fits.ReadTable("STARS"));
        Assert.Equal("FLAG", e.Column);
        Assert.Contains("not supported", e.Message);
    }

    [Fact]
    public void Open_MissingFile_NamesIt()
    {
        var e = Assert.Throws<CatalogException>(() => FitsFile.Open("/nonexistent/x.fits"));
        Assert.Equal("/nonexistent/x.fits", e.File);
    }
}
