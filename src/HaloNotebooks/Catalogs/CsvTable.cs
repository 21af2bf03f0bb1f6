using System.Globalization;
using System.Text;

namespace HaloNotebooks.Catalogs;

/// <summary>
/// Comma-separated tables (RFC 4180), culture-invariant. One header line; quoted cells may hold
/// commas, doubled quotes and line breaks; an empty cell is a missing value.
/// </summary>
/// <remarks>
/// Column types are decided by the first non-empty cell: a quoted cell → string; an integer →
/// int64 (promoted to double if a later cell has a fraction or exponent); a number, nan or inf →
/// double; true/false → bool; anything else → string. After that a cell that does not fit a
/// numeric or boolean column is an error naming its row and column — a stray "n/a" in a
/// magnitude column is caught rather than silently turned into a string column.
/// <see cref="Write"/> quotes every string, so strings that look like numbers read back as strings.
/// </remarks>
public static class CsvTable
{
    public static StarTable Read(string path, IReadOnlyCollection<string>? columns = null)
    {
        try
        {
            using var reader = new StreamReader(path, Encoding.UTF8, true, 1 << 16);
            return Read(reader, path, columns);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        { throw new CatalogException("file not found", path, inner: e); }
        catch (CatalogException e) { throw e.With(file: path); }
    }

    internal static StarTable Read(TextReader reader, string name, IReadOnlyCollection<string>? columns)
    {
        var fields = new List<Cell>();
        var header = NextRecord(reader, fields, -1) ? fields.Select(f => f.Text.Trim()).ToArray()
            : throw new CatalogException("file is empty (no header line)");
        var position = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int j = 0; j < header.Length; j++)
            if (!position.TryAdd(header[j], j)) throw new CatalogException("column name appears twice in the header", column: header[j]);
        var wanted = columns?.ToArray() ?? header;
        var builders = new ColumnBuilder[wanted.Length];
        for (int k = 0; k < wanted.Length; k++)
            builders[k] = position.TryGetValue(wanted[k], out var j) ? new ColumnBuilder(wanted[k], j)
                : throw new CatalogException($"requested column is not in the header (it has: {string.Join(", ", header)})", column: wanted[k]);
        int row = 0;
        while (NextRecord(reader, fields, row))
        {
            if (fields.Count == 1 && fields[0].Text.Length == 0 && !fields[0].Quoted) continue;   // blank line
            if (fields.Count != header.Length)
                throw new CatalogException($"row has {fields.Count} cells but the header has {header.Length}", row: row);
            foreach (var b in builders) b.Add(fields[b.Source], row);
            row++;
        }
        return new StarTable(builders.Select(b => b.Build(row)).ToList(), row);
    }

    internal readonly record struct Cell(string Text, bool Quoted);

    /// <summary>Reads one record (which may span lines inside quotes).</summary>
    static bool NextRecord(TextReader reader, List<Cell> fields, int row)
    {
        fields.Clear();
        var line = reader.ReadLine();
        if (line is null) return false;
        int i = 0;
        var sb = new StringBuilder();
        while (true)
        {
            if (i < line.Length && line[i] == '"')
            {
                sb.Clear();
                i++;
                while (true)
                {
                    if (i >= line.Length)
                    {
                        var next = reader.ReadLine() ?? throw new CatalogException("quoted cell is not closed before the end of the file", row: row < 0 ? null : row);
                        sb.Append('\n');
                        line = next; i = 0;
                        continue;
                    }
                    char ch = line[i++];
                    if (ch != '"') { sb.Append(ch); continue; }
                    if (i < line.Length && line[i] == '"') { sb.Append('"'); i++; continue; }
                    break;
                }
                // Anything between the closing quote and the next comma is kept (lenient).
                int comma = line.IndexOf(',', i);
                int end = comma < 0 ? line.Length : comma;
                sb.Append(line, i, end - i);
                fields.Add(new Cell(sb.ToString(), true));
                if (comma < 0) return true;
                i = comma + 1;
            }
            else
            {
                int comma = line.IndexOf(',', i);
                int end = comma < 0 ? line.Length : comma;
                fields.Add(new Cell(line[i..end], false));
                if (comma < 0) return true;
                i = comma + 1;
            }
        }
    }

    /// <summary>Grows typed arrays as rows arrive; the type is fixed by the first non-empty cell.</summary>
    sealed class ColumnBuilder(string name, int source)
    {
        public int Source { get; } = source;
        ColumnType? _type;
        double[] _d = []; long[] _l = []; bool[] _b = []; string?[] _s = [];
        bool[] _missing = [];
        int _capacity;

