using System.Globalization;
using System.Net;
using System.Text;
using Deedle;
using HaloNotebooks.Display;

namespace HaloNotebooks.Catalogs;

/// <summary>
/// An immutable columnar table of stars: one typed array per column, missing values explicit
/// (NaN for floating point, null for strings, a mask for integers and booleans — see
/// <see cref="ColumnType"/>). Every operation returns a new table; getters return copies, so a
/// table can be shared between notebook cells and threads without surprises.
/// </summary>
[TypeFormatterSource(typeof(HtmlFormatterSource))]
public sealed class StarTable : IHtmlDisplay
{
    readonly ColumnData[] _columns;
    readonly Dictionary<string, int> _index;

    /// <summary>Rows shown by <see cref="ToHtml"/>.</summary>
    internal const int PreviewRows = 10;

    public int RowCount { get; }
    internal IReadOnlyList<string> ColumnNames { get; }

    internal StarTable(IReadOnlyList<ColumnData> columns, int? rowCount = null)
    {
        RowCount = rowCount ?? (columns.Count == 0 ? 0 : columns[0].Length);
        _columns = columns.ToArray();
        _index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < _columns.Length; i++)
        {
            var c = _columns[i];
            if (c.Length != RowCount)
                throw new CatalogException($"column has {c.Length} rows but the table has {RowCount}", column: c.Name);
            if (!_index.TryAdd(c.Name, i)) throw new CatalogException("duplicate column name", column: c.Name);
        }
        ColumnNames = Array.AsReadOnly(_columns.Select(c => c.Name).ToArray());
    }

    internal static StarTable Empty { get; } = new([], 0);

    /// <summary>Build a table from named arrays: double[], float[], int[], long[], bool[] or string[]
    /// (short/byte/ushort widen to int, uint to long). The arrays are copied.</summary>
    internal static StarTable FromColumns(IEnumerable<(string Name, Array Values)> columns) =>
        new(columns.Select(c => new ColumnData(c.Name, (Array)c.Values.Clone())).ToList());

    public bool Contains(string name) => _index.ContainsKey(name);
    internal ColumnType GetColumnType(string name) => Column(name).Type;
    internal ColumnData Column(string name) =>
        _index.TryGetValue(name, out var i) ? _columns[i]
            : throw new CatalogException($"no such column (table has: {string.Join(", ", ColumnNames)})", column: name);
    internal IReadOnlyList<ColumnData> Columns => _columns;

    /// <summary>Any numeric column as double; missing → NaN. Absent or non-numeric → CatalogException.</summary>
    public double[] GetDouble(string name)
    {
        var c = Column(name);
        switch (c.Type)
        {
            case ColumnType.Double: return (double[])c.Values.Clone();
            case ColumnType.Single: return Array.ConvertAll((float[])c.Values, v => (double)v);
            case ColumnType.Int32:
            {
                var src = (int[])c.Values; var r = new double[src.Length];
                for (int i = 0; i < r.Length; i++) r[i] = c.Missing is not null && c.Missing[i] ? double.NaN : src[i];
                return r;
            }
            case ColumnType.Int64:
            {
                var src = (long[])c.Values; var r = new double[src.Length];
                for (int i = 0; i < r.Length; i++) r[i] = c.Missing is not null && c.Missing[i] ? double.NaN : src[i];
                return r;
            }
            default: throw new CatalogException($"column is {c.Type}, not numeric", column: name);
        }
    }

    /// <summary>An integer column (or a floating column holding only whole numbers) as int64.
    /// A missing value throws a CatalogException naming the row; use the overload with a fill value to accept them.</summary>
    public long[] GetInt64(string name) => GetInt64(name, null);

    /// <summary>As <see cref="GetInt64(string)"/>, with missing values replaced by <paramref name="missingValue"/>.</summary>
    public long[] GetInt64(string name, long missingValue) => GetInt64(name, (long?)missingValue);

    long[] GetInt64(string name, long? fill)
    {
        var c = Column(name);
        var r = new long[RowCount];
        for (int i = 0; i < r.Length; i++)
        {
            if (c.IsMissing(i))
            {
                r[i] = fill ?? throw new CatalogException("missing value in an integer column (pass a fill value to accept it)", column: name, row: i);
                continue;
            }
            r[i] = c.Type switch
            {
                ColumnType.Int64 => ((long[])c.Values)[i],
                ColumnType.Int32 => ((int[])c.Values)[i],
                ColumnType.Double => WholeNumber(((double[])c.Values)[i], name, i),
                ColumnType.Single => WholeNumber(((float[])c.Values)[i], name, i),
                _ => throw new CatalogException($"column is {c.Type}, not an integer column", column: name),
            };
        }
        return r;
    }

    static long WholeNumber(double v, string name, int row) =>
        v == Math.Floor(v) && Math.Abs(v) < 9.2e18 ? (long)v
            : throw new CatalogException($"value {v.ToString("R", CultureInfo.InvariantCulture)} is not a whole number", column: name, row: row);

    /// <summary>A string column; missing → null.</summary>
    public string[] GetString(string name)
    {
        var c = Column(name);
        if (c.Type != ColumnType.String) throw new CatalogException($"column is {c.Type}, not a string column", column: name);
        return (string[])c.Values.Clone();
    }

    /// <summary>A boolean column. A missing value throws (use the overload with a fill value to accept them).</summary>
    internal bool[] GetBool(string name) => GetBool(name, null);
    internal bool[] GetBool(string name, bool missingValue) => GetBool(name, (bool?)missingValue);

    bool[] GetBool(string name, bool? fill)
    {
        var c = Column(name);
        if (c.Type != ColumnType.Boolean) throw new CatalogException($"column is {c.Type}, not a boolean column", column: name);
        var r = (bool[])c.Values.Clone();
        if (c.Missing is null) return r;
        for (int i = 0; i < r.Length; i++)
            if (c.Missing[i]) r[i] = fill
                ?? throw new CatalogException("missing value in a boolean column (pass a fill value to accept it)", column: name, row: i);
        return r;
    }

    /// <summary>True where the value is missing (any column type).</summary>
    internal bool[] GetMissing(string name)
    {
        var c = Column(name);
        var r = new bool[RowCount];
        for (int i = 0; i < r.Length; i++) r[i] = c.IsMissing(i);
        return r;
    }

    internal StarTable WithColumn(string name, double[] values) => WithColumn(name, (Array)values, null);
    internal StarTable WithColumn(string name, float[] values) => WithColumn(name, (Array)values, null);
    internal StarTable WithColumn(string name, int[] values) => WithColumn(name, (Array)values, null);
    internal StarTable WithColumn(string name, long[] values) => WithColumn(name, (Array)values, null);
    internal StarTable WithColumn(string name, bool[] values) => WithColumn(name, (Array)values, null);
    internal StarTable WithColumn(string name, string[] values) => WithColumn(name, (Array)values, null);

    /// <summary>Add or replace a column from any supported array, with an optional missing-value mask (copied).</summary>
    internal StarTable WithColumn(string name, Array values, bool[]? missing)
    {
        if (_columns.Length > 0 && values.Length != RowCount)
            throw new CatalogException($"new column has {values.Length} rows but the table has {RowCount}", column: name);
        var column = new ColumnData(name, (Array)values.Clone(), (bool[]?)missing?.Clone());
        return WithColumn(column);
    }

    internal StarTable WithColumn(ColumnData column)
    {
        var list = _columns.ToList();
        if (_index.TryGetValue(column.Name, out var i)) list[i] = column; else list.Add(column);
        return new StarTable(list, _columns.Length == 0 ? column.Length : RowCount);
    }

    internal StarTable WithoutColumns(params string[] names)
    {
        foreach (var n in names) Column(n);
        var drop = new HashSet<string>(names, StringComparer.Ordinal);
        return new StarTable(_columns.Where(c => !drop.Contains(c.Name)).ToList(), RowCount);
    }

    internal StarTable RenameColumn(string from, string to)
    {
        var c = Column(from);
        return new StarTable(_columns.Select(x => ReferenceEquals(x, c) ? c.Rename(to) : x).ToList(), RowCount);
    }

    /// <summary>The rows where <paramref name="keep"/> is true, in order.</summary>
    public StarTable Where(ReadOnlySpan<bool> keep)
    {
        if (keep.Length != RowCount) throw new CatalogException($"row mask has {keep.Length} entries for {RowCount} rows");
        var rows = new List<int>(RowCount);
        for (int i = 0; i < keep.Length; i++) if (keep[i]) rows.Add(i);
        return Take(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(rows));
    }

    /// <summary>Rows by index, in the given order (an index may repeat).</summary>
    public StarTable Take(ReadOnlySpan<int> rows)
    {
        foreach (var r in rows)
            if ((uint)r >= (uint)RowCount) throw new CatalogException($"row index {r} outside 0..{RowCount - 1}");
        var cols = new ColumnData[_columns.Length];
        for (int j = 0; j < cols.Length; j++) cols[j] = _columns[j].Gather(rows);
        return new StarTable(cols, rows.Length);
    }

    /// <summary>The rows of <paramref name="parts"/> one after another, e.g. row chunks of one catalogue: every part has the
    /// same columns in the same order and of the same types.</summary>
    internal static StarTable Concat(IReadOnlyList<StarTable> parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        if (parts.Count == 0) return Empty;
        if (parts.Count == 1) return parts[0];
        var names = parts[0].ColumnNames;
        foreach (var p in parts)
            if (!p.ColumnNames.SequenceEqual(names))
                throw new CatalogException($"parts have different columns ({string.Join(", ", names)} and {string.Join(", ", p.ColumnNames)})");
        var cols = new ColumnData[names.Count];
        for (int j = 0; j < cols.Length; j++) cols[j] = ColumnData.Concat(parts.Select(p => p._columns[j]).ToList());
        return new StarTable(cols, parts.Sum(p => p.RowCount));
    }

    /// <summary>Rows <paramref name="first"/> … <paramref name="first"/> + <paramref name="count"/> − 1.</summary>
    internal StarTable Slice(int first, int count)
    {
        if (first < 0 || count < 0 || first > RowCount - count) throw new CatalogException($"rows {first}..{first + count - 1} outside 0..{RowCount - 1}");
        var cols = new ColumnData[_columns.Length];
        for (int j = 0; j < cols.Length; j++) cols[j] = _columns[j].Slice(first, count);
        return new StarTable(cols, count);
    }

    /// <summary>The first <paramref name="n"/> rows.</summary>
    internal StarTable Head(int n) => Take(Enumerable.Range(0, Math.Min(Math.Max(n, 0), RowCount)).ToArray());

    /// <summary>The named columns, in that order.</summary>
    public StarTable Select(params string[] names) => new(names.Select(Column).ToList(), RowCount);

    /// <summary>
    /// Left join on an integer key (TARGETID, SOURCE_ID): every left row is kept in order and gets
    /// the right columns (except the right key) of the right row with the same key; no match →
    /// missing. Missing left keys never match. A key that repeats on the right is ambiguous and
    /// throws, as does a right column whose name is already on the left.
    /// </summary>
    public StarTable Join(StarTable right, string leftKey, string rightKey)
    {
        var rk = right.GetInt64(rightKey, long.MinValue);
        var rMissing = right.GetMissing(rightKey);
        var lookup = new Dictionary<long, int>(rk.Length);
        for (int i = 0; i < rk.Length; i++)
        {
            if (rMissing[i]) continue;
            if (!lookup.TryAdd(rk[i], i))
                throw new CatalogException($"key {rk[i]} appears more than once in the right table", column: rightKey, row: i);
        }
        var lk = GetInt64(leftKey, long.MinValue);
        var lMissing = GetMissing(leftKey);
        var rows = new int[RowCount];
        for (int i = 0; i < rows.Length; i++) rows[i] = !lMissing[i] && lookup.TryGetValue(lk[i], out var j) ? j : -1;
        var result = _columns.ToList();
        foreach (var c in right._columns)
        {
            if (c.Name == rightKey) continue;
            if (_index.ContainsKey(c.Name))
                throw new CatalogException("column exists in both tables of the join (rename one first)", column: c.Name);
            result.Add(c.Gather(rows));
        }
        return new StarTable(result, RowCount);
    }

    /// <summary>The table as a Deedle frame (row keys 0..n-1). Missing values become Deedle missing values.</summary>
    internal Frame<int, string> ToFrame()
    {
        var builder = new FrameBuilder.Columns<int, string>();
        var keys = Enumerable.Range(0, RowCount).ToArray();
        foreach (var c in _columns)
        {
            switch (c.Type)
            {
                case ColumnType.Double: builder.Add(c.Name, new Series<int, double>(keys, (double[])c.Values)); break;
                case ColumnType.Single: builder.Add(c.Name, new Series<int, float>(keys, (float[])c.Values)); break;
                case ColumnType.Int32: builder.Add(c.Name, Present(c, (int[])c.Values)); break;
                case ColumnType.Int64: builder.Add(c.Name, Present(c, (long[])c.Values)); break;
                case ColumnType.Boolean: builder.Add(c.Name, Present(c, (bool[])c.Values)); break;
                default: builder.Add(c.Name, Present(c, (string[])c.Values)); break;
            }
        }
        return builder.Frame;
    }

    Series<int, T> Present<T>(ColumnData c, T[] values)
    {
        var b = new SeriesBuilder<int, T>();
        for (int i = 0; i < values.Length; i++) if (!c.IsMissing(i)) b.Add(i, values[i]);
        return b.Series;
    }

    /// <summary>A table from a Deedle frame, in the frame's row order. Column types: double, float,
    /// int, long, bool, string (other numeric types widen to double; anything else → string).</summary>
    internal static StarTable FromFrame(Frame<int, string> frame)
    {
        var rowKeys = frame.RowKeys.ToArray();
        var types = frame.ColumnTypes.ToArray();
        var names = frame.ColumnKeys.ToArray();
        var cols = new List<ColumnData>(names.Length);
        for (int j = 0; j < names.Length; j++)
        {
            var t = types[j];
            string name = names[j];
            if (t == typeof(double)) cols.Add(FrameColumn<double>(frame, name, rowKeys, double.NaN));
            else if (t == typeof(float)) cols.Add(FrameColumn<float>(frame, name, rowKeys, float.NaN));
            else if (t == typeof(int)) cols.Add(FrameColumn<int>(frame, name, rowKeys, 0));
            else if (t == typeof(long)) cols.Add(FrameColumn<long>(frame, name, rowKeys, 0L));
            else if (t == typeof(bool)) cols.Add(FrameColumn<bool>(frame, name, rowKeys, false));
            else if (t == typeof(string)) cols.Add(FrameColumn<string?>(frame, name, rowKeys, null));
            else if (t == typeof(decimal) || t == typeof(short) || t == typeof(byte) || t == typeof(uint) || t == typeof(ulong))
                cols.Add(FrameColumn<double>(frame, name, rowKeys, double.NaN));
            else
            {
                var objs = frame.GetColumn<object>(name);
                var s = new string?[rowKeys.Length];
                for (int i = 0; i < s.Length; i++)
                {
                    var o = objs.TryGet(rowKeys[i]);
                    s[i] = o.HasValue ? Convert.ToString(o.Value, CultureInfo.InvariantCulture) : null;
                }
                cols.Add(new ColumnData(name, s));
            }
        }
        return new StarTable(cols, rowKeys.Length);
    }

    static ColumnData FrameColumn<T>(Frame<int, string> frame, string name, int[] rowKeys, T missing)
    {
        var series = frame.GetColumn<T>(name);
        var values = new T[rowKeys.Length];
        bool[]? mask = null;
        for (int i = 0; i < values.Length; i++)
        {
            var o = series.TryGet(rowKeys[i]);
            if (o.HasValue) { values[i] = o.Value; continue; }
            values[i] = missing;
            (mask ??= new bool[values.Length])[i] = true;
        }
        return new ColumnData(name, values, mask);
    }

    /// <summary>The value of one cell as display text (invariant culture; missing → empty).</summary>
    internal string FormatCell(ColumnData c, int row) => c.IsMissing(row) ? "" : c.Type switch
    {
        ColumnType.Double => ((double[])c.Values)[row].ToString("R", CultureInfo.InvariantCulture),
        ColumnType.Single => ((double)((float[])c.Values)[row]).ToString("R", CultureInfo.InvariantCulture),
        ColumnType.Int32 => ((int[])c.Values)[row].ToString(CultureInfo.InvariantCulture),
        ColumnType.Int64 => ((long[])c.Values)[row].ToString(CultureInfo.InvariantCulture),
        ColumnType.Boolean => ((bool[])c.Values)[row] ? "true" : "false",
        _ => ((string[])c.Values)[row],
    };

    /// <summary>The first <see cref="PreviewRows"/> rows and the table's size.</summary>
    public string ToHtml()
    {
        var sb = new StringBuilder();
        sb.Append("<div class=\"star-table\"><table><thead><tr><th></th>");
        foreach (var c in _columns) sb.Append("<th>").Append(WebUtility.HtmlEncode(c.Name)).Append("</th>");
        sb.Append("</tr></thead><tbody>");
        int shown = Math.Min(PreviewRows, RowCount);
        for (int i = 0; i < shown; i++)
        {
            sb.Append("<tr><th>").Append(i).Append("</th>");
            foreach (var c in _columns) sb.Append("<td>").Append(WebUtility.HtmlEncode(FormatCell(c, i))).Append("</td>");
            sb.Append("</tr>");
        }
        if (shown < RowCount) sb.Append("<tr><td colspan=\"").Append(_columns.Length + 1).Append("\">…</td></tr>");
        sb.Append("</tbody></table><p>").Append(RowCount.ToString("N0", CultureInfo.InvariantCulture)).Append(" rows × ")
          .Append(_columns.Length).Append(" columns</p></div>");
        return sb.ToString();
    }

    public override string ToString() => $"StarTable: {RowCount} rows × {_columns.Length} columns " +
        $"({string.Join(", ", ColumnNames.Take(12))}{(_columns.Length > 12 ? ", …" : "")})";
}
