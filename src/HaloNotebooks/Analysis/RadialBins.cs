using System.Globalization;
using HaloNotebooks.Paper;

namespace HaloNotebooks.Analysis;

/// <summary>
/// A set of contiguous Galactocentric-distance bins [e_k, e_{k+1}) in kpc. The default is the paper's:
/// the first column of Table 1; <see cref="EqualCount"/> builds bins holding equal numbers of stars instead.
/// </summary>
public sealed class RadialBins
{
    readonly double[] edges;

    /// <summary>Bins between consecutive <paramref name="edges"/> (kpc, strictly increasing, at least two).</summary>
    public RadialBins(IEnumerable<double> edges)
    {
        this.edges = edges.ToArray();
        if (this.edges.Length < 2) throw new ArgumentException("radial bins need at least two edges");
        for (int k = 0; k < this.edges.Length; k++)
        {
            if (!double.IsFinite(this.edges[k]) || this.edges[k] < 0)
                throw new ArgumentException($"radial bin edge {k} = {this.edges[k]} is not a finite non-negative distance");
            if (k > 0 && this.edges[k] <= this.edges[k - 1])
                throw new ArgumentException($"radial bin edges must increase: {this.edges[k - 1]} then {this.edges[k]}");
        }
    }

    /// <summary>Table 1's bins (kpc): 3, 9, 11.5, 13.7, 15.9, 18.2, 20.8, 24.2, 28.7, 35.8, 47.5, 60, 80, 160. Table 2 uses the same.</summary>
    public static RadialBins Paper { get; } = new([3, 9, 11.5, 13.7, 15.9, 18.2, 20.8, 24.2, 28.7, 35.8, 47.5, 60, 80, 160]);

    /// <summary>Table 3's sub-bins of the outer halo (§4.4): 50–60, 60–80, 80–120 kpc.</summary>
    public static RadialBins PaperDipole { get; } = new([50, 60, 80, 120]);

    /// <summary>The edges in kpc.</summary>
    internal IReadOnlyList<double> Edges => edges;

    /// <summary>Number of bins.</summary>
    public int Count => edges.Length - 1;

    /// <summary>Inner edge of the first bin.</summary>
    public double RMin => edges[0];

    /// <summary>Outer edge of the last bin.</summary>
    public double RMax => edges[^1];

    /// <summary>Bin k as (RMin, RMax).</summary>
    public (double RMin, double RMax) this[int k] => (edges[k], edges[k + 1]);

    /// <summary>The bin holding r, or −1 outside [RMin, RMax).</summary>
    internal int IndexOf(double r)
    {
        if (!(r >= edges[0] && r < edges[^1])) return -1;
        int k = Array.BinarySearch(edges, r);
        return k >= 0 ? k : ~k - 1;
    }

    /// <summary>Each bin with the number and median r_GC of the stars of <paramref name="rGc"/> in it.</summary>
    internal IReadOnlyList<RadialBin> Describe(ReadOnlySpan<double> rGc)
    {
        var members = new List<double>[Count];
        for (int k = 0; k < Count; k++) members[k] = [];
        foreach (double r in rGc) { int k = IndexOf(r); if (k >= 0) members[k].Add(r); }
        var bins = new RadialBin[Count];
        for (int k = 0; k < Count; k++)
        {
            var a = members[k].ToArray();
            Array.Sort(a);
            bins[k] = new RadialBin(edges[k], edges[k + 1], a.Length, a.Length > 0 ? Measurement.Percentile(a, 50) : double.NaN);
        }
        return bins;
    }

    /// <summary>
    /// <paramref name="binCount"/> bins between <paramref name="rMin"/> and <paramref name="rMax"/> holding (as nearly as ties
    /// allow) equal numbers of the stars of <paramref name="rGc"/>; inner edges sit halfway between neighbouring stars.
    /// </summary>
    internal static RadialBins EqualCount(ReadOnlySpan<double> rGc, int binCount, double rMin = 3, double rMax = 160)
    {
        if (binCount < 1) throw new ArgumentException($"need at least one bin, got {binCount}");
        var inside = new List<double>();
        foreach (double r in rGc) if (r >= rMin && r < rMax) inside.Add(r);
        if (inside.Count < binCount) throw new ArgumentException($"{inside.Count} stars in [{rMin}, {rMax}) kpc cannot fill {binCount} bins");
        var a = inside.ToArray();
        Array.Sort(a);
        var e = new List<double> { rMin };
        for (int k = 1; k < binCount; k++)
        {
            int i = (int)Math.Round((double)k * a.Length / binCount);
            double edge = 0.5 * (a[i - 1] + a[i]);
            if (edge > e[^1]) e.Add(edge);
        }
        e.Add(rMax);
        return new RadialBins(e);
    }

    public override string ToString() => string.Join(", ", edges.Select(x => x.ToString("0.###", CultureInfo.InvariantCulture))) + " kpc";
}
