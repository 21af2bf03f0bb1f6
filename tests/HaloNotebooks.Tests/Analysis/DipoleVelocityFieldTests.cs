using HaloNotebooks.Analysis;
using Xunit;

namespace HaloNotebooks.Tests.Analysis;

public class DipoleFieldTests
{
    [Fact]
    public void MeanVr_IsComprPlusDipoleAtApex_MinusAtAntipode_AndComprAt90Degrees()
    {
        var f = new DipoleVelocityField(MuCompr: -18, MuDipole: -24, LApex: -35, BApex: -38);
        Assert.Equal(-42, f.MeanVr(325, -38), 10);
        Assert.Equal(6, f.MeanVr(145, 38), 10);
        Assert.Equal(-18, f.MeanVr(55, 0) - (-24) * Math.Cos(38 * Math.PI / 180) * Math.Cos(90 * Math.PI / 180), 10);
        Assert.Equal(-18, new DipoleVelocityField(-18, -24, 0, 90).MeanVr(123, 0), 10);
    }
}
