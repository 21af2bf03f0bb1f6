using HaloNotebooks.Numerics;

namespace HaloNotebooks.Mocks;

/// <summary>The true state of one mock star before observation: phase space (Galactocentric, kpc, km/s) and stellar parameters.</summary>
internal readonly record struct TrueStar(MockPopulation Population, int Substructure,
    double X, double Y, double Z, double Vx, double Vy, double Vz, double AbsMagR, double Teff, double Logg, double Feh);

/// <summary>One observed mock star: its truth and what DESI + Gaia would report.</summary>
internal sealed class MockStar
{
    internal TrueStar True;
    internal ulong SortKey;                 // random key that shuffles the catalogue order
    public double Ra, Dec, L, B, Distance;  // true sky position and heliocentric distance
    public double Pmra, Pmdec, PmraError, PmdecError, PmCorr, Rv, RvErr;
    public double Teff, TeffErr, Logg, LoggErr, Feh, FehErr, Ebv, GaiaG, RMag;
    public double DistanceObs, DistanceErr;
    internal ForecastCut Forecast;          // first §2.3 cut the star fails (SelectionForecast), None if it survives
    internal double RGcObs;                 // r_GC from the observed distance

    /// <summary>
    /// Observes a true star: computes its exact heliocentric observables, decides whether DESI targets it
    /// (<see cref="DesiFootprint"/>), then adds measurement errors (observed = true + error × N(0, 1)).
    /// Returns null when the star is not in the footprint or outside the magnitude limits.
    /// The random draws come from <paramref name="rng"/> in a fixed order, so a star's values depend only on its stream.
    /// </summary>
    internal static MockStar? Observe(in TrueStar t, SeededRandom rng, ulong sortKey, DesiFootprint footprint, ObservationalErrors errors)
    {
        var (ra, dec, d, pmra, pmdec, rv) = ObservingGeometry.ToObservables(t.X, t.Y, t.Z, t.Vx, t.Vy, t.Vz);
        // (the exact inverse of the selection's transform, GalactocentricFrame.Paper)
        if (dec <= footprint.DecMin) return null;
        var (l, b) = ObservingGeometry.GalacticFromIcrs(ra, dec);
        double ebv = MockPhotometry.Ebv(b);
        double rMag = t.AbsMagR + MockPhotometry.DistanceModulus(d) + MockPhotometry.ExtinctionR * ebv;
        double gMag = rMag + MockPhotometry.GMinusR + (MockPhotometry.ExtinctionG - MockPhotometry.ExtinctionR) * ebv;
        if (!footprint.Observes(dec, b, rMag, gMag)) return null;

        var s = new MockStar { True = t, SortKey = sortKey, Ra = ra, Dec = dec, L = l, B = b, Distance = d, Ebv = ebv, RMag = rMag, GaiaG = gMag };
        // Gaia DR3 astrometry: errors from the G curve with star-to-star scatter, correlated (pmra, pmdec) draw.
        double pmErr = ObservationalErrors.GaiaDr3PmError(gMag) * errors.PmInflation;
        s.PmraError = pmErr * Math.Exp(errors.PmScatter * rng.NextGaussian());
        s.PmdecError = pmErr * Math.Exp(errors.PmScatter * rng.NextGaussian());
        s.PmCorr = errors.PmCorrelationMax * (2.0 * rng.NextDouble() - 1.0);
        (s.Pmra, s.Pmdec) = ObserveProperMotion(rng, pmra, pmdec, s.PmraError, s.PmdecError, s.PmCorr);
        // DESI spectroscopy.
        s.RvErr = errors.RvError(rMag);
        s.Rv = rv + s.RvErr * rng.NextGaussian();
        s.FehErr = errors.FehError(rMag);
        s.Feh = t.Feh + s.FehErr * rng.NextGaussian();
        s.TeffErr = errors.TeffError(rMag);
        s.Teff = t.Teff + s.TeffErr * rng.NextGaussian();
        s.LoggErr = ObservationalErrors.LoggError(rMag);
        s.Logg = t.Logg + s.LoggErr * rng.NextGaussian();
        // SpecDis2 distance: Gaussian in distance, fractional error with scatter, reported relative to the estimate.
        double frac = errors.DistanceFractionAt(rMag) * Math.Exp(errors.DistanceFractionScatter * rng.NextGaussian());
        s.DistanceObs = ObserveDistance(rng, d, frac);
        s.DistanceErr = frac * s.DistanceObs;
        return s;
    }

    /// <summary>Gaia proper motions: the true (pmra, pmdec) plus a correlated Gaussian draw with the star's errors.</summary>
    internal static (double Pmra, double Pmdec) ObserveProperMotion(SeededRandom rng, double pmra, double pmdec,
        double errPmra, double errPmdec, double correlation)
    {
        double z1 = rng.NextGaussian(), z2 = rng.NextGaussian();
        return (pmra + errPmra * z1, pmdec + errPmdec * (correlation * z1 + Math.Sqrt(1.0 - correlation * correlation) * z2));
    }

    /// <summary>A SpecDis2-like distance: Gaussian about the true distance with fractional error <paramref name="fraction"/>,
    /// redrawn below 5% of it (the catalogue quotes fraction × the returned distance as its error).</summary>
    internal static double ObserveDistance(SeededRandom rng, double distance, double fraction)
    {
        double dObs;
        do dObs = distance * (1.0 + fraction * rng.NextGaussian()); while (dObs <= 0.05 * distance);
        return dObs;
    }

    /// <summary>A star's random stream: streams never overlap between populations or candidates.</summary>
    internal static SeededRandom Stream(long seed, long task, long candidate) => new(SeededRandom.DeriveSeed(seed, task), candidate);
}
