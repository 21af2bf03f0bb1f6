using System.Buffers.Binary;
using System.Globalization;
using System.Text;

namespace HaloNotebooks.Catalogs;

/// <summary>
/// Writes <see cref="StarTable"/>s as BINTABLE extensions (FITS Standard 4.0) after an empty
/// primary HDU, each with its EXTNAME. Column types map to TFORM D (double), E (float), J (int32),
/// K (int64), L (bool; missing → byte 0) and nA (string, n = longest value; missing → blanks).
/// Integer columns with missing values get a TNULLn that no present value uses. Reading the file
/// back with <see cref="FitsFile"/> returns the same table, bit for bit.
/// </summary>
/// <remarks>
/// Where a table's types do not say how a survey stores a column, a per-HDU form says it (as the DESI data model
/// does): <c>I</c> writes an int32 column as int16 and <c>B</c> as uint8 (values out of range are an error), and
/// <c>kD</c>, <c>kE</c>, <c>kJ</c>, <c>kK</c>, <c>kI</c> or <c>kB</c> given for NAME writes the k columns NAME_0 … NAME_{k−1}
/// (the names the reader gives a vector's elements) as one vector field NAME, e.g. DESI's <c>COVAR</c> as 25D.
/// </remarks>
internal static class FitsWriter
{
    public static void Write(string path, IEnumerable<(string ExtName, StarTable Table)> hdus) =>
        Write(path, hdus.Select(h => (h.ExtName, h.Table, (IReadOnlyDictionary<string, string>?)null)));

    /// <summary>HDUs with, for each, the TFORMs of the columns whose table type is not the form to write (see remarks).</summary>
    public static void Write(string path, IEnumerable<(string ExtName, StarTable Table, IReadOnlyDictionary<string, string>? Forms)> hdus)
    {
        var list = hdus.ToList();
        AtomicFile.Write(path, s => Write(s, list));
    }

    /// <summary>One table as HDU 1 with the given EXTNAME.</summary>
    public static void Write(string path, StarTable table, string extName = "TABLE") => Write(path, [(extName, table)]);

    internal static void Write(Stream stream, IReadOnlyList<(string ExtName, StarTable Table)> hdus) =>
        Write(stream, hdus.Select(h => (h.ExtName, h.Table, (IReadOnlyDictionary<string, string>?)null)).ToList());

    internal static void Write(Stream stream, IReadOnlyList<(string ExtName, StarTable Table, IReadOnlyDictionary<string, string>? Forms)> hdus)
    {
        var primary = new FitsHeaderBuilder()
            .Add("SIMPLE", true, "conforms to FITS Standard 4.0")
            .Add("BITPIX", 8L).Add("NAXIS", 0L).Add("EXTEND", true)
            .Add("ORIGIN", "HaloNotebooks");
        stream.Write(primary.ToBytes());
        foreach (var (extName, table, forms) in hdus) WriteTable(stream, extName, table, forms ?? new Dictionary<string, string>());
    }

    /// <summary>One BINTABLE field: its name, type code, the table columns of its elements (one unless a vector),
    /// bytes per element and TNULL.</summary>
    sealed record Field(string Name, char Code, ColumnData[] Elements, int ElementWidth, long? Null)
    {
        internal int Width => Elements.Length * ElementWidth;
        internal string Form => (Elements.Length > 1 ? Elements.Length.ToString(CultureInfo.InvariantCulture) : "") +
            (Code == 'A' ? ElementWidth + "A" : Code.ToString());
    }

    static List<Field> Fields(StarTable table, IReadOnlyDictionary<string, string> forms)
    {
        var byName = table.Columns.ToDictionary(c => c.Name, StringComparer.Ordinal);
        var vectors = new Dictionary<string, (int Repeat, char Code)>(StringComparer.Ordinal);
        foreach (var (name, form) in forms)
        {
            var f = FitsColumnFormat.Parse(form, p => new CatalogException(p, column: name));
            if (f.Repeat > 1) vectors[name + "_0"] = ((int)f.Repeat, f.Code);
            else if (!byName.ContainsKey(name)) throw new CatalogException($"a form ({form}) is given for a column the table does not have", column: name);
        }
        var fields = new List<Field>();
        var inVector = new HashSet<string>(StringComparer.Ordinal);
        foreach (var c in table.Columns)
        {
            if (inVector.Contains(c.Name)) continue;
            if (vectors.TryGetValue(c.Name, out var v))
            {
                string name = c.Name[..^2];
                var elements = Enumerable.Range(0, v.Repeat).Select(e => byName.GetValueOrDefault(name + "_" + e.ToString(CultureInfo.InvariantCulture))
                    ?? throw new CatalogException($"the vector {name} ({v.Repeat}{v.Code}) needs the columns {name}_0 … {name}_{v.Repeat - 1}",
                        column: name + "_" + e)).ToArray();
                foreach (var e in elements) inVector.Add(e.Name);
                fields.Add(Scalar(elements, name, v.Code));
                continue;
            }
            char code = forms.TryGetValue(c.Name, out var form) ? FitsColumnFormat.Parse(form, p => new CatalogException(p, column: c.Name)).Code : Default(c);
            fields.Add(Scalar([c], c.Name, code));
        }
        foreach (var (first, v) in vectors)
            if (!inVector.Contains(first)) throw new CatalogException($"a vector form {v.Repeat}{v.Code} is given but the table has no column " +
                $"{first}", column: first[..^2]);
        return fields;
    }

