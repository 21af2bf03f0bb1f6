using HaloNotebooks.Inference;
using Xunit;

namespace HaloNotebooks.Tests.Inference;

public class PosteriorSummaryTests
{
    [Fact]
    public void FromSamples_UsesNumpyLinearPercentiles()
    {
        // numpy.percentile([4, 1, 3, 2], [50, 16, 84]) = [2.5, 1.48, 3.52]
        var s = PosteriorSummary.FromSamples([4.0, 1, 3, 2]);
        Assert.Equal(2.5, s.Median, 14);
        Assert.Equal(1.48, s.P16, 14);
        Assert.Equal(3.52, s.P84, 14);
        Assert.Equal(1.02, s.ErrPlus, 14);
        Assert.Equal(1.02, s.ErrMinus, 14);
        Assert.Equal(1.02, s.Sigma, 14);
    }

    [Fact]
    public void Percentile_HitsSamplesAndEnds()
    {
        double[] x = [0, 10, 20, 30, 40];
        Assert.Equal(0, PosteriorSummary.Percentile(x, 0));
        Assert.Equal(40, PosteriorSummary.Percentile(x, 100));
        Assert.Equal(10, PosteriorSummary.Percentile(x, 25));
        Assert.Equal(6.4, PosteriorSummary.Percentile(x, 16), 12);   // numpy: 6.4
    }

    [Fact]
    public void FromSamples_RejectsEmptyAndNaN()
    {
        Assert.Throws<ArgumentException>(() => PosteriorSummary.FromSamples([]));
        Assert.Throws<ArgumentException>(() => PosteriorSummary.FromSamples([1.0, double.NaN]));
    }

    /// <summary>The selection-based summary is bit for bit the sort-based one (numpy's linear percentiles of the sorted
    /// samples), for lengths 1 to a chain's 60 000, with ties, constants and sorted or reversed input.</summary>
    [Fact]
    public void FromSamples_EqualsTheSortedPercentiles_BitForBit()
    {
        var rng = new Random(3);
        foreach (int n in new[] { 1, 2, 3, 4, 5, 7, 100, 101, 1000, 60_000 })
            foreach (var kind in new[] { "normal", "ties", "constant", "sorted", "reversed" })
            {
                var x = Enumerable.Range(0, n).Select(_ => kind switch
                {
                    "ties" => Math.Round(rng.NextDouble() * 5),
                    "constant" => 2.5,
                    _ => rng.NextDouble() * 10 - 3,
                }).ToArray();
                if (kind == "sorted") Array.Sort(x);
                if (kind == "reversed") { Array.Sort(x); Array.Reverse(x); }
                var sorted = x.OrderBy(v => v).ToArray();
                var s = PosteriorSummary.FromSamples(x);
                Assert.Equal(BitConverter.DoubleToInt64Bits(PosteriorSummary.Percentile(sorted, 50)), BitConverter.DoubleToInt64Bits(s.Median));
                Assert.Equal(BitConverter.DoubleToInt64Bits(PosteriorSummary.Percentile(sorted, 16)), BitConverter.DoubleToInt64Bits(s.P16));
                Assert.Equal(BitConverter.DoubleToInt64Bits(PosteriorSummary.Percentile(sorted, 84)), BitConverter.DoubleToInt64Bits(s.P84));
            }
    }
}
