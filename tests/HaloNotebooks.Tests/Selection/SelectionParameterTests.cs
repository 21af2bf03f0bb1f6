using HaloNotebooks.Selection;
using Xunit;

namespace HaloNotebooks.Tests.Selection;

public class SelectionParameterTests
{
    [Fact]
    public void EveryNameSetAccepts_IsDescribed_WithThePapersValue()
    {
        Assert.Equal(SelectionSettings.ParameterNames.OrderBy(n => n), SelectionParameter.All.Select(p => p.Name).OrderBy(n => n));
        var feh = SelectionParameter.All.Single(p => p.Name == "FehMax");
        Assert.Equal(("-0.85", "dex", "§2.3"), (feh.PaperValue, feh.Unit, feh.Section));
        Assert.Equal("none", SelectionParameter.All.Single(p => p.Name == "MaxDegreeOfParallelism").PaperValue);
        Assert.Equal("100", SelectionParameter.All.Single(p => p.Name == "MaxErrVPhi").PaperValue);
    }

    [Fact]
    public void Changes_ListOnlyWhatDiffersFromThePaper()
    {
        Assert.Empty(SelectionParameter.Changes(SelectionSettings.Paper, SelectionSettings.Paper));
        var whatIf = SelectionSettings.Paper.With(["FehMax=-1.0", "MaxErrVPhi=none"]);
        Assert.Equal(["FehMax=-1 (paper: -0.85 dex)", "MaxErrVPhi=none (paper: 100 km/s)"], SelectionParameter.Changes(whatIf, SelectionSettings.Paper));
    }

    [Fact]
    public void FunnelWording_FollowsTheValuesInEffect()
    {
        var paper = PaperCuts.DiscMetallicity(SelectionSettings.Paper).Wording;
        Assert.Contains("[Fe/H] > −0.85 dex", paper);
        Assert.DoesNotContain("paper:", paper);
        var whatIf = PaperCuts.DiscMetallicity(SelectionSettings.Paper with { FehMax = -1.0 }).Wording;
        Assert.Contains("[Fe/H] > −1 dex", whatIf);
        Assert.Contains("paper: −0.85 dex", whatIf);
        Assert.Contains("|δV_r| < 50 km/s, |δV_φ| unlimited", PaperCuts.VelocityErrors(SelectionSettings.PaperDipole).Wording);
        Assert.StartsWith("§4.4", PaperCuts.VelocityErrors(SelectionSettings.PaperDipole).Wording);
    }

    [Fact]
    public void UnknownName_MessageHasNoDotNetFragment()
    {
        var e = Assert.Throws<ArgumentException>(() => SelectionSettings.Paper.With("Nonsense", "1"));
        Assert.DoesNotContain("(Parameter", e.Message);
        Assert.Contains("FehMax", e.Message);
    }
}
