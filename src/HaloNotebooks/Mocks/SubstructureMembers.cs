using HaloNotebooks.Astrometry;
using HaloNotebooks.Numerics;

namespace HaloNotebooks.Mocks;

/// <summary>
/// K giants of the mock's globular clusters and dwarf galaxies (<see cref="MockSubstructure"/>): a projected Plummer
/// profile cut at 0.8 of the mask radius, the object's distance (1% depth for a GC, 3% for a dwarf), its proper
/// motion and RV plus the internal dispersion, and its [Fe/H] with the object's spread. The substructure cut of
/// §2.3 (cross-match with the list the mock writes) removes them.
/// </summary>
internal static class SubstructureMembers
{

    public static List<MockStar> Generate(MockSettings settings)
    {
        var all = new List<MockStar>();
        for (int j = 0; j < settings.Substructures.Count; j++)
        {
            var o = settings.Substructures[j];
            int index = j;
            all.AddRange(CandidateStream.Fill(c => Draw(settings, index, o, c), _ => true, settings.Scaled(o.Members),
                                              settings.MaxDegreeOfParallelism, $"members of {o.Name}", maxCandidates: 50_000_000));
        }
        return all;
    }

    static MockStar? Draw(MockSettings settings, int index, MockSubstructure o, long candidate)
    {
        var rng = MockStar.Stream(settings.Seed, SeedStream.SubstructureMembers(index), candidate);
        ulong key = rng.NextUInt64();
        double u = rng.NextDouble();
        double radius = o.ScaleRadiusDeg * Math.Sqrt(u / (1.0 - u));   // projected Plummer: M(<R) = R²/(R² + a²)
        double angle = 2.0 * Math.PI * rng.NextDouble();
        if (radius >= 0.8 * o.RadiusDeg) return null;
        var (ra, dec) = Offset(o.Ra, o.Dec, radius * Math.Cos(angle), radius * Math.Sin(angle));
        double d = o.Distance * (1.0 + o.DepthFraction * rng.NextGaussian());
        double pmSigma = o.VelocityDispersion / (GalactocentricFrame.KmPerSecPerMasYrKpc * d);
        double pmra = o.Pmra + pmSigma * rng.NextGaussian(), pmdec = o.Pmdec + pmSigma * rng.NextGaussian();
        double rv = o.Rv + o.VelocityDispersion * rng.NextGaussian();
        var p = ObservingGeometry.ToGalactocentric(ra, dec, d, pmra, pmdec, rv);
        double feh = rng.NextGaussian(o.Feh, o.FehSpread);
        double absMag = MockPhotometry.DrawAbsoluteMagnitude(rng.NextDouble());
        double teff = MockPhotometry.GiantTeff(absMag, feh) + 60.0 * rng.NextGaussian();
        double logg = MockPhotometry.GiantLogg(absMag) + 0.1 * rng.NextGaussian();
        var t = new TrueStar(o.IsDwarfGalaxy ? MockPopulation.DwarfGalaxy : MockPopulation.GlobularCluster, index,
                             p.X, p.Y, p.Z, p.Vx, p.Vy, p.Vz, absMag, teff, logg, feh);
        return MockStar.Observe(t, rng, key, settings.Footprint, settings.Errors);
    }

    /// <summary>(ra, dec) of the point at standard coordinates (ξ, η) in degrees from (ra0, dec0): inverse gnomonic projection.</summary>
    internal static (double Ra, double Dec) Offset(double ra0, double dec0, double xiDeg, double etaDeg)
    {
        double xi = xiDeg * Angles.DegToRad, eta = etaDeg * Angles.DegToRad, d0 = dec0 * Angles.DegToRad;
        double rho = Math.Sqrt(xi * xi + eta * eta);
        if (rho == 0) return (ra0, dec0);
        var (sc, cc) = Math.SinCos(Math.Atan(rho));
        double dec = Math.Asin(cc * Math.Sin(d0) + eta * sc * Math.Cos(d0) / rho);
        double ra = ra0 * Angles.DegToRad + Math.Atan2(xi * sc, rho * Math.Cos(d0) * cc - eta * Math.Sin(d0) * sc);
        return (Angles.Wrap360(ra * Angles.RadToDeg), dec * Angles.RadToDeg);
    }
}