    static char Default(ColumnData c) => c.Type switch
    {
        ColumnType.Double => 'D', ColumnType.Single => 'E', ColumnType.Int32 => 'J', ColumnType.Int64 => 'K', ColumnType.Boolean => 'L', _ => 'A',
    };

    /// <summary>A field of one or more element columns of one type, stored as <paramref name="code"/>.</summary>
    static Field Scalar(ColumnData[] elements, string name, char code)
    {
        var type = elements[0].Type;
        foreach (var e in elements)
        {
            if (e.Type != type) throw new CatalogException($"the elements of a vector must share a type ({e.Type} beside {type})", column: e.Name);
            bool fits = code switch
            {
                'D' => type == ColumnType.Double, 'E' => type == ColumnType.Single, 'K' => type == ColumnType.Int64,
                'J' or 'I' or 'B' => type == ColumnType.Int32, 'L' => type == ColumnType.Boolean, 'A' => type == ColumnType.String, _ => false,
            };
            if (!fits) throw new CatalogException($"a {type} column cannot be written as TFORM {code} (D: double, E: float, K: int64, J/I/B: int32, L: bool, " +
                $"A: string)", column: e.Name);
        }
        if (code == 'A')
        {
            if (elements.Length > 1) throw new CatalogException("string vectors are not written", column: name);
            return new Field(name, 'A', elements, StringWidth(elements[0]), null);
        }
        var (min, max) = code switch { 'I' => (short.MinValue, short.MaxValue), 'B' => (0L, 255L), 'J' => (int.MinValue, int.MaxValue),
            _ => (long.MinValue, long.MaxValue) };
        if (code is 'I' or 'B')
            foreach (var e in elements)
                for (int i = 0; i < e.Length; i++)
                    if (!e.IsMissing(i) && ((int[])e.Values)[i] is var x && (x < min || x > max))
                        throw new CatalogException($"value {x} does not fit TFORM {code} ({min} … {max})", column: e.Name, row: i);
        long? tnull = code is 'I' or 'B' or 'J' or 'K' && elements.Any(e => e.Missing is not null) ? UnusedValue(elements, min, max) : null;
        int width = code switch { 'D' or 'K' => 8, 'E' or 'J' => 4, 'I' => 2, _ => 1 };
        return new Field(name, code, elements, width, tnull);
    }

    static void WriteTable(Stream stream, string extName, StarTable table, IReadOnlyDictionary<string, string> forms)
    {
        var fields = Fields(table, forms);
        long rowWidth = fields.Sum(f => (long)f.Width);
        var h = new FitsHeaderBuilder()
            .Add("XTENSION", "BINTABLE", "binary table extension")
            .Add("BITPIX", 8L).Add("NAXIS", 2L)
            .Add("NAXIS1", rowWidth, "bytes per row").Add("NAXIS2", (long)table.RowCount, "rows")
            .Add("PCOUNT", 0L).Add("GCOUNT", 1L).Add("TFIELDS", (long)fields.Count);
        for (int j = 0; j < fields.Count; j++)
        {
            string n = (j + 1).ToString(CultureInfo.InvariantCulture);
            h.Add("TTYPE" + n, fields[j].Name).Add("TFORM" + n, fields[j].Form);
            if (fields[j].Null is { } tnull) h.Add("TNULL" + n, tnull);
        }
        h.Add("EXTNAME", extName);
        stream.Write(h.ToBytes());

        int chunkRows = (int)Math.Clamp(FitsFile.ChunkBytes / Math.Max(rowWidth, 1), 1, Math.Max(table.RowCount, 1));
        var buffer = new byte[chunkRows * rowWidth];
        for (int first = 0; first < table.RowCount; first += chunkRows)
        {
            int rows = Math.Min(chunkRows, table.RowCount - first);
            Array.Clear(buffer);
            int offset = 0;
            foreach (var f in fields)
                foreach (var e in f.Elements)
                {
                    Encode(e, f.Code, f.Null, buffer.AsSpan(0, (int)(rows * rowWidth)), (int)rowWidth, offset, f.ElementWidth, first, rows);
                    offset += f.ElementWidth;
                }
            stream.Write(buffer, 0, (int)(rows * rowWidth));
        }
        long data = rowWidth * table.RowCount;
        int pad = (int)((FitsHeader.BlockLength - data % FitsHeader.BlockLength) % FitsHeader.BlockLength);
        stream.Write(new byte[pad]);
    }

