using HaloNotebooks.Catalogs;
using Xunit;

namespace HaloNotebooks.Tests.Catalogs;

public class CsvTableTests
{
    static StarTable Parse(string text, IReadOnlyCollection<string>? columns = null) =>
        CsvTable.Read(new StringReader(text), "mem.csv", columns);

    [Fact]
    public void Read_InfersTypes_ParsesInvariantQuotedAndMissingCells()
    {
        var t = Parse("id,ra,flag,name,mixed\n" +
                      "39627835862863901,1.5,true,\"Draco, dSph\",1\n" +
                      ",nan,False,\"say \"\"hi\"\"\",2.5e3\n" +
                      "-7,-1e-5,,\"two\nlines\",\n");
        Assert.Equal(3, t.RowCount);
        Assert.Equal(ColumnType.Int64, t.GetColumnType("id"));
        Assert.Equal([39627835862863901L, 0L, -7L], t.GetInt64("id", 0));
        Assert.Equal([false, true, false], t.GetMissing("id"));
        Assert.Equal(1.5, t.GetDouble("ra")[0]);
        Assert.True(double.IsNaN(t.GetDouble("ra")[1]));
        Assert.Equal(-1e-5, t.GetDouble("ra")[2]);
        Assert.Equal([true, false, false], t.GetBool("flag", false));
        Assert.Equal([false, false, true], t.GetMissing("flag"));
        Assert.Equal(["Draco, dSph", "say \"hi\"", "two\nlines"], t.GetString("name"));
        Assert.Equal(ColumnType.Double, t.GetColumnType("mixed"));   // int promoted by 2.5e3
        Assert.Equal([1.0, 2500.0], t.GetDouble("mixed")[..2]);
        Assert.True(double.IsNaN(t.GetDouble("mixed")[2]));
    }

    [Fact]
    public void Read_NonNumericCellInNumericColumn_NamesRowAndColumn()
    {
        var e = Assert.Throws<CatalogException>(() => Parse("a,b\n1,2\n3,4\n5,n/a\n"));
        Assert.Equal("b", e.Column);
        Assert.Equal(2, e.Row);
        Assert.Contains("n/a", e.Message);
        var ragged = Assert.Throws<CatalogException>(() => Parse("a,b\n1,2\n3\n"));
        Assert.Equal(1, ragged.Row);
        var missing = Assert.Throws<CatalogException>(() => Parse("a,b\n1,2\n", ["c"]));
        Assert.Equal("c", missing.Column);
    }

    [Fact]
    public void Read_ProjectsColumnsInRequestOrder()
    {
        var t = Parse("a,b,c\n1,x,3\n", ["c", "a"]);
        Assert.Equal(["c", "a"], t.ColumnNames);
        Assert.Equal([3L], t.GetInt64("c"));
    }

    [Fact]
    public void WriteThenRead_RoundTripsValuesExactly_FloatsViaTheirDoubleValue()
    {
        var dir = Directory.CreateTempSubdirectory("csv");
        try
        {
            var path = Path.Combine(dir.FullName, "t.csv");
            var t = FitsWriterTests.Sample(300, 11).WithColumn("numeric_string", Enumerable.Range(0, 300).Select(i => i.ToString()).ToArray());
            CsvTable.Write(t, path);
            var back = CsvTable.Read(path);
            Assert.Equal(t.ColumnNames, back.ColumnNames);
            foreach (var name in t.ColumnNames)
            {
                Assert.Equal(t.GetMissing(name), back.GetMissing(name));
                switch (t.GetColumnType(name))
                {
                    case ColumnType.Double or ColumnType.Single:
                        Assert.Equal(t.GetDouble(name).Select(BitConverter.DoubleToInt64Bits),
                            back.GetDouble(name).Select(BitConverter.DoubleToInt64Bits));
                        break;
                    case ColumnType.Int32 or ColumnType.Int64: Assert.Equal(t.GetInt64(name, 0), back.GetInt64(name, 0)); break;
                    case ColumnType.Boolean: Assert.Equal(t.GetBool(name, false), back.GetBool(name, false)); break;
                    default: Assert.Equal(ColumnType.String, back.GetColumnType(name)); Assert.Equal(t.GetString(name), back.GetString(name)); break;
                }
            }
            Assert.StartsWith("d,f,targetid,s,i32,flag,numeric_string\n", File.ReadAllText(path));
        }
        finally { dir.Delete(true); }
    }
}
