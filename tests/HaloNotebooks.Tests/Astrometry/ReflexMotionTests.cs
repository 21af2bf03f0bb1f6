using Xunit;
using HaloNotebooks.Astrometry;
using HaloNotebooks.Numerics;

namespace HaloNotebooks.Tests.Astrometry;

public class ReflexMotionTests
{
    [Fact]
    public void CosTheta_IsTheCosineOfTheGreatCircleAngle()
    {
        var rng = new SeededRandom(3);
        for (int k = 0; k < 200; k++)
        {
            double l = 360 * rng.NextDouble(), b = Math.Asin(2 * rng.NextDouble() - 1) * Angles.RadToDeg;
            double la = 360 * rng.NextDouble() - 180, ba = Math.Asin(2 * rng.NextDouble() - 1) * Angles.RadToDeg;
            Assert.Equal(Math.Cos(SkyGeometry.AngularDistance(l, b, la, ba) * Angles.DegToRad), ReflexMotion.CosTheta(l, b, la, ba), 12);
        }
        Assert.Equal(-18 - 24 * 1.0, ReflexMotion.MeanVr(-18, -24, ReflexMotion.CosTheta(-35, -38, -35, -38)), 12);
    }

    [Fact]
    public void ApexFromSinB_IsTheApexOfTheSameDirection()
    {
        var a = ReflexMotion.Apex(-34.8, -37.87);
        var s = ReflexMotion.ApexFromSinB(-34.8, Math.Sin(-37.87 * Angles.DegToRad));
        Assert.Equal(0.0, (a - s).Norm, 12);
    }

    [Fact]
    public void DipoleOf_InvertsTravelVelocity_InThePapersForm()
    {
        // μ_dipole ≤ 0 as in Table 3; a positive amplitude comes back as the antapex with the sign flipped.
        var (mu, l, b) = ReflexMotion.DipoleOf(ReflexMotion.TravelVelocity(-24.0, -34.8, -37.87));
        Assert.Equal(-24.0, mu, 10);
        Assert.Equal(-34.8, l, 9);
        Assert.Equal(-37.87, b, 9);
        (mu, l, b) = ReflexMotion.DipoleOf(ReflexMotion.TravelVelocity(24.0, -34.8, -37.87));
        Assert.Equal(-24.0, mu, 10);
        Assert.Equal(145.2, l, 9);
        Assert.Equal(37.87, b, 9);
        Assert.Equal((0.0, 0.0, 0.0), ReflexMotion.DipoleOf(default));
    }

    [Fact]
    public void RadialProjection_IsEq6sDipoleTerm()
    {
        // U·r̂ for a star in direction (l, b) from the Galactic centre is μ_dipole cos θ.
        var u = ReflexMotion.TravelVelocity(-20.0, -14.3, -41.6);
        foreach (var (l, b) in new[] { (10.0, 30.0), (200.0, -60.0), (-14.3, -41.6), (90.0, 0.0) })
        {
            var (vr, _, _) = ReflexMotion.SphericalComponents(u, 70.0 * Vector3d.FromLonLat(l, b));
            Assert.Equal(-20.0 * ReflexMotion.CosTheta(l, b, -14.3, -41.6), vr, 10);
        }
    }

    [Fact]
    public void Projections_FollowThePapersSignConventions()
    {
        // At (x, y, z) = (10, 0, 0): r̂ = x̂, φ̂ = (−y, x, 0)/R = ŷ, θ̂ (towards +z) = ẑ.
        var p = new Vector3d(10, 0, 0);
        Assert.Equal((3.0, 0.0, 0.0), ReflexMotion.SphericalComponents(new(3, 0, 0), p));
        Assert.Equal((0.0, 3.0, 0.0), ReflexMotion.SphericalComponents(new(0, 3, 0), p));
        Assert.Equal((0.0, 0.0, 3.0), ReflexMotion.SphericalComponents(new(0, 0, 3), p));
    }

    [Fact]
    public void WholeSkyMeanOfThePolarProjection_IsEq7()
    {
        // Eq. 7 analytically: only U_z survives the average of U·θ̂ = −U_x sin β cos φ − U_y sin β sin φ + U_z cos β over the
        // sphere, with ⟨cos β⟩ = π/4. Equal-area grid (uniform in z, midpoints): error ~1/n², below 1e-3 km/s here.
        foreach (var (mu, la, ba) in new[] { (-24.0, -34.8, -37.87), (-44.0, -28.3, -23.8), (15.0, 100.0, 70.0) })
        {
            var u = ReflexMotion.TravelVelocity(mu, la, ba);
            var (mean, north, quadrant) = GridMeans(u, 400);
            Assert.True(Math.Abs(ReflexMotion.SkyMeanPolarVelocity(mu, ba) - mean) < 1e-3, $"sky {mean}");
            // A footprint symmetric in longitude (the northern hemisphere) keeps Eq. 7; one that is not does not:
            // over β > 0, 0 < φ < π, ⟨sin β⟩ = 1/2 and ⟨sin φ⟩ = 2/π, so ⟨V_θ⟩ = (π/4) U_z − U_y/π.
            Assert.True(Math.Abs(ReflexMotion.SkyMeanPolarVelocity(mu, ba) - north) < 1e-3, $"north {north}");
            Assert.True(Math.Abs(Math.PI / 4 * u.Z - u.Y / Math.PI - quadrant) < 1e-3, $"quadrant {quadrant}");
        }
    }

    static (double Sky, double North, double Quadrant) GridMeans(Vector3d u, int n)
    {
        double sky = 0, north = 0, quadrant = 0;
        int nNorth = 0, nQuadrant = 0;
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++)
            {
                double z = -1 + (i + 0.5) * 2.0 / n, phi = (j + 0.5) * 2 * Math.PI / n, rho = Math.Sqrt(1 - z * z);
                double vTheta = ReflexMotion.SphericalComponents(u, new Vector3d(rho * Math.Cos(phi), rho * Math.Sin(phi), z)).VTheta;
                sky += vTheta;
                if (z > 0) { north += vTheta; nNorth++; }
                if (z > 0 && phi < Math.PI) { quadrant += vTheta; nQuadrant++; }
            }
        return (sky / (n * n), north / nNorth, quadrant / nQuadrant);
    }
}
