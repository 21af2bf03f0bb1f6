using Xunit;
using HaloNotebooks.Selection;

namespace HaloNotebooks.Tests.Selection;

public class ExtinctionTests
{
    [Fact]
    public void AbsoluteMagnitude_IsDistanceModulusAndExtinction()
    {
        // d = 10 kpc: distance modulus 15 mag; A_r = 2.165 × 0.1.
        Assert.Equal(17 - 15 - 0.2165, Extinction.AbsoluteMagnitude(17, 10, 0.1), 12);
        // d = 100 pc: modulus 5 mag, no dust.
        Assert.Equal(0.0, Extinction.AbsoluteMagnitude(5, 0.1, 0), 12);
        var m = Extinction.AbsoluteMagnitude([17.0, 19.0], [10.0, 100.0], [0.0, 0.02], rCoefficient: 3.0);
        Assert.Equal(2.0, m[0], 12);
        Assert.Equal(19 - 20 - 0.06, m[1], 12);
        Assert.True(double.IsNaN(Extinction.AbsoluteMagnitude(17, double.NaN, 0)));
    }
}
