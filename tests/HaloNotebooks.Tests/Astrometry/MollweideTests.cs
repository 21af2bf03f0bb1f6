using HaloNotebooks.Astrometry;
using Xunit;

namespace HaloNotebooks.Tests.Astrometry;

public class MollweideTests
{
    static readonly double Sqrt2 = Math.Sqrt(2);

    [Fact]
    public void PolesAndEquator_LandOnTheEllipseAxes()
    {
        Assert.Equal((0.0, Sqrt2), Mollweide.Project(123, 90));
        Assert.Equal((0.0, -Sqrt2), Mollweide.Project(123, -90));
        var (x, y) = Mollweide.Project(90, 0);
        Assert.Equal(-Sqrt2, x, 14);   // longitude increases to the left by default
        Assert.Equal(0, y, 14);
        Assert.Equal(Sqrt2, Mollweide.Project(90, 0, longitudeIncreasesLeft: false).X, 14);
        Assert.Equal(2 * Sqrt2, Math.Abs(Mollweide.Project(180 - 1e-12, 0).X), 9);
    }

    [Theory]
    [InlineData(10.0)]
    [InlineData(45.0)]
    [InlineData(-72.5)]
    [InlineData(89.9999)]
    public void Meridian180_TracesTheEllipse_AndTheAuxiliaryAngleSolvesItsEquation(double lat)
    {
        double theta = Mollweide.AuxiliaryAngle(lat * Angles.DegToRad);
        Assert.Equal(Math.PI * Math.Sin(lat * Angles.DegToRad), 2 * theta + Math.Sin(2 * theta), 12);
        var (x, y) = Mollweide.Project(-180 + 1e-13, lat);
        Assert.Equal(1.0, x * x / 8 + y * y / 2, 9);
    }

    [Fact]
    public void Projection_IsEqualArea()
    {
        // The band 0 < lat < 30 deg is (sin 30° − sin 0)/2 = 1/4 of the sphere, so it must cover 1/4 of the
        // ellipse area π·2√2·√2 = 4π; the band's area is ∫ 2 x_max(y) dy between y(0) and y(30°).
        double y1 = Mollweide.Project(0, 30).Y;
        int steps = 20000;
        double area = 0;
        for (int k = 0; k < steps; k++)
        {
            double y = (k + 0.5) / steps * y1;
            area += 2 * 2 * Sqrt2 * Math.Sqrt(1 - y * y / 2) * (y1 / steps);
        }
        Assert.Equal(4 * Math.PI / 4, area, 6);
    }

    [Fact]
    public void CentralLongitude_ShiftsTheMap()
    {
        Assert.Equal(0, Mollweide.Project(200, 10, centralLonDeg: 200).X, 14);
        Assert.Equal(Mollweide.Project(10, 20), Mollweide.Project(-350, 20));
        Assert.Throws<ArgumentOutOfRangeException>(() => Mollweide.Project(0, 91));
    }
}
