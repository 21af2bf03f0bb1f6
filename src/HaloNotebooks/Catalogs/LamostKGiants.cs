namespace HaloNotebooks.Catalogs;

/// <summary>
/// LAMOST DR5 halo K giants with distances, RVs and Gaia proper motions (the table distributed
/// with Petersen &amp; Peñarrubia's reflex-motion work; FITS, or its CSV twin). Read from a path
/// the user gives. Provenance is not documented by its distributor: treat as a check, not a
/// reference. Units inferred from the values: deg, km/s, mas/yr, kpc. No [Fe/H].
/// </summary>
/// <remarks>
/// Canonical columns: obsid (int64), ra, dec, l (gl), b (gb), rv, rv_err, pmra, pmra_error
/// (pmra_err), pmdec, pmdec_error (pmdec_err), distance (dsun), distance_err (dsun_err).
/// </remarks>
internal static class LamostKGiants
{
    static readonly (string File, string Canonical)[] Map =
    [
        ("obsid", "obsid"), ("ra", CanonicalColumns.Ra), ("dec", CanonicalColumns.Dec), ("gl", CanonicalColumns.L), ("gb", CanonicalColumns.B),
        ("rv", CanonicalColumns.Rv), ("rv_err", CanonicalColumns.RvErr), ("pmra", CanonicalColumns.Pmra), ("pmra_err", CanonicalColumns.PmraError),
        ("pmdec", CanonicalColumns.Pmdec), ("pmdec_err", CanonicalColumns.PmdecError), ("dsun", CanonicalColumns.Distance),
        ("dsun_err", CanonicalColumns.DistanceErr),
    ];

    /// <summary>.fits (first table HDU), .csv or .parquet.</summary>
    public static StarTable Read(string path)
    {
        var raw = TableFile.Read(path, Map.Select(m => m.File).ToArray());
        var columns = Map.Select(m => m.File == "obsid"
            ? new ColumnData("obsid", raw.GetInt64("obsid", 0), raw.GetMissing("obsid"))
            : new ColumnData(m.Canonical, raw.GetDouble(m.File))).ToList();
        return new StarTable(columns, raw.RowCount);
    }
}
