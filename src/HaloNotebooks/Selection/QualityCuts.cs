using HaloNotebooks.Catalogs;
using C = HaloNotebooks.Catalogs.CanonicalColumns;

namespace HaloNotebooks.Selection;

/// <summary>
/// The quality cuts every DESI MWS user applies before any science cut, at the top of the funnel: one spectrum per star
/// (PRIMARY), RVSpecFit fits that succeeded without warnings (SUCCESS, RVS_WARN = 0), Redrock's STAR class, one row per
/// Gaia source, and exactly one distance per star. Not in the paper (§2.3 starts from a clean catalogue); these are the
/// recipes of the DESI DR1 stellar catalogue (Koposov et al. 2025; EDR: Koposov et al. 2024, the data model's
/// "suggested PRIMARY observation"). Each is switched by a <see cref="SelectionSettings"/> flag; a cut whose column is
/// absent (CSV input, other surveys) keeps every row and says "not applied: column absent" in the funnel.
/// </summary>
internal static class QualityCuts
{
    internal const string Reason = "not in the paper; DESI's recommended quality cuts";

    /// <summary>The cuts in funnel order: failed and warned fits first (so a failed repeat is counted as failed), then
    /// non-stars, repeats, shared Gaia sources, and the distance catalogue's coverage.</summary>
    public static IReadOnlyList<Cut> All(SelectionSettings s) =>
        [.. PerRow(s), OneRowPerGaiaSource(s), DistanceFound(), DistanceUnique()];

    /// <summary>As <see cref="All(SelectionSettings)"/> for a catalogue read in chunks: the Gaia duplicates were found by
    /// <see cref="FindGaiaSourceWinners"/> over the whole catalogue (null: the cut is off or its column absent).</summary>
    internal static IReadOnlyList<Cut> All(SelectionSettings s, GaiaSourceWinners? winners) =>
        [.. PerRow(s), OneRowPerGaiaSource(s, winners), DistanceFound(), DistanceUnique()];

    /// <summary>The cuts before the Gaia duplicates, each decided by its row alone.</summary>
    internal static IReadOnlyList<Cut> PerRow(SelectionSettings s) => [RvSuccess(s), RvsWarn(s), StarSpectype(s), Primary(s)];

    /// <summary>The columns <see cref="FindGaiaSourceWinners"/> reads.</summary>
    internal static IReadOnlyList<string> GaiaSourceColumns { get; } = [C.RvSuccess, C.RvsWarn, C.RrSpectype, C.Primary, C.SourceId, C.RvErr];

    /// <summary>
    /// The kept row of every Gaia source among the rows that pass <see cref="PerRow"/>: a first pass over the catalogue,
    /// reading only <see cref="GaiaSourceColumns"/> (null when the cut is off or the catalogue has no SOURCE_ID).
    /// </summary>
    internal static GaiaSourceWinners? FindGaiaSourceWinners(CatalogueChunks catalogue, SelectionSettings s,
        int rowsPerChunk = CatalogueChunks.DefaultChunkRows,
        IProgress<double>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        if (!s.OneRowPerGaiaSource || !catalogue.Contains(C.SourceId)) return null;
        var winners = new GaiaSourceWinners(catalogue.RowCount);
        var cuts = PerRow(s);
        foreach (var (first, rows) in catalogue.Read(rowsPerChunk, GaiaSourceColumns))
        {
            var survivors = new FunnelBuilder(rows, first, removedBy: null);
            foreach (var cut in cuts) survivors.Apply(cut);
            winners.Add(survivors.Current, survivors.SurvivorInputRows());
            progress?.Report((double)(first + rows.RowCount) / Math.Max(1, catalogue.RowCount));
        }
        return winners;
    }

    internal static Cut RvSuccess(SelectionSettings s) => Flag(
        "DESI: SUCCESS", "RVSpecFit SUCCESS = true (a failed fit's velocity is meaningless)", C.RvSuccess,
        s.RequireRvSuccess, nameof(s.RequireRvSuccess), t => Truth(t, C.RvSuccess));

    internal static Cut RvsWarn(SelectionSettings s) => Flag(
        "DESI: RVS_WARN = 0", "RVSpecFit warning bitmask RVS_WARN = 0", C.RvsWarn,
        s.RequireNoRvsWarn, nameof(s.RequireNoRvsWarn), t =>
        {
            var w = t.GetInt64(C.RvsWarn, -1);   // a missing flag is not a clean fit
            return Array.ConvertAll(w, v => v == 0);
        });

