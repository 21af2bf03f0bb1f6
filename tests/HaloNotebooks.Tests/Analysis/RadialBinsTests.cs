using HaloNotebooks.Analysis;
using Xunit;
using HaloNotebooks.Paper;

namespace HaloNotebooks.Tests.Analysis;

public class RadialBinsTests
{
    [Fact]
    public void Paper_EdgesAreTable1FirstColumn()
    {
        // Independent source: the bin rows of the paper's Table 1 (CSV copy), after the all-stars row.
        var rows = PublishedTables.Table1.Rows.Skip(1).ToList();
        var bins = RadialBins.Paper;
        Assert.Equal(rows.Count, bins.Count);
        for (int k = 0; k < bins.Count; k++)
            Assert.Equal((rows[k].RMin, rows[k].RMax), bins[k]);
    }

    [Fact]
    public void PaperDipole_IsTable3SubBins()
    {
        var rows = PublishedTables.Table3.Rows.Skip(1).ToList();
        Assert.Equal(rows.Select(r => (r.RMin, r.RMax)), Enumerable.Range(0, 3).Select(k => RadialBins.PaperDipole[k]));
    }

    [Theory]
    [InlineData(2.999, -1)]
    [InlineData(3.0, 0)]
    [InlineData(8.999, 0)]
    [InlineData(9.0, 1)]
    [InlineData(80.0, 12)]
    [InlineData(159.99, 12)]
    [InlineData(160.0, -1)]
    [InlineData(double.NaN, -1)]
    public void IndexOf_UsesHalfOpenIntervals(double r, int expected) => Assert.Equal(expected, RadialBins.Paper.IndexOf(r));

    [Fact]
    public void Describe_CountsAndMediansPerBin()
    {
        double[] r = [4, 5, 6, 7, 10, 11, 200, 1];
        var bins = new RadialBins([3, 9, 12]).Describe(r);
        Assert.Equal(4, bins[0].Count);
        Assert.Equal(5.5, bins[0].RMedian, 12);
        Assert.Equal(2, bins[1].Count);
        Assert.Equal(10.5, bins[1].RMedian, 12);
    }

    [Fact]
    public void EqualCount_PutsEqualNumbersInEachBin()
    {
        var rng = new HaloNotebooks.Numerics.SeededRandom(5);
        var r = Enumerable.Range(0, 3000).Select(_ => 3 + 157 * Math.Pow(rng.NextDouble(), 3)).ToArray();
        var bins = RadialBins.EqualCount(r, 6);
        Assert.Equal(6, bins.Count);
        Assert.Equal(3, bins.RMin);
        Assert.Equal(160, bins.RMax);
        Assert.All(bins.Describe(r), b => Assert.Equal(500, b.Count));
    }

    [Fact]
    public void Constructor_RejectsNonIncreasingEdges()
    {
        var e = Assert.Throws<ArgumentException>(() => new RadialBins([3, 9, 9, 12]));
        Assert.Contains("increase", e.Message);
    }
}
