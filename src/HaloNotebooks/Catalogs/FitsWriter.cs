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
public static class FitsWriter
{
    public static void Write(string path, IEnumerable<(string ExtName, StarTable Table)> hdus)
    {
        var list = hdus.ToList();
        AtomicFile.Write(path, s => Write(s, list));
    }

    /// <summary>One table as HDU 1 with the given EXTNAME.</summary>
    public static void Write(string path, StarTable table, string extName = "TABLE") => Write(path, [(extName, table)]);

    internal static void Write(Stream stream, IReadOnlyList<(string ExtName, StarTable Table)> hdus)
    {
        var primary = new FitsHeaderBuilder()
            .Add("SIMPLE", true, "conforms to FITS Standard 4.0")
            .Add("BITPIX", 8L).Add("NAXIS", 0L).Add("EXTEND", true)
            .Add("ORIGIN", "HaloNotebooks");
        stream.Write(primary.ToBytes());
        foreach (var (extName, table) in hdus) WriteTable(stream, extName, table);
    }

    static void WriteTable(Stream stream, string extName, StarTable table)
    {
        var cols = table.Columns;
        var widths = new int[cols.Count];
        var forms = new string[cols.Count];
        var nulls = new long?[cols.Count];
        for (int j = 0; j < cols.Count; j++)
        {
            var c = cols[j];
            (forms[j], widths[j]) = c.Type switch
            {
                ColumnType.Double => ("D", 8), ColumnType.Single => ("E", 4), ColumnType.Int32 => ("J", 4),
                ColumnType.Int64 => ("K", 8), ColumnType.Boolean => ("L", 1),
                _ => StringForm(c),
            };
            if (c.Missing is not null && c.Type is ColumnType.Int32 or ColumnType.Int64) nulls[j] = UnusedValue(c);
        }
        long rowWidth = widths.Sum(w => (long)w);
        var h = new FitsHeaderBuilder()
            .Add("XTENSION", "BINTABLE", "binary table extension")
            .Add("BITPIX", 8L).Add("NAXIS", 2L)
            .Add("NAXIS1", rowWidth, "bytes per row").Add("NAXIS2", (long)table.RowCount, "rows")
            .Add("PCOUNT", 0L).Add("GCOUNT", 1L).Add("TFIELDS", (long)cols.Count);
        for (int j = 0; j < cols.Count; j++)
        {
            string n = (j + 1).ToString(CultureInfo.InvariantCulture);
            h.Add("TTYPE" + n, cols[j].Name).Add("TFORM" + n, forms[j]);
            if (nulls[j] is { } tnull) h.Add("TNULL" + n, tnull);
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
            for (int j = 0; j < cols.Count; j++)
            {
                Encode(cols[j], nulls[j], buffer.AsSpan(0, (int)(rows * rowWidth)), (int)rowWidth, offset, widths[j], first, rows);
                offset += widths[j];
            }
            stream.Write(buffer, 0, (int)(rows * rowWidth));
        }
        long data = rowWidth * table.RowCount;
        int pad = (int)((FitsHeader.BlockLength - data % FitsHeader.BlockLength) % FitsHeader.BlockLength);
        stream.Write(new byte[pad]);
    }

    static (string, int) StringForm(TableColumn c)
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
        return (max.ToString(CultureInfo.InvariantCulture) + "A", max);
    }

    /// <summary>A TNULL value no present value uses: the type's minimum unless taken.</summary>
    static long UnusedValue(TableColumn c)
    {
        var used = new HashSet<long>();
        for (int i = 0; i < c.Length; i++)
            if (!c.Missing![i]) used.Add(c.Type == ColumnType.Int32 ? ((int[])c.Values)[i] : ((long[])c.Values)[i]);
        long candidate = c.Type == ColumnType.Int32 ? int.MinValue : long.MinValue;
        while (used.Contains(candidate)) candidate++;
        return candidate;
    }

    static void Encode(TableColumn c, long? tnull, Span<byte> chunk, int rowWidth, int offset, int width, int first, int rows)
    {
        int at = offset;
        switch (c.Type)
        {
            case ColumnType.Double:
            {
                var v = (double[])c.Values;
                for (int r = 0; r < rows; r++, at += rowWidth) BinaryPrimitives.WriteDoubleBigEndian(chunk.Slice(at, 8), v[first + r]);
                break;
            }
            case ColumnType.Single:
            {
                var v = (float[])c.Values;
                for (int r = 0; r < rows; r++, at += rowWidth) BinaryPrimitives.WriteSingleBigEndian(chunk.Slice(at, 4), v[first + r]);
                break;
            }
            case ColumnType.Int32:
            {
                var v = (int[])c.Values;
                for (int r = 0; r < rows; r++, at += rowWidth)
                    BinaryPrimitives.WriteInt32BigEndian(chunk.Slice(at, 4), c.Missing is not null && c.Missing[first + r] ? (int)tnull!.Value : v[first + r]);
                break;
            }
            case ColumnType.Int64:
            {
                var v = (long[])c.Values;
                for (int r = 0; r < rows; r++, at += rowWidth)
                    BinaryPrimitives.WriteInt64BigEndian(chunk.Slice(at, 8), c.Missing is not null && c.Missing[first + r] ? tnull!.Value : v[first + r]);
                break;
            }
            case ColumnType.Boolean:
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
