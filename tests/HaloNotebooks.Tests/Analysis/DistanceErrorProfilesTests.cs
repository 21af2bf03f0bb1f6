using HaloNotebooks.Analysis;
using Xunit;
using D = HaloNotebooks.Tests.Figures.PaperFiguresTestData;

namespace HaloNotebooks.Tests.Analysis;

public class DistanceErrorProfilesTests
{
    [Fact]
    public void Profile_HoldsTheBinsOnly_AndReadsFig10sParametersFromThem()
    {
        var bins = D.Double().Bins;
        var level = new DistanceErrorProfile(0.18, bins);
        Assert.Equal(bins.Count, level.Bins.Count);
        Assert.Equal(bins.Select(b => (b.Bin.RMedian, b["p_mr"])), level.MetalRichFraction);
        Assert.Equal(bins.Select(b => (b.Bin.RMedian, b["beta_mp"])), level.BetaMetalPoor);
    }

    [Fact]
    public void Profile_RejectsFitsOfAnotherModel()
    {
        var e = Assert.Throws<ArgumentException>(() => new DistanceErrorProfile(0, D.Single().Bins));
        Assert.Contains("double", e.Message);
    }
}
