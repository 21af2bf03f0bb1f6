using HaloNotebooks.Astrometry;
using Xunit;

namespace HaloNotebooks.Tests.Astrometry;

public class AnglesTests
{
    [Theory]
    [InlineData(180.0, -180.0)]
    [InlineData(-180.0, -180.0)]
    [InlineData(540.0, -180.0)]
    [InlineData(179.5, 179.5)]
    [InlineData(-190.0, 170.0)]
    [InlineData(280.5, -79.5)]
    [InlineData(0.0, 0.0)]
    public void Wrap180_IsHalfOpenFromMinus180(double deg, double expected) => Assert.Equal(expected, Angles.Wrap180(deg), 12);

    [Fact]
    public void CircularMean_OfLongitudesStraddlingZero_IsNearZero()
    {
        // Arithmetic mean of 350 and 20 would be 185; on the circle it is 5.
        Assert.Equal(5.0, Angles.CircularMean([350.0, 20.0]), 10);
        Assert.Equal(-90.0, Angles.CircularMean([260.0, 280.0]), 10);
    }

    [Fact]
    public void UnwrapAround_MovesByWholeTurnsIntoOneInterval()
    {
        var u = Angles.UnwrapAround([350.0, 20.0, 185.0, -170.0], 5.0);
        Assert.Equal([-10.0, 20.0, -175.0, -170.0], u.Select(x => Math.Round(x, 10)).ToArray());
    }
}
