using System.Globalization;

namespace HaloNotebooks.Catalogs;

/// <summary>One BINTABLE field: TTYPEn, TFORMn, byte offset in the row, TSCALn, TZEROn, TNULLn.</summary>
internal sealed record FitsField(int Number, string Name, FitsColumnFormat Format, long Offset, double Scale, double Zero, long? Null)
{
    /// <summary>Output column names: NAME for scalars and strings, NAME_0 … for vectors, none for r = 0.</summary>
    internal IEnumerable<string> OutputNames() =>
        Format.Repeat == 0 ? [] : Format.Code == 'A' || Format.Repeat == 1 ? [Name]
            : Enumerable.Range(0, (int)Format.Repeat).Select(e => Name + "_" + e.ToString(CultureInfo.InvariantCulture));
}

/// <summary>The row layout of a BINTABLE header (FITS Standard 4.0 §7.3), validated against itself.</summary>
internal sealed class FitsTableLayout
{
    internal long RowWidth { get; private init; }
    public long RowCount { get; private init; }
    internal IReadOnlyList<FitsField> Fields { get; private init; } = [];

    internal static FitsTableLayout Parse(FitsHeader h, string type, Func<string, string?, CatalogException> error)
    {
        CatalogException E(string p) => error(p, null);
        if (type != "BINTABLE") throw E($"HDU is {type}, not a binary table (BINTABLE)");
        if (h.GetInt64("BITPIX", E) != 8) throw E("BINTABLE must have BITPIX = 8");
        if (h.GetInt64("NAXIS", E) != 2) throw E("BINTABLE must have NAXIS = 2");
        long width = h.GetInt64("NAXIS1", E), rows = h.GetInt64("NAXIS2", E);
        if (rows > int.MaxValue) throw E($"NAXIS2 = {rows} rows is more than a table can hold ({int.MaxValue})");
        if (width > int.MaxValue) throw E($"NAXIS1 = {width} bytes per row is unreasonable");
        long tfields = h.GetInt64("TFIELDS", E);
        if (tfields is < 0 or > 999) throw E($"TFIELDS = {tfields} outside 0..999");
        var fields = new List<FitsField>((int)tfields);
        long offset = 0;
        for (int n = 1; n <= tfields; n++)
        {
            string num = n.ToString(CultureInfo.InvariantCulture);
            string name = h.GetString("TTYPE" + num)?.Trim() is { Length: > 0 } t ? t : "COL" + num;
            CatalogException F(string p) => error(p, name);
            var tform = h.GetString("TFORM" + num) ?? throw F($"TFORM{num} is missing");
            var format = FitsColumnFormat.Parse(tform, F);
            long fieldWidth;
            try { fieldWidth = format.Width; } catch (OverflowException) { throw F($"TFORM '{tform}' is too wide"); }
            if (fieldWidth > width - offset) throw F($"columns 1..{n} need more than NAXIS1 = {width} bytes per row");
            double scale = h.GetDouble("TSCAL" + num, 1.0, F), zero = h.GetDouble("TZERO" + num, 0.0, F);
            long? tnull = h.Contains("TNULL" + num) ? h.GetInt64("TNULL" + num, F) : null;
            fields.Add(new FitsField(n, name, format, offset, scale, zero, tnull));
            offset += fieldWidth;
        }
        if (offset != width) throw E($"the TFORMs add up to {offset} bytes per row but NAXIS1 = {width}");
        return new FitsTableLayout { RowWidth = width, RowCount = rows, Fields = fields };
    }

    internal IReadOnlyList<string> OutputNames() => Fields.SelectMany(f => f.OutputNames()).ToList();

    /// <summary>Decoders for the requested output columns, in request order (all, in file order, when null), for
    /// <paramref name="rowCount"/> rows starting at file row <paramref name="firstRow"/> (default: the whole table).</summary>
    internal IReadOnlyList<FieldDecoder> Decoders(IReadOnlyCollection<string>? columns, long firstRow = 0, int? rowCount = null)
    {
        var available = new Dictionary<string, (FitsField Field, int Element)>(StringComparer.Ordinal);
        var vectors = new Dictionary<string, FitsField>(StringComparer.Ordinal);
        foreach (var f in Fields)
        {
            int e = 0;
            foreach (var name in f.OutputNames()) available.TryAdd(name, (f, f.Format.Code == 'A' || f.Format.Repeat == 1 ? -1 : e++));
            if (f.Format.Code != 'A' && f.Format.Repeat > 1) vectors.TryAdd(f.Name, f);
        }
        var wanted = new List<(FitsField Field, int Element, string Name)>();
        if (columns is null)
            foreach (var f in Fields)
            {
                int e = 0;
                foreach (var name in f.OutputNames()) wanted.Add((f, f.Format.Code == 'A' || f.Format.Repeat == 1 ? -1 : e++, name));
            }
        else
            foreach (var c in columns)
            {
                if (available.TryGetValue(c, out var a)) wanted.Add((a.Field, a.Element, c));
                else if (vectors.TryGetValue(c, out var v))
                    for (int e = 0; e < v.Format.Repeat; e++) wanted.Add((v, e, c + "_" + e.ToString(CultureInfo.InvariantCulture)));
                else throw new CatalogException($"requested column is not in the table (it has: {string.Join(", ", Fields.Select(f => f.Name))})", column: c);
            }
        var result = new List<FieldDecoder>(wanted.Count);
        foreach (var (f, e, name) in wanted)
        {
            if (!f.Format.IsReadable)
                throw new CatalogException($"TFORM type '{f.Format.Code}' is not supported by this reader (supported: L B I J K E D A); leave the " +
                    $"column out", column: f.Name);
            int offset = (int)(f.Offset + Math.Max(e, 0) * f.Format.ElementSize);
            result.Add(FieldDecoder.Create(f, name, offset, rowCount ?? (int)RowCount));
            result[^1].RowBase = firstRow;
        }
        return result;
    }
}
