using HaloNotebooks.Astrometry;
using HaloNotebooks.Numerics;
using Xunit;

namespace HaloNotebooks.Tests.Astrometry;

public class GalactocentricFrameTests
{
    static readonly ReferenceCsv Reference = ReferenceCsv.Load(TestPaths.Fixture("reference/coordinates.csv"));
    static readonly GalactocentricFrame Frame = GalactocentricFrame.Paper;

    static PhaseSpacePoint Star(int i) => Frame.ToGalactocentric(Reference[i, "ra"], Reference[i, "dec"], Reference[i, "distance"],
                                                                 Reference[i, "pmra"], Reference[i, "pmdec"], Reference[i, "rv"]);

    [Fact]
    public void ToGalactocentric_MatchesAstropy_On200Cases()
    {
        Assert.Equal(200, Reference.Count);
        for (int i = 0; i < Reference.Count; i++)
        {
            var p = Star(i);
            ReferenceCsv.AssertClose(Reference[i, "X"], p.X, $"row {i} X");
            ReferenceCsv.AssertClose(Reference[i, "Y"], p.Y, $"row {i} Y");
            ReferenceCsv.AssertClose(Reference[i, "Z"], p.Z, $"row {i} Z");
            ReferenceCsv.AssertClose(Reference[i, "abs_z"], Math.Abs(p.Z), $"row {i} |Z|");
            ReferenceCsv.AssertClose(Reference[i, "r_gc"], p.RGc, $"row {i} r_gc");
            ReferenceCsv.AssertClose(Reference[i, "R_cyl"], p.R, $"row {i} R");
            ReferenceCsv.AssertClose(Reference[i, "Vx"], p.Vx, $"row {i} Vx");
            ReferenceCsv.AssertClose(Reference[i, "Vy"], p.Vy, $"row {i} Vy");
            ReferenceCsv.AssertClose(Reference[i, "Vz"], p.Vz, $"row {i} Vz");
            ReferenceCsv.AssertClose(Reference[i, "V_r"], p.Vr, $"row {i} V_r");
            ReferenceCsv.AssertClose(Reference[i, "V_phi"], p.VPhi, $"row {i} V_phi");
            ReferenceCsv.AssertClose(Reference[i, "V_theta"], p.VTheta, $"row {i} V_theta");
        }
    }

    [Fact]
    public void Transform_Columns_MatchAstropy_AndEqualPerStarResults()
    {
        var cols = Frame.Transform(Reference.Column("ra"), Reference.Column("dec"), Reference.Column("distance"),
                                   Reference.Column("pmra"), Reference.Column("pmdec"), Reference.Column("rv"));
        Assert.Equal(200, cols.Count);
        for (int i = 0; i < cols.Count; i++)
        {
            var p = Star(i);
            Assert.Equal(p, cols[i]);
            Assert.Equal(p.R, cols.R[i]);
            Assert.Equal(p.RGc, cols.RGc[i]);
            ReferenceCsv.AssertClose(Reference[i, "V_r"], cols.Vr[i], $"row {i} V_r");
            ReferenceCsv.AssertClose(Reference[i, "V_phi"], cols.VPhi[i], $"row {i} V_phi");
            ReferenceCsv.AssertClose(Reference[i, "V_theta"], cols.VTheta[i], $"row {i} V_theta");
        }
    }

    [Fact]
    public void Transform_ParallelPath_IsBitIdenticalToSingleThread()
    {
        // 50 000 stars exceed the chunk size, so all cores are used in the first call.
        const int n = 50_000;
        var (ra, dec, d, pmra, pmdec, rv) = RandomStars(n, seed: 11);
        var parallel = Frame.Transform(ra, dec, d, pmra, pmdec, rv);
        var serial = Frame.Transform(ra, dec, d, pmra, pmdec, rv, maxDegreeOfParallelism: 1);
        Assert.Equal(serial.VTheta, parallel.VTheta);
        Assert.Equal(serial.X, parallel.X);
        Assert.Equal(Frame.ToGalactocentric(ra[n - 1], dec[n - 1], d[n - 1], pmra[n - 1], pmdec[n - 1], rv[n - 1]), parallel[n - 1]);
    }

    [Fact]
    public void Transform_RejectsColumnsOfDifferentLengths()
    {
        var ex =
            Assert.Throws<ArgumentException>(() => Frame.Transform(new double[3], new double[3], new double[2], new double[3], new double[3], new double[3]));
        Assert.Contains("same length", ex.Message);
    }

