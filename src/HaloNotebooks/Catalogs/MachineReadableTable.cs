using System.Globalization;
using System.Text.RegularExpressions;

namespace HaloNotebooks.Catalogs;

/// <summary>
/// AAS / CDS machine-readable tables ("MRT"): a "Byte-by-byte Description" header giving, per
/// column, 1-based byte range, Fortran format (I, F, E, A), unit and label; data lines after the
/// last separator line. Column names are the labels; blank fields are missing values.
/// </summary>
internal static partial class MachineReadableTable
{
    /// <summary>One column of the byte-by-byte description.</summary>
    internal sealed record Field(int First, int Last, string Format, string Unit, string Label);

    [GeneratedRegex(@"^\s*(\d+)\s*(?:-\s*(\d+))?\s+([AIFE][\d.]+)\s+(\S+)\s+(\S+)")]
    private static partial Regex FieldLine();

    public static StarTable Read(string path)
    {
        string[] lines;
        try { lines = File.ReadAllLines(path); }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException) { throw new CatalogException("file not found", path, inner: e); }
        int start = Array.FindIndex(lines, l => l.StartsWith("Byte-by-byte Description", StringComparison.Ordinal));
        if (start < 0) throw new CatalogException("no 'Byte-by-byte Description' header: not an AAS/CDS machine-readable table", path);
        var fields = new List<Field>();
        int i = start + 1;
        for (; i < lines.Length && fields.Count == 0 || i < lines.Length && !IsSeparator(lines[i]); i++)
        {
            var m = FieldLine().Match(lines[i]);
            if (!m.Success) continue;
            int first = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
            int last = m.Groups[2].Success ? int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture) : first;
            fields.Add(new Field(first, last, m.Groups[3].Value, m.Groups[4].Value, m.Groups[5].Value));
        }
        if (fields.Count == 0) throw new CatalogException("the byte-by-byte description lists no columns", path);
        int dataStart = Array.FindLastIndex(lines, IsSeparator) + 1;
        var data = lines.Skip(dataStart).Where(l => l.Trim().Length > 0).ToArray();
        var columns = new List<ColumnData>(fields.Count);
        foreach (var f in fields)
        {
            char kind = f.Format[0];
            var cells = new string?[data.Length];
            for (int r = 0; r < data.Length; r++)
            {
                var line = data[r];
                cells[r] = line.Length >= f.First ? line.Substring(f.First - 1, Math.Min(f.Last, line.Length) - f.First + 1).Trim() : "";
                if (cells[r]!.Length == 0) cells[r] = null;
            }
            columns.Add(kind switch
            {
                'I' => Integers(f, cells, path, dataStart),
                'F' or 'E' => Reals(f, cells, path, dataStart),
                _ => new ColumnData(f.Label, cells),
            });
        }
        return new StarTable(columns, data.Length);
    }

    static bool IsSeparator(string line) => line.Length >= 10 && line.All(c => c is '-' or '=');

    static ColumnData Integers(Field f, string?[] cells, string path, int dataStart)
    {
        var v = new long[cells.Length];
        var missing = new bool[cells.Length];
        for (int r = 0; r < cells.Length; r++)
        {
            if (cells[r] is null) { missing[r] = true; continue; }
            if (!long.TryParse(cells[r], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out v[r]))
                throw new CatalogException($"'{cells[r]}' is not an integer (format {f.Format}, bytes {f.First}-{f.Last}; line {dataStart + r + 1})",
                    path, column: f.Label, row: r);
        }
        return new ColumnData(f.Label, v, missing);
    }

    static ColumnData Reals(Field f, string?[] cells, string path, int dataStart)
    {
        var v = new double[cells.Length];
        for (int r = 0; r < cells.Length; r++)
        {
            if (cells[r] is null) { v[r] = double.NaN; continue; }
            if (!double.TryParse(cells[r], NumberStyles.Float, CultureInfo.InvariantCulture, out v[r]))
                throw new CatalogException($"'{cells[r]}' is not a number (format {f.Format}, bytes {f.First}-{f.Last}; line {dataStart + r + 1})",
                    path, column: f.Label, row: r);
        }
        return new ColumnData(f.Label, v);
    }
}
