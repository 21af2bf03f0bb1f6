using System.Globalization;
using HaloNotebooks.Paper;

namespace HaloNotebooks.Analysis;

/// <summary>
/// One Galactocentric-distance interval [RMin, RMax) in kpc with the number of stars in it and their median r_GC
/// (the x position of every profile point in Figs. 2, 4, 5, 6, 9 — §4.1.1).
/// </summary>
public sealed record RadialBin(double RMin, double RMax, int Count, double RMedian)
{
    /// <summary>"[3, 9)" as Table 1 prints the interval.</summary>
    public string Label => string.Create(CultureInfo.InvariantCulture, $"[{RMin:0.###}, {RMax:0.###})");

    /// <summary>Whether r lies in [RMin, RMax).</summary>
    public bool Contains(double r) => r >= RMin && r < RMax;

    /// <summary>The bin over the stars of <paramref name="rGc"/> that fall in [rMin, rMax).</summary>
    public static RadialBin Of(double rMin, double rMax, ReadOnlySpan<double> rGc)
    {
        if (!(rMax > rMin)) throw new ArgumentException($"radial bin needs r_max > r_min, got [{rMin}, {rMax})");
        var inside = new List<double>();
        foreach (double r in rGc) if (r >= rMin && r < rMax) inside.Add(r);
        double median = double.NaN;
        if (inside.Count > 0)
        {
            var a = inside.ToArray();
            Array.Sort(a);
            median = Measurement.Percentile(a, 50);
        }
        return new RadialBin(rMin, rMax, inside.Count, median);
    }
}
