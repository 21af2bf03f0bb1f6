namespace HaloNotebooks.Selection;

internal enum SubstructureKind { GlobularCluster, DwarfGalaxy }

/// <summary>
/// One globular cluster or dwarf galaxy to be removed from the halo sample (§2.3). Units: deg, kpc, mas/yr, km/s.
/// Unknown quantities are NaN, and the membership test then skips that criterion.
/// </summary>
/// <param name="RadiusDeg">Match radius on the sky (deg): stars farther than this from (Ra, Dec) are never members.</param>
/// <param name="DistanceErr">1σ of the substructure's distance, kpc.</param>
/// <param name="PmErr">1σ per proper-motion component that a member may scatter by (error of the mean and the
/// internal dispersion), mas/yr.</param>
/// <param name="RvErr">1σ that a member's RV may scatter by (error of the mean and internal dispersion), km/s.</param>
internal sealed record Substructure(
    string Name, SubstructureKind Kind, double Ra, double Dec, double RadiusDeg,
    double Distance, double DistanceErr, double Pmra, double Pmdec, double PmErr, double Rv, double RvErr)
{
    /// <summary>The list file's spelling of <see cref="Kind"/>: globular_cluster or dwarf_galaxy.</summary>
    internal static string KindName(SubstructureKind kind) =>
        kind == SubstructureKind.GlobularCluster ? "globular_cluster" : "dwarf_galaxy";

    internal static SubstructureKind ParseKind(string text) => text.Trim().ToLowerInvariant() switch
    {
        "globular_cluster" or "gc" => SubstructureKind.GlobularCluster,
        "dwarf_galaxy" or "dwarf" => SubstructureKind.DwarfGalaxy,
        _ => throw new FormatException($"substructure kind '{text}' is neither globular_cluster nor dwarf_galaxy"),
    };
}
