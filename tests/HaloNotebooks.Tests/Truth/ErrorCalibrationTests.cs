using HaloNotebooks.Analysis;
using Xunit;
using HaloNotebooks.Paper;
using HaloNotebooks.Truth;

namespace HaloNotebooks.Tests.Truth;

public class ErrorCalibrationTests
{
    static TableRow Row(double lo, double hi, params (string Key, Measurement Value)[] values) =>
        new(null, lo, hi, double.NaN, null, values.ToDictionary(v => v.Key, v => v.Value));

    [Fact]
    public void Ratios_AreScatterOverTheMeanOfTheTwoPosteriorErrors()
    {
        var ours = new PaperTable(1, [Row(3, 9, ("vr", new(1, 2, 4)), ("sigma_r", new(100, 1, 1))), Row(9, 12, ("vr", new(0, 5, 5)))]);
        var scatter = new PaperTable(1,
            [Row(3, 9, ("vr", Measurement.Exact(6)), ("sigma_r", Measurement.Exact(0.5))), Row(9, 12, ("vr", Measurement.Exact(double.NaN)))]);
        var c = ErrorCalibration.Compare(ours, scatter);
        Assert.Equal(2, c.Entries.Count);                       // the NaN scatter of [9, 12) is left out
        Assert.Equal(2.0, c.Entries[0].Ratio, 12);              // 6 / ((2 + 4) / 2)
        Assert.Equal(0.5, c.Entries[1].Ratio, 12);
        Assert.Equal(1.25, c.MedianRatio, 12);
        Assert.Empty(c.Above(2));
        Assert.Single(c.Above(1.5));
        Assert.Contains("\"[3, 9)\",vr,3,6,2", c.ToCsv());
    }

    [Fact]
    public void DifferentTables_AreRefused()
    {
        var one = new PaperTable(1, []);
        var two = new PaperTable(2, []);
        Assert.Throws<ArgumentException>(() => ErrorCalibration.Compare(one, two));
        Assert.True(double.IsNaN(ErrorCalibration.Compare(one, new PaperTable(1, [])).MedianRatio));
    }
}
