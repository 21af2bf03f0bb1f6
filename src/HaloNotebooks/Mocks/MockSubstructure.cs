namespace HaloNotebooks.Mocks;

/// <summary>A globular cluster or dwarf galaxy of the mock: where it is, how it moves, and how many K giants it contributes at scale 1.</summary>
/// <param name="RadiusDeg">The mask radius written to substructures.csv; members are placed inside 0.8 of it.</param>
/// <param name="ScaleRadiusDeg">Plummer scale radius of the members' sky distribution.</param>
/// <param name="VelocityDispersion">Internal 1-D velocity dispersion, km/s.</param>
internal sealed record MockSubstructure(string Name, bool IsDwarfGalaxy, double Ra, double Dec, double RadiusDeg, double ScaleRadiusDeg,
    double Distance, double Pmra, double Pmdec, double Rv, double VelocityDispersion, double Feh, double FehSpread, int Members)
{
    /// <summary>Fractional line-of-sight depth of the members (1% for a cluster, 3% for a dwarf).</summary>
    internal double DepthFraction => IsDwarfGalaxy ? 0.03 : 0.01;

    /// <summary>distance_err of substructures.csv: the object's distance uncertainty (3%) and its depth.</summary>
    public double DistanceErr => Distance * Math.Sqrt(0.03 * 0.03 + DepthFraction * DepthFraction);

    /// <summary>pm_err of substructures.csv: the systemic proper-motion uncertainty (0.02 mas/yr) and the internal dispersion seen at its distance.</summary>
    internal double PmErr => Math.Sqrt(0.02 * 0.02 + Math.Pow(VelocityDispersion / (4.740470463533349 * Distance), 2));

    /// <summary>rv_err of substructures.csv: the systemic RV uncertainty (1 km/s) and the internal dispersion.</summary>
    public double RvErr => Math.Sqrt(1.0 + VelocityDispersion * VelocityDispersion);

    /// <summary>The kind column of substructures.csv.</summary>
    public string Kind => IsDwarfGalaxy ? "dwarf_galaxy" : "globular_cluster";

    /// <summary>
    /// The mock's objects: GCs and dwarfs in the DESI footprint bright enough to have K giants at r &lt; 19. Positions,
    /// distances, motions and metallicities are rounded literature values (Harris 1996, 2010 ed.; Vasiliev &amp; Baumgardt 2021;
    /// McConnachie 2012; Pace et al. 2022 — plausible inputs for a mock, not a reference catalogue); member counts are chosen
    /// so the substructure cut removes a few thousand stars.
    /// </summary>
    internal static IReadOnlyList<MockSubstructure> Default { get; } =
    [
        new("NGC 5272 (M3)", false, 205.548, 28.377, 0.40, 0.04, 10.2, -0.15, -2.67, -147.2, 5.5, -1.50, 0.05, 350),
        new("NGC 6205 (M13)", false, 250.422, 36.460, 0.40, 0.04, 7.4, -3.15, -2.57, -244.5, 7.1, -1.53, 0.05, 400),
        new("NGC 6341 (M92)", false, 259.281, 43.136, 0.30, 0.02, 8.5, -4.94, -0.63, -120.5, 6.5, -2.31, 0.05, 250),
        new("NGC 5904 (M5)", false, 229.638, 2.081, 0.40, 0.04, 7.5, 4.09, -9.87, 53.5, 6.8, -1.29, 0.05, 350),
        new("NGC 7089 (M2)", false, 323.363, -0.823, 0.25, 0.02, 11.7, 3.44, -2.16, -3.7, 8.2, -1.65, 0.05, 300),
        new("NGC 7078 (M15)", false, 322.493, 12.167, 0.30, 0.02, 10.7, -0.66, -3.80, -106.8, 10.0, -2.37, 0.05, 300),
        new("NGC 5466", false, 211.364, 28.534, 0.50, 0.05, 16.0, -5.34, -0.82, 107.7, 1.5, -1.98, 0.05, 100),
        new("NGC 2419", false, 114.535, 38.882, 0.12, 0.01, 88.5, -0.01, -0.52, -20.2, 4.0, -2.15, 0.05, 150),
        new("Pal 5", false, 229.022, -0.112, 0.30, 0.03, 21.9, -2.73, -2.65, -58.6, 0.5, -1.41, 0.05, 60),
        new("NGC 5024 (M53)", false, 198.230, 18.168, 0.35, 0.03, 18.5, -0.13, -1.33, -62.9, 4.4, -2.10, 0.05, 200),
        new("NGC 4147", false, 182.526, 18.543, 0.12, 0.01, 18.5, -1.71, -2.09, 179.4, 2.0, -1.80, 0.05, 50),
        new("Draco", true, 260.060, 57.920, 0.80, 0.17, 76.0, 0.044, -0.188, -291.0, 9.1, -1.98, 0.35, 900),
        new("Ursa Minor", true, 227.240, 67.220, 1.00, 0.25, 76.0, -0.12, 0.07, -247.0, 9.5, -2.13, 0.35, 700),
        new("Bootes I", true, 210.020, 14.500, 0.50, 0.15, 66.0, -0.39, -1.06, 101.8, 4.6, -2.30, 0.30, 150),
        new("Sextans", true, 153.260, -1.610, 1.60, 0.40, 86.0, -0.41, 0.04, 224.2, 8.4, -1.90, 0.35, 500),
    ];
}
