using HaloNotebooks.Analysis;
using Xunit;
using HaloNotebooks.Paper;

namespace HaloNotebooks.Tests.Analysis;

public class TableComparisonTests
{
    [Fact]
    public void Compare_TheSameTable_IsZeroEverywhere()
    {
        var c = TableComparison.Compare(PublishedTables.Table2, PublishedTables.Table2);
        Assert.Equal(28 * 9 + 14, c.Entries.Count);
        Assert.Equal(1.0, c.FractionWithin1Sigma);
        Assert.Equal(0, c.CountBeyond(0));
    }

    [Fact]
    public void Compare_ReportsAShiftedEntryInSigma_AndRanksItWorst()
    {
        var paper = PublishedTables.Table3;
        var rows = paper.Rows.Select(r => r).ToList();
        var shifted = new Dictionary<string, Measurement>(rows[1].Values);
        // μ_dipole −18.1 +3.6 −3.4 moved up by 10: our lower error 3.4 faces their upper 3.6 → 10/√(3.4²+3.6²).
        shifted["mu_dipole"] = shifted["mu_dipole"] with { Value = -8.1 };
        rows[1] = rows[1] with { Values = shifted };
        var c = TableComparison.Compare(new PaperTable(3, rows), paper);
        var worst = c.Worst(1)[0];
        Assert.Equal("mu_dipole", worst.Parameter);
        Assert.Equal(10 / Math.Sqrt(3.4 * 3.4 + 3.6 * 3.6), worst.DifferenceInSigma, 9);
        Assert.Equal(1, c.CountBeyond(2));
        Assert.Equal(19.0 / 20, c.FractionWithin2Sigma, 12);
    }

    [Fact]
    public void Compare_TreatsApexLongitudesModulo360()
    {
        var paper = PublishedTables.Table3;
        var rows = paper.Rows.Select(r => r with
        {
            Values = new Dictionary<string, Measurement>(r.Values) { ["l_apex"] = r.Values["l_apex"] with { Value = r.Values["l_apex"].Value + 360 } },
        }).ToList();
        var c = TableComparison.Compare(new PaperTable(3, rows), paper);
        Assert.All(c.Entries, e => Assert.Equal(0, e.DifferenceInSigma, 9));
    }

    [Fact]
    public void ToHtml_StatesTheSummary() =>
        Assert.Contains("100% within 1σ", TableComparison.Compare(PublishedTables.Table1, PublishedTables.Table1).ToHtml());
}
