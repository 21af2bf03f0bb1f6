using HaloNotebooks.Astrometry;

namespace HaloNotebooks.Catalogs;

/// <summary>
/// DESI DR1 blue horizontal branch stars of Byström et al. (2025; the public MWS-BHB value-added catalogue) in the
/// processed 6D table <c>Bystrom_2025_BHB.csv</c> of M. Petersen's ReflexMotion repository (PRIMARY rows, satellite
/// members removed; 5438 stars). Read from a path the user gives (the file is not part of the project).
/// </summary>
/// <remarks>
/// Canonical columns: ra, dec (Gaia RA, DEC); l, b; rv, rv_err (VRAD, VRAD_ERR, heliocentric); distance (DIST);
/// distance_err = d_err, which the table sets to 10 % of the distance — an ASSUMED error, not a measurement;
/// pmra, pmdec, pmra_error, pmdec_error, pmra_pmdec_corr from the table's Galactic (mul, mub, errors, pm_corr)
/// rotated back to ICRS (<see cref="GalacticProperMotion"/>); missing values stay NaN (4 rows without a Gaia position
/// or proper motion, 13 without proper-motion errors), for the selection to count out;
/// teff, logg, feh (RVSpecFit); source_id (Gaia DR3). Also kept: bystrom_x … bystrom_vz, the table's own astropy
/// Galactocentric phase space (astropy v4.0 frame, the paper's), against which the library's transform is checked.
/// </remarks>
public static class DesiBhbStars
{
    /// <summary>Rows of Bystrom_2025_BHB.csv (SOURCE.md).</summary>
    internal const int DocumentedRowCount = 5438;

    /// <summary>The table's own distance error: d_err = 0.1 d (assumed by the table's author, not measured).</summary>
    internal const double AssumedFractionalDistanceError = 0.1;

    static readonly string[] Columns =
        ["ID", "RA", "DEC", "l", "b", "d", "d_err", "vlos", "vlos_err", "mul", "mub", "mul_err", "mub_err", "pm_corr",
         "TEFF", "LOGG", "FEH", "x", "y", "z", "vx", "vy", "vz"];

    public static StarTable Read(string csvPath)
    {
        if (!File.Exists(csvPath))
            throw new CatalogException("file not found (give the path of Bystrom_2025_BHB.csv, the processed DESI DR1 BHB table)", csvPath);
        var t = CsvTable.Read(csvPath, Columns);
        int n = t.RowCount;
        if (n == 0) throw new CatalogException("the table has a header but no stars", csvPath);
        double[] l = t.GetDouble("l"), b = t.GetDouble("b"), mul = t.GetDouble("mul"), mub = t.GetDouble("mub");
        double[] eL = t.GetDouble("mul_err"), eB = t.GetDouble("mub_err"), corr = t.GetDouble("pm_corr"), d = t.GetDouble("d");
        for (int i = 0; i < n; i++)
        {
            // Missing values stay NaN (4 rows have no Gaia position) and are counted out by the selection; wrong ones stop here.
            if (b[i] < -90 || b[i] > 90 || double.IsInfinity(l[i]))
                throw new CatalogException($"(l, b) = ({l[i]}, {b[i]}) is not a sky position", csvPath, column: "b", row: i);
            if (d[i] <= 0 || double.IsInfinity(d[i])) throw new CatalogException($"distance {d[i]} kpc is not positive and finite",
                csvPath, column: "d", row: i);
        }
        var pmra = new double[n]; var pmdec = new double[n]; var pmraErr = new double[n]; var pmdecErr = new double[n]; var pmCorr = new double[n];
        for (int i = 0; i < n; i++)
        {
            var icrs = GalacticProperMotion.ToIcrs(l[i], b[i], new ProperMotion(mul[i], mub[i], eL[i], eB[i], corr[i]));
            (pmra[i], pmdec[i], pmraErr[i], pmdecErr[i], pmCorr[i]) = (icrs.Lon, icrs.Lat, icrs.ErrLon, icrs.ErrLat, icrs.Corr);
        }
        var columns = new List<ColumnData>
        {
            t.Column("ID").Rename(CanonicalColumns.SourceId),
            t.Column("RA").Rename(CanonicalColumns.Ra), t.Column("DEC").Rename(CanonicalColumns.Dec),
            t.Column("l").Rename(CanonicalColumns.L), t.Column("b").Rename(CanonicalColumns.B),
            t.Column("vlos").Rename(CanonicalColumns.Rv), t.Column("vlos_err").Rename(CanonicalColumns.RvErr),
            t.Column("d").Rename(CanonicalColumns.Distance), t.Column("d_err").Rename(CanonicalColumns.DistanceErr),
            new(CanonicalColumns.Pmra, pmra), new(CanonicalColumns.Pmdec, pmdec),
            new(CanonicalColumns.PmraError, pmraErr), new(CanonicalColumns.PmdecError, pmdecErr), new(CanonicalColumns.PmraPmdecCorr, pmCorr),
            t.Column("TEFF").Rename(CanonicalColumns.Teff), t.Column("LOGG").Rename(CanonicalColumns.Logg), t.Column("FEH").Rename(CanonicalColumns.Feh),
        };
        foreach (var c in new[] { "x", "y", "z", "vx", "vy", "vz" }) columns.Add(t.Column(c).Rename("bystrom_" + c));
        return new StarTable(columns, n);
    }
}
