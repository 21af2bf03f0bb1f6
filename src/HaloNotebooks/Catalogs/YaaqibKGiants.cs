using System.Globalization;
using HaloNotebooks.Astrometry;

namespace HaloNotebooks.Catalogs;

/// <summary>
/// Halo K giants beyond r_GC = 20 kpc with Gaia EDR3 proper motions and Xue et al. (2014) [Fe/H], the input table of
/// Yaaqib, Petersen &amp; Peñarrubia (2024; arXiv:2402.10841): <c>KGiant_edr3_metal_sgr_20.txt</c>, 23 whitespace-separated
/// numbers a row, no header (kgiants_edr3_yaaqib2024/SOURCE.md). Read from a path the user gives.
/// </summary>
/// <remarks>
/// Columns used (1-based, as SOURCE.md checked them against the data): 7 l, 8 b [deg]; 9 distance [kpc]; 10 heliocentric
/// v_los [km/s]; 11 μ_l*, 12 μ_b [mas/yr]; 13 distance error [kpc]; 14 v_los error [km/s]; 15, 16 μ_l*, μ_b errors;
/// 17 [Fe/H]; 23 the μ_l*–μ_b correlation. ra, dec come from (l, b) and pmra, pmdec from (μ_l*, μ_b) by the library's
/// rotation (SOURCE.md: the table's l, b differ from Xue's RA/Dec by 0.05–0.3°, immaterial for kinematics at these
/// distances). The table has no [Fe/H] error: feh_err is an ASSUMED <see cref="AssumedFehError"/> dex.
/// </remarks>
internal static class YaaqibKGiants
{
    internal const int DocumentedRowCount = 2830;

    /// <summary>dex; assumed for every star (Xue et al. 2014 quote ≈ 0.1–0.2 dex for SSPP [Fe/H] of K giants).</summary>
    internal const double AssumedFehError = 0.15;

    public static StarTable Read(string path)
    {
        if (!File.Exists(path)) throw new CatalogException("file not found (give KGiant_edr3_metal_sgr_20.txt)", path);
        var rows = new List<double[]>();
        foreach (var line in File.ReadLines(path))
        {
            if (line.Trim().Length == 0) continue;
            var cells = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (cells.Length != 23) throw new CatalogException($"{cells.Length} numbers, not 23", path, row: rows.Count);
            var v = new double[23];
            for (int c = 0; c < 23; c++)
                if (!double.TryParse(cells[c], NumberStyles.Float, CultureInfo.InvariantCulture, out v[c]))
                    throw new CatalogException($"'{cells[c]}' is not a number", path, column: $"column {c + 1}", row: rows.Count);
            rows.Add(v);
        }
        int n = rows.Count;
        double[] Col(int oneBased) => rows.Select(r => r[oneBased - 1]).ToArray();
        var ra = new double[n]; var dec = new double[n];
        var pmra = new double[n]; var pmdec = new double[n]; var ePmra = new double[n]; var ePmdec = new double[n]; var corr = new double[n];
        for (int i = 0; i < n; i++)
        {
            var r = rows[i];
            (ra[i], dec[i]) = GalacticCoordinates.ToIcrs(r[6], r[7]);
            var icrs = GalacticProperMotion.ToIcrs(r[6], r[7], new ProperMotion(r[10], r[11], r[14], r[15], r[22]));
            (pmra[i], pmdec[i], ePmra[i], ePmdec[i], corr[i]) = (icrs.Lon, icrs.Lat, icrs.ErrLon, icrs.ErrLat, icrs.Corr);
        }
        var columns = new List<ColumnData>
        {
            new(CanonicalColumns.Ra, ra), new(CanonicalColumns.Dec, dec),
            new(CanonicalColumns.Distance, Col(9)), new(CanonicalColumns.DistanceErr, Col(13)),
            new(CanonicalColumns.Rv, Col(10)), new(CanonicalColumns.RvErr, Col(14)),
            new(CanonicalColumns.Pmra, pmra), new(CanonicalColumns.Pmdec, pmdec),
            new(CanonicalColumns.PmraError, ePmra), new(CanonicalColumns.PmdecError, ePmdec), new(CanonicalColumns.PmraPmdecCorr, corr),
            new(CanonicalColumns.Feh, Col(17)), new(CanonicalColumns.FehErr, Enumerable.Repeat(AssumedFehError, n).ToArray()),
        };
        return new StarTable(columns, n);
    }
}
