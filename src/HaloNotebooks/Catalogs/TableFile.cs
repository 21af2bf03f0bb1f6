namespace HaloNotebooks.Catalogs;

/// <summary>Reads and writes a table by file extension: .csv, .parquet, .fits/.fit/.fts (first BINTABLE HDU;
/// written as one BINTABLE with EXTNAME TABLE).</summary>
internal static class TableFile
{
    public static StarTable Read(string path) => Read(path, null);

    public static StarTable Read(string path, IReadOnlyCollection<string>? columns) => Kind(path) switch
    {
        "csv" => CsvTable.Read(path, columns),
        "parquet" => ParquetTable.Read(path, columns),
        _ => ReadFits(path, columns),
    };

    /// <summary>A table file to be read in row chunks (<see cref="CatalogueChunks"/>): CSV and FITS stream from the file;
    /// Parquet is read whole (Parquet.Net reads by row group, and a file written in one group would not stream).</summary>
    internal static CatalogueChunks Open(string path) => Kind(path) switch
    {
        "csv" => CsvTable.Open(path),
        "parquet" => CatalogueChunks.FromTable(ParquetTable.Read(path)),
        _ => new FitsChunks(path),
    };

    sealed class FitsChunks : CatalogueChunks
    {
        readonly string _path, _hdu;

        internal FitsChunks(string path)
        {
            _path = path;
            using var fits = FitsFile.Open(path);
            _hdu = fits.FirstTableIndex.ToString(System.Globalization.CultureInfo.InvariantCulture);
            RowCount = fits.RowCount(_hdu);
            ColumnNames = fits.ColumnNames(_hdu);
        }

        public override int RowCount { get; }
        public override IReadOnlyList<string> ColumnNames { get; }

        private protected override StarTable ReadRows(int first, int count, IReadOnlyCollection<string>? columns)
        {
            using var fits = FitsFile.Open(_path);
            return fits.ReadRows(_hdu, columns, first, count);
        }
    }

    static StarTable ReadFits(string path, IReadOnlyCollection<string>? columns)
    {
        using var fits = FitsFile.Open(path);
        return fits.ReadTable(fits.FirstTableIndex, columns);
    }

    /// <summary>The column names of a table file (FITS: from the header alone).</summary>
    internal static IReadOnlyList<string> ReadColumnNames(string path)
    {
        if (Kind(path) != "fits") return Read(path).ColumnNames;
        using var fits = FitsFile.Open(path);
        return fits.ColumnNames(fits.FirstTableIndex.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    public static void Write(StarTable t, string path)
    {
        switch (Kind(path))
        {
            case "csv": CsvTable.Write(t, path); break;
            case "parquet": ParquetTable.Write(t, path); break;
            default: FitsWriter.Write(path, t); break;
        }
    }

    /// <summary>"csv", "parquet" or "fits" from the extension; anything else → CatalogException.</summary>
    public static string Kind(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".csv" => "csv",
        ".parquet" or ".pq" => "parquet",
        ".fits" or ".fit" or ".fts" => "fits",
        var e => throw new CatalogException($"unknown table extension '{e}' (use .csv, .parquet or .fits)", path),
    };
}
