using HaloNotebooks.Catalogs;
using HaloNotebooks.Selection;

namespace HaloNotebooks.Tests.Selection;

/// <summary>Real public catalogues from ../shared used by several tests; each getter skips the calling
/// [SkippableFact] with a clear message when the files are absent.</summary>
public static class SharedCatalogs
{
    /// <summary>Xue et al. (2014) SEGUE K giants joined with their Gaia DR2 cross-match.</summary>
    public static StarTable SegueKGiantsTable() => SegueKGiants.Read(
        TestPaths.RequireShared("data/external/segue_kgiants_xue2014/Xue2014KGiant14.txt"),
        TestPaths.RequireShared("data/external/segue_kgiants_xue2014/Xue2015KGiantxmatch_gaia_corr.txt"));

    /// <summary>The paper's substructure masks: Baumgardt &amp; Vasiliev (2021) globular clusters and Pace et al. (2022) dwarfs.</summary>
    public static SubstructureCatalog PaperSubstructures() => SubstructureCatalog.Combine(
        SubstructureCatalog.ReadBaumgardtVasiliev(
            TestPaths.RequireShared("data/external/gc_baumgardt_orbits/orbits_table.txt"),
            TestPaths.RequireShared("data/external/gc_vasiliev_baumgardt2021_pm/GCs_VB21.txt")),
        SubstructureCatalog.ReadPace(TestPaths.RequireShared("data/external/lvdb_pace2022")));
}
