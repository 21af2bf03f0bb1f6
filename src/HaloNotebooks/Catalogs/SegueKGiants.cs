using System.Globalization;

namespace HaloNotebooks.Catalogs;

/// <summary>
/// SEGUE halo K giants of Xue et al. (2014, ApJ 784, 170; Table 4, 6036 stars) joined with a Gaia
/// DR2 cross-match CSV whose <c>name</c> column is "S&lt;i&gt;", i the 0-based row of the Xue table.
/// Read from a path the user gives (the files are not part of the project).
/// </summary>
/// <remarks>
/// Canonical columns: ra, dec (RAdeg, DEdeg); r_mag = rmag, which Xue et al. give already
/// extinction-corrected, so ebv = 0; rv, rv_err (HRV, e_HRV); teff, feh, feh_err, logg (SSPP);
/// distance, distance_err (Dis, e_Dis: from DMpeak); source_id, pmra, pmdec, pmra_error,
/// pmdec_error, pmra_pmdec_corr, gaia_g (Gaia DR2). Also kept: xue_abs_mag_r (rMag), xue_r_gc (rGC,
/// R_sun = 8 kpc), xue_p_above (Pabove), gaia_separation_deg (match distance). Where the cross-match
/// lists a star twice, the closer match is used; stars without a match keep missing Gaia values.
/// </remarks>
public static class SegueKGiants
{
    /// <summary>Rows of Xue et al. (2014) Table 4.</summary>
    internal const int DocumentedRowCount = 6036;

    public static StarTable Read(string xueMrtPath, string gaiaCrossMatchCsvPath)
    {
        var xue = MachineReadableTable.Read(xueMrtPath);
        var gaia = CsvTable.Read(gaiaCrossMatchCsvPath,
            ["name", "source_id", "pmra", "pmdec", "pmra_error", "pmdec_error", "pmra_pmdec_corr", "phot_g_mean_mag", "dist"]);
        var names = gaia.GetString("name");
        var sep = gaia.GetDouble("dist");
        var best = new int[xue.RowCount];
        Array.Fill(best, -1);
        for (int g = 0; g < names.Length; g++)
        {
            if (names[g] is not { Length: > 1 } s || s[0] != 'S' || !int.TryParse(s.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out var i)
                || i >= xue.RowCount)
                throw new CatalogException($"name '{names[g]}' is not S<row> with row < {xue.RowCount}", gaiaCrossMatchCsvPath, column: "name", row: g);
            if (best[i] < 0 || sep[g] < sep[best[i]]) best[i] = g;
        }
        // best[i] = the Gaia row for Xue row i, or -1 (Gather turns -1 into a missing value).
        ColumnData Gaia(string from, string to) => gaia.Column(from).Gather(best).Rename(to);

        var columns = new List<ColumnData>
        {
            xue.Column("RAdeg").Rename(CanonicalColumns.Ra), xue.Column("DEdeg").Rename(CanonicalColumns.Dec),
            xue.Column("rmag").Rename(CanonicalColumns.RMag), new(CanonicalColumns.Ebv, new double[xue.RowCount]),
            xue.Column("HRV").Rename(CanonicalColumns.Rv), xue.Column("e_HRV").Rename(CanonicalColumns.RvErr),
            xue.Column("Teff").Rename(CanonicalColumns.Teff), xue.Column("FeH").Rename(CanonicalColumns.Feh),
            xue.Column("e_FeH").Rename(CanonicalColumns.FehErr), xue.Column("log(g)").Rename(CanonicalColumns.Logg),
            xue.Column("Dis").Rename(CanonicalColumns.Distance), xue.Column("e_Dis").Rename(CanonicalColumns.DistanceErr),
            xue.Column("rMag").Rename("xue_abs_mag_r"), xue.Column("rGC").Rename("xue_r_gc"), xue.Column("Pabove").Rename("xue_p_above"),
            Gaia("source_id", CanonicalColumns.SourceId), Gaia("pmra", CanonicalColumns.Pmra), Gaia("pmdec", CanonicalColumns.Pmdec),
            Gaia("pmra_error", CanonicalColumns.PmraError), Gaia("pmdec_error", CanonicalColumns.PmdecError),
            Gaia("pmra_pmdec_corr", CanonicalColumns.PmraPmdecCorr), Gaia("phot_g_mean_mag", CanonicalColumns.GaiaG),
            Gaia("dist", "gaia_separation_deg"),
        };
        return new StarTable(columns, xue.RowCount);
    }
}
