namespace HaloNotebooks.Mocks;

/// <summary>What a mock star is (the truth table's <c>population</c> column).</summary>
internal enum MockPopulation
{
    /// <summary>Halo K giant of the metal-rich component (Table 2 MR).</summary>
    HaloMetalRich,
    /// <summary>Halo K giant of the metal-poor component (Table 2 MP).</summary>
    HaloMetalPoor,
    /// <summary>Thin- or thick-disc giant (removed by the [Fe/H] / |z| cut of §2.3).</summary>
    Disc,
    /// <summary>Sagittarius stream member near B̃ = 0 (removed by the |B̃| &lt; 15° mask).</summary>
    Sagittarius,
    /// <summary>Globular-cluster member (removed by the substructure cross-match).</summary>
    GlobularCluster,
    /// <summary>Dwarf-galaxy member (removed by the substructure cross-match).</summary>
    DwarfGalaxy,
    /// <summary>A star outside the K-giant box (Teff or M_r), removed by the first cut.</summary>
    NonKGiant,
}

internal static class MockPopulationNames
{
    /// <summary>The truth-table spelling: halo_mr, halo_mp, disc, sgr, gc, dwarf, non_kgiant.</summary>
    public static string Name(this MockPopulation p) => p switch
    {
        MockPopulation.HaloMetalRich => "halo_mr",
        MockPopulation.HaloMetalPoor => "halo_mp",
        MockPopulation.Disc => "disc",
        MockPopulation.Sagittarius => "sgr",
        MockPopulation.GlobularCluster => "gc",
        MockPopulation.DwarfGalaxy => "dwarf",
        MockPopulation.NonKGiant => "non_kgiant",
        _ => throw new ArgumentOutOfRangeException(nameof(p), p, "unknown mock population"),
    };
}
