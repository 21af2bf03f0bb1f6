using HaloNotebooks.Catalogs;
using C = HaloNotebooks.Catalogs.CanonicalColumns;

namespace HaloNotebooks.Mocks;

/// <summary>
/// The mock's distance catalogue in the layout <see cref="DesiMwsCatalog.Read"/> joins by default (<see cref="DistanceColumns"/>):
/// one BINTABLE HDU "DISTANCES" with TARGETID, DIST, DIST_ERR (kpc), like a SpecDis2 VAC. The mwsall file itself is written by
/// <see cref="DesiMwsCatalog.Write"/>.
/// </summary>
internal static class MwsLayout
{
    internal const string DistanceHdu = "DISTANCES";

    internal static StarTable DistanceTable(StarTable d)
    {
        var names = new DistanceColumns();
        return StarTable.FromColumns(
        [
            (names.Id, d.GetInt64(C.TargetId)), (names.Distance, d.GetDouble(C.Distance)), (names.DistanceErr, d.GetDouble(C.DistanceErr)),
        ]);
    }
}
