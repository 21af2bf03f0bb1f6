using System.Globalization;

namespace HaloNotebooks.Tests.Astrometry;

/// <summary>A minimal reader for the numeric oracle tables (comma separated, one header line,
/// invariant culture, "nan" allowed; a leading "# " on the header is ignored).</summary>
internal sealed class ReferenceCsv
{
    readonly Dictionary<string, int> index;
    readonly string[][] cells;

    ReferenceCsv(string[] header, string[][] cells)
    {
        index = header.Select((h, i) => (h.Trim(), i)).ToDictionary(p => p.Item1, p => p.i);
        this.cells = cells;
    }

    public static ReferenceCsv Load(string path)
    {
        var lines = File.ReadAllLines(path).Where(l => l.Length > 0).ToArray();
        var header = lines[0].TrimStart('#', ' ').Split(',');
        return new ReferenceCsv(header, lines.Skip(1).Select(l => l.Split(',')).ToArray());
    }

    public int Count => cells.Length;

    public double this[int row, string column] =>
        double.Parse(cells[row][index[column]], NumberStyles.Float, CultureInfo.InvariantCulture);

    public double[] Column(string column) => Enumerable.Range(0, Count).Select(r => this[r, column]).ToArray();

    /// <summary>The oracle tolerance of ../shared/reference/README.md: |c# − ref| ≤ max(1e-6 |ref|, 1e-6).</summary>
    public static void AssertClose(double expected, double actual, string what, bool angle = false)
    {
        double diff = angle ? ((actual - expected + 180) % 360 + 360) % 360 - 180 : actual - expected;
        double tolerance = Math.Max(1e-6 * Math.Abs(expected), 1e-6);
        Xunit.Assert.True(Math.Abs(diff) <= tolerance, $"{what}: expected {expected:R}, got {actual:R} (diff {diff:E2}, tolerance {tolerance:E2})");
    }
}
