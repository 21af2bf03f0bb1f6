using HaloNotebooks.Numerics;

namespace HaloNotebooks.Mocks;

/// <summary>
/// Halo K giants. A star is drawn at a true r_GC (shape: <see cref="RadialProposal"/>) in an isotropic direction
/// about the Galactic centre (a spherical halo), given a population label (MR with probability p_MR(r), Table 2),
/// a luminosity, and (V_r, V_φ, V_θ, [Fe/H]) from its component's Gaussian at that point (<see cref="HaloVelocityField"/>:
/// the calibrated Table 2 bins, plus the outer halo's reflex motion and contraction growing from 30 kpc), then observed.
/// <para>How many: for each radial bin of Table 1, candidates whose OBSERVED r_GC falls in the bin are drawn until
/// the number forecast to survive every §2.3 cut (<see cref="SelectionForecast"/>) reaches the bin's N × scale; the
/// stars the cuts will remove (in the Sagittarius band, near the plane, metal rich, or with large velocity errors)
/// are kept in the catalogue. This is the mock's selection function in r_GC: the real selection then recovers
/// Table 1's N per bin up to the difference between the linear and the Monte-Carlo velocity errors.</para>
/// </summary>
internal sealed class HaloPopulation(MockSettings settings, HaloVelocityField field, RadialProposal radii, SelectionForecast forecast)
{
    /// <summary>True radii for an observed bin are drawn within this factor of its edges (12% distance errors: &gt; 4σ).</summary>
    const double Reach = 1.6;

    /// <param name="contaminantSurvivors">Per row of the counts table, contaminants (disc, …) forecast to survive the selection
    /// in that bin: they count towards the bin's N, so the halo draws fewer.</param>
    public List<MockStar> Generate(IReadOnlyList<int> contaminantSurvivors)
    {
        var table = settings.TargetCounts;
        double rAll0 = table.Rows.Min(r => r[0]), rAll1 = table.Rows.Max(r => r[1]);
        var all = new List<MockStar>();
        for (int i = 0; i < table.RowCount; i++)
        {
            double r0 = table[i, "r_min_kpc"], r1 = table[i, "r_max_kpc"];
            if (r0 == rAll0 && r1 == rAll1) continue;   // the all-stars row
            int quota = Math.Max(0, settings.Scaled(table[i, "N"]) - contaminantSurvivors[i]);
            int bin = i;
            all.AddRange(CandidateStream.Fill(
                c => Draw(bin, c, r0, r1),
                s => s.Forecast == ForecastCut.None,
                quota, settings.MaxDegreeOfParallelism, $"halo bin [{r0}, {r1}) kpc"));
        }
        return all;
    }

    MockStar? Draw(int bin, long candidate, double rObsMin, double rObsMax)
    {
        var rng = MockStar.Stream(settings.Seed, SeedStream.HaloBin(bin), candidate);
        ulong key = rng.NextUInt64();
        double lo = Math.Max(rObsMin / Reach, RadialProposal.MinRadius), hi = Math.Min(rObsMax * Reach, RadialProposal.MaxRadius);
        double r = radii.Sample(rng.NextDouble(), lo, hi);
        var (x, y, z) = IsotropicPoint(rng, r);
        var (ra, dec, _) = ObservingGeometry.HeliocentricPosition(x, y, z);
        if (dec <= settings.Footprint.DecMin) return null;   // early exit: never observed
        var (l, b) = ObservingGeometry.GalacticFromIcrs(ra, dec);
        var star = DrawKGiant(rng, field, r, x, y, z, l, b);
        var s = MockStar.Observe(star, rng, key, settings.Footprint, settings.Errors);
        if (s is null) return null;
        forecast.Apply(s);
        return s.RGcObs >= rObsMin && s.RGcObs < rObsMax ? s : null;
    }

    /// <summary>A uniformly random point on the sphere of radius r about the Galactic centre.</summary>
    public static (double X, double Y, double Z) IsotropicPoint(SeededRandom rng, double r)
    {
        double cosT = 2.0 * rng.NextDouble() - 1.0, phi = 2.0 * Math.PI * rng.NextDouble();
        double sinT = Math.Sqrt(1.0 - cosT * cosT);
        return (r * sinT * Math.Cos(phi), r * sinT * Math.Sin(phi), r * cosT);
    }

    /// <summary>Population label, velocities, metallicity and stellar parameters of a halo K giant at (x, y, z).</summary>
    internal static TrueStar DrawKGiant(SeededRandom rng, HaloVelocityField field, double r, double x, double y, double z, double l, double b)
    {
        bool metalRich = rng.NextDouble() < field.MetalRichFraction(r);
        var m = field.MomentsAt(metalRich, x, y, z);
        double vr = rng.NextGaussian(m.Vr, m.SigmaR), vphi = rng.NextGaussian(m.VPhi, m.SigmaPhi), vtheta = rng.NextGaussian(m.VTheta, m.SigmaTheta);
        double feh = rng.NextGaussian(m.FehMean, m.FehSigma);
        var (vx, vy, vz) = ObservingGeometry.CartesianVelocity(x, y, z, vr, vphi, vtheta);
        double absMag = MockPhotometry.DrawAbsoluteMagnitude(rng.NextDouble());
        double teff = MockPhotometry.GiantTeff(absMag, feh) + 60.0 * rng.NextGaussian();
        double logg = MockPhotometry.GiantLogg(absMag) + 0.1 * rng.NextGaussian();
        return new TrueStar(metalRich ? MockPopulation.HaloMetalRich : MockPopulation.HaloMetalPoor, -1, x, y, z, vx, vy, vz, absMag, teff, logg, feh);
    }
}
