namespace HaloNotebooks.Catalogs;

/// <summary>
/// Bad catalogue input: a truncated or malformed file, a missing column, a cell that cannot be
/// parsed. The message names every location that is known (file, HDU, column, row) so a user can
/// go straight to the offending place; the same locations are available as properties.
/// </summary>
internal sealed class CatalogException : Exception
{
    public string? File { get; }
    internal string? Hdu { get; }
    internal string? Column { get; }
    /// <summary>0-based data row (CSV: the first row after the header is row 0).</summary>
    public long? Row { get; }
    /// <summary>The problem itself, without the location prefix.</summary>
    internal string Problem { get; }

    internal CatalogException(string problem, string? file = null, string? hdu = null, string? column = null,
                            long? row = null, Exception? inner = null)
        : base(Compose(problem, file, hdu, column, row), inner)
    {
        Problem = problem;
        File = file;
        Hdu = hdu;
        Column = column;
        Row = row;
    }

    /// <summary>The same problem with locations filled in where this exception left them empty.</summary>
    internal CatalogException With(string? file = null, string? hdu = null, string? column = null, long? row = null) =>
        new(Problem, File ?? file, Hdu ?? hdu, Column ?? column, Row ?? row, InnerException);

    static string Compose(string problem, string? file, string? hdu, string? column, long? row)
    {
        var where = new List<string>(4);
        if (file is not null) where.Add($"file '{file}'");
        if (hdu is not null) where.Add($"HDU {hdu}");
        if (column is not null) where.Add($"column '{column}'");
        if (row is not null) where.Add($"row {row}");
        return where.Count == 0 ? problem : string.Join(", ", where) + ": " + problem;
    }
}
