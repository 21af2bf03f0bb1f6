using System.Globalization;
using HaloNotebooks.Catalogs;

namespace HaloNotebooks.Selection;

public sealed partial class SubstructureCatalog
{
    /// <summary>km/s per (mas/yr × kpc).</summary>
    const double KmsPerMasYrKpc = 4.740470463533349;

    /// <summary>
    /// Milky Way globular clusters from Baumgardt &amp; Vasiliev (2021, MNRAS 505, 5957) and Vasiliev &amp;
    /// Baumgardt (2021, MNRAS 505, 5978). <paramref name="path"/> is H. Baumgardt's <c>orbits_table.txt</c>
    /// (RA, Dec, R_sun, ⟨RV⟩, proper motions), VB21's <c>GCs_VB21.txt</c> (proper motions and the scale radius
    /// of the member-density model, no distance or RV), or a folder holding either or both; with both, the
    /// clusters are those of the orbit table and the scale radius comes from VB21 (names matched ignoring
    /// spaces and underscores).
    /// </summary>
    /// <param name="radiusInScaleRadii">Match radius in units of the VB21 scale radius (our choice: 5, about the tidal radius of 47 Tuc).</param>
    /// <param name="fallbackRadiusDeg">Match radius when no scale radius is known (our choice, deg).</param>
    /// <param name="internalDispersion">Internal velocity dispersion added to the error of the mean RV and PM
    /// (km/s; GC central dispersions are ≲ 20 km/s, Baumgardt &amp; Hilker 2018).</param>
    public static SubstructureCatalog ReadBaumgardtVasiliev(string path, double radiusInScaleRadii = 5,
        double fallbackRadiusDeg = 0.25, double internalDispersion = 10)
    {
        string? orbits = null, vb21 = null;
        if (Directory.Exists(path))
        {
            orbits = FirstExisting(path, "orbits_table.txt");
            vb21 = FirstExisting(path, "GCs_VB21.txt");
            if (orbits is null && vb21 is null)
                throw new FileNotFoundException($"{path}: neither orbits_table.txt nor GCs_VB21.txt is in this folder");
        }
        else if (File.Exists(path))
        {
            if (Path.GetFileName(path).Contains("VB21", StringComparison.OrdinalIgnoreCase)) vb21 = path; else orbits = path;
        }
        else throw new FileNotFoundException($"{path}: no such file or folder", path);
        return ReadBaumgardtVasiliev(orbits, vb21, radiusInScaleRadii, fallbackRadiusDeg, internalDispersion);
    }

    /// <summary>As <see cref="ReadBaumgardtVasiliev(string, double, double, double)"/> with the two files given separately (either may be null).</summary>
    public static SubstructureCatalog ReadBaumgardtVasiliev(string? orbitsTable, string? vb21Table, double radiusInScaleRadii = 5,
        double fallbackRadiusDeg = 0.25, double internalDispersion = 10)
    {
        if (orbitsTable is null && vb21Table is null) throw new ArgumentException("give orbits_table.txt, GCs_VB21.txt or both");
        var vb = vb21Table is null ? [] : ReadVb21(vb21Table);
        var byName = vb.GroupBy(r => Key(r.Name)).ToDictionary(g => g.Key, g => g.First());
        foreach (var r in vb) if (r.Alias.Length > 0) byName.TryAdd(Key(r.Alias), r);

        var items = new List<Substructure>();
        if (orbitsTable is not null)
        {
            foreach (var o in ReadOrbits(orbitsTable))
            {
                double radius = byName.TryGetValue(Key(o.Name), out var v) && v.RscaleArcmin > 0
                    ? radiusInScaleRadii * v.RscaleArcmin / 60 : fallbackRadiusDeg;
                double pmErr = Math.Sqrt(Math.Max(o.PmraErr, o.PmdecErr) * Math.Max(o.PmraErr, o.PmdecErr)
                    + Sq(internalDispersion / (KmsPerMasYrKpc * o.Rsun)));
                items.Add(new Substructure(o.Name.Replace('_', ' '), SubstructureKind.GlobularCluster, o.Ra, o.Dec, radius,
                    o.Rsun, o.RsunErr, o.Pmra, o.Pmdec, pmErr, o.Rv, Math.Sqrt(o.RvErr * o.RvErr + internalDispersion * internalDispersion)));
            }
        }
        else
        {
            // VB21 alone: positions, proper motions and sizes, but no distance or RV (those criteria are skipped).
            foreach (var v in vb)
                items.Add(new Substructure(v.Name, SubstructureKind.GlobularCluster, v.Ra, v.Dec,
                    v.RscaleArcmin > 0 ? radiusInScaleRadii * v.RscaleArcmin / 60 : fallbackRadiusDeg,
                    double.NaN, double.NaN, v.Pmra, v.Pmdec, Math.Max(v.PmraErr, v.PmdecErr), double.NaN, double.NaN));
        }
        string source = string.Join(" + ", new[] { orbitsTable, vb21Table }.Where(p => p is not null).Select(p => Path.GetFileName(p!)))
            + " (Baumgardt & Vasiliev 2021)";
        return new SubstructureCatalog(items, source);
    }

