namespace HaloNotebooks.Astrometry;

/// <summary>Heliocentric ICRS observables: ra, dec (deg), distance (kpc), pmra (mas/yr, includes cos dec), pmdec (mas/yr), rv (km/s).</summary>
internal readonly record struct HeliocentricObservables(double Ra, double Dec, double Distance, double Pmra, double Pmdec, double Rv);
