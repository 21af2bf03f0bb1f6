using System.Globalization;
using HaloNotebooks.Analysis;

namespace HaloNotebooks.Mocks;

/// <summary>The paper's Tables 1-3 as numbers (value, then +1σ <c>_errp</c> and −1σ <c>_errm</c>), the inputs the mock is built from.
/// Read from the same embedded copies of <c>data/reference/</c> as <see cref="PaperTables"/>, so there is one source.
/// Column names are the CSV headers; Table 2's first column (component "MR"/"MP") is in <see cref="MockInputTable.Labels"/>,
/// and its empty cells (p_mr on the MP rows) are NaN.</summary>
public static class MockInputTables
{
    /// <summary>Table 1: single-component fit per r_GC bin; row 0 is all stars (3-160 kpc).</summary>
    public static MockInputTable Table1 { get; } = Parse("table1_single_component.csv");

    /// <summary>Table 2: double-component fit, MR rows then MP rows, each starting with all stars (3-160 kpc).</summary>
    public static MockInputTable Table2 { get; } = Parse("table2_double_component.csv");

    /// <summary>Table 3: dipole + contraction fit; row 0 is 50-120 kpc, then the three sub-bins (row 0 b_apex as corrected
    /// to -37.87 in the CSV, see ../shared/paper/README.md).</summary>
    public static MockInputTable Table3 { get; } = Parse("table3_dipole.csv");

    /// <summary>The file of <see cref="CalibratedHalo"/> in data/reference/ (written by <c>halo mock calibrate</c>).</summary>
    public const string CalibratedHaloFile = "mock_calibrated_halo.csv";

    /// <summary>
    /// The halo's intrinsic inputs per Table 2 bin (MR rows, then MP rows; columns Vr … feh_sigma, p_mr, no errors): the
    /// values that the §2.3 cuts and the two-component fit turn into Table 2 (<c>halo mock calibrate</c>; provenance in
    /// data/reference/mock_calibrated_halo.md). The default mock draws its halo from these, not from Table 2 itself.
    /// </summary>
    public static MockInputTable CalibratedHalo { get; } = Parse(CalibratedHaloFile);

    /// <summary>Reads a halo input table (the layout of <see cref="CalibratedHalo"/>) from a CSV text.</summary>
    public static MockInputTable ParseHaloInputs(string csv) => ParseText(csv);

    /// <summary>A numeric CSV with an optional leading text column "component" (the row labels).</summary>
    static MockInputTable Parse(string file) => ParseText(PaperTables.ReadResource(file));

    static MockInputTable ParseText(string text)
    {
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var header = lines[0].Split(',');
        bool labelled = header[0] == "component";
        var labels = labelled ? new string[lines.Length - 1] : null;
        var rows = new double[lines.Length - 1][];
        for (int i = 1; i < lines.Length; i++)
        {
            var cells = lines[i].Split(',');
            if (labels is not null) { labels[i - 1] = cells[0]; cells = cells[1..]; }
            rows[i - 1] = cells.Select(c => c.Length == 0 ? double.NaN : double.Parse(c, NumberStyles.Float, CultureInfo.InvariantCulture)).ToArray();
        }
        return new MockInputTable(labelled ? header[1..] : header, labels, rows);
    }
}
