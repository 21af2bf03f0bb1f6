namespace HaloNotebooks.Catalogs;

/// <summary>
/// Column names of a distance catalogue joined onto the DESI catalogue by ID (SpecDis2's names are
/// not published yet, so they are configurable). Distances in kpc. When this record is not given
/// and the defaults are absent from the file, the canonical names (targetid, distance,
/// distance_err — what the mock writes) are tried.
/// </summary>
public sealed record DistanceColumns(string Id = "TARGETID", string Distance = "DIST", string DistanceErr = "DIST_ERR")
{
    public static DistanceColumns Canonical { get; } = new(CanonicalColumns.TargetId, CanonicalColumns.Distance, CanonicalColumns.DistanceErr);
}
