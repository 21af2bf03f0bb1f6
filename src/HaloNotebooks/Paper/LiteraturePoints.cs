using HaloNotebooks.Catalogs;

namespace HaloNotebooks.Paper;

/// <summary>A literature value quoted by the paper for comparison (data/reference/literature_points.csv).</summary>
/// <param name="Source">"Bystrom2025", "Chandra2025", "LMC".</param>
/// <param name="Quantity">Parameter name (mu_compr, mu_dipole, l_apex, b_apex, reflex_amplitude, l, b).</param>
/// <param name="R">Galactocentric distance the value refers to (kpc), or null for a global value.</param>
internal sealed record LiteraturePoint(string Source, string Quantity, double? R, double Value, string Unit, string Note);

/// <summary>The literature values of §4.4 used in overlays (Figs. 8 and 9): Byström et al. (2025), Chandra et al. (2025), the LMC.</summary>
internal static class LiteraturePoints
{
    /// <summary>Every point of data/reference/literature_points.csv.</summary>
    public static IReadOnlyList<LiteraturePoint> All { get; } = Parse(PublishedTables.ReadResource("literature_points.csv"));

    /// <summary>The single value of <paramref name="quantity"/> quoted for <paramref name="source"/>.</summary>
    public static double Value(string source, string quantity) =>
        All.FirstOrDefault(p => p.Source == source && p.Quantity == quantity && p.R is null)?.Value
        ?? throw new KeyNotFoundException($"no literature value {quantity} for {source}");

    /// <summary>The LMC's present position (l, b) in degrees.</summary>
    public static (double L, double B) Lmc => (Value("LMC", "l"), Value("LMC", "b"));

    static List<LiteraturePoint> Parse(string csv)
    {
        var t = CsvTable.Parse(csv, "data/reference/literature_points.csv", name => name is "r_kpc" or "value" ? ColumnType.Double : ColumnType.String);
        var (source, quantity, unit, note) = (t.GetString("source"), t.GetString("quantity"), t.GetString("unit"), t.GetString("note"));
        double[] r = t.GetDouble("r_kpc"), value = t.GetDouble("value");
        return Enumerable.Range(0, t.RowCount)
            .Select(i => new LiteraturePoint(source[i], quantity[i], double.IsNaN(r[i]) ? null : r[i], value[i], unit[i] ?? "", note[i] ?? ""))
            .ToList();
    }
}
