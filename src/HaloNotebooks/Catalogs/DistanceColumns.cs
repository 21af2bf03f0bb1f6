namespace HaloNotebooks.Catalogs;

/// <summary>
/// Column names of a distance catalogue joined onto the DESI catalogue by ID (SpecDis2's names are
/// not published yet, so they are configurable; the CLI's <c>--distance-columns ID,DIST,DIST_ERR</c>).
/// Distances in kpc. An ID column named SOURCE_ID (any case) joins on the star's Gaia SOURCE_ID — the
/// DR1 SpecDis VAC is keyed that way, as far as its public descriptions go; any other name joins on
/// TARGETID. When this record is not given and the defaults are absent from the file, the canonical
/// names (targetid, distance, distance_err — what the mock writes) are tried.
/// </summary>
internal sealed record DistanceColumns(string Id = "TARGETID", string Distance = "DIST", string DistanceErr = "DIST_ERR")
{
    internal static DistanceColumns Canonical { get; } = new(CanonicalColumns.TargetId, CanonicalColumns.Distance, CanonicalColumns.DistanceErr);

    /// <summary>The catalogue's canonical key the ID column is matched against: source_id or targetid.</summary>
    internal string JoinKey => string.Equals(Id, "SOURCE_ID", StringComparison.OrdinalIgnoreCase) ? CanonicalColumns.SourceId : CanonicalColumns.TargetId;

    /// <summary>"ID,DIST,DIST_ERR" (three comma-separated column names, as the CLI takes them).</summary>
    internal static DistanceColumns Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parts = text.Split(',', StringSplitOptions.TrimEntries);
        if (parts.Length != 3 || parts.Any(p => p.Length == 0))
            throw new ArgumentException($"distance columns '{text}': expected three comma-separated names ID,DIST,DIST_ERR (e.g. SOURCE_ID,DIST,DIST_ERR)");
        return new DistanceColumns(parts[0], parts[1], parts[2]);
    }

    public override string ToString() => $"{Id},{Distance},{DistanceErr}";
}
