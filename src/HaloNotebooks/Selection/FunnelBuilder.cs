using HaloNotebooks.Catalogs;

namespace HaloNotebooks.Selection;

/// <summary>
/// Runs a funnel step by step: applies cuts to the current survivors, and lets columns be derived on the
/// survivors between cuts (the Monte-Carlo velocity errors of §2.3 are only worth computing for the stars
/// that are still in). Tracks which input row each survivor is, so every removal is attributed.
/// </summary>
internal sealed class FunnelBuilder
{
    readonly List<FunnelStep> steps;
    readonly string?[]? removedBy;
    int[] inputRows;

    internal FunnelBuilder(StarTable input) : this(input, input.RowCount, new string?[input.RowCount], Enumerable.Range(0, input.RowCount).ToArray(), [])
    {
    }

    /// <summary>One chunk of a catalogue read in row chunks (<see cref="ChunkedFunnel"/>): its rows are the input rows
    /// <paramref name="firstInputRow"/>, … and removals are written into <paramref name="removedBy"/>, the whole
    /// catalogue's record (null: not recorded).</summary>
    internal FunnelBuilder(StarTable chunk, int firstInputRow, string?[]? removedBy)
        : this(chunk, chunk.RowCount, removedBy, Enumerable.Range(firstInputRow, chunk.RowCount).ToArray(), [])
    {
    }

    /// <summary>Continues a funnel: <paramref name="survivors"/> are the input rows <paramref name="inputRows"/> that passed
    /// <paramref name="steps"/>.</summary>
    internal FunnelBuilder(StarTable survivors, int inputCount, string?[]? removedBy, int[] inputRows, IEnumerable<FunnelStep> steps)
    {
        if (inputRows.Length != survivors.RowCount) throw new ArgumentException($"{inputRows.Length} input rows for {survivors.RowCount} survivors");
        Current = survivors;
        InputCount = inputCount;
        this.removedBy = removedBy;
        this.inputRows = inputRows;
        this.steps = steps.ToList();
    }

    /// <summary>The steps so far.</summary>
    internal IReadOnlyList<FunnelStep> Steps => steps;

    internal int InputCount { get; }

    /// <summary>The rows that survived every cut so far (with any derived columns).</summary>
    internal StarTable Current { get; private set; }

    /// <summary>For each row of <see cref="Current"/>, its row index in the input table.</summary>
    internal ReadOnlySpan<int> InputRows => inputRows;

    /// <summary>Applies one cut to the survivors and records the step.</summary>
    internal FunnelBuilder Apply(Cut cut)
    {
        if (steps.Any(s => s.Cut == cut.Name)) throw new ArgumentException($"the funnel already has a cut named '{cut.Name}'");
        var keep = cut.Keep(Current, inputRows);
        int kept = 0;
        for (int i = 0; i < keep.Length; i++)
        {
            if (keep[i]) kept++;
            else if (removedBy is not null) removedBy[inputRows[i]] = cut.Name;
        }
        steps.Add(new FunnelStep(cut.Name, cut.WordingFor(Current), string.Join(", ", cut.Parameters), Current.RowCount, kept));
        if (kept < keep.Length)
        {
            Current = Current.Where(keep);
            var rows = new int[kept];
            for (int i = 0, j = 0; i < keep.Length; i++) if (keep[i]) rows[j++] = inputRows[i];
            inputRows = rows;
        }
        return this;
    }

    /// <summary>Replaces the survivors by <paramref name="derive"/>(survivors): new columns, never new or fewer rows.</summary>
    internal FunnelBuilder Derive(Func<StarTable, StarTable> derive)
    {
        var next = derive(Current);
        if (next.RowCount != Current.RowCount)
            throw new InvalidOperationException($"a derivation changed the row count from {Current.RowCount} to {next.RowCount}; use a Cut to remove rows");
        Current = next;
        return this;
    }

    internal Funnel Build() => new(InputCount, steps.ToArray(),
        (string?[])(removedBy ?? throw new InvalidOperationException("a chunk's funnel is built by its ChunkedFunnel")).Clone());

    /// <summary>The input-row indices of the survivors (a copy).</summary>
    internal int[] SurvivorInputRows() => (int[])inputRows.Clone();
}
