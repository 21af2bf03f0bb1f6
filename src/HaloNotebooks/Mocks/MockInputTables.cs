using HaloNotebooks.Catalogs;
using HaloNotebooks.Paper;

namespace HaloNotebooks.Mocks;

/// <summary>The paper's Tables 1-3 as numbers (value, then +1σ <c>_errp</c> and −1σ <c>_errm</c>), the inputs the mock is built from.
/// Laid out from <see cref="PublishedTables"/> (the one parser of data/reference/), in the columns of the CSV copies;
/// Table 2's component ("MR"/"MP") is in <see cref="MockInputTable.Labels"/>, and its missing entries (p_mr on the MP rows) are NaN.</summary>
internal static class MockInputTables
{
    /// <summary>Table 1: single-component fit per r_GC bin; row 0 is all stars (3-160 kpc).</summary>
    public static MockInputTable Table1 { get; } = From(PublishedTables.Table1);

    /// <summary>Table 2: double-component fit, MR rows then MP rows, each starting with all stars (3-160 kpc).</summary>
    public static MockInputTable Table2 { get; } = From(PublishedTables.Table2);

    /// <summary>Table 3: dipole + contraction fit; row 0 is 50-120 kpc, then the three sub-bins (row 0 b_apex as corrected
    /// to -37.87 in the CSV, see ../shared/paper/README.md).</summary>
    public static MockInputTable Table3 { get; } = From(PublishedTables.Table3);

    /// <summary>The file of <see cref="CalibratedHalo"/> in data/reference/ (written by <c>halo mock calibrate</c>).</summary>
    internal const string CalibratedHaloFile = "mock_calibrated_halo.csv";

    /// <summary>
    /// The halo's intrinsic inputs per Table 2 bin (MR rows, then MP rows; columns Vr … feh_sigma, p_mr, no errors): the
    /// values that the §2.3 cuts and the two-component fit turn into Table 2 (<c>halo mock calibrate</c>; provenance in
    /// data/reference/mock_calibrated_halo.md). The default mock draws its halo from these, not from Table 2 itself.
    /// </summary>
    internal static MockInputTable CalibratedHalo { get; } = ParseHaloInputs(PublishedTables.ReadResource(CalibratedHaloFile));

    /// <summary>Reads a halo input table (the layout of <see cref="CalibratedHalo"/>: a leading "component" column, then numbers) from CSV text.</summary>
    internal static MockInputTable ParseHaloInputs(string csv, string source = CalibratedHaloFile)
    {
        var t = CsvTable.Parse(csv, source, name => name == "component" ? ColumnType.String : ColumnType.Double);
        if (t.ColumnNames[0] != "component")
            throw new CatalogException($"halo inputs need a leading 'component' column (header: {string.Join(",", t.ColumnNames)})", source);
        var names = t.ColumnNames.Skip(1).ToArray();
        var columns = names.Select(t.GetDouble).ToArray();
        var rows = Enumerable.Range(0, t.RowCount).Select(i => columns.Select(c => c[i]).ToArray()).ToArray();
        return new MockInputTable(names, t.GetString("component"), rows);
    }

    /// <summary>The CSV copy's columns: r_min_kpc, r_max_kpc, each value with its <c>_errp</c> and <c>_errm</c>, and N where printed.</summary>
    static MockInputTable From(PaperTable table)
    {
        bool counts = table.Rows.Any(r => r.N is not null);
        var columns = new List<string> { "r_min_kpc", "r_max_kpc" };
        foreach (var c in table.Columns) columns.AddRange([c.CsvName, c.CsvName + "_errp", c.CsvName + "_errm"]);
        if (counts) columns.Add("N");
        var rows = table.Rows.Select(r =>
        {
            var row = new List<double> { r.RMin, r.RMax };
            foreach (var c in table.Columns)
                row.AddRange(r.Values.TryGetValue(c.Key, out var m) ? [m.Value, m.ErrPlus, m.ErrMinus] : [double.NaN, double.NaN, double.NaN]);
            if (counts) row.Add(r.N ?? double.NaN);
            return row.ToArray();
        }).ToArray();
        var labels = table.Number == 2 ? table.Rows.Select(r => r.Component!).ToArray() : null;
        return new MockInputTable(columns.ToArray(), labels, rows);
    }
}
