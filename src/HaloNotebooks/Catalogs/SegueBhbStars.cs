using System.Globalization;

namespace HaloNotebooks.Catalogs;

/// <summary>
/// SEGUE blue horizontal-branch stars of Xue et al. (2011, ApJ 738, 79; 4985 stars), the BHB tracer of Bird et al.
/// (2021), joined with their SSPP [Fe/H] and a Gaia DR2 cross-match; both match files name a star "S&lt;i&gt;", i the
/// 0-based data row of the Xue table (segue_bhb_xue2011/SOURCE.md). Read from a folder the user gives.
/// </summary>
/// <remarks>
/// Canonical columns: ra, dec (RAJ2000, DEJ2000); distance (d); distance_err = 10 % of d, an ASSUMED error (the table
/// gives none; the same fraction the DESI DR1 BHB table assumes); rv, rv_err (HRV, e_HRV); feh, feh_err (fehadop,
/// fehadopunc; −9999 → missing); pmra, pmdec, their errors and correlation (Gaia DR2, the closer match of a star listed
/// twice). Stars without a match keep missing values, for the selection to count out.
/// </remarks>
internal static class SegueBhbStars
{
    internal const int DocumentedRowCount = 4985;

    /// <summary>The fractional distance error assumed for every star (Xue et al. 2011 print none per star).</summary>
    internal const double AssumedFractionalDistanceError = 0.1;

    public static StarTable Read(string folder)
    {
        string main = Path.Combine(folder, "Xue2011BHB.txt"), feh = Path.Combine(folder, "Xue2011BHBxmatch.txt");
        string gaia = Path.Combine(folder, "Xue2011BHBxmatch_gaia_corr.txt");
        foreach (var f in new[] { main, feh, gaia })
            if (!File.Exists(f)) throw new CatalogException("file not found (give the folder segue_bhb_xue2011/)", f);
        var (names, rows) = ReadVizier(main);
        int Col(string name) => Array.IndexOf(names, name) is var i and >= 0 ? i
            : throw new CatalogException($"column {name} absent", main, column: name);
        int n = rows.Count;
        double Cell(int row, int col)
        {
            string s = rows[row][col].Trim();
            if (s.Length == 0) return double.NaN;
            return double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v
                : throw new CatalogException($"'{s}' is not a number", main, column: names[col], row: row);
        }
        double[] Column(string name) { int c = Col(name); return Enumerable.Range(0, n).Select(r => Cell(r, c)).ToArray(); }
        var d = Column("d");
        var columns = new List<ColumnData>
        {
            new(CanonicalColumns.Ra, Column("RAJ2000")), new(CanonicalColumns.Dec, Column("DEJ2000")),
            new(CanonicalColumns.Distance, d), new(CanonicalColumns.DistanceErr, d.Select(x => AssumedFractionalDistanceError * x).ToArray()),
            new(CanonicalColumns.Rv, Column("HRV")), new(CanonicalColumns.RvErr, Column("e_HRV")),
        };
        var sspp = CsvTable.Read(feh, ["name", "fehadop", "fehadopunc"]);
        var fehRow = MatchRows(sspp.GetString("name"), null, n, feh);
        // −9999 marks an SSPP value that is missing.
        double[] Sspp(string name) =>
            new StarTable([sspp.Column(name).Gather(fehRow)]).GetDouble(name).Select(v => v <= -9990 ? double.NaN : v).ToArray();
        columns.Add(new ColumnData(CanonicalColumns.Feh, Sspp("fehadop")));
        columns.Add(new ColumnData(CanonicalColumns.FehErr, Sspp("fehadopunc")));
        var g = CsvTable.Read(gaia, ["xsource_id", "pmra", "pmdec", "pmra_error", "pmdec_error", "pmra_pmdec_corr", "dist"]);
        var gaiaRow = MatchRows(g.GetString("xsource_id"), g.GetDouble("dist"), n, gaia);
        foreach (var (from, to) in new[] { ("pmra", CanonicalColumns.Pmra), ("pmdec", CanonicalColumns.Pmdec), ("pmra_error", CanonicalColumns.PmraError),
                     ("pmdec_error", CanonicalColumns.PmdecError), ("pmra_pmdec_corr", CanonicalColumns.PmraPmdecCorr) })
            columns.Add(g.Column(from).Gather(gaiaRow).Rename(to));
        return new StarTable(columns, n);
    }

    /// <summary>For each Xue row the row of the match file naming it "S&lt;i&gt;" (−1: none); of two, the closer one.</summary>
    static int[] MatchRows(string?[] names, double[]? separation, int rows, string path)
    {
        var best = new int[rows];
        Array.Fill(best, -1);
        for (int k = 0; k < names.Length; k++)
        {
            if (names[k] is not { Length: > 1 } s || s[0] != 'S'
                || !int.TryParse(s.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out var i) || i >= rows)
                throw new CatalogException($"name '{names[k]}' is not S<row> with row < {rows}", path, row: k);
            if (best[i] < 0 || (separation is not null && separation[k] < separation[best[i]])) best[i] = k;
        }
        return best;
    }

    /// <summary>VizieR's semicolon-separated export: '#' comments, a header line, a units line, a dashes line, then data.</summary>
    static (string[] Names, List<string[]> Rows) ReadVizier(string path)
    {
        var lines = File.ReadLines(path).Where(l => l.Length > 0 && l[0] != '#').ToList();
        if (lines.Count < 3) throw new CatalogException("not a VizieR semicolon export (header, units and dashes lines expected)", path);
        var names = lines[0].Split(';').Select(s => s.Trim()).ToArray();
        var rows = new List<string[]>();
        for (int i = 3; i < lines.Count; i++)
        {
            var cells = lines[i].Split(';');
            if (cells.Length != names.Length)
                throw new CatalogException($"{cells.Length} cells for {names.Length} columns", path, row: rows.Count);
            rows.Add(cells);
        }
        return (names, rows);
    }
}
