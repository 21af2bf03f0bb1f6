using System.Globalization;
using HaloNotebooks.Catalogs;

namespace HaloNotebooks.Selection;

/// <summary>One named threshold of a cut, shown in the funnel (e.g. <c>FehMax = −0.85 dex</c>).</summary>
internal readonly record struct CutParameter(string Name, double? Value, string Unit)
{
    public override string ToString() =>
        $"{Name} = {(Value is double v ? v.ToString("G6", CultureInfo.InvariantCulture) : "none")}{(Unit.Length > 0 && Value is not null ? " " + Unit : "")}";
}

/// <summary>
/// One step of a selection: a short name, the paper's wording, the thresholds it uses and a vectorised
/// predicate that returns, for every row of a table, whether the row is KEPT. A row with a missing
/// (NaN) value in a column the predicate compares is not kept: comparisons with NaN are false. A cut that compares
/// rows with each other across a catalogue read in chunks (one row per Gaia source) also gets each row's input row.
/// </summary>
internal sealed class Cut
{
    readonly Func<StarTable, IReadOnlyList<int>, bool[]> keep;
    readonly Func<StarTable, string?>? describe;

    /// <param name="describe">Optional: a wording for a particular table that replaces <paramref name="wording"/> (null: keep
    /// it), e.g. a quality cut that says "not applied: column absent" when its column is not in the catalogue.</param>
    public Cut(string name, string wording, IReadOnlyList<CutParameter> parameters, Func<StarTable, bool[]> keep,
               Func<StarTable, string?>? describe = null)
        : this(name, wording, parameters, (t, _) => keep(t), describe)
    {
    }

    /// <param name="keep">The keep mask of a table whose rows are the catalogue's rows <c>inputRows</c> (in order).</param>
    /// <param name="describe">As in the other constructor.</param>
    internal Cut(string name, string wording, IReadOnlyList<CutParameter> parameters, Func<StarTable, IReadOnlyList<int>, bool[]> keep,
               Func<StarTable, string?>? describe = null)
    {
        this.describe = describe;
        if (string.IsNullOrWhiteSpace(name)) throw new ArgumentException("a cut needs a name", nameof(name));
        Name = name;
        Wording = wording;
        Parameters = parameters;
        this.keep = keep;
    }

    /// <summary>Short name shown in the funnel and recorded in <see cref="Funnel.RemovedBy"/>.</summary>
    public string Name { get; }

    /// <summary>The paper's wording of the criterion, with its section.</summary>
    internal string Wording { get; }

    public IReadOnlyList<CutParameter> Parameters { get; }

    /// <summary>The wording shown in the funnel when the cut runs on <paramref name="table"/>.</summary>
    internal string WordingFor(StarTable table) => describe?.Invoke(table) ?? Wording;

    /// <summary>The keep mask for every row of <paramref name="table"/> (a whole catalogue: its rows are input rows 0, 1, …).</summary>
    internal bool[] Keep(StarTable table) => Keep(table, new InputRange(table.RowCount));

    /// <summary>The keep mask for every row of <paramref name="table"/>, whose rows are the catalogue's <paramref name="inputRows"/>.</summary>
    internal bool[] Keep(StarTable table, IReadOnlyList<int> inputRows)
    {
        ArgumentNullException.ThrowIfNull(inputRows);
        if (inputRows.Count != table.RowCount)
            throw new ArgumentException($"{inputRows.Count} input rows for {table.RowCount} rows", nameof(inputRows));
        var mask = keep(table, inputRows);
        if (mask.Length != table.RowCount)
            throw new InvalidOperationException($"cut '{Name}' returned {mask.Length} flags for {table.RowCount} rows");
        return mask;
    }

    /// <summary>A cut keeping rows whose column value v satisfies lo &lt; v &lt; hi (either bound may be infinite).</summary>
    internal static Cut Between(string name, string wording, string column, double lo, double hi, IReadOnlyList<CutParameter> parameters) =>
        Where(name, wording, column, v => v > lo && v < hi, parameters);

    /// <summary>A cut keeping rows whose column value satisfies <paramref name="keep"/> (one of SelectionSettings' comparisons).</summary>
    internal static Cut Where(string name, string wording, string column, Func<double, bool> keep, IReadOnlyList<CutParameter> parameters) =>
        new(name, wording, parameters, t =>
        {
            var v = t.GetDouble(column);
            var k = new bool[v.Length];
            for (int i = 0; i < v.Length; i++) k[i] = keep(v[i]);
            return k;
        });

    public override string ToString() => $"{Name}: {string.Join(", ", Parameters)}";

    /// <summary>0, 1, …, n − 1 without an array.</summary>
    sealed class InputRange(int count) : IReadOnlyList<int>
    {
        public int this[int index] => (uint)index < (uint)count ? index : throw new ArgumentOutOfRangeException(nameof(index));
        public int Count => count;
        public IEnumerator<int> GetEnumerator() => Enumerable.Range(0, count).GetEnumerator();
        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
