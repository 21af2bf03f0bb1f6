using HaloNotebooks.Astrometry;
using Xunit;

namespace HaloNotebooks.Tests.Astrometry;

public class GalacticCoordinatesTests
{
    static readonly ReferenceCsv Reference = ReferenceCsv.Load(TestPaths.Fixture("reference/coordinates.csv"));

    [Fact]
    public void FromIcrs_MatchesAstropy_On200Cases()
    {
        for (int i = 0; i < Reference.Count; i++)
        {
            var (l, b) = GalacticCoordinates.FromIcrs(Reference[i, "ra"], Reference[i, "dec"]);
            Assert.InRange(l, 0, 360);
            ReferenceCsv.AssertClose(Reference[i, "l"], l, $"row {i} l", angle: true);
            ReferenceCsv.AssertClose(Reference[i, "b"], b, $"row {i} b");
        }
    }

    [Fact]
    public void SpanForm_EqualsScalarForm()
    {
        var ra = Reference.Column("ra");
        var dec = Reference.Column("dec");
        var l = new double[ra.Length];
        var b = new double[ra.Length];
        GalacticCoordinates.FromIcrs(ra, dec, l, b);
        for (int i = 0; i < ra.Length; i++)
            Assert.Equal(GalacticCoordinates.FromIcrs(ra[i], dec[i]), (l[i], b[i]));
    }

    [Fact]
    public void ToIcrs_InvertsFromIcrs()
    {
        for (int i = 0; i < Reference.Count; i++)
        {
            var (ra, dec) = GalacticCoordinates.ToIcrs(Reference[i, "l"], Reference[i, "b"]);
            Assert.True(SkyGeometry.AngularDistance(ra, dec, Reference[i, "ra"], Reference[i, "dec"]) < 1e-9, $"row {i}");
        }
    }

    [Fact]
    public void GalacticPole_AndCentre_AreWhereTheIauPutThem()
    {
        // FK5 J2000 NGP (192.85948, 27.12825) and l = 0 direction (266.40500, −28.93617); ICRS differs by ~20 mas.
        var (_, bPole) = GalacticCoordinates.FromIcrs(192.85948, 27.12825);
        Assert.True(bPole > 90 - 1e-4, $"b of the NGP = {bPole}");
        var (lCentre, bCentre) = GalacticCoordinates.FromIcrs(266.40500, -28.93617);
        Assert.True(SkyGeometry.AngularDistance(lCentre, bCentre, 0, 0) < 1e-4, $"centre at ({lCentre}, {bCentre})");
    }

    [Fact]
    public void Matrix_IsARotation()
    {
        var g = GalacticCoordinates.IcrsToGalactic;
        var product = g * g.Transpose();
        for (int r = 0; r < 3; r++)
            for (int c = 0; c < 3; c++)
                Assert.Equal(r == c ? 1.0 : 0.0, product[r, c], 14);
    }
}
