namespace HaloNotebooks.Catalogs;

/// <summary>
/// Joins a distance catalogue onto a star catalogue by TARGETID or Gaia SOURCE_ID (<see cref="DistanceColumns.JoinKey"/>)
/// without losing a row: every star keeps its row and gets <c>distance</c>, <c>distance_err</c> and
/// <c>distance_rows</c>, the number of distance-catalogue rows carrying its ID. A star with no row, or with several
/// (which distance would be right is not ours to guess), gets missing distances; the selection's "distance catalogue"
/// cuts then remove and count them by name, so nothing is dropped silently.
/// </summary>
internal static class DistanceJoin
{
    /// <summary>The distance columns of <paramref name="distances"/> (named by <paramref name="names"/>) joined onto <paramref name="stars"/>.</summary>
    public static StarTable Join(StarTable stars, StarTable distances, DistanceColumns names, string? file = null)
    {
        ArgumentNullException.ThrowIfNull(stars);
        ArgumentNullException.ThrowIfNull(distances);
        ArgumentNullException.ThrowIfNull(names);
        string key = names.JoinKey;
        if (!stars.Contains(key))
            throw new CatalogException($"the distance catalogue is keyed by {names.Id}, but the star catalogue has no {key} column " +
                $"to join it on", file, column: names.Id);
        return new DistanceLookup(distances, names, file).Join(stars);
    }

    /// <summary>Reads the distance catalogue at <paramref name="path"/> (only the three columns) and joins it; with no
    /// <paramref name="names"/>, DESI's TARGETID/SOURCE_ID, DIST, DIST_ERR or the canonical names, whichever the file has.</summary>
    public static StarTable Join(StarTable stars, string path, DistanceColumns? names = null) => Open(path, names).Join(stars);

    /// <summary>The distance catalogue at <paramref name="path"/> (only its three columns) ready to be joined chunk by chunk;
    /// with no <paramref name="names"/>, the columns <see cref="Detect"/> finds.</summary>
    internal static DistanceLookup Open(string path, DistanceColumns? names = null)
    {
        var cols = names ?? Detect(path);
        var available = TableFile.ReadColumnNames(path);
        foreach (var c in new[] { cols.Id, cols.Distance, cols.DistanceErr })
            if (!available.Contains(c))
                throw new CatalogException($"the distance catalogue has no column {c} (it has {string.Join(", ", available)}); name its columns with " +
                    $"--distance-columns ID,DIST,DIST_ERR", path, column: c);
        return new DistanceLookup(TableFile.Read(path, [cols.Id, cols.Distance, cols.DistanceErr]), cols, path);
    }

    /// <summary>The column names a distance file uses: TARGETID (or SOURCE_ID), DIST, DIST_ERR as DESI's VACs spell them,
    /// or targetid, distance, distance_err as the mock writes them.</summary>
    internal static DistanceColumns Detect(string path)
    {
        var names = TableFile.ReadColumnNames(path);
        if (names.Contains("DIST") && names.Contains("DIST_ERR"))
        {
            if (names.Contains("TARGETID")) return new DistanceColumns();
            if (names.Contains("SOURCE_ID")) return new DistanceColumns("SOURCE_ID");
        }
        if (names.Contains(CanonicalColumns.Distance) && names.Contains(CanonicalColumns.TargetId)) return DistanceColumns.Canonical;
        throw new CatalogException($"expected TARGETID (or SOURCE_ID), DIST, DIST_ERR or targetid, distance, distance_err; found {string.Join(", ", names)}; " +
            $"name the columns with --distance-columns ID,DIST,DIST_ERR", file: path, column: "DIST");
    }
}
