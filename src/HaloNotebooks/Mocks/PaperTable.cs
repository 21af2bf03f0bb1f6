namespace HaloNotebooks.Mocks;

/// <summary>One of the paper's tables as numbers: named columns (the CSV header), optional row labels, one double[] per row.</summary>
public sealed class PaperTable
{
    readonly Dictionary<string, int> index;

    public PaperTable(string[] columns, string[]? labels, double[][] rows)
    {
        Columns = columns;
        Labels = labels;
        Rows = rows;
        index = columns.Select((c, i) => (c, i)).ToDictionary(p => p.c, p => p.i, StringComparer.Ordinal);
        foreach (var row in rows)
            if (row.Length != columns.Length) throw new ArgumentException($"a row has {row.Length} numbers for {columns.Length} columns");
    }

    public IReadOnlyList<string> Columns { get; }
    /// <summary>Row labels (Table 2: "MR"/"MP"), or null.</summary>
    public IReadOnlyList<string>? Labels { get; }
    public IReadOnlyList<double[]> Rows { get; }
    public int RowCount => Rows.Count;

    /// <summary>The value in <paramref name="row"/> of <paramref name="column"/> (a CSV header name).</summary>
    public double this[int row, string column] =>
        index.TryGetValue(column, out var c) ? Rows[row][c] : throw new KeyNotFoundException($"paper table has no column '{column}'");

    /// <summary>The row numbers whose label is <paramref name="label"/> (all rows when the table has no labels).</summary>
    public int[] RowsLabelled(string? label) =>
        Enumerable.Range(0, RowCount).Where(i => label is null || Labels is null || Labels[i] == label).ToArray();
}
