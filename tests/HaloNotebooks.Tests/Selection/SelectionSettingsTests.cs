using Xunit;
using HaloNotebooks.Selection;

namespace HaloNotebooks.Tests.Selection;

public class SelectionSettingsTests
{
    [Fact]
    public void Paper_HasTheThresholdsOfSection2_3()
    {
        var s = SelectionSettings.Paper;
        Assert.Equal((4500.0, 5500.0), (s.TeffMin, s.TeffMax));
        Assert.Equal((-3.0, 2.0), (s.AbsMagRMin, s.AbsMagRMax));
        Assert.Equal(-0.85, s.FehMax);
        Assert.Equal(2.0, s.AbsZMin);
        Assert.Equal(15.0, s.SgrBWidth);
        Assert.True(s.MaskSagittarius && s.RemoveSubstructures);
        Assert.Equal((100.0, 100.0, 100.0), (s.MaxErrVr!.Value, s.MaxErrVPhi!.Value, s.MaxErrVTheta!.Value));
        Assert.Equal((3.0, 160.0), (s.RGcMin, s.RGcMax));
        Assert.Equal(1000, s.McSamples);
        Assert.Equal(2.165, s.ExtinctionRr);
    }

    [Fact]
    public void PaperDipole_CutsOnlyTheRadialError()
    {
        var s = SelectionSettings.PaperDipole;
        Assert.Equal(50.0, s.MaxErrVr);
        Assert.Null(s.MaxErrVPhi);
        Assert.Null(s.MaxErrVTheta);
        Assert.Equal(SelectionSettings.Paper with { MaxErrVr = 50, MaxErrVPhi = null, MaxErrVTheta = null }, s);
    }

    [Fact]
    public void With_SetsByName_WithoutTouchingTheOriginal()
    {
        var s = SelectionSettings.Paper.With(["FehMax=-1.0", "mask_sagittarius=false", "maxerrvphi=none", "McSamples=200", "Seed=7"]);
        Assert.Equal(-1.0, s.FehMax);
        Assert.False(s.MaskSagittarius);
        Assert.Null(s.MaxErrVPhi);
        Assert.Equal(200, s.McSamples);
        Assert.Equal(7L, s.Seed);
        Assert.Equal(-0.85, SelectionSettings.Paper.FehMax);
        Assert.Equal(SelectionSettings.Paper with { FehMax = -1.0, MaskSagittarius = false, MaxErrVPhi = null, McSamples = 200, Seed = 7 }, s);
    }

    [Fact]
    public void With_UnknownName_ListsTheValidNames()
    {
        var e = Assert.Throws<ArgumentException>(() => SelectionSettings.Paper.With("FeHmaximum", "1"));
        Assert.Contains("FeHmaximum", e.Message);
        foreach (var n in new[] { "TeffMin", "FehMax", "AbsZMin", "SgrBWidth", "MaxErrVr", "RGcMax" }) Assert.Contains(n, e.Message);
        Assert.DoesNotContain("Frame", SelectionSettings.ParameterNames);
    }

    [Theory]
    [InlineData("FehMax", "minus one")]
    [InlineData("MaskSagittarius", "2")]
    [InlineData("TeffMin", "none")]
    [InlineData("McSamples", "1e3")]
    public void With_BadValue_SaysWhatWasExpected(string name, string value)
    {
        var e = Assert.Throws<ArgumentException>(() => SelectionSettings.Paper.With(name, value));
        Assert.Contains(name, e.Message);
        Assert.Contains(value, e.Message);
    }
}
