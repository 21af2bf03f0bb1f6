using HaloNotebooks.Catalogs;

namespace HaloNotebooks.Selection;

public sealed partial class SubstructureCatalog
{
    /// <summary>
    /// Reads a substructure list by what <paramref name="path"/> is: a CSV with a <c>kind</c> column (the mock's
    /// list), a folder holding the LVDB's <c>dwarf_mw.csv</c> (Pace et al. 2022), or Baumgardt's
    /// <c>orbits_table.txt</c> / VB21's <c>GCs_VB21.txt</c> or a folder holding them (Baumgardt &amp; Vasiliev 2021).
    /// </summary>
    public static SubstructureCatalog Read(string path)
    {
        if (Directory.Exists(path))
        {
            if (File.Exists(Path.Combine(path, "dwarf_mw.csv"))) return ReadPace(path);
            if (File.Exists(Path.Combine(path, "orbits_table.txt")) || File.Exists(Path.Combine(path, "GCs_VB21.txt")))
                return ReadBaumgardtVasiliev(path);
            throw new FileNotFoundException($"{path}: a substructure folder must hold dwarf_mw.csv (Pace et al. 2022) or orbits_table.txt / GCs_VB21.txt " +
                $"(Baumgardt & Vasiliev 2021)");
        }
        if (!File.Exists(path)) throw new FileNotFoundException($"{path}: no such substructure file or folder", path);
        if (path.EndsWith(".csv", StringComparison.OrdinalIgnoreCase))
        {
            if (CsvTable.Open(path).ColumnNames.Any(n => n.Equals("kind", StringComparison.OrdinalIgnoreCase))) return ReadMockList(path);
            throw new FormatException($"{path}: a substructure CSV needs the columns name, kind, ra, dec, radius_deg, distance, distance_err, pmra, pmdec, " +
                $"pm_err, rv, rv_err (the mock's substructures.csv); for the LVDB give its folder");
        }
        return ReadBaumgardtVasiliev(path);
    }
}
