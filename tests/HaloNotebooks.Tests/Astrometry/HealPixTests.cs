using HaloNotebooks.Astrometry;
using HaloNotebooks.Numerics;
using Xunit;

namespace HaloNotebooks.Tests.Astrometry;

public class HealPixTests
{
    [Fact]
    public void Ang2Pix_EqualsHealpy_RingAndNest_ForNside4To16()
    {
        var reference = ReferenceCsv.Load(TestPaths.Fixture("reference/healpix.csv"));
        Assert.Equal(500, reference.Count);
        foreach (int nside in new[] { 4, 8, 16 })
        {
            var hp = new HealPix(nside);
            for (int i = 0; i < reference.Count; i++)
            {
                double l = reference[i, "l"], b = reference[i, "b"];
                Assert.Equal((long)reference[i, $"ring{nside}"], hp.Ang2PixRing(l, b));
                Assert.Equal((long)reference[i, $"nest{nside}"], hp.Ang2PixNest(l, b));
            }
        }
    }

    [Fact]
    public void Pix2Ang_EqualsHealpyCentres_Nside4()
    {
        var reference = ReferenceCsv.Load(TestPaths.Fixture("reference/healpix_centres_nside4.csv"));
        var hp = new HealPix(4);
        Assert.Equal(192, hp.PixelCount);
        Assert.Equal(192, reference.Count);
        for (int pix = 0; pix < 192; pix++)
        {
            var ring = hp.Pix2AngRing(pix);
            var nest = hp.Pix2AngNest(pix);
            Assert.True(Math.Abs(Angles.Wrap180(ring.Lon - reference[pix, "ring_l"])) <= 1e-9, $"ring {pix} lon {ring.Lon}");
            Assert.True(Math.Abs(ring.Lat - reference[pix, "ring_b"]) <= 1e-9, $"ring {pix} lat {ring.Lat}");
            Assert.True(Math.Abs(Angles.Wrap180(nest.Lon - reference[pix, "nest_l"])) <= 1e-9, $"nest {pix} lon {nest.Lon}");
            Assert.True(Math.Abs(nest.Lat - reference[pix, "nest_b"]) <= 1e-9, $"nest {pix} lat {nest.Lat}");
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(32)]
    public void EveryPixelCentre_MapsBackToItsPixel_AndRingNestArePermutations(int nside)
    {
        var hp = new HealPix(nside);
        var seen = new bool[hp.PixelCount];
        for (long pix = 0; pix < hp.PixelCount; pix++)
        {
            var (lon, lat) = hp.Pix2AngRing(pix);
            Assert.Equal(pix, hp.Ang2PixRing(lon, lat));
            var (nlon, nlat) = hp.Pix2AngNest(pix);
            Assert.Equal(pix, hp.Ang2PixNest(nlon, nlat));
            long nest = hp.Ring2Nest(pix);
            Assert.False(seen[nest]);
            seen[nest] = true;
            Assert.Equal(pix, hp.Nest2Ring(nest));
        }
    }

    [Fact]
    public void Nside8192_RoundTripsRandomPixels_InBothSchemes()
    {
        var hp = new HealPix(8192);
        Assert.Equal(12L * 8192 * 8192, hp.PixelCount);
        var rng = new SeededRandom(8192);
        for (int k = 0; k < 20_000; k++)
        {
            long pix = (long)(rng.NextDouble() * hp.PixelCount);
            var (lon, lat) = hp.Pix2AngRing(pix);
            Assert.Equal(pix, hp.Ang2PixRing(lon, lat));
            (lon, lat) = hp.Pix2AngNest(pix);
            Assert.Equal(pix, hp.Ang2PixNest(lon, lat));
        }
        // Points at the poles and a random point's pixel centre lies within one pixel size of it.
        Assert.Equal(0, hp.Ang2PixRing(0, 90));
        Assert.Equal(hp.PixelCount - 4, hp.Ang2PixRing(0, -90));
        for (int k = 0; k < 1000; k++)
        {
            double lon = 360 * rng.NextDouble(), lat = Math.Asin(2 * rng.NextDouble() - 1) * Angles.RadToDeg;
            var centre = hp.Pix2AngNest(hp.Ang2PixNest(lon, lat));
            Assert.True(SkyGeometry.AngularDistance(lon, lat, centre.Lon, centre.Lat) < hp.Resolution, $"({lon}, {lat})");
        }
    }

    [Fact]
    public void Boundary_OfNside1Pixel0_HasTheBaseFaceCorners()
    {
        // Base face 0 (Górski et al. 2005, Fig. 3): corners at the north pole, (lon, lat) = (0, asin 2/3),
        // (45, 0) and (90, asin 2/3); healpy walks them in this order starting from face coordinates (1, 1).
        var hp = new HealPix(1);
        var corners = hp.Boundary(0, 1, nest: true);
        Assert.Equal(4, corners.Count);
        double capEdge = Math.Asin(2.0 / 3.0) * Angles.RadToDeg;
        var expected = new (double Lon, double Lat)[] { (0, 90), (0, capEdge), (45, 0), (90, capEdge) };
        for (int k = 0; k < 4; k++)
            Assert.True(SkyGeometry.AngularDistance(expected[k].Lon, expected[k].Lat, corners[k].Lon, corners[k].Lat) < 1e-12,
                $"corner {k}: ({corners[k].Lon}, {corners[k].Lat})");
    }

    [Fact]
    public void Boundary_EnclosesItsPixel_InBothSchemes()
    {
        var hp = new HealPix(8);
        foreach (bool nest in new[] { false, true })
            for (long pix = 0; pix < hp.PixelCount; pix += 7)
            {
                var centre = nest ? hp.Pix2AngNest(pix) : hp.Pix2AngRing(pix);
                var outline = hp.Boundary(pix, 4, nest);
                Assert.Equal(16, outline.Count);
                foreach (var point in outline)
                {
                    // Step 1% of the way from the outline point towards the centre: still inside the pixel.
                    var p = Vector3d.FromLonLat(point.Lon, point.Lat);
                    var c = Vector3d.FromLonLat(centre.Lon, centre.Lat);
                    var (lon, lat) = (0.99 * p + 0.01 * c).ToLonLat();
                    Assert.Equal(pix, nest ? hp.Ang2PixNest(lon, lat) : hp.Ang2PixRing(lon, lat));
                }
            }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    [InlineData(16384)]
    public void Constructor_RejectsNsideThatIsNotAPowerOfTwoUpTo8192(int nside)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new HealPix(nside));
    }
}
