namespace HaloNotebooks.Catalogs;

/// <summary>
/// The one place a catalogue file's format is decided, for `halo select`, `halo reproduce` and the notebooks
/// (HALO_CATALOGUE): a FITS file with an RVTAB HDU is a DESI MWS <c>mwsall</c> file (<see cref="DesiMwsCatalog"/>);
/// any other file is a table with the canonical columns (<see cref="TableFile"/>: CSV, Parquet, FITS). A distance
/// catalogue, when given, is joined for every format (<see cref="DistanceJoin"/>: by TARGETID or SOURCE_ID, every star
/// kept and its matches counted).
/// </summary>
internal static class CatalogueOpener
{
    /// <summary>The catalogue to be read in row chunks (FITS and CSV stream from the file).</summary>
    internal static CatalogueChunks Open(string catalogue, string? distances = null, DistanceColumns? distanceColumns = null)
    {
        RequireFile(catalogue, "catalogue");
        if (distances is not null) RequireFile(distances, "distance catalogue");
        if (distances is null && distanceColumns is not null) throw new ArgumentException("distance columns were given without a distance catalogue");
        if (IsMwsAll(catalogue)) return DesiMwsCatalog.Open(catalogue, distances, distanceColumns);
        var table = TableFile.Open(catalogue);
        return distances is null ? table : table.WithDistances(DistanceJoin.Open(distances, distanceColumns));
    }

    /// <summary>As <see cref="Open"/>, read whole.</summary>
    public static StarTable Read(string catalogue, string? distances = null, DistanceColumns? distanceColumns = null) =>
        Open(catalogue, distances, distanceColumns).ReadAll();

    /// <summary>A FITS file (.fits or .fits.gz) holding DESI's RVTAB HDU.</summary>
    static bool IsMwsAll(string path)
    {
        bool isFits = path.EndsWith(".fits", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".fits.gz", StringComparison.OrdinalIgnoreCase);
        if (!isFits) return false;
        using var f = FitsFile.Open(path);
        return f.Hdus.Any(h => string.Equals(h.ExtName, "RVTAB", StringComparison.OrdinalIgnoreCase));
    }

    static void RequireFile(string path, string what)
    {
        if (Directory.Exists(path)) throw new CatalogException($"a folder, not a {what} file", path);
        if (!File.Exists(path)) throw new FileNotFoundException($"{path}: no such {what} file", path);
    }
}
