using System.Globalization;

namespace HaloNotebooks.Catalogs;

/// <summary>One HDU as listed by <see cref="FitsFile.Hdus"/>.</summary>
/// <param name="Type">"PRIMARY", "BINTABLE", "IMAGE", "TABLE" or the XTENSION value.</param>
internal sealed record FitsHduInfo(int Index, string? ExtName, string Type, long Rows, int Fields);

/// <summary>
/// A FITS file (FITS Standard 4.0) opened for reading binary tables. Hand-written because no FITS
/// package is served for .NET on the project's package feed, and the DESI MWS files need only the
/// BINTABLE subset. Opening scans every header (never the data); <see cref="ReadTable(string, IReadOnlyCollection{string}?)"/>
/// then streams the table in row chunks and decodes only the requested columns, so memory grows
/// with the columns read, not with the file. Every length taken from a header is checked against
/// the file size before it is used; malformed input raises a <see cref="CatalogException"/>.
/// </summary>
/// <remarks>
/// Columns: TFORM L, B, I, J, K, E, D, A. A vector column rT with r &gt; 1 (e.g. 5E) becomes scalar
/// columns NAME_0 … NAME_{r-1}; requesting NAME returns all of them. Types: L → bool (byte 0 =
/// missing); B, I, J → int32; K → int64; E → float; D → double; A → string (trailing blanks and
/// NULs removed, empty = missing). TSCALn/TZEROn: the unsigned conventions (B with TZERO = −128 →
/// signed int32; I with 32768 → int32; J with 2^31 → int64; K with 2^63 → double, as uint64 does
/// not fit int64) keep integers exact; any other scaling gives double = TZERO + TSCAL × stored.
/// TNULLn marks missing integers (before scaling).
/// </remarks>
internal sealed class FitsFile : IDisposable
{
    /// <summary>Row-chunk size for streaming.</summary>
    internal const int ChunkBytes = 4 << 20;

    readonly Stream _stream;
    readonly string _name;
    readonly long _length;
    readonly List<Hdu> _hdus = [];

    sealed record Hdu(int Index, FitsHeader Header, long DataStart, long DataLength, string Type, string? ExtName)
    {
        public string Label => ExtName is null ? Index.ToString(CultureInfo.InvariantCulture) : $"{Index} ({ExtName})";
    }

    FitsFile(Stream stream, string name)
    {
        _stream = stream;
        _name = name;
        _length = stream.Length;
        try { Scan(); }
        catch (EndOfStreamException e) { throw new CatalogException("unexpected end of file", name, inner: e); }
        catch { stream.Dispose(); throw; }
    }

