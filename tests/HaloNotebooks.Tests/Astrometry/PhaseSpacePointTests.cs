using HaloNotebooks.Astrometry;
using Xunit;

namespace HaloNotebooks.Tests.Astrometry;

public class PhaseSpacePointTests
{
    [Fact]
    public void SphericalComponents_FollowThePaperSigns()
    {
        // On the +X axis in the plane: +Vy is retrograde (V_phi > 0), +Vz points to the NGP (V_theta > 0), +Vx is outward.
        var p = new PhaseSpacePoint(10, 0, 0, 30, 40, 50);
        Assert.Equal(10, p.R);
        Assert.Equal(10, p.RGc);
        Assert.Equal(30, p.Vr, 12);
        Assert.Equal(40, p.VPhi, 12);
        Assert.Equal(50, p.VTheta, 12);

        // At the Sun's side (X < 0) the disc's +Vy rotation is prograde: V_phi < 0.
        Assert.Equal(-245.6, new PhaseSpacePoint(-8, 0, 0, 0, 245.6, 0).VPhi, 12);
    }

    [Fact]
    public void SphericalComponents_PreserveSpeed_OffThePlane()
    {
        var p = new PhaseSpacePoint(3, -4, 12, 100, -50, 25);
        Assert.Equal(13, p.RGc, 12);
        Assert.Equal(5, p.R, 12);
        double speed2 = p.Vx * p.Vx + p.Vy * p.Vy + p.Vz * p.Vz;
        Assert.Equal(speed2, p.Vr * p.Vr + p.VPhi * p.VPhi + p.VTheta * p.VTheta, 9);
        // Moving straight up (+Z) above the plane: V_theta = +|V| R / r (towards the NGP), V_r = |V| Z / r.
        var up = new PhaseSpacePoint(3, -4, 12, 0, 0, 13);
        Assert.Equal(5, up.VTheta, 12);
        Assert.Equal(12, up.Vr, 12);
        Assert.Equal(0, up.VPhi, 12);
    }
}
