namespace HaloNotebooks.Catalogs;

/// <summary>
/// A distance catalogue held for joining onto a star catalogue chunk by chunk (<see cref="DistanceJoin"/>): its IDs
/// sorted once (12 bytes a row instead of a hash table's ~30), with the distance and its error of every ID that has
/// exactly one row. <see cref="Join"/> gives each star <c>distance</c>, <c>distance_err</c> and <c>distance_rows</c>, the
/// number of rows carrying its ID: a star with none or several gets missing distances, and the selection's
/// "distances" cuts remove and count it by name, so nothing is dropped silently.
/// </summary>
internal sealed class DistanceLookup
{
    /// <summary>The columns <see cref="Join"/> adds (replacing any of the same name).</summary>
    internal static IReadOnlyList<string> JoinedColumns { get; } = [CanonicalColumns.Distance, CanonicalColumns.DistanceErr, CanonicalColumns.DistanceRows];

    readonly long[] _ids;      // sorted; missing IDs left out
    readonly int[] _rows;      // the distance-catalogue row of each sorted ID
    readonly ColumnData _distance, _distanceErr;
    readonly string? _file;

    internal DistanceLookup(StarTable distances, DistanceColumns names, string? file = null)
    {
        ArgumentNullException.ThrowIfNull(distances);
        ArgumentNullException.ThrowIfNull(names);
        foreach (var c in new[] { names.Id, names.Distance, names.DistanceErr })
            if (!distances.Contains(c))
                throw new CatalogException($"the distance catalogue has no column {c} (it has {string.Join(", ", distances.ColumnNames)}); name its columns " +
                    $"with --distance-columns ID,DIST,DIST_ERR", file, column: c);
        Names = names;
        _file = file;
        var ids = distances.GetInt64(names.Id, long.MinValue);
        var missing = distances.GetMissing(names.Id);
        int present = missing.Count(m => !m);
        _ids = new long[present];
        _rows = new int[present];
        for (int i = 0, k = 0; i < ids.Length; i++)
            if (!missing[i]) { _ids[k] = ids[i]; _rows[k++] = i; }
        Array.Sort(_ids, _rows);   // introsort is unstable: equal IDs are never used for their row, only counted
        _distance = distances.Column(names.Distance).Rename(CanonicalColumns.Distance);
        _distanceErr = distances.Column(names.DistanceErr).Rename(CanonicalColumns.DistanceErr);
    }

    internal DistanceColumns Names { get; }

    /// <summary>The star catalogue's column the IDs are matched against (targetid or source_id).</summary>
    internal string JoinKey => Names.JoinKey;

    /// <summary>Every row of <paramref name="stars"/> in order, with distance, distance_err and distance_rows.</summary>
    public StarTable Join(StarTable stars)
    {
        ArgumentNullException.ThrowIfNull(stars);
        if (!stars.Contains(JoinKey))
            throw new CatalogException($"the distance catalogue is keyed by {Names.Id}, but the star catalogue has no {JoinKey} column " +
                $"to join it on", _file, column: Names.Id);
        var starIds = stars.GetInt64(JoinKey, long.MinValue);
        var starMissing = stars.GetMissing(JoinKey);
        var found = new int[stars.RowCount];
        var rows = new int[stars.RowCount];
        for (int i = 0; i < found.Length; i++)
        {
            rows[i] = -1;
            if (starMissing[i]) continue;
            int at = Array.BinarySearch(_ids, starIds[i]);
            if (at < 0) continue;
            int lo = at, hi = at;
            while (lo > 0 && _ids[lo - 1] == starIds[i]) lo--;
            while (hi < _ids.Length - 1 && _ids[hi + 1] == starIds[i]) hi++;
            found[i] = hi - lo + 1;
            if (found[i] == 1) rows[i] = _rows[at];
        }
        var kept = JoinedColumns.Where(stars.Contains).ToArray();
        return (kept.Length == 0 ? stars : stars.WithoutColumns(kept))
            .WithColumn(_distance.Gather(rows)).WithColumn(_distanceErr.Gather(rows))
            .WithColumn(CanonicalColumns.DistanceRows, found);
    }
}
