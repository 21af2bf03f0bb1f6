using Parquet;
using Parquet.Schema;

namespace HaloNotebooks.Catalogs;

/// <summary>
/// Parquet files through Parquet.Net. Column types map one to one (double, float, int32, int64,
/// bool, string; smaller integers widen to int32, uint32 to int64). Missing values: NaN for
/// floating point is written as a value (Parquet keeps NaN); integer, boolean and string columns
/// with missing values are written as nullable (optional) fields and read back as missing.
/// </summary>
public static class ParquetTable
{
    public static StarTable Read(string path, IReadOnlyCollection<string>? columns = null)
    {
        if (!File.Exists(path)) throw new CatalogException("file not found", path);
        try { return ReadAsync(path, columns).GetAwaiter().GetResult(); }
        catch (CatalogException e) { throw e.With(file: path); }
        catch (Exception e) when (e is not CatalogException and not OutOfMemoryException)
        { throw new CatalogException("cannot read as Parquet: " + e.Message, path, inner: e); }   // a corrupt file may fail anywhere inside Parquet.Net
    }

    static async Task<StarTable> ReadAsync(string path, IReadOnlyCollection<string>? columns)
    {
        await using var stream = File.OpenRead(path);
        await using var reader = await ParquetReader.CreateAsync(stream);
        var fields = reader.Schema.GetDataFields();
        var byName = fields.GroupBy(f => f.Name).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var wanted = columns is null ? fields.ToList()
            : columns.Select(c => byName.TryGetValue(c, out var f) ? f
                : throw new CatalogException($"requested column is not in the file (it has: {string.Join(", ", byName.Keys)})", column: c)).ToList();
        long total = 0;
        for (int g = 0; g < reader.RowGroupCount; g++)
        {
            using var rg = reader.OpenRowGroupReader(g);
            total += rg.RowCount;
        }
        if (total > int.MaxValue) throw new CatalogException($"{total} rows is more than a table can hold");
        int n = (int)total;
        var result = new List<ColumnData>(wanted.Count);
        foreach (var field in wanted)
        {
            if (field.IsArray) throw new CatalogException("repeated (list) Parquet columns are not supported", column: field.Name);
            var t = field.ClrType;
            ColumnData column;
            if (t == typeof(double)) column = await ReadNumeric<double>(reader, field, n, v => v, double.NaN);
            else if (t == typeof(float)) column = await ReadNumeric<float>(reader, field, n, v => v, float.NaN);
            else if (t == typeof(int)) column = await ReadNumeric<int>(reader, field, n, v => v, null);
            else if (t == typeof(long)) column = await ReadNumeric<long>(reader, field, n, v => v, null);
            else if (t == typeof(bool)) column = await ReadNumeric<bool>(reader, field, n, v => v, null);
            else if (t == typeof(short)) column = await ReadNumeric<short>(reader, field, n, v => Array.ConvertAll(v, x => (int)x), null);
            else if (t == typeof(byte)) column = await ReadNumeric<byte>(reader, field, n, v => Array.ConvertAll(v, x => (int)x), null);
            else if (t == typeof(sbyte)) column = await ReadNumeric<sbyte>(reader, field, n, v => Array.ConvertAll(v, x => (int)x), null);
            else if (t == typeof(ushort)) column = await ReadNumeric<ushort>(reader, field, n, v => Array.ConvertAll(v, x => (int)x), null);
            else if (t == typeof(uint)) column = await ReadNumeric<uint>(reader, field, n, v => Array.ConvertAll(v, x => (long)x), null);
            else if (t == typeof(string) || t == typeof(ReadOnlyMemory<char>))
            {
                var values = new string?[n];
                int at = 0;
                for (int g = 0; g < reader.RowGroupCount; g++)
                {
                    using var rg = reader.OpenRowGroupReader(g);
                    int rows = checked((int)rg.RowCount);
                    await rg.ReadAsync(field, values.AsMemory(at, rows));
                    at += rows;
                }
                column = new ColumnData(field.Name, values);
            }
            else throw new CatalogException($"Parquet type {t.Name} is not supported (double, float, integers, bool, string)", column: field.Name);
            result.Add(column);
        }
        return new StarTable(result, n);
    }

    static async Task<ColumnData> ReadNumeric<T>(ParquetReader reader, DataField field, int n, Func<T[], Array> convert, T? nanLike)
        where T : struct
    {
        var values = new T[n];
        bool[]? missing = null;
        int at = 0;
        for (int g = 0; g < reader.RowGroupCount; g++)
        {
            using var rg = reader.OpenRowGroupReader(g);
            int rows = checked((int)rg.RowCount);
            if (field.IsNullable)
            {
                var buffer = new T?[rows];
                await rg.ReadAsync<T>(field, buffer.AsMemory());
                for (int i = 0; i < rows; i++)
                {
                    if (buffer[i] is { } v) values[at + i] = v;
                    else if (nanLike is { } nan) values[at + i] = nan;
                    else (missing ??= new bool[n])[at + i] = true;
                }
            }
            else await rg.ReadAsync<T>(field, values.AsMemory(at, rows));
            at += rows;
        }
        return new ColumnData(field.Name, convert(values), missing);
    }

    public static void Write(StarTable table, string path) =>
        AtomicFile.Write(path, s => WriteAsync(table, s).GetAwaiter().GetResult());

    static async Task WriteAsync(StarTable table, Stream stream)
    {
        var cols = table.Columns;
        var fields = cols.Select(c => c.Type switch
        {
            ColumnType.Double => (DataField)new DataField<double>(c.Name, false),
            ColumnType.Single => new DataField<float>(c.Name, false),
            ColumnType.Int32 => new DataField<int>(c.Name, c.Missing is not null),
            ColumnType.Int64 => new DataField<long>(c.Name, c.Missing is not null),
            ColumnType.Boolean => new DataField<bool>(c.Name, c.Missing is not null),
            _ => new DataField<string>(c.Name, true),
        }).ToArray();
        var schema = new ParquetSchema(fields);
        await using var writer = await ParquetWriter.CreateAsync(schema, stream);
        using var rg = writer.CreateRowGroup();
        for (int j = 0; j < cols.Count; j++)
        {
            var c = cols[j];
            var f = fields[j];
            switch (c.Type)
            {
                case ColumnType.Double: await rg.WriteAsync<double>(f, (double[])c.Values); break;
                case ColumnType.Single: await rg.WriteAsync<float>(f, (float[])c.Values); break;
                case ColumnType.Int32: await WriteMasked(rg, f, (int[])c.Values, c.Missing); break;
                case ColumnType.Int64: await WriteMasked(rg, f, (long[])c.Values, c.Missing); break;
                case ColumnType.Boolean: await WriteMasked(rg, f, (bool[])c.Values, c.Missing); break;
                default: await rg.WriteAsync(f, (string[])c.Values); break;
            }
        }
    }

    static async Task WriteMasked<T>(ParquetRowGroupWriter rg, DataField f, T[] values, bool[]? missing) where T : struct
    {
        if (missing is null) { await rg.WriteAsync<T>(f, values); return; }
        var nullable = new T?[values.Length];
        for (int i = 0; i < values.Length; i++) nullable[i] = missing[i] ? null : values[i];
        await rg.WriteAsync<T>(f, nullable);
    }
}
