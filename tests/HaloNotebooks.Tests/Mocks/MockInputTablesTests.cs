using Xunit;
using System.Globalization;
using HaloNotebooks.Mocks;

namespace HaloNotebooks.Tests.Mocks;

public class MockInputTablesTests
{
    public static TheoryData<string, string> Tables => new()
    {
        { "Table1", "table1_single_component.csv" },
        { "Table2", "table2_double_component.csv" },
        { "Table3", "table3_dipole.csv" },
    };

    static MockInputTable ByName(string name) => name switch
    {
        "Table1" => MockInputTables.Table1,
        "Table2" => MockInputTables.Table2,
        _ => MockInputTables.Table3,
    };

    [Theory]
    [MemberData(nameof(Tables))]
    public void EmbeddedNumbers_EqualTheShippedCsv(string name, string file)
    {
        var lines = File.ReadAllLines(Path.Combine(TestPaths.RepoRoot, "data", "reference", file)).Where(l => l.Length > 0).ToArray();
        var header = lines[0].Split(',');
        var table = ByName(name);
        bool labelled = header[0] == "component";
        Assert.Equal(labelled ? header[1..] : header, table.Columns);
        Assert.Equal(lines.Length - 1, table.RowCount);
        for (int i = 1; i < lines.Length; i++)
        {
            var cells = lines[i].Split(',');
            if (labelled)
            {
                Assert.Equal(cells[0], table.Labels![i - 1]);
                cells = cells[1..];
            }
            for (int j = 0; j < cells.Length; j++)
            {
                double expected = cells[j].Length == 0 ? double.NaN : double.Parse(cells[j], CultureInfo.InvariantCulture);
                Assert.True(expected.Equals(table.Rows[i - 1][j]), $"{file} row {i} column {header[labelled ? j + 1 : j]}: csv {cells[j]}, " +
                    $"embedded {table.Rows[i - 1][j]}");
            }
        }
    }

    [Fact]
    public void Indexer_NamesTheMissingColumn()
    {
        var e = Assert.Throws<KeyNotFoundException>(() => MockInputTables.Table1[0, "vr"]);
        Assert.Contains("'vr'", e.Message);
    }

    [Fact]
    public void Table1_TotalIsTheSumOfTheBins()
    {
        // The paper's bins add up to 64,572, one short of the quoted 64,573 (a star at a bin edge or a typo).
        var t = MockInputTables.Table1;
        double bins = Enumerable.Range(1, t.RowCount - 1).Sum(i => t[i, "N"]);
        Assert.Equal(64573, t[0, "N"]);
        Assert.InRange(t[0, "N"] - bins, 0, 1);
    }
}
