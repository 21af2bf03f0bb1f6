using HaloNotebooks.Analysis;
using Xunit;
using HaloNotebooks.Paper;

namespace HaloNotebooks.Tests.Paper;

public class PaperTableTests
{
    [Fact]
    public void Published_HoldsThePaperRows()
    {
        var t1 = PublishedTables.Table1;
        Assert.Equal(14, t1.Rows.Count);
        Assert.Equal(64573, t1.Rows[0].N);
        Assert.Equal(new Measurement(-14.4, 0.3, 0.3), t1.Rows[0].Values["vphi"]);
        var t2 = PublishedTables.Table2;
        Assert.Equal(28, t2.Rows.Count);
        Assert.Equal(0.542, t2.Rows[0].Values["p_mr"].Value);
        Assert.False(t2.Rows[14].Values.ContainsKey("p_mr")); // MP rows carry no p_MR
        Assert.Equal(-37.87, PublishedTables.Table3.Rows[0].Values["b_apex"].Value); // corrected misprint
    }

    [Fact]
    public void Csv_RoundTrips()
    {
        foreach (int n in new[] { 1, 2, 3 })
        {
            var t = PublishedTables.Table(n);
            var back = PaperTable.Parse(n, t.ToCsv(), "round trip");
            Assert.Equal(t.Rows.Count, back.Rows.Count);
            for (int i = 0; i < t.Rows.Count; i++)
            {
                Assert.True(t.Rows[i].SameRangeAs(back.Rows[i]));
                Assert.Equal(t.Rows[i].N, back.Rows[i].N);
                Assert.Equal(t.Rows[i].Values.OrderBy(kv => kv.Key), back.Rows[i].Values.OrderBy(kv => kv.Key));
            }
        }
    }

    [Fact]
    public void ToFrame_HasThePaperColumnOrder()
    {
        var frame = PublishedTables.Table2.ToFrame();
        var keys = frame.ColumnKeys.ToList();
        Assert.Equal(["component", "r_min_kpc", "r_max_kpc", "r_median_kpc", "Vr", "Vr_errp", "Vr_errm", "Vphi"], keys.Take(8));
        Assert.Equal(["p_mr", "p_mr_errp", "p_mr_errm", "N"], keys.TakeLast(4));
        Assert.Equal(28, frame.RowCount);
        Assert.Equal(131.4, frame.GetColumn<double>("sigma_r").Get(0));
    }

    [Fact]
    public void ToLatex_IsADeluxetableWithOneLinePerRow()
    {
        var tex = PublishedTables.Table3.ToLatex();
        Assert.StartsWith("\\begin{deluxetable*}{ccccccc}", tex);
        Assert.Contains("$-24.0^{+3.7}_{-3.8}$", tex);
        Assert.Equal(4, tex.Split('\n').Count(l => l.EndsWith(" \\\\", StringComparison.Ordinal)));
        Assert.Contains("\\enddata", tex);
    }

    [Fact]
    public void ToMarkdown_HasAHeaderSeparatorAndOneLinePerRow()
    {
        var md = PublishedTables.Table1.ToMarkdown().Split('\n').Where(l => l.StartsWith('|')).ToList();
        Assert.Equal(2 + 14, md.Count);
        Assert.Contains("$131.3^{+0.4}_{-0.3}$", md[2]);
    }

    [Fact]
    public void Parse_NamesRowAndColumnOfABadCell()
    {
        // The one CSV reader (CsvTable): the first data row is row 0; Vr is numeric even where its first cell is a word.
        var e = Assert.Throws<HaloNotebooks.Catalogs.CatalogException>(() => PaperTable.Parse(1, "r_min_kpc,r_max_kpc,Vr\n3,9,1\n3,9,abc\n", "x.csv"));
        Assert.Equal(("x.csv", 1L, "Vr"), (e.File, e.Row, e.Column));
        var first = Assert.Throws<HaloNotebooks.Catalogs.CatalogException>(() => PaperTable.Parse(1, "r_min_kpc,r_max_kpc,Vr\n3,9,abc\n", "x.csv"));
        Assert.Equal(("x.csv", 0L, "Vr"), (first.File, first.Row, first.Column));
    }
}