        public void Add(Cell cell, int row)
        {
            Ensure(row + 1);
            var text = cell.Quoted ? cell.Text : cell.Text.Trim();
            if (text.Length == 0) { _missing[row] = true; return; }
            if (_type is null) SetType(cell.Quoted ? ColumnType.String : Infer(text));
            switch (_type)
            {
                case ColumnType.Int64:
                    if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l)) { _l[row] = l; break; }
                    if (ParseDouble(text) is null)
                        throw new CatalogException($"'{Short(text)}' is not a number (this column is numeric)", column: name, row: row);
                    Promote(row);
                    goto case ColumnType.Double;
                case ColumnType.Double:
                    _d[row] = ParseDouble(text) ?? throw new CatalogException($"'{Short(text)}' is not a number (this column is numeric)", column: name, row: row);
                    break;
                case ColumnType.Boolean:
                    _b[row] = ParseBool(text) ?? throw new CatalogException($"'{Short(text)}' is not true/false (this column is boolean)", column: name, row: row);
                    break;
                default: _s[row] = text; break;
            }
        }

        static string Short(string s) => s.Length > 40 ? s[..40] + "…" : s;

        static ColumnType Infer(string text) =>
            long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _) ? ColumnType.Int64
            : ParseDouble(text) is not null ? ColumnType.Double
            : ParseBool(text) is not null ? ColumnType.Boolean : ColumnType.String;

        static double? ParseDouble(string t)
        {
            if (double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out var d)) return d;
            return t.ToLowerInvariant() switch
            {
                "nan" or "+nan" or "-nan" => double.NaN,
                "inf" or "+inf" or "infinity" or "+infinity" => double.PositiveInfinity,
                "-inf" or "-infinity" => double.NegativeInfinity,
                _ => null,
            };
        }

        static bool? ParseBool(string t) =>
            t.Equals("true", StringComparison.OrdinalIgnoreCase) ? true : t.Equals("false", StringComparison.OrdinalIgnoreCase) ? false : null;

        void SetType(ColumnType type)
        {
            _type = type;
            switch (type)
            {
                case ColumnType.Int64: _l = new long[_capacity]; break;
                case ColumnType.Double: _d = new double[_capacity]; break;
                case ColumnType.Boolean: _b = new bool[_capacity]; break;
                default: _s = new string?[_capacity]; break;
            }
        }

        void Promote(int rows)
        {
            _d = new double[_capacity];
            for (int i = 0; i < rows; i++) _d[i] = _l[i];
            _l = [];
            _type = ColumnType.Double;
        }

        void Ensure(int n)
        {
            if (n <= _capacity) return;
            _capacity = Math.Max(1024, Math.Max(n, _capacity * 2));
            Array.Resize(ref _missing, _capacity);
            switch (_type)
            {
                case ColumnType.Int64: Array.Resize(ref _l, _capacity); break;
                case ColumnType.Double: Array.Resize(ref _d, _capacity); break;
                case ColumnType.Boolean: Array.Resize(ref _b, _capacity); break;
                case ColumnType.String: Array.Resize(ref _s, _capacity); break;
            }
        }

        public TableColumn Build(int rows)
        {
            Ensure(rows);
            var mask = _missing[..rows];
            switch (_type)
            {
                case ColumnType.Int64: return new TableColumn(name, _l[..rows], mask);
                case ColumnType.Boolean: return new TableColumn(name, _b[..rows], mask);
                case ColumnType.String: return new TableColumn(name, _s[..rows]);
                case ColumnType.Double:
                {
                    var v = _d[..rows];
                    for (int i = 0; i < rows; i++) if (mask[i]) v[i] = double.NaN;
                    return new TableColumn(name, v);
                }
                default: return new TableColumn(name, Enumerable.Repeat(double.NaN, rows).ToArray());   // every cell empty
            }
        }
    }

    /// <summary>Header plus one line per row; numbers in shortest round-trip form (floats via their
    /// exact double value), booleans true/false, strings always quoted, missing values empty.</summary>
    public static void Write(StarTable table, string path) =>
        AtomicFile.Write(path, s =>
        {
            using var w = new StreamWriter(s, new UTF8Encoding(false), 1 << 16) { NewLine = "\n" };
            Write(table, w);
        });

    internal static void Write(StarTable table, TextWriter w)
    {
        var cols = table.Columns;
        w.WriteLine(string.Join(",", cols.Select(c => Quote(c.Name, always: false))));
        var line = new StringBuilder();
        for (int i = 0; i < table.RowCount; i++)
        {
            line.Clear();
            for (int j = 0; j < cols.Count; j++)
            {
                if (j > 0) line.Append(',');
                var c = cols[j];
                if (c.IsMissing(i)) continue;
                var text = table.FormatCell(c, i);
                line.Append(c.Type == ColumnType.String ? Quote(text, always: true) : text);
            }
            w.WriteLine(line);
        }
    }

    static string Quote(string s, bool always) =>
        always || s.AsSpan().IndexOfAny(",\"\n\r") >= 0 || s != s.Trim() ? "\"" + s.Replace("\"", "\"\"") + "\"" : s;
}