    static int StringWidth(ColumnData c)
    {
        int max = 1;
        foreach (var s in (string?[])c.Values)
        {
            if (s is null) continue;
            foreach (var ch in s)
                if (ch < 32 || ch > 126) throw new CatalogException($"FITS strings must be printable ASCII (got U+{(int)ch:X4})", column: c.Name);
            if (s.Length != s.TrimEnd().Length) throw new CatalogException("FITS drops trailing blanks of strings; trim the values first", column: c.Name);
            max = Math.Max(max, s.Length);
        }
        return max;
    }

    /// <summary>A TNULL value in [<paramref name="min"/>, <paramref name="max"/>] no present value uses: the minimum
    /// unless taken (for uint8 the maximum, 255, unless taken: 0 is usually a real value).</summary>
    static long UnusedValue(ColumnData[] elements, long min, long max)
    {
        var used = new HashSet<long>();
        foreach (var c in elements)
            for (int i = 0; i < c.Length; i++)
                if (!c.IsMissing(i)) used.Add(c.Type == ColumnType.Int32 ? ((int[])c.Values)[i] : ((long[])c.Values)[i]);
        bool down = min == 0;
        long candidate = down ? max : min;
        while (used.Contains(candidate))
        {
            candidate += down ? -1 : 1;
            if (candidate < min || candidate > max) throw new CatalogException("every value of the column's range is used, so missing values cannot be " +
                "marked", column: elements[0].Name);
        }
        return candidate;
    }

    static void Encode(ColumnData c, char code, long? tnull, Span<byte> chunk, int rowWidth, int offset, int width, int first, int rows)
    {
        int at = offset;
        switch (code)
        {
            case 'D':
            {
                var v = (double[])c.Values;
                for (int r = 0; r < rows; r++, at += rowWidth) BinaryPrimitives.WriteDoubleBigEndian(chunk.Slice(at, 8), v[first + r]);
                break;
            }
            case 'E':
            {
                var v = (float[])c.Values;
                for (int r = 0; r < rows; r++, at += rowWidth) BinaryPrimitives.WriteSingleBigEndian(chunk.Slice(at, 4), v[first + r]);
                break;
            }
            case 'J' or 'I' or 'B':
            {
                var v = (int[])c.Values;
                for (int r = 0; r < rows; r++, at += rowWidth)
                {
                    int x = c.Missing is not null && c.Missing[first + r] ? (int)tnull!.Value : v[first + r];
                    if (code == 'J') BinaryPrimitives.WriteInt32BigEndian(chunk.Slice(at, 4), x);
                    else if (code == 'I') BinaryPrimitives.WriteInt16BigEndian(chunk.Slice(at, 2), (short)x);
                    else chunk[at] = (byte)x;
                }
                break;
            }
            case 'K':
            {
                var v = (long[])c.Values;
                for (int r = 0; r < rows; r++, at += rowWidth)
                    BinaryPrimitives.WriteInt64BigEndian(chunk.Slice(at, 8), c.Missing is not null && c.Missing[first + r] ? tnull!.Value : v[first + r]);
                break;
            }
            case 'L':
            {
                var v = (bool[])c.Values;
                for (int r = 0; r < rows; r++, at += rowWidth)
                    chunk[at] = c.Missing is not null && c.Missing[first + r] ? (byte)0 : v[first + r] ? (byte)'T' : (byte)'F';
                break;
            }
            default:
            {
                var v = (string?[])c.Values;
                for (int r = 0; r < rows; r++, at += rowWidth)
                {
                    var cell = chunk.Slice(at, width);
                    if (v[first + r] is { } s) { Encoding.ASCII.GetBytes(s, cell); cell[s.Length..].Fill((byte)' '); }
                }
                break;
            }
        }
    }
}
