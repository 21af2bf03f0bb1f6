using HaloNotebooks.Analysis;
using Xunit;
using HaloNotebooks.Paper;

namespace HaloNotebooks.Tests.Paper;

public class MeasurementTests
{
    [Fact]
    public void FromSamples_MatchesNumpyPercentiles()
    {
        // numpy.percentile([3, 1, 4, 1, 5, 9, 2, 6], [16, 50, 84]) = [1.12, 3.5, 5.88]
        var m = Measurement.FromSamples([3, 1, 4, 1, 5, 9, 2, 6]);
        Assert.Equal(3.5, m.Value, 12);
        Assert.Equal(1.12, m.P16, 12);
        Assert.Equal(5.88, m.P84, 12);
    }

    [Fact]
    public void DifferenceInSigma_UsesTheErrorsFacingEachOther()
    {
        var ours = new Measurement(10, ErrPlus: 1, ErrMinus: 3);
        var theirs = new Measurement(6, ErrPlus: 4, ErrMinus: 100);
        // ours above theirs: our lower error (3) and their upper error (4) → 4 / 5.
        Assert.Equal(0.8, ours.DifferenceInSigma(theirs), 12);
        Assert.Equal(-0.8, theirs.DifferenceInSigma(ours), 12);
        Assert.Equal(double.PositiveInfinity, Measurement.Exact(1).DifferenceInSigma(Measurement.Exact(0)));
    }

    [Fact]
    public void ToLatex_PrintsAsThePaper() =>
        Assert.Equal("$-17.9^{+1.9}_{-2.0}$", new Measurement(-17.9, 1.9, 2.0).ToLatex(1));

    [Theory]
    [InlineData(0.31, 0.02, 0.03, 1, "0.31<sup>+0.02</sup><sub>&minus;0.03</sub>")]   // p_mr: a 1-place column would print +0.0
    [InlineData(-17.9, 1.9, 2.0, 1, "-17.9<sup>+1.9</sup><sub>&minus;2.0</sub>")]     // the column's places suffice
    [InlineData(0.94, 0.004, 0.006, 2, "0.940<sup>+0.004</sup><sub>&minus;0.006</sub>")]
    public void ToHtml_ShowsTheSmallerErrorsFirstSignificantDigit(double value, double plus, double minus, int columnDecimals, string expected) =>
        Assert.Equal(expected, new Measurement(value, plus, minus).ToHtml(columnDecimals));

    [Fact]
    public void ToHtml_PrintsAnExactValueWithoutErrors() =>
        Assert.Equal("0.3", Measurement.Exact(0.3).ToHtml(1));
}
