using System.Globalization;
using System.Text;
using nietras.SeparatedValues;

namespace HaloNotebooks.Catalogs;

/// <summary>
/// Comma-separated tables (RFC 4180), culture-invariant: the one CSV reader and writer of the project (catalogues, the
/// paper's tables, data/reference/), records split by the Sep package. One header line; quoted cells may hold
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
internal static class CsvTable
{
    public static StarTable Read(string path, IReadOnlyCollection<string>? columns = null)
    {
        try
        {
            using var reader = new StreamReader(path, Encoding.UTF8, true, 1 << 16);
            return Read(reader, path, columns);
        }
        // Only a missing file is "file not found": a dependency the process cannot load (e.g. Sep in a kernel without its
        // #r line) also throws FileNotFoundException and must surface as itself.
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException && !File.Exists(path))
        { throw new CatalogException("file not found", path, inner: e); }
        catch (CatalogException e) { throw e.With(file: path); }
    }

    internal static StarTable Read(TextReader reader, string name, IReadOnlyCollection<string>? columns,
        Func<string, ColumnType?>? declared = null) =>
        ReadChunks(reader, columns, int.MaxValue, null, declared).Single();

    /// <summary>
    /// A table from CSV text (an embedded resource, a small file read whole): the one reader of every CSV the project reads.
    /// A column to which <paramref name="declared"/> gives a type gets it instead of the inferred one, so a stray word in a
    /// numeric column is an error naming <paramref name="source"/>, the row and the column, even in its first row.
    /// </summary>
    internal static StarTable Parse(string text, string source, Func<string, ColumnType?>? declared = null)
    {
        try { return Read(new StringReader(text), source, null, declared); }
        catch (CatalogException e) { throw e.With(file: source); }
    }

    /// <summary>Sep's reader, told nothing but the separator: no header handling, no unescaping and no trimming, so that
    /// this class decides quoting (a quoted cell is a string), blank lines and the cell count as it always has.</summary>
    static SepReader OpenSep(TextReader reader) =>
        Sep.New(',').Reader(o => o with { HasHeader = false, DisableColCountCheck = true, CultureInfo = CultureInfo.InvariantCulture }).From(reader);

    /// <summary>
    /// The table in chunks of <paramref name="rowsPerChunk"/> rows (at least one chunk). With <paramref name="types"/> (one per
    /// requested column, from a <see cref="ScanTypes"/> of the whole file) every chunk has the types the whole file would
    /// get, so the chunks put together are exactly <see cref="Read(string, IReadOnlyCollection{string}?)"/>'s table.
    /// </summary>
    static IEnumerable<StarTable> ReadChunks(TextReader reader, IReadOnlyCollection<string>? columns, int rowsPerChunk, ColumnType?[]? types,
        Func<string, ColumnType?>? declared = null)
    {
        using var sep = OpenSep(reader);
        var (header, wanted, sources) = Header(sep, columns);
        ColumnType? TypeOf(int k) => types?[k] ?? declared?.Invoke(wanted[k]);
        ColumnBuilder[] New() => wanted.Select((w, k) => new ColumnBuilder(w, sources[k], TypeOf(k))).ToArray();
        var builders = New();
        int row = 0, inChunk = 0;
        while (sep.MoveNext())
        {
            if (!AddRecord(sep.Current, header.Length, builders, inChunk, row)) continue;
            row++;
            if (++inChunk < rowsPerChunk) continue;
            yield return new StarTable(builders.Select(b => b.Build(inChunk)).ToList(), inChunk);
            builders = New();
            inChunk = 0;
        }
        if (inChunk > 0 || row == 0) yield return new StarTable(builders.Select(b => b.Build(inChunk)).ToList(), inChunk);
    }

    /// <summary>Adds one record to the builders; false for a blank line (skipped).</summary>
    static bool AddRecord(SepReader.Row record, int headerLength, ColumnBuilder[] builders, int at, int row)
    {
        if (record.ColCount == 1 && record.Span.Length == 0) return false;
        if (record.ColCount != headerLength)
            throw new CatalogException($"row has {record.ColCount} cells but the header has {headerLength}", row: row);
        foreach (var b in builders) b.Add(record[b.Source].Span, at, row);
        return true;
    }

    static (string[] Header, string[] Wanted, int[] Sources) Header(SepReader sep, IReadOnlyCollection<string>? columns)
    {
        if (!sep.MoveNext()) throw new CatalogException("file is empty (no header line)");
        var record = sep.Current;
        var header = new string[record.ColCount];
        for (int j = 0; j < header.Length; j++)
        {
            var raw = record[j].Span;
            header[j] = (IsQuoted(raw) ? Unquote(raw, null) : raw.ToString()).Trim();
        }
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
        using var sep = OpenSep(reader);
        var (header, wanted, sources) = Header(sep, null);
        var builders = wanted.Select((w, k) => new ColumnBuilder(w, sources[k], scanOnly: true)).ToArray();
        int row = 0;
        while (sep.MoveNext())
            if (AddRecord(sep.Current, header.Length, builders, 0, row)) row++;
        return (wanted, builders.Select(b => b.Type).ToArray(), row);
    }

    static bool IsQuoted(ReadOnlySpan<char> raw) => raw.Length > 0 && raw[0] == '"';

    /// <summary>
    /// A quoted cell's text: doubled quotes made single, anything between the closing quote and the next comma kept
    /// (lenient), and line breaks inside the quotes read as '\n'.
    /// </summary>
    static string Unquote(ReadOnlySpan<char> raw, int? row)
    {
        var sb = new StringBuilder(raw.Length);
        int i = 1;
        bool closed = false;
        while (i < raw.Length)
        {
            char ch = raw[i++];
            if (ch != '"') { sb.Append(ch); continue; }
            if (i < raw.Length && raw[i] == '"') { sb.Append('"'); i++; continue; }
            closed = true;
            break;
        }
        if (!closed) throw new CatalogException("quoted cell is not closed before the end of the file", row: row);
        sb.Append(raw[i..]);
        var text = sb.ToString();
        return text.Contains('\r') ? text.Replace("\r\n", "\n").Replace('\r', '\n') : text;
    }

    /// <summary>A CSV file to be read in row chunks (<see cref="CatalogueChunks"/>): one pass over the file fixes every
    /// column's type and checks every cell, so each chunk has the types, values and errors of the whole-file read.</summary>
    internal static CatalogueChunks Open(string path)
    {
        try
        {
            using var reader = new StreamReader(path, Encoding.UTF8, true, 1 << 16);
            var (names, types, rows) = ScanTypes(reader);
            return new Chunks(path, names, types, rows);
        }
        // Only a missing file is "file not found": a dependency the process cannot load (e.g. Sep in a kernel without its
        // #r line) also throws FileNotFoundException and must surface as itself.
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException && !File.Exists(path))
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

    /// <summary>Grows typed arrays as rows arrive; the type is fixed by the first non-empty cell (or given: a chunk of a
    /// file whose types a scan decided). A scan-only builder checks cells and decides the type without keeping values.</summary>
    sealed class ColumnBuilder(string name, int source, ColumnType? type = null, bool scanOnly = false)
    {
        internal int Source { get; } = source;
        ColumnType? _type = type;
        double[] _d = []; long[] _l = []; bool[] _b = []; string?[] _s = [];
        bool[] _missing = [];
        int _capacity;

        internal ColumnType? Type => _type;

        /// <summary>Adds the cell (as Sep gives it: quotes and spaces still on) as row <paramref name="at"/> of this builder;
        /// <paramref name="row"/> is its row in the file (for errors).</summary>
        public void Add(ReadOnlySpan<char> raw, int at, int row)
        {
            if (!scanOnly) Ensure(at + 1);
            bool quoted = IsQuoted(raw);
            string? unquoted = quoted ? Unquote(raw, row) : null;
            var text = quoted ? unquoted.AsSpan() : raw.Trim();
            if (text.Length == 0) { if (!scanOnly) _missing[at] = true; return; }
            if (_type is null) SetType(quoted ? ColumnType.String : Infer(text));
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
                default: if (!scanOnly) _s[at] = unquoted ?? text.ToString(); break;
            }
        }

        static string Short(ReadOnlySpan<char> s) => s.Length > 40 ? s[..40].ToString() + "…" : s.ToString();

        static ColumnType Infer(ReadOnlySpan<char> text) =>
            long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _) ? ColumnType.Int64
            : ParseDouble(text) is not null ? ColumnType.Double
            : ParseBool(text) is not null ? ColumnType.Boolean : ColumnType.String;

        static double? ParseDouble(ReadOnlySpan<char> t)
        {
            if (double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out var d)) return d;
            if (t.Length > 9) return null;
            return t.ToString().ToLowerInvariant() switch
            {
                "nan" or "+nan" or "-nan" => double.NaN,
                "inf" or "+inf" or "infinity" or "+infinity" => double.PositiveInfinity,
                "-inf" or "-infinity" => double.NegativeInfinity,
                _ => null,
            };
        }

        static bool? ParseBool(ReadOnlySpan<char> t) =>
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

        internal ColumnData Build(int rows)
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
