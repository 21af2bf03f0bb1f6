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

    internal static StarTable Read(TextReader reader, string name, IReadOnlyCollection<string>? columns) =>
        ReadChunks(reader, columns, int.MaxValue, null).Single();

    /// <summary>
    /// The table in chunks of <paramref name="rowsPerChunk"/> rows (at least one chunk). With <paramref name="types"/> (one per
    /// requested column, from a <see cref="ScanTypes"/> of the whole file) every chunk has the types the whole file would
    /// get, so the chunks put together are exactly <see cref="Read(string, IReadOnlyCollection{string}?)"/>'s table.
    /// </summary>
    static IEnumerable<StarTable> ReadChunks(TextReader reader, IReadOnlyCollection<string>? columns, int rowsPerChunk, ColumnType?[]? types)
    {
        var fields = new List<Cell>();
        var (header, wanted, sources) = Header(reader, fields, columns);
        ColumnBuilder[] New() => wanted.Select((w, k) => new ColumnBuilder(w, sources[k], types?[k])).ToArray();
        var builders = New();
        int row = 0, inChunk = 0;
        while (NextRecord(reader, fields, row))
        {
            if (fields.Count == 1 && fields[0].Text.Length == 0 && !fields[0].Quoted) continue;   // blank line
            if (fields.Count != header.Length)
                throw new CatalogException($"row has {fields.Count} cells but the header has {header.Length}", row: row);
            foreach (var b in builders) b.Add(fields[b.Source], inChunk, row);
            row++;
            if (++inChunk < rowsPerChunk) continue;
            yield return new StarTable(builders.Select(b => b.Build(inChunk)).ToList(), inChunk);
            builders = New();
            inChunk = 0;
        }
        if (inChunk > 0 || row == 0) yield return new StarTable(builders.Select(b => b.Build(inChunk)).ToList(), inChunk);
    }

    static (string[] Header, string[] Wanted, int[] Sources) Header(TextReader reader, List<Cell> fields, IReadOnlyCollection<string>? columns)
    {
        var header = NextRecord(reader, fields, -1) ? fields.Select(f => f.Text.Trim()).ToArray()
            : throw new CatalogException("file is empty (no header line)");
        var position = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int j = 0; j < header.Length; j++)
            if (!position.TryAdd(header[j], j)) throw new CatalogException("column name appears twice in the header", column: header[j]);
        var wanted = columns?.ToArray() ?? header;
        var sources = wanted.Select(w => position.TryGetValue(w, out var j) ? j
            : throw new CatalogException($"requested column is not in the header (it has: {string.Join(", ", header)})", column: w)).ToArray();
        return (header, wanted, sources);
    }

    /// <summary>Every cell checked and every column's type decided, as <see cref="Read(string, IReadOnlyCollection{string}?)"/>
    /// decides them, without keeping the values; and the number of rows.</summary>
    static (string[] Names, ColumnType?[] Types, int Rows) ScanTypes(TextReader reader)
    {
        var fields = new List<Cell>();
        var (header, wanted, sources) = Header(reader, fields, null);
        var builders = wanted.Select((w, k) => new ColumnBuilder(w, sources[k], scanOnly: true)).ToArray();
        int row = 0;
        while (NextRecord(reader, fields, row))
        {
            if (fields.Count == 1 && fields[0].Text.Length == 0 && !fields[0].Quoted) continue;
            if (fields.Count != header.Length)
                throw new CatalogException($"row has {fields.Count} cells but the header has {header.Length}", row: row);
            foreach (var b in builders) b.Add(fields[b.Source], 0, row);
            row++;
        }
        return (wanted, builders.Select(b => b.Type).ToArray(), row);
    }

    /// <summary>A CSV file to be read in row chunks (<see cref="CatalogueChunks"/>): one pass over the file fixes every
    /// column's type and checks every cell, so each chunk has the types, values and errors of the whole-file read.</summary>
    public static CatalogueChunks Open(string path)
    {
        try
        {
            using var reader = new StreamReader(path, Encoding.UTF8, true, 1 << 16);
            var (names, types, rows) = ScanTypes(reader);
            return new Chunks(path, names, types, rows);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        { throw new CatalogException("file not found", path, inner: e); }
        catch (CatalogException e) { throw e.With(file: path); }
    }

    sealed class Chunks(string path, string[] names, ColumnType?[] types, int rows) : CatalogueChunks
    {
        public override int RowCount => rows;
        public override IReadOnlyList<string> ColumnNames => names;

        public override IEnumerable<(int FirstRow, StarTable Rows)> Read(int rowsPerChunk = DefaultChunkRows, IReadOnlyCollection<string>? columns = null)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(rowsPerChunk, 1);
            var wanted = columns?.Where(Contains).ToArray() ?? names;
            var wantedTypes = wanted.Select(w => types[Array.IndexOf(names, w)]).ToArray();
            using var reader = new StreamReader(path, Encoding.UTF8, true, 1 << 16);
            int first = 0;
            foreach (var chunk in ReadChunks(reader, wanted, rowsPerChunk, wantedTypes))
            {
                yield return (first, chunk);
                first += chunk.RowCount;
            }
        }

        private protected override StarTable ReadRows(int first, int count, IReadOnlyCollection<string>? columns) =>
            StarTable.Concat(Read(DefaultChunkRows, columns).Select(c => c.Rows).ToList()).Slice(first, count);
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
                        var next = reader.ReadLine()
                            ?? throw new CatalogException("quoted cell is not closed before the end of the file", row: row < 0 ? null : row);
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

    /// <summary>Grows typed arrays as rows arrive; the type is fixed by the first non-empty cell (or given: a chunk of a
    /// file whose types a scan decided). A scan-only builder checks cells and decides the type without keeping values.</summary>
    sealed class ColumnBuilder(string name, int source, ColumnType? type = null, bool scanOnly = false)
    {
        public int Source { get; } = source;
        ColumnType? _type = type;
        double[] _d = []; long[] _l = []; bool[] _b = []; string?[] _s = [];
        bool[] _missing = [];
        int _capacity;

        public ColumnType? Type => _type;

        /// <summary>Adds the cell as row <paramref name="at"/> of this builder; <paramref name="row"/> is its row in the file (for errors).</summary>
        public void Add(Cell cell, int at, int row)
        {
            if (!scanOnly) Ensure(at + 1);
            var text = cell.Quoted ? cell.Text : cell.Text.Trim();
            if (text.Length == 0) { if (!scanOnly) _missing[at] = true; return; }
            if (_type is null) SetType(cell.Quoted ? ColumnType.String : Infer(text));
            switch (_type)
            {
                case ColumnType.Int64:
                    if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l)) { if (!scanOnly) _l[at] = l; break; }
                    if (ParseDouble(text) is null)
                        throw new CatalogException($"'{Short(text)}' is not a number (this column is numeric)", column: name, row: row);
                    Promote(at);
                    goto case ColumnType.Double;
                case ColumnType.Double:
                    double d = ParseDouble(text)
                        ?? throw new CatalogException($"'{Short(text)}' is not a number (this column is numeric)", column: name, row: row);
                    if (!scanOnly) _d[at] = d;
                    break;
                case ColumnType.Boolean:
                    bool b = ParseBool(text)
                        ?? throw new CatalogException($"'{Short(text)}' is not true/false (this column is boolean)", column: name, row: row);
                    if (!scanOnly) _b[at] = b;
                    break;
                default: if (!scanOnly) _s[at] = text; break;
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
            if (scanOnly) { _type = ColumnType.Double; return; }
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

        public ColumnData Build(int rows)
        {
            Ensure(rows);
            var mask = _missing[..rows];
            switch (_type)
            {
                case ColumnType.Int64: return new ColumnData(name, _l[..rows], mask);
                case ColumnType.Boolean: return new ColumnData(name, _b[..rows], mask);
                case ColumnType.String: return new ColumnData(name, _s[..rows]);
                case ColumnType.Double:
                {
                    var v = _d[..rows];
                    for (int i = 0; i < rows; i++) if (mask[i]) v[i] = double.NaN;
                    return new ColumnData(name, v);
                }
                default: return new ColumnData(name, Enumerable.Repeat(double.NaN, rows).ToArray());   // every cell empty
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
