using System.Globalization;
using System.Net;
using System.Text;
using HaloNotebooks.Display;
using HaloNotebooks.Paper;

namespace HaloNotebooks.Analysis;

/// <summary>The mean V_r and its dispersion of one hemisphere's stars in one radial bin (a point of Fig. 6).</summary>
/// <param name="Bin">The bin with the count and median r_GC of this hemisphere's stars.</param>
/// <param name="MeanVr">⟨V_r⟩, km/s.</param>
/// <param name="SigmaVr">σ_r, km/s.</param>
internal sealed record HemisphereBin(RadialBin Bin, Measurement MeanVr, Measurement SigmaVr);

/// <summary>
/// Fig. 6: ⟨V_r⟩ per radial bin of the northern (b &gt; 0) and southern (b &lt; 0) halo, each a single Gaussian
/// with per-star errors (Eq. 2 with x = V_r; footnote 20), on the §4.4 sample (|δV_r| &lt; 50 km/s, no
/// tangential-error cut). A bin with fewer than <see cref="MinStars"/> stars in a hemisphere is left out of it.
/// </summary>
[TypeFormatterSource(typeof(HtmlFormatterSource))]
public sealed class HemisphereProfile : IHtmlDisplay
{
    internal HemisphereProfile(IReadOnlyList<HemisphereBin> north, IReadOnlyList<HemisphereBin> south, int minStars)
    {
        North = north;
        South = south;
        MinStars = minStars;
    }

    /// <summary>b &gt; 0.</summary>
    internal IReadOnlyList<HemisphereBin> North { get; }

    /// <summary>b &lt; 0.</summary>
    internal IReadOnlyList<HemisphereBin> South { get; }

    /// <summary>Fewest stars a hemisphere's bin needs to be fitted.</summary>
    internal int MinStars { get; }

    /// <summary>Fits both hemispheres in every bin. Columns are per star: Galactic latitude b (deg), r_GC (kpc), V_r and its error (km/s).</summary>
    public static HemisphereProfile Fit(ReadOnlySpan<double> b, ReadOnlySpan<double> rGc, ReadOnlySpan<double> vr, ReadOnlySpan<double> errVr,
        RadialBins bins, int minStars = 5)
    {
        int n = b.Length;
        if (rGc.Length != n || vr.Length != n || errVr.Length != n)
            throw new ArgumentException($"hemisphere columns differ in length: b {n}, r_gc {rGc.Length}, v_r {vr.Length}, err_v_r {errVr.Length}");
        if (minStars < 2) throw new ArgumentException($"a hemisphere bin needs at least 2 stars to fit a Gaussian, minStars = {minStars}");
        var north = new List<HemisphereBin>();
        var south = new List<HemisphereBin>();
        for (int k = 0; k < bins.Count; k++)
        {
            var (lo, hi) = bins[k];
            foreach (bool isNorth in new[] { true, false })
            {
                var r = new List<double>(); var x = new List<double>(); var e = new List<double>();
                for (int i = 0; i < n; i++)
                {
                    if (!(rGc[i] >= lo && rGc[i] < hi)) continue;
                    if (isNorth ? !(b[i] > 0) : !(b[i] < 0)) continue;
                    r.Add(rGc[i]); x.Add(vr[i]); e.Add(errVr[i]);
                }
                if (r.Count < minStars) continue;
                var (mean, sigma) = GaussianMeanFit.Fit(x.ToArray(), e.ToArray());
                var point = new HemisphereBin(RadialBin.Of(lo, hi, r.ToArray()), mean, sigma);
                (isNorth ? north : south).Add(point);
            }
        }
        return new HemisphereProfile(north, south, minStars);
    }

    public string ToHtml()
    {
        var sb = new StringBuilder("<table><caption>Mean V<sub>r</sub> of the northern (b &gt; 0) and southern (b &lt; 0) halo (Fig. 6)</caption><tr>" +
            "<th>hemisphere</th><th>r<sub>GC</sub> [kpc]</th><th>N</th><th>median r [kpc]</th><th>&lang;V<sub>r</sub>&rang; " +
                "[km/s]</th><th>&sigma;<sub>r</sub> [km/s]</th></tr>");
        foreach (var (name, rows) in new[] { ("north", North), ("south", South) })
            foreach (var p in rows)
                sb.Append(CultureInfo.InvariantCulture, $"<tr><td>{name}</td><td>{WebUtility.HtmlEncode(p.Bin.Label)}</td><td>{p.Bin.Count}</td>" +
                    $"<td>{p.Bin.RMedian:0.0}</td><td>{p.MeanVr.ToHtml(1)}</td><td>{p.SigmaVr.ToHtml(1)}</td></tr>");
        return sb.Append("</table>").ToString();
    }

    /// <summary>hemisphere, r_min, r_max, n, r_median, mean V_r (value, +, −), σ (value, +, −).</summary>
    internal string ToCsv()
    {
        var sb = new StringBuilder("hemisphere,r_min_kpc,r_max_kpc,n,r_median_kpc,vr,vr_errp,vr_errm,sigma_r,sigma_r_errp,sigma_r_errm\n");
        foreach (var (name, rows) in new[] { ("north", North), ("south", South) })
            foreach (var p in rows)
                sb.Append(CultureInfo.InvariantCulture,
                    $"{name},{p.Bin.RMin:R},{p.Bin.RMax:R},{p.Bin.Count},{p.Bin.RMedian:R}," +
                    $"{p.MeanVr.Value:R},{p.MeanVr.ErrPlus:R},{p.MeanVr.ErrMinus:R},{p.SigmaVr.Value:R},{p.SigmaVr.ErrPlus:R},{p.SigmaVr.ErrMinus:R}\n");
        return sb.ToString();
    }

    public override string ToString() => $"hemisphere profile: {North.Count} northern and {South.Count} southern bins";
}