    internal static FitsFile Open(string path)
    {
        FileStream stream;
        try { stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        { throw new CatalogException(e is FileNotFoundException or DirectoryNotFoundException ? "file not found" : e.Message, path, inner: e); }
        return new FitsFile(stream, path);
    }

    /// <summary>Read from a seekable stream (tests, in-memory files). The file owns the stream.</summary>
    internal static FitsFile Open(Stream stream, string name) => new(stream, name);

    public string Path => _name;
    internal IReadOnlyList<FitsHduInfo> Hdus => _hdus.Select(h => new FitsHduInfo(h.Index, h.ExtName, h.Type,
        h.Type == "BINTABLE" ? h.Header.Get("NAXIS2") as long? ?? 0 : 0,
        h.Type == "BINTABLE" ? (int)(h.Header.Get("TFIELDS") as long? ?? 0) : 0)).ToList();

    /// <summary>Index of the first BINTABLE HDU (what <see cref="TableFile"/> reads).</summary>
    internal int FirstTableIndex =>
        _hdus.FirstOrDefault(h => h.Type == "BINTABLE")?.Index ?? throw new CatalogException("file has no BINTABLE HDU", _name);

    public void Dispose() => _stream.Dispose();

    /// <summary>The parsed header keywords of an HDU (first occurrence of each; string, bool, long or double values;
    /// long strings joined across CONTINUE cards).</summary>
    internal IReadOnlyDictionary<string, object> Header(string extNameOrIndex)
    {
        var h = Find(extNameOrIndex).Header;
        return h.Keywords.ToDictionary(k => k, k => h.Get(k)!, StringComparer.Ordinal);
    }

    CatalogException Error(string problem, Hdu? hdu = null, string? column = null, long? row = null) =>
        new(problem, _name, hdu?.Label, column, row);

    void Scan()
    {
        if (_length < FitsHeader.BlockLength)
            throw Error($"file is {_length} bytes, shorter than one 2880-byte FITS block (truncated or not FITS)");
        long position = 0;
        while (position + FitsHeader.BlockLength <= _length)
        {
            int index = _hdus.Count;
            string label = index.ToString(CultureInfo.InvariantCulture);
            var header = FitsHeader.Read(_stream, position, _length, p => new CatalogException(p, _name, label));
            string type;
            if (index == 0)
            {
                if (header.FirstKeyword != "SIMPLE" || header.Get("SIMPLE") is not true)
                    throw Error("not a FITS file: the first card must be SIMPLE = T");
                type = "PRIMARY";
            }
            else
            {
                // Anything after the last HDU that is not an extension header is ignored (§3.5 special records).
                if (header.FirstKeyword != "XTENSION" || header.GetString("XTENSION") is not { } x) break;
                type = x.Trim().ToUpperInvariant();
            }
            string? extName = header.GetString("EXTNAME")?.Trim();
            if (extName is { Length: 0 }) extName = null;
            var hdu0 = new Hdu(index, header, position + header.Length, 0, type, extName);
            long dataLength = DataLength(header, hdu0);
            long dataStart = position + header.Length;
            if (dataLength > _length - dataStart)
                throw Error($"data section needs {dataLength} bytes but only {_length - dataStart} remain (file truncated, or NAXISn/PCOUNT corrupt)", hdu0);
            _hdus.Add(hdu0 with { DataLength = dataLength });
            long padded = (dataLength + FitsHeader.BlockLength - 1) / FitsHeader.BlockLength * FitsHeader.BlockLength;
            position = dataStart + padded;
        }
    }

    /// <summary>|BITPIX|/8 × GCOUNT × (PCOUNT + NAXIS1 × … × NAXISn), §4.4.1; overflow is an error.</summary>
    long DataLength(FitsHeader h, Hdu hdu)
    {
        CatalogException E(string p) => Error(p, hdu);
        long bitpix = h.GetInt64("BITPIX", E);
        if (bitpix is not (8 or 16 or 32 or 64 or -32 or -64)) throw E($"BITPIX = {bitpix} is not one of 8, 16, 32, 64, -32, -64");
        long naxis = h.GetInt64("NAXIS", E);
        if (naxis is < 0 or > 999) throw E($"NAXIS = {naxis} outside 0..999");
        if (naxis == 0) return 0;
        long pcount = h.GetInt64("PCOUNT", 0, E), gcount = h.GetInt64("GCOUNT", 1, E);
        if (pcount < 0 || gcount < 0) throw E("PCOUNT and GCOUNT must not be negative");
        try
        {
            long product = 1;
            for (int k = 1; k <= naxis; k++)
            {
                long n = h.GetInt64("NAXIS" + k.ToString(CultureInfo.InvariantCulture), E);
                if (n < 0) throw E($"NAXIS{k} = {n} is negative");
                product = checked(product * n);
            }
            if (hdu.Index == 0 && h.Get("GROUPS") is true && h.Get("NAXIS1") is 0L) product = ProductSkippingFirst(h, naxis, E);
            return checked(Math.Abs(bitpix) / 8 * gcount * (pcount + product));
        }
        catch (OverflowException) { throw E("data size from NAXISn/PCOUNT/GCOUNT overflows (corrupt header)"); }
    }

    static long ProductSkippingFirst(FitsHeader h, long naxis, Func<string, CatalogException> e)
    {
        long p = 1;
        for (int k = 2; k <= naxis; k++) p = checked(p * h.GetInt64("NAXIS" + k.ToString(CultureInfo.InvariantCulture), e));
        return p;
    }

    Hdu Find(string extNameOrIndex)
    {
        var key = extNameOrIndex.Trim();
        if (int.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var index))
            return index < _hdus.Count ? _hdus[index]
                : throw Error($"HDU index {index} does not exist (file has {_hdus.Count} HDUs: {Listing()})");
        return _hdus.FirstOrDefault(h => string.Equals(h.ExtName, key, StringComparison.OrdinalIgnoreCase))
               ?? throw Error($"no HDU with EXTNAME '{key}' (file has: {Listing()})");
    }

