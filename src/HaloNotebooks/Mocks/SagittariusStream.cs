using HaloNotebooks.Astrometry;
using HaloNotebooks.Numerics;

namespace HaloNotebooks.Mocks;

/// <summary>
/// Sagittarius stream K giants: a band along B̃ = 0 (Gaussian in B̃ with σ = 4°, inside |B̃| &lt; 11° so that the
/// paper's |B̃| &lt; 15° mask removes them all), heliocentric distance rising from ≈28 kpc at the core (Λ̃ = 0)
/// to ≈50 kpc at Λ̃ = 180° with 8% depth, moving along the stream (increasing Λ̃ is Sgr's direction of motion)
/// at 230 km/s with 15 km/s dispersion per axis, [Fe/H] ≈ −1.2 ± 0.3 (Hayes et al. 2020). A simple stream, enough for the mask to matter.
/// </summary>
internal static class SagittariusStream
{
    const double Speed = 230.0, Dispersion = 15.0, BWidth = 4.0, BMax = 11.0;

    public static List<MockStar> Generate(MockSettings settings) =>
        CandidateStream.Fill(c => Draw(settings, c), _ => true, settings.Scaled(settings.SagittariusMembers), settings.MaxDegreeOfParallelism,
                             "Sagittarius members");

    static MockStar? Draw(MockSettings settings, long candidate)
    {
        var rng = MockStar.Stream(settings.Seed, SeedStream.SagittariusStream, candidate);
        ulong key = rng.NextUInt64();
        double lambda = 360.0 * rng.NextDouble();
        double beta;
        do beta = BWidth * rng.NextGaussian(); while (Math.Abs(beta) >= BMax);
        double s = Math.Sin(0.5 * lambda * Angles.DegToRad);
        double d = (28.0 + 22.0 * s * s) * (1.0 + 0.08 * rng.NextGaussian());
        var (x, y, z) = PointAt(lambda, beta, d);
        // Direction of increasing Λ̃ at this point, in Galactocentric axes.
        var ahead = PointAt(lambda + 0.5, beta, d);
        var behind = PointAt(lambda - 0.5, beta, d);
        double tx = ahead.X - behind.X, ty = ahead.Y - behind.Y, tz = ahead.Z - behind.Z;
        double tn = Math.Sqrt(tx * tx + ty * ty + tz * tz);
        double vx = Speed * tx / tn + Dispersion * rng.NextGaussian();
        double vy = Speed * ty / tn + Dispersion * rng.NextGaussian();
        double vz = Speed * tz / tn + Dispersion * rng.NextGaussian();
        double feh = rng.NextGaussian(-1.2, 0.3);
        double absMag = MockPhotometry.DrawAbsoluteMagnitude(rng.NextDouble());
        double teff = MockPhotometry.GiantTeff(absMag, feh) + 60.0 * rng.NextGaussian();
        double logg = MockPhotometry.GiantLogg(absMag) + 0.1 * rng.NextGaussian();
        var t = new TrueStar(MockPopulation.Sagittarius, -1, x, y, z, vx, vy, vz, absMag, teff, logg, feh);
        return MockStar.Observe(t, rng, key, settings.Footprint, settings.Errors);
    }

    static (double X, double Y, double Z) PointAt(double lambda, double beta, double distance)
    {
        var (l, b) = ObservingGeometry.GalacticFromSagittarius(lambda, beta);
        var (ra, dec) = ObservingGeometry.IcrsFromGalactic(l, b);
        return ObservingGeometry.GalactocentricPosition(ra, dec, distance);
    }
}
