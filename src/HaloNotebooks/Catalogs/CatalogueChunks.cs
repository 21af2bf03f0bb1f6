namespace HaloNotebooks.Catalogs;

/// <summary>
/// A catalogue read in row chunks, so that a selection's memory grows with one chunk and with the stars that survive,
/// not with the file: real DESI MWS catalogues are millions of rows and grow with every release. Reading may be
/// repeated (each <see cref="Read"/> starts again at row 0), and always yields at least one chunk — an empty catalogue
/// yields one empty chunk that still has the columns, so a funnel over it still lists its cuts.
/// </summary>
internal abstract class CatalogueChunks
{
    /// <summary>The readers of this library only (FITS, CSV, a table in memory).</summary>
    private protected CatalogueChunks() { }

    /// <summary>Rows per chunk when none is asked for: about 30 MB of ~30 columns.</summary>
    internal const int DefaultChunkRows = 1 << 17;

    /// <summary>Rows in the whole catalogue.</summary>
    public abstract int RowCount { get; }

    /// <summary>The columns every chunk has (canonical names where the reader maps a survey's layout).</summary>
    public abstract IReadOnlyList<string> ColumnNames { get; }

    public bool Contains(string column) => ColumnNames.Contains(column, StringComparer.Ordinal);

    /// <summary>Rows <paramref name="first"/> … <paramref name="first"/> + <paramref name="count"/> − 1 with the columns of
    /// <paramref name="columns"/> the catalogue has (all when null).</summary>
    private protected abstract StarTable ReadRows(int first, int count, IReadOnlyCollection<string>? columns);

    /// <summary>The catalogue as consecutive row chunks of at most <paramref name="rowsPerChunk"/> rows, each with the row
    /// index of its first row, restricted to those of <paramref name="columns"/> the catalogue has (all when null).</summary>
    public virtual IEnumerable<(int FirstRow, StarTable Rows)> Read(int rowsPerChunk = DefaultChunkRows, IReadOnlyCollection<string>? columns = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(rowsPerChunk, 1);
        var wanted = columns?.Where(Contains).ToArray();
        if (RowCount == 0) { yield return (0, ReadRows(0, 0, wanted)); yield break; }
        for (int first = 0; first < RowCount; first += rowsPerChunk)
            yield return (first, ReadRows(first, Math.Min(rowsPerChunk, RowCount - first), wanted));
    }

    /// <summary>The table itself when the catalogue is held in memory (what Selection/SelectionCache keys), else null.</summary>
    internal virtual StarTable? InMemoryTable => null;

    /// <summary>The whole catalogue as one table.</summary>
    internal StarTable ReadAll() => ReadRows(0, RowCount, null);

    /// <summary>A table already in memory, handed out in slices.</summary>
    internal static CatalogueChunks FromTable(StarTable table) => new InMemory(table ?? throw new ArgumentNullException(nameof(table)));

    /// <summary>This catalogue with a distance catalogue joined onto every chunk (<see cref="DistanceJoin"/>).</summary>
    internal CatalogueChunks WithDistances(DistanceLookup distances) => new Joined(this, distances ?? throw new ArgumentNullException(nameof(distances)));

    sealed class InMemory(StarTable table) : CatalogueChunks
    {
        public override int RowCount => table.RowCount;
        public override IReadOnlyList<string> ColumnNames => table.ColumnNames;
        internal override StarTable? InMemoryTable => table;

        private protected override StarTable ReadRows(int first, int count, IReadOnlyCollection<string>? columns)
        {
            var rows = first == 0 && count == table.RowCount ? table : table.Slice(first, count);
            return columns is null ? rows : rows.Select(columns.ToArray());
        }
    }

    sealed class Joined(CatalogueChunks stars, DistanceLookup distances) : CatalogueChunks
    {
        public override int RowCount => stars.RowCount;

        public override IReadOnlyList<string> ColumnNames { get; } =
            stars.ColumnNames.Where(c => !DistanceLookup.JoinedColumns.Contains(c)).Concat(DistanceLookup.JoinedColumns).ToList();

        private protected override StarTable ReadRows(int first, int count, IReadOnlyCollection<string>? columns)
        {
            // The join needs the key even when it is not asked for; the distance columns come from the join.
            var own = columns?.Where(c => !DistanceLookup.JoinedColumns.Contains(c)).Append(distances.JoinKey).Distinct().ToArray();
            var joined = distances.Join(stars.ReadRows(first, count, own?.Where(stars.Contains).ToArray()));
            return columns is null ? joined : joined.Select(columns.Where(joined.Contains).ToArray());
        }
    }
}