    internal static Cut StarSpectype(SelectionSettings s) => Flag(
        "DESI: RR_SPECTYPE = STAR", "Redrock classifies the coadd as STAR", C.RrSpectype,
        s.RequireStarSpectype, nameof(s.RequireStarSpectype), t =>
            Array.ConvertAll(t.GetString(C.RrSpectype), v => string.Equals(v?.Trim(), "STAR", StringComparison.OrdinalIgnoreCase)));

    internal static Cut Primary(SelectionSettings s) => Flag(
        "DESI: PRIMARY", "PRIMARY = true, the suggested one of a star's repeat observations", C.Primary,
        s.RequirePrimary, nameof(s.RequirePrimary), t => Truth(t, C.Primary));

    /// <summary>Two TARGETIDs (or repeat rows) with one Gaia SOURCE_ID are one star: keep the PRIMARY row, then the one
    /// with the smaller RV error, then the first (<see cref="GaiaSourceWinners"/>); SOURCE_ID ≤ 0 or missing (no Gaia
    /// match) is never a duplicate. This form compares the rows of the table it is given.</summary>
    internal static Cut OneRowPerGaiaSource(SelectionSettings s) => GaiaSource(s, (t, _) =>
    {
        var winners = new GaiaSourceWinners(t.RowCount);
        var local = Enumerable.Range(0, t.RowCount).ToArray();
        winners.Add(t, local);
        return Keep(t, local, winners);
    });

    /// <summary>As <see cref="OneRowPerGaiaSource(SelectionSettings)"/> with the kept rows found over the whole catalogue
    /// beforehand (<see cref="FindGaiaSourceWinners"/>), for a catalogue read in chunks.</summary>
    internal static Cut OneRowPerGaiaSource(SelectionSettings s, GaiaSourceWinners? winners) => GaiaSource(s, (t, rows) =>
        Keep(t, rows, winners ?? throw new InvalidOperationException("the Gaia duplicates were not looked for first (QualityCuts.FindGaiaSourceWinners)")));

    static Cut GaiaSource(SelectionSettings s, Func<StarTable, IReadOnlyList<int>, bool[]> keep) => Flag(
        "Gaia SOURCE_ID: one row", "one row per Gaia SOURCE_ID (TARGETIDs sharing one: the PRIMARY row is kept)", C.SourceId,
        s.OneRowPerGaiaSource, nameof(s.OneRowPerGaiaSource), keep);

    static bool[] Keep(StarTable t, IReadOnlyList<int> inputRows, GaiaSourceWinners winners)
    {
        var id = t.GetInt64(C.SourceId, 0);
        var keep = new bool[t.RowCount];
        for (int i = 0; i < keep.Length; i++) keep[i] = winners.Keeps(id[i], inputRows[i]);
        return keep;
    }

    internal static Cut DistanceFound() => Flag(
        "distances: ID found", "not in the paper; removes stars whose ID has no row in the distance catalogue", C.DistanceRows,
        true, null, t => Array.ConvertAll(t.GetInt64(C.DistanceRows, 0), k => k >= 1), reason: false);

    internal static Cut DistanceUnique() => Flag(
        "distances: one row per ID", "not in the paper; removes stars whose ID has several rows in the distance catalogue (which one is right is not " +
            "ours to guess)", C.DistanceRows,
        true, null, t => Array.ConvertAll(t.GetInt64(C.DistanceRows, 0), k => k <= 1), reason: false);

    static Cut Flag(string name, string what, string column, bool on, string? setting, Func<StarTable, bool[]> keep, bool reason = true) =>
        Flag(name, what, column, on, setting, (t, _) => keep(t), reason);

    static Cut Flag(string name, string what, string column, bool on, string? setting, Func<StarTable, IReadOnlyList<int>, bool[]> keep, bool reason = true)
    {
        string wording = (reason ? Reason + ": " : "") + what;
        return new Cut(name, on ? wording + (setting is null ? "" : $" ({setting})") : wording + $" — switched off ({setting} = false)", [],
            (t, rows) =>
            {
                if (on && t.Contains(column)) return keep(t, rows);
                var all = new bool[t.RowCount];
                Array.Fill(all, true);
                return all;
            },
            t => on && !t.Contains(column) ? $"{wording} — not applied: column absent ({column})" : null);
    }

    /// <summary>A flag column as booleans: bool (missing → false) or a number (non-zero → true, missing → false).</summary>
    internal static bool[] Truth(StarTable t, string column) =>
        t.GetColumnType(column) == ColumnType.Boolean ? t.GetBool(column, false)
            : Array.ConvertAll(t.GetDouble(column), v => v != 0 && !double.IsNaN(v));
}
