using HaloNotebooks.Catalogs;

namespace HaloNotebooks.Selection;

public sealed partial class SubstructureCatalog
{
    /// <summary>
    /// Dwarf galaxies (and optionally globular clusters) of the Local Volume Database, Pace et al. (2022, ApJ 940, 136).
    /// <paramref name="dir"/> holds the LVDB CSVs: dwarfs from <c>dwarf_mw.csv</c> (Milky Way and LMC satellites);
    /// with <paramref name="includeGlobularClusters"/>, clusters from <c>gc_harris.csv</c> and <c>gc_mw_new.csv</c>.
    /// Columns used: name, ra, dec, rhalf [arcmin, semi-major], distance (+ _em/_ep) [kpc], pmra, pmdec (+ _em/_ep),
    /// vlos_systemic (+ _em/_ep), vlos_sigma [km/s].
    /// </summary>
    /// <param name="radiusInHalfLightRadii">Match radius in half-light radii (our choice: 5).</param>
    /// <param name="fallbackDispersion">Internal velocity dispersion when vlos_sigma is empty (km/s; our choice:
    /// 10, at the top of what ultra-faint dwarfs and clusters show, so members are not missed).</param>
    public static SubstructureCatalog ReadPace(string dir, bool includeGlobularClusters = false,
        double radiusInHalfLightRadii = 5, double fallbackDispersion = 10)
    {
        if (!Directory.Exists(dir)) throw new DirectoryNotFoundException($"{dir}: the LVDB folder (with dwarf_mw.csv) does not exist");
        var items = new List<Substructure>();
        var files = new List<string>();
        void Add(string file, SubstructureKind kind, bool required)
        {
            var path = Path.Combine(dir, file);
            if (!File.Exists(path))
            {
                if (required) throw new FileNotFoundException($"{path}: not found (expected in the LVDB data folder)", path);
                return;
            }
            files.Add(file);
            items.AddRange(ReadLvdbTable(path, kind, radiusInHalfLightRadii, fallbackDispersion));
        }
        Add("dwarf_mw.csv", SubstructureKind.DwarfGalaxy, required: true);
        if (includeGlobularClusters)
        {
            Add("gc_harris.csv", SubstructureKind.GlobularCluster, required: true);
            Add("gc_mw_new.csv", SubstructureKind.GlobularCluster, required: false);
        }
        return new SubstructureCatalog(items, string.Join(" + ", files) + " (Pace et al. 2022)");
    }

    static IEnumerable<Substructure> ReadLvdbTable(string path, SubstructureKind kind, double radiusInHalfLightRadii, double fallbackDispersion)
    {
        string[] cols = ["name", "ra", "dec", "rhalf", "distance", "distance_em", "distance_ep", "pmra", "pmra_em", "pmra_ep",
                         "pmdec", "pmdec_em", "pmdec_ep", "vlos_systemic", "vlos_systemic_em", "vlos_systemic_ep", "vlos_sigma"];
        var t = CsvTable.Read(path, cols);
        foreach (var c in cols)
            if (!t.Contains(c)) throw new CatalogException("LVDB column missing", file: path, column: c);
        var name = t.GetString("name");
        double[] ra = t.GetDouble("ra"), dec = t.GetDouble("dec"), rhalf = t.GetDouble("rhalf"), d = t.GetDouble("distance");
        double[] dEm = t.GetDouble("distance_em"), dEp = t.GetDouble("distance_ep");
        double[] pmra = t.GetDouble("pmra"), pmraEm = t.GetDouble("pmra_em"), pmraEp = t.GetDouble("pmra_ep");
        double[] pmdec = t.GetDouble("pmdec"), pmdecEm = t.GetDouble("pmdec_em"), pmdecEp = t.GetDouble("pmdec_ep");
        double[] rv = t.GetDouble("vlos_systemic"), rvEm = t.GetDouble("vlos_systemic_em"), rvEp = t.GetDouble("vlos_systemic_ep");
        double[] sig = t.GetDouble("vlos_sigma");
        for (int i = 0; i < t.RowCount; i++)
        {
            if (!double.IsFinite(ra[i]) || !double.IsFinite(dec[i]) || !(rhalf[i] > 0)) continue; // no position or size: cannot be masked
            double dispersion = double.IsFinite(sig[i]) ? sig[i] : fallbackDispersion;
            double pmMeanErr = Math.Max(Mean(pmraEm[i], pmraEp[i]), Mean(pmdecEm[i], pmdecEp[i]));
            double pmErr = double.IsFinite(d[i]) && d[i] > 0
                ? Math.Sqrt(Sq(pmMeanErr) + Sq(dispersion / (KmsPerMasYrKpc * d[i]))) : pmMeanErr;
            double rvErr = Math.Sqrt(Sq(Mean(rvEm[i], rvEp[i])) + Sq(dispersion));
            yield return new Substructure(name[i], kind, ra[i], dec[i], radiusInHalfLightRadii * rhalf[i] / 60,
                d[i], Mean(dEm[i], dEp[i]), pmra[i], pmdec[i], pmErr, rv[i], rvErr);
        }
    }

    /// <summary>Mean of the −/+ errors, ignoring a missing one (0 when both are missing).</summary>
    static double Mean(double em, double ep) =>
        double.IsFinite(em) && double.IsFinite(ep) ? 0.5 * (em + ep) : double.IsFinite(em) ? em : double.IsFinite(ep) ? ep : 0;
}
