using HaloNotebooks.Catalogs;
using C = HaloNotebooks.Catalogs.CanonicalColumns;

namespace HaloNotebooks.Selection;

/// <summary>
/// Which row of each Gaia SOURCE_ID the selection keeps when several rows share one (two TARGETIDs of one star, or its
/// repeat spectra): the PRIMARY row, then the one with the smaller RV error (a NaN error loses), then the first in input
/// order. Rows are offered in input order, so a catalogue read in chunks gets the same answer as one read whole; the
/// state is one small entry per source, not per column of the file. SOURCE_ID ≤ 0 or missing (no Gaia match) is never a
/// duplicate.
/// </summary>
internal sealed class GaiaSourceWinners
{
    readonly Dictionary<long, (int Row, bool Primary, double RvErr)> _best;

    /// <param name="expectedSources">Room to reserve (the catalogue's row count), so the table is not regrown as it fills.</param>
    internal GaiaSourceWinners(int expectedSources = 0) => _best = new(expectedSources);

    /// <summary>Offers <paramref name="rows"/> (input rows <paramref name="inputRows"/>, later than any offered before).</summary>
    public void Add(StarTable rows, IReadOnlyList<int> inputRows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        int n = rows.RowCount;
        var id = rows.GetInt64(C.SourceId, 0);
        var primary = rows.Contains(C.Primary) ? QualityCuts.Truth(rows, C.Primary) : new bool[n];
        var rvErr = rows.Contains(C.RvErr) ? rows.GetDouble(C.RvErr) : new double[n];
        for (int i = 0; i < n; i++)
        {
            if (id[i] <= 0) continue;
            if (!_best.TryGetValue(id[i], out var b) || Better(primary[i], rvErr[i], b.Primary, b.RvErr))
                _best[id[i]] = (inputRows[i], primary[i], rvErr[i]);
        }
    }

    /// <summary>Whether input row <paramref name="inputRow"/>, with Gaia source <paramref name="sourceId"/>, is its source's kept row.</summary>
    internal bool Keeps(long sourceId, int inputRow) =>
        sourceId <= 0 || (_best.TryGetValue(sourceId, out var b)
            ? b.Row == inputRow
            : throw new InvalidOperationException($"SOURCE_ID {sourceId} (input row {inputRow}) was never offered"));

    static bool Better(bool primary, double rvErr, bool bestPrimary, double bestRvErr) =>
        primary != bestPrimary ? primary : rvErr < bestRvErr || (double.IsNaN(bestRvErr) && !double.IsNaN(rvErr));
}