    [Fact]
    public void ToObservables_IsTheExactInverse_To1e9()
    {
        var (ra, dec, d, pmra, pmdec, rv) = RandomStars(2000, seed: 5);
        for (int i = 0; i < ra.Length; i++)
        {
            var back = Frame.ToObservables(Frame.ToGalactocentric(ra[i], dec[i], d[i], pmra[i], pmdec[i], rv[i]));
            Assert.True(Math.Abs(Angles.Wrap180(back.Ra - ra[i])) * Math.Cos(dec[i] * Angles.DegToRad) < 1e-9, $"star {i} ra");
            Assert.True(Math.Abs(back.Dec - dec[i]) < 1e-9, $"star {i} dec");
            Assert.True(Math.Abs(back.Distance - d[i]) < 1e-9 * d[i], $"star {i} distance");
            Assert.True(Math.Abs(back.Pmra - pmra[i]) < 1e-9 * Math.Max(1, Math.Abs(pmra[i])), $"star {i} pmra");
            Assert.True(Math.Abs(back.Pmdec - pmdec[i]) < 1e-9 * Math.Max(1, Math.Abs(pmdec[i])), $"star {i} pmdec");
            Assert.True(Math.Abs(back.Rv - rv[i]) < 1e-9 * Math.Max(1, Math.Abs(rv[i])), $"star {i} rv");
        }
    }

    [Fact]
    public void Rotation_EqualsAstropyMatrix_FromTheReadme()
    {
        double[,] astropy =
        {
            { -0.057095813048353337, -0.87394158397715727, -0.48266569789849872 },
            { 0.49411076270400478, -0.44482861780254518, 0.74698196428290253 },
            { -0.86752211632465848, -0.19584077353649956, 0.45722179421831066 },
        };
        for (int r = 0; r < 3; r++)
            for (int c = 0; c < 3; c++)
                Assert.True(Math.Abs(Frame.IcrsToGalactocentric[r, c] - astropy[r, c]) < 1e-15, $"A[{r},{c}]");
    }

    [Fact]
    public void Sun_SitsAtSunPosition_WithVPhiMinus245Point6()
    {
        var sun = Frame.ToGalactocentric(123.4, -45.6, 0, 0, 0, 0);
        Assert.Equal(-8.122, sun.X, 14);
        Assert.Equal(0.0, sun.Y, 14);
        Assert.Equal(0.0208, sun.Z, 14);
        Assert.Equal(new Vector3d(12.9, 245.6, 7.78), sun.Velocity);
        Assert.Equal(-245.6, sun.VPhi, 12);   // disc rotation is negative (§2.3 footnote 7 convention)
    }

    [Fact]
    public void GalacticCentreDirection_PointsAlongPlusX()
    {
        // A star 8.122 kpc away towards the Galactic-centre direction lands near the origin (the small
        // offset is the Sun's height: the tilt H rotates the line of sight by asin(Z_sun / d_GC)).
        var p = Frame.ToGalactocentric(GalactocentricFrame.GalacticCentreRa, GalactocentricFrame.GalacticCentreDec, 8.122026633790362, 0, 0, 0);
        Assert.True(new Vector3d(p.X, p.Y, p.Z).Norm < 1e-12, $"got {p}");
    }

    [Fact]
    public void With_RecomputesTheRotation_ForANewSunPosition()
    {
        var moved = Frame with { SunPosition = new(-8.3, 0, 0.027) };
        var built = new GalactocentricFrame(new(-8.3, 0, 0.027), Frame.SunVelocity);
        Assert.Equal(built.IcrsToGalactocentric, moved.IcrsToGalactocentric);
        Assert.NotEqual(Frame.IcrsToGalactocentric, moved.IcrsToGalactocentric);
        var sunOnly = moved.ToGalactocentric(10, 10, 0, 0, 0, 0);
        Assert.Equal(-8.3, sunOnly.X, 14);
    }

    [Theory]
    [InlineData(-8.122, 0.5, 0.02)]
    [InlineData(8.122, 0, 0.02)]
    [InlineData(double.NaN, 0, 0.02)]
    public void Constructor_RejectsSunOutsideTheXZPlaneOrAtPositiveX(double x, double y, double z)
    {
        var ex = Assert.Throws<ArgumentException>(() => new GalactocentricFrame(new(x, y, z), new(0, 0, 0)));
        Assert.Contains("SunPosition", ex.Message);
    }

    internal static (double[] Ra, double[] Dec, double[] D, double[] Pmra, double[] Pmdec, double[] Rv) RandomStars(int n, long seed)
    {
        var rng = new SeededRandom(seed);
        double[] ra = new double[n], dec = new double[n], d = new double[n], pmra = new double[n], pmdec = new double[n], rv = new double[n];
        for (int i = 0; i < n; i++)
        {
            ra[i] = 360 * rng.NextDouble();
            dec[i] = Math.Asin(2 * rng.NextDouble() - 1) * Angles.RadToDeg;
            d[i] = 0.5 * Math.Pow(400, rng.NextDouble());
            pmra[i] = rng.NextGaussian(0, 150) / (4.74 * d[i]);
            pmdec[i] = rng.NextGaussian(0, 150) / (4.74 * d[i]);
            rv[i] = rng.NextGaussian(0, 150);
        }
        return (ra, dec, d, pmra, pmdec, rv);
    }
}
