using HaloNotebooks.Astrometry;
using Xunit;

namespace HaloNotebooks.Tests.Astrometry;

public class GalacticProperMotionTests
{
    [Theory]
    [InlineData(10.0, 20.0, 3.0, -1.5)]
    [InlineData(192.6440, 2.8795, -2.0, -2.4)]
    [InlineData(266.0, -29.0, 0.5, 4.0)]
    [InlineData(300.0, 75.0, -1.0, 0.2)]
    public void ToIcrs_RecoversAProperMotionMeasuredByMovingTheStar(double ra, double dec, double pmra, double pmdec)
    {
        // Independent of the rotation of tangent vectors: move the star along (pmra, pmdec) for a short time, convert both
        // positions with GalacticCoordinates.FromIcrs, and difference (l cos b, b). ToIcrs must give back (pmra, pmdec).
        const double dt = 1e-4;  // deg per unit of proper motion: small enough for the curvature, large for rounding
        var (l0, b0) = GalacticCoordinates.FromIcrs(ra, dec);
        double Offset(double s, double mu, double cos) => s * mu * dt / cos;
        var (l1, b1) = GalacticCoordinates.FromIcrs(ra + Offset(1, pmra, Math.Cos(dec * Angles.DegToRad)), dec + Offset(1, pmdec, 1));
        var (lm, bm) = GalacticCoordinates.FromIcrs(ra + Offset(-1, pmra, Math.Cos(dec * Angles.DegToRad)), dec + Offset(-1, pmdec, 1));
        double pml = Angles.Wrap180(l1 - lm) * Math.Cos(b0 * Angles.DegToRad) / (2 * dt), pmb = (b1 - bm) / (2 * dt);
        var icrs = GalacticProperMotion.ToIcrs(l0, b0, new ProperMotion(pml, pmb, 0, 0, 0));
        Assert.Equal(pmra, icrs.Lon, 1e-5);
        Assert.Equal(pmdec, icrs.Lat, 1e-5);
    }

    [Fact]
    public void ToIcrs_RotatesTheErrorEllipse_KeepingItsTraceAndDeterminant()
    {
        // A rotation keeps σ1² + σ2² and the determinant σ1² σ2² (1 − ρ²) of the covariance.
        var g = new ProperMotion(1, 2, 0.3, 0.1, -0.45);
        var i = GalacticProperMotion.ToIcrs(150, -40, g);
        Assert.Equal(0.3 * 0.3 + 0.1 * 0.1, i.ErrLon * i.ErrLon + i.ErrLat * i.ErrLat, 1e-12);
        Assert.Equal(0.09 * 0.01 * (1 - 0.45 * 0.45), i.ErrLon * i.ErrLon * i.ErrLat * i.ErrLat * (1 - i.Corr * i.Corr), 1e-12);
        Assert.Equal(Math.Sqrt(5), Math.Sqrt(i.Lon * i.Lon + i.Lat * i.Lat), 1e-12);
        // NaN errors stay NaN rather than becoming numbers.
        Assert.True(double.IsNaN(GalacticProperMotion.ToIcrs(150, -40, g with { ErrLon = double.NaN }).ErrLon));
    }
}