    static double Sq(double x) => x * x;

    static string? FirstExisting(string dir, string name)
    {
        var p = Path.Combine(dir, name);
        return File.Exists(p) ? p : null;
    }

    /// <summary>Cluster name for matching the two tables: case, spaces, '_' and '-' ignored, and the spellings that
    /// differ between them unified (Terzan/Ter, Djorg/Djor, ESO 452-SC11 / ESO 452-11).</summary>
    static string Key(string name)
    {
        var k = name.ToLowerInvariant().Replace(" ", "").Replace("_", "").Replace("-", "");
        k = k.Replace("terzan", "ter").Replace("djorg", "djor");
        return System.Text.RegularExpressions.Regex.Replace(k, @"(?<=\d)sc(?=\d)", "");
    }

    internal sealed record OrbitRow(string Name, double Ra, double Dec, double Rsun, double RsunErr, double Rv, double RvErr,
        double Pmra, double PmraErr, double Pmdec, double PmdecErr);

    internal sealed record Vb21Row(string Name, string Alias, double Ra, double Dec, double Pmra, double PmraErr,
        double Pmdec, double PmdecErr, double RscaleArcmin);

    /// <summary>Baumgardt's orbits_table.txt: 3 header lines, whitespace separated, names with '_' for spaces.
    /// Columns (1-based): 1 name, 2 RA, 3 Dec, 6 Rsun, 7 ERsun, 9 ⟨RV⟩, 10 ERV, 11 μα*, 12 err, 13 μδ, 14 err.</summary>
    internal static List<OrbitRow> ReadOrbits(string path)
    {
        var rows = new List<OrbitRow>();
        int lineNo = 0;
        foreach (var line in File.ReadLines(path))
        {
            lineNo++;
            var f = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (f.Length == 0) continue;
            if (!double.TryParse(f.Length > 1 ? f[1] : "", NumberStyles.Float, CultureInfo.InvariantCulture, out _)) continue; // header lines
            if (f.Length < 14)
                throw new CatalogException($"line {lineNo}: expected at least 14 columns, found {f.Length}", file: path);
            double D(int col)
            {
                if (double.TryParse(f[col - 1], NumberStyles.Float, CultureInfo.InvariantCulture, out var x)) return x;
                throw new CatalogException($"line {lineNo}: '{f[col - 1]}' is not a number", file: path, column: col.ToString(CultureInfo.InvariantCulture));
            }
            rows.Add(new OrbitRow(f[0], D(2), D(3), D(6), D(7), D(9), D(10), D(11), D(12), D(13), D(14)));
        }
        if (rows.Count == 0) throw new CatalogException("no cluster rows found", file: path);
        return rows;
    }

    /// <summary>VB21's GCs_VB21.txt, fixed width (0-based character spans): (0,12) name, (12,24) alias, (25,31) RA,
    /// (33,39) Dec, (41,47) μα*, (49,55) err, (57,63) μδ, (65,71) err, (97,103) Rscale [arcmin].</summary>
    internal static List<Vb21Row> ReadVb21(string path)
    {
        var rows = new List<Vb21Row>();
        int lineNo = 0;
        foreach (var line in File.ReadLines(path))
        {
            lineNo++;
            if (line.Trim().Length == 0) continue;
            if (line.Length < 103) throw new CatalogException($"line {lineNo}: {line.Length} characters, the fixed-width table needs 103", file: path);
            string S(int a, int b) => line[a..Math.Min(b, line.Length)].Trim();
            double D(int a, int b, string col)
            {
                if (double.TryParse(S(a, b), NumberStyles.Float, CultureInfo.InvariantCulture, out var x)) return x;
                throw new CatalogException($"line {lineNo}: '{S(a, b)}' is not a number", file: path, column: col);
            }
            rows.Add(new Vb21Row(S(0, 12), S(12, 24), D(24, 32, "RA"), D(32, 40, "Dec"), D(40, 48, "pmRA"), D(48, 56, "pmRA_err"),
                D(56, 64, "pmDec"), D(64, 72, "pmDec_err"), D(96, 104, "Rscale")));
        }
        return rows;
    }
}
