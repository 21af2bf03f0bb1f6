using System.Globalization;

namespace HaloNotebooks.Paper;

/// <summary>A literature value quoted by the paper for comparison (data/reference/literature_points.csv).</summary>
/// <param name="Source">"Bystrom2025", "Chandra2025", "LMC".</param>
/// <param name="Quantity">Parameter name (mu_compr, mu_dipole, l_apex, b_apex, reflex_amplitude, l, b).</param>
/// <param name="R">Galactocentric distance the value refers to (kpc), or null for a global value.</param>
public sealed record LiteraturePoint(string Source, string Quantity, double? R, double Value, string Unit, string Note);

/// <summary>The literature values of §4.4 used in overlays (Figs. 8 and 9): Byström et al. (2025), Chandra et al. (2025), the LMC.</summary>
public static class LiteraturePoints
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
        var points = new List<LiteraturePoint>();
        foreach (var line in csv.Split('\n').Skip(1).Select(l => l.TrimEnd('\r')).Where(l => l.Length > 0))
        {
            var c = line.Split(',', 6);
            if (c.Length < 6) throw new FormatException($"literature_points.csv: '{line}' has fewer than 6 columns");
            points.Add(new LiteraturePoint(c[0], c[1], c[2].Length == 0 ? null : double.Parse(c[2], CultureInfo.InvariantCulture),
                double.Parse(c[3], CultureInfo.InvariantCulture), c[4], c[5]));
        }
        return points;
    }
}
