using System.Globalization;

namespace HaloNotebooks.Paper;

/// <summary>One row of Tables 1–3: a radial range (with the component "MR"/"MP" in Table 2), the values keyed as the
/// table's columns, and — for our own fits — the star count and median r_GC (NaN / null in the paper's copies).</summary>
public sealed record TableRow(string? Component, double RMin, double RMax, double RMedian, int? N, IReadOnlyDictionary<string, Measurement> Values)
{
    /// <summary>"MR [3, 9)" — identifies the row in comparisons.</summary>
    public string Label => (Component is null ? "" : Component + " ") + string.Create(CultureInfo.InvariantCulture, $"[{RMin:0.###}, {RMax:0.###})");

    /// <summary>Whether two rows describe the same component and radial range.</summary>
    internal bool SameRangeAs(TableRow other) =>
        string.Equals(Component, other.Component, StringComparison.OrdinalIgnoreCase)
        && Math.Abs(RMin - other.RMin) < 1e-6 && Math.Abs(RMax - other.RMax) < 1e-6;
}
