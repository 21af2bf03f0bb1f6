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
}