    string Listing() => string.Join(", ", _hdus.Select(h => h.Label));

    /// <summary>Names of the columns <see cref="ReadTable(string, IReadOnlyCollection{string}?)"/> returns for an HDU (vectors expanded).</summary>
    internal IReadOnlyList<string> ColumnNames(string extNameOrIndex)
    {
        var hdu = Find(extNameOrIndex);
        return FitsTableLayout.Parse(hdu.Header, hdu.Type, (p, c) => Error(p, hdu, c)).OutputNames();
    }

    internal StarTable ReadTable(int index, IReadOnlyCollection<string>? columns = null) =>
        ReadTable(index.ToString(CultureInfo.InvariantCulture), columns);

    /// <summary>
    /// The BINTABLE HDU named by EXTNAME (case-insensitive) or by index (0 = primary), with only
    /// <paramref name="columns"/> (all when null), in the requested order.
    /// </summary>
    internal StarTable ReadTable(string extNameOrIndex, IReadOnlyCollection<string>? columns = null) =>
        ReadRows(extNameOrIndex, columns, 0, null);

    /// <summary>Number of rows of a BINTABLE HDU (NAXIS2).</summary>
    public int RowCount(string extNameOrIndex)
    {
        var hdu = Find(extNameOrIndex);
        return (int)FitsTableLayout.Parse(hdu.Header, hdu.Type, (p, c) => Error(p, hdu, c)).RowCount;
    }

    /// <summary>
    /// Rows <paramref name="firstRow"/> … <paramref name="firstRow"/> + <paramref name="rowCount"/> − 1 of a BINTABLE HDU
    /// (to its end when <paramref name="rowCount"/> is null), with only <paramref name="columns"/>: a catalogue read in
    /// row chunks costs memory for one chunk, not for the file.
    /// </summary>
    internal StarTable ReadRows(string extNameOrIndex, IReadOnlyCollection<string>? columns, long firstRow, int? rowCount)
    {
        var hdu = Find(extNameOrIndex);
        var layout = FitsTableLayout.Parse(hdu.Header, hdu.Type, (p, c) => Error(p, hdu, c));
        if (layout.RowCount > 0 && layout.RowWidth * layout.RowCount > hdu.DataLength)
            throw Error("table rows extend beyond the data section", hdu);
        int n = rowCount ?? (int)(layout.RowCount - firstRow);
        if (firstRow < 0 || n < 0 || firstRow + n > layout.RowCount)
            throw Error($"rows {firstRow}..{firstRow + n - 1} are outside the table's 0..{layout.RowCount - 1}", hdu);
        try
        {
            var decoders = layout.Decoders(columns, firstRow, n);
            ReadRows(hdu, layout, decoders, firstRow, n);
            return new StarTable(decoders.Select(d => d.ToColumn()).ToList(), n);
        }
        catch (CatalogException e) { throw e.With(_name, hdu.Label); }
        catch (EndOfStreamException e) { throw Error("unexpected end of file while reading rows", hdu, inner: e); }
    }

    CatalogException Error(string problem, Hdu hdu, Exception inner) => new(problem, _name, hdu.Label, inner: inner);

    void ReadRows(Hdu hdu, FitsTableLayout layout, IReadOnlyList<FieldDecoder> decoders, long firstRow, int count)
    {
        if (count == 0 || decoders.Count == 0 || layout.RowWidth == 0) return;
        int width = (int)layout.RowWidth;
        int chunkRows = Math.Clamp(ChunkBytes / width, 1, count);
        var buffer = new byte[checked(chunkRows * width)];
        for (int row = 0; row < count; row += chunkRows)
        {
            int n = Math.Min(chunkRows, count - row);
            _stream.Position = hdu.DataStart + (firstRow + row) * width;
            var span = buffer.AsSpan(0, n * width);
            _stream.ReadExactly(span);
            foreach (var d in decoders) d.Decode(span, width, n, row);
        }
    }
}
