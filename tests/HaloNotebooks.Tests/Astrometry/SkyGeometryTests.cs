using HaloNotebooks.Astrometry;
using Xunit;

namespace HaloNotebooks.Tests.Astrometry;

public class SkyGeometryTests
{
    [Fact]
    public void AngularDistance_MatchesAstropy_On200Pairs()
    {
        var reference = ReferenceCsv.Load(TestPaths.Fixture("reference/angular_distance.csv"));
        Assert.Equal(200, reference.Count);
        for (int i = 0; i < reference.Count; i++)
        {
            double sep = SkyGeometry.AngularDistance(reference[i, "l1"], reference[i, "b1"], reference[i, "l2"], reference[i, "b2"]);
            Assert.True(Math.Abs(sep - reference[i, "sep_deg"]) <= 1e-6, $"pair {i}: {sep} vs {reference[i, "sep_deg"]}");
        }
    }

    [Fact]
    public void AngularDistance_IsAccurateNearZeroAndAntipodes()
    {
        // acos(dot) would return 0 for the first and lose ~1e-6 deg on the second.
        Assert.Equal(1e-9, SkyGeometry.AngularDistance(10, 0, 10, 1e-9), 1e-22);
        Assert.Equal(180 - 1e-7, SkyGeometry.AngularDistance(0, 0, 180 - 1e-7, 0), 1e-12);
        Assert.Equal(90, SkyGeometry.AngularDistance(123, 0, 45, 90), 12);
        Assert.Equal(0.002, SkyGeometry.AngularDistance(350, 89.999, 170 + 360, 89.999), 12);   // across the pole
    }
}
