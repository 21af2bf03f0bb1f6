using HaloNotebooks.Analysis;
using HaloNotebooks.Models;
using Xunit;

namespace HaloNotebooks.Tests.Analysis;

public class FitModelTests
{
    [Theory]
    [InlineData("single")]
    [InlineData("double")]
    [InlineData("dipole")]
    public void Parse_ReturnsTheModelThatPrintsAsTheSameWord(string name)
    {
        var model = FitModel.Parse(name);
        Assert.Equal(name, model.Name);
        Assert.Equal(name, $"{model}");
        Assert.Same(model, FitModel.All.Single(m => m.Name == name));
    }

    [Fact]
    public void Parse_RejectsAnUnknownName_InOneLine()
    {
        var e = Assert.Throws<ArgumentException>(() => FitModel.Parse("Double"));
        Assert.Contains("single, double or dipole", e.Message);
        Assert.DoesNotContain('\n', e.Message);
    }

    [Fact]
    public void ParameterNames_AreTheLikelihoods()
    {
        Assert.Equal(SingleComponent.ParameterNames, FitModel.Single.ParameterNames);
        Assert.Equal(TwoComponent.ParameterNames, FitModel.Double.ParameterNames);
        Assert.Equal(DipoleField.ParameterNames, FitModel.Dipole.ParameterNames);
        Assert.Equal(8, FitModel.Single.ParameterNames.Count);   // Eqs. 1–3: 3 means, 3 dispersions, [Fe/H] mean and σ
        Assert.Equal(17, FitModel.Double.ParameterNames.Count);  // Eq. 4: two of those and p_MR
        Assert.True(FitModel.Dipole.FitsRadialVelocity);
        Assert.False(FitModel.Double.FitsRadialVelocity);
    }
}
