using HaloNotebooks.Catalogs;

namespace HaloNotebooks.Selection;

/// <summary>
/// Runs a funnel step by step: applies cuts to the current survivors, and lets columns be derived on the
/// survivors between cuts (the Monte-Carlo velocity errors of §2.3 are only worth computing for the stars
/// that are still in). Tracks which input row each survivor is, so every removal is attributed.
/// </summary>
internal sealed class FunnelBuilder
{
    readonly List<FunnelStep> steps = [];
    readonly string?[] removedBy;
    int[] inputRows;

    public FunnelBuilder(StarTable input)
    {
        Current = input;
        InputCount = input.RowCount;
        removedBy = new string?[input.RowCount];
        inputRows = Enumerable.Range(0, input.RowCount).ToArray();
    }

    public int InputCount { get; }

    /// <summary>The rows that survived every cut so far (with any derived columns).</summary>
    public StarTable Current { get; private set; }

    /// <summary>For each row of <see cref="Current"/>, its row index in the input table.</summary>
    public ReadOnlySpan<int> InputRows => inputRows;

    /// <summary>Applies one cut to the survivors and records the step.</summary>
    public FunnelBuilder Apply(Cut cut)
    {
        if (steps.Any(s => s.Cut == cut.Name)) throw new ArgumentException($"the funnel already has a cut named '{cut.Name}'");
        var keep = cut.Keep(Current);
        int kept = 0;
        for (int i = 0; i < keep.Length; i++)
        {
            if (keep[i]) kept++;
            else removedBy[inputRows[i]] = cut.Name;
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
    public FunnelBuilder Derive(Func<StarTable, StarTable> derive)
    {
        var next = derive(Current);
        if (next.RowCount != Current.RowCount)
            throw new InvalidOperationException($"a derivation changed the row count from {Current.RowCount} to {next.RowCount}; use a Cut to remove rows");
        Current = next;
        return this;
    }

    public Funnel Build() => new(InputCount, steps.ToArray(), (string?[])removedBy.Clone());

    /// <summary>The input-row indices of the survivors (a copy).</summary>
    public int[] SurvivorInputRows() => (int[])inputRows.Clone();
}
