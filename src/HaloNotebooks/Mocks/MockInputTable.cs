namespace HaloNotebooks.Mocks;

/// <summary>One of the paper's tables as numbers: named columns (the CSV header), optional row labels, one double[] per row.</summary>
internal sealed class MockInputTable
{
    readonly Dictionary<string, int> index;

    internal MockInputTable(string[] columns, string[]? labels, double[][] rows)
    {
        Columns = columns;
        Labels = labels;
        Rows = rows;
        index = columns.Select((c, i) => (c, i)).ToDictionary(p => p.c, p => p.i, StringComparer.Ordinal);
        foreach (var row in rows)
            if (row.Length != columns.Length) throw new ArgumentException($"a row has {row.Length} numbers for {columns.Length} columns");
    }

    internal IReadOnlyList<string> Columns { get; }
    /// <summary>Row labels (Table 2: "MR"/"MP"), or null.</summary>
    internal IReadOnlyList<string>? Labels { get; }
    public IReadOnlyList<double[]> Rows { get; }
    public int RowCount => Rows.Count;

    /// <summary>The value in <paramref name="row"/> of <paramref name="column"/> (a CSV header name).</summary>
    public double this[int row, string column] =>
        index.TryGetValue(column, out var c) ? Rows[row][c] : throw new KeyNotFoundException($"paper table has no column '{column}'");

    /// <summary>The row numbers whose label is <paramref name="label"/> (all rows when the table has no labels).</summary>
    internal int[] RowsLabelled(string? label) =>
        Enumerable.Range(0, RowCount).Where(i => label is null || Labels is null || Labels[i] == label).ToArray();
}
