using HaloNotebooks.Numerics;

namespace HaloNotebooks.Mocks;

/// <summary>
/// Stars the K-giant box of §2.3 (4500 &lt; Teff &lt; 5500 K, −3 &lt; M_r &lt; 2) must reject: half are nearby disc
/// dwarfs and subgiants with K-type temperatures but M_r = 3-6, half are warmer halo stars (Teff 5700-6800 K:
/// horizontal-branch and turn-off stars) with halo kinematics. Counted once in the catalogue and removed by the first cut.
/// </summary>
internal static class NonKGiantPopulation
{

    public static List<MockStar> Generate(MockSettings settings, HaloVelocityField field, RadialProposal radii) =>
        CandidateStream.Fill(c => Draw(settings, field, radii, c), _ => true, settings.Scaled(settings.NonKGiants), settings.MaxDegreeOfParallelism,
                             "non-K-giant stars");

    static MockStar? Draw(MockSettings settings, HaloVelocityField field, RadialProposal radii, long candidate)
    {
        var rng = MockStar.Stream(settings.Seed, SeedStream.NonKGiants, candidate);
        ulong key = rng.NextUInt64();
        TrueStar t;
        if (rng.NextDouble() < 0.5)
        {
            var (x, y, z, vx, vy, vz, feh) = DiscPopulation.DrawPhaseSpace(rng, DiscPopulation.Thick);
            double absMag = 3.0 + 3.0 * rng.NextDouble();
            double teff = 4600.0 + 800.0 * rng.NextDouble();
            t = new TrueStar(MockPopulation.NonKGiant, -1, x, y, z, vx, vy, vz, absMag, teff, 4.3 + 0.2 * rng.NextGaussian(), feh);
        }
        else
        {
            double r = radii.Sample(rng.NextDouble(), 5.0, 60.0);
            var (x, y, z) = HaloPopulation.IsotropicPoint(rng, r);
            var (ra, dec, _) = ObservingGeometry.HeliocentricPosition(x, y, z);
            var (l, b) = ObservingGeometry.GalacticFromIcrs(ra, dec);
            var k = HaloPopulation.DrawKGiant(rng, field, r, x, y, z, l, b);
            double absMag = 2.0 * rng.NextDouble();
            double teff = 5700.0 + 1100.0 * rng.NextDouble();
            t = k with { Population = MockPopulation.NonKGiant, AbsMagR = absMag, Teff = teff, Logg = 3.0 + 0.3 * rng.NextGaussian() };
        }
        return MockStar.Observe(t, rng, key, settings.Footprint, settings.Errors);
    }
}
