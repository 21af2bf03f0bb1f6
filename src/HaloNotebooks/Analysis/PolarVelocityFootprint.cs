using System.Globalization;
using System.Net;
using System.Text;
using HaloNotebooks.Astrometry;
using HaloNotebooks.Display;
using HaloNotebooks.Selection;
using C = HaloNotebooks.Catalogs.CanonicalColumns;

namespace HaloNotebooks.Analysis;

/// <summary>One radial range: the reflex motion's mean polar velocity over the sample's stars beside Eq. 7's whole-sky value.</summary>
/// <param name="FootprintMean">Mean over the stars of U(r)·θ̂ at each star's position, km/s.</param>
/// <param name="SkyMean">Mean over the same stars' radii of Eq. 7, (π/4) μ_dipole(r) sin b_apex(r) = (π/4) U_z(r), km/s.</param>
internal sealed record PolarVelocityFootprintBin(double RMin, double RMax, int Count, double FootprintMean, double SkyMean)
{
    /// <summary>FootprintMean / SkyMean: 1 where Eq. 7 holds over the footprint as over the whole sky.</summary>
    internal double Ratio => FootprintMean / SkyMean;
}

/// <summary>
/// Does Eq. 7 hold over a survey's footprint? Eq. 7, ⟨V_θ⟩ = (π/4) μ_dipole sin b_apex, is the whole-sky mean of a
/// travel velocity's polar projection (<see cref="ReflexMotion.SkyMeanPolarVelocity"/>); a footprint that is not
/// symmetric in longitude also picks up U's horizontal components. Given a travel-velocity field U(r) (a mock's truth,
/// or a model), this averages U·θ̂ over the stars a selection kept — the DESI footprint, |z| and Sgr cuts included —
/// and sets it beside Eq. 7 for the same stars. Noise-free: no velocity is drawn, only the stars' positions enter.
/// </summary>
[TypeFormatterSource(typeof(HtmlFormatterSource))]
public sealed class PolarVelocityFootprint : IHtmlDisplay
{
    PolarVelocityFootprint(IReadOnlyList<PolarVelocityFootprintBin> bins) => Bins = bins;

    /// <summary>The whole range first, then each bin.</summary>
    internal IReadOnlyList<PolarVelocityFootprintBin> Bins { get; }

    /// <summary>Over the stars of <paramref name="sample"/> (Galactocentric x, y, z, r_GC columns) in <paramref name="bins"/>.</summary>
    public static PolarVelocityFootprint Measure(HaloSample sample, Func<double, Vector3d> travelAt, RadialBins bins)
    {
        ArgumentNullException.ThrowIfNull(sample);
        var s = sample.Stars;
        return Measure(s.GetDouble(C.X), s.GetDouble(C.Y), s.GetDouble(C.Z), travelAt, bins);
    }

    /// <summary>Over Galactocentric positions (kpc): per range [first edge, last edge) and each bin, by r_GC.</summary>
    public static PolarVelocityFootprint Measure(double[] x, double[] y, double[] z, Func<double, Vector3d> travelAt, RadialBins bins)
    {
        ArgumentNullException.ThrowIfNull(travelAt);
        ArgumentNullException.ThrowIfNull(bins);
        if (x.Length != y.Length || x.Length != z.Length) throw new ArgumentException($"x, y, z differ in length ({x.Length}, {y.Length}, {z.Length})");
        var ranges = new List<(double Lo, double Hi)> { (bins.Edges[0], bins.Edges[^1]) };
        for (int k = 0; k < bins.Count; k++) ranges.Add(bins[k]);
        var result = new List<PolarVelocityFootprintBin>();
        foreach (var (lo, hi) in ranges)
        {
            double footprint = 0, sky = 0;
            int n = 0;
            for (int i = 0; i < x.Length; i++)
            {
                var p = new Vector3d(x[i], y[i], z[i]);
                double r = p.Norm;
                if (!(r >= lo && r < hi)) continue;
                var u = travelAt(r);
                footprint += ReflexMotion.SphericalComponents(u, p).VTheta;
                var (mu, _, bApex) = ReflexMotion.DipoleOf(u);
                sky += ReflexMotion.SkyMeanPolarVelocity(mu, bApex);
                n++;
            }
            if (n > 0) result.Add(new PolarVelocityFootprintBin(lo, hi, n, footprint / n, sky / n));
        }
        return new PolarVelocityFootprint(result);
    }

    public string ToHtml()
    {
        var sb = new StringBuilder("<table><caption>Eq. 7 over the footprint: the mock's reflex motion, mean U&middot;&theta;&#770; over the ")
            .Append("selected stars vs its whole-sky value (&pi;/4) &mu;<sub>dipole</sub> sin b<sub>apex</sub></caption>")
            .Append("<tr><th>r<sub>GC</sub> [kpc]</th><th>N</th><th>footprint mean [km/s]</th><th>Eq. 7 (whole sky) [km/s]</th><th>ratio</th></tr>");
        foreach (var b in Bins)
            sb.Append(CultureInfo.InvariantCulture, $"<tr><td>{WebUtility.HtmlEncode(Label(b))}</td><td>{b.Count}</td>")
              .Append(CultureInfo.InvariantCulture, $"<td>{b.FootprintMean:0.00}</td><td>{b.SkyMean:0.00}</td><td>{b.Ratio:0.00}</td></tr>");
        return sb.Append("</table>").ToString();
    }

    /// <summary>r_min, r_max, n, footprint mean, whole-sky Eq. 7, ratio.</summary>
    internal string ToCsv()
    {
        var sb = new StringBuilder("r_min_kpc,r_max_kpc,n,vtheta_reflex_footprint,vtheta_eq7_whole_sky,ratio\n");
        foreach (var b in Bins)
            sb.Append(CultureInfo.InvariantCulture, $"{b.RMin:R},{b.RMax:R},{b.Count},{b.FootprintMean:R},{b.SkyMean:R},{b.Ratio:R}\n");
        return sb.ToString();
    }

    static string Label(PolarVelocityFootprintBin b) => string.Create(CultureInfo.InvariantCulture, $"[{b.RMin:G}, {b.RMax:G})");

    public override string ToString() =>
        "Eq. 7 over the footprint: " + string.Join("; ", Bins.Select(b =>
            string.Create(CultureInfo.InvariantCulture, $"{Label(b)} {b.FootprintMean:F2} vs {b.SkyMean:F2} km/s (ratio {b.Ratio:F2})")));
}
