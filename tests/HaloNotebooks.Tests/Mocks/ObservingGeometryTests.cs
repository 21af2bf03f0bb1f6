using Xunit;
using HaloNotebooks.Astrometry;
using HaloNotebooks.Mocks;
using HaloNotebooks.Numerics;

namespace HaloNotebooks.Tests.Mocks;

public class ObservingGeometryTests
{
    [Fact]
    public void GalacticFromSagittarius_InvertsSagittariusFrame()
    {
        var rng = new SeededRandom(5, 0);
        for (int i = 0; i < 500; i++)
        {
            double lambda = 360 * rng.NextDouble(), beta = Math.Asin(2 * rng.NextDouble() - 1) * 180 / Math.PI;
            var (l, b) = ObservingGeometry.GalacticFromSagittarius(lambda, beta);
            var (lambda2, beta2) = SagittariusFrame.FromGalactic(l, b);
            Assert.True(Math.Abs(Angles.Wrap180(lambda2 - lambda)) * Math.Cos(beta * Math.PI / 180) < 1e-9, $"Λ̃ {lambda} → {lambda2}");
            Assert.True(Math.Abs(beta2 - beta) < 1e-9, $"B̃ {beta} → {beta2}");
        }
    }

    [Fact]
    public void CartesianVelocity_InvertsTheSphericalComponents()
    {
        var rng = new SeededRandom(6, 0);
        for (int i = 0; i < 500; i++)
        {
            double x = 100 * (rng.NextDouble() - 0.5), y = 100 * (rng.NextDouble() - 0.5), z = 100 * (rng.NextDouble() - 0.5);
            double vr = rng.NextGaussian(0, 150), vphi = rng.NextGaussian(0, 150), vtheta = rng.NextGaussian(0, 150);
            var (vx, vy, vz) = ObservingGeometry.CartesianVelocity(x, y, z, vr, vphi, vtheta);
            var p = new PhaseSpacePoint(x, y, z, vx, vy, vz);
            Assert.Equal(vr, p.Vr, 9);
            Assert.Equal(vphi, p.VPhi, 9);
            Assert.Equal(vtheta, p.VTheta, 9);
        }
    }

    [Fact]
    public void Offset_PlacesMembersAtTheirAngularRadius()
    {
        // Inverse gnomonic projection: a point at standard coordinates (ξ, η) lies atan(ρ) from the centre.
        foreach (var (ra0, dec0) in new[] { (205.5, 28.4), (260.1, 57.9), (10.0, -15.0), (359.9, 0.1) })
            foreach (var (xi, eta) in new[] { (0.3, 0.0), (0.0, -0.8), (1.1, 0.9) })
            {
                var (ra, dec) = SubstructureMembers.Offset(ra0, dec0, xi, eta);
                double rho = Math.Sqrt(xi * xi + eta * eta) * Math.PI / 180;
                Assert.Equal(Math.Atan(rho) * 180 / Math.PI, SkyGeometry.AngularDistance(ra0, dec0, ra, dec), 9);
            }
    }
}
