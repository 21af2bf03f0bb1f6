using Xunit;
using HaloNotebooks.Selection;

namespace HaloNotebooks.Tests.Selection;

public class SubstructureMatchTests
{
    static readonly Substructure Cluster = new("C", SubstructureKind.GlobularCluster, Ra: 150, Dec: 20, RadiusDeg: 0.5,
        Distance: 10, DistanceErr: 0.2, Pmra: -1, Pmdec: 2, PmErr: 0.1, Rv: 100, RvErr: 5);

    static SubstructureMatch.Stars Stars(params (double ra, double dec, double d, double pmra, double pmdec, double rv)[] s) => new(
        s.Select(x => x.ra).ToArray(), s.Select(x => x.dec).ToArray(), s.Select(x => x.d).ToArray(), s.Select(x => 0.1 * x.d).ToArray(),
        s.Select(x => x.pmra).ToArray(), s.Select(x => x.pmdec).ToArray(), s.Select(_ => 0.1).ToArray(), s.Select(_ => 0.1).ToArray(),
        s.Select(x => x.rv).ToArray(), s.Select(_ => 3.0).ToArray());

    [Fact]
    public void Member_NeedsSkyAndPhaseSpaceAgreement()
    {
        var stars = Stars(
            (150.2, 20.2, 10.5, -1.05, 2.1, 104),      // member (0.28° away, all within 3σ)
            (150.0, 20.6, 10, -1, 2, 100),             // 0.6° > 0.5°: outside the radius
            (150.1, 20.0, 10, -1, 2, 150),             // RV off by 50 km/s vs σ = √(25+9) ≈ 5.8
            (150.1, 20.0, 20, -1, 2, 100),             // distance off by 10 kpc vs σ ≈ 2.0
            (150.1, 20.0, 10, 0, 2, 100),              // pmra off by 1 mas/yr vs σ ≈ 0.14
            (150.1, 20.0, double.NaN, -1, 2, 100));    // no distance: that criterion is skipped → member
        var m = SubstructureMatch.FirstMember(stars, [Cluster], radiusScale: 1, nSigma: 3);
        Assert.Equal([0, -1, -1, -1, -1, 0], m);
        // Doubling the radius takes in the second star.
        Assert.Equal(0, SubstructureMatch.FirstMember(stars, [Cluster], radiusScale: 2, nSigma: 3)[1]);
        // The RV criterion at 10σ accepts the third star (50 < 10 × 5.83).
        Assert.Equal(0, SubstructureMatch.FirstMember(stars, [Cluster], radiusScale: 1, nSigma: 10)[2]);
    }

    [Fact]
    public void Member_AcrossRaZero_UsesTrueAngularDistance()
    {
        var c = Cluster with { Ra = 359.9, Dec = 0 };
        var m = SubstructureMatch.FirstMember(Stars((0.2, 0.1, 10, -1, 2, 100)), [c], 1, 3);   // 0.32° away across ra = 0
        Assert.Equal([0], m);
    }
}
