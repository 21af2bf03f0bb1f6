using System.Globalization;
using System.Net;
using System.Text;
using HaloNotebooks.Display;

namespace HaloNotebooks.Analysis;

/// <summary>One HEALPix pixel of Fig. 8: its centre (Galactic, deg), star count, weighted ⟨V_r⟩ with its error (which
/// includes the halo's intrinsic dispersion, see <see cref="MeanVelocityMap.Build"/>), and the best-fit dipole model
/// (Eq. 6) at the centre.</summary>
internal sealed record SkyPixel(long Index, double L, double B, int Count, double MeanVr, double ErrMeanVr, double ModelVr);

/// <summary>How the stars of a Fig. 8 pixel are weighted in its mean V_r.</summary>
public enum SkyMapWeighting
{
    /// <summary>1/δ², δ each star's V_r error: the paper's inverse-variance weighted mean (§4.4, footnote 26).</summary>
    InverseVariance,
    /// <summary>1/(σ_r² + δ²), σ_r the intrinsic dispersion of the mapped stars: the minimum-variance weights when the
    /// halo's own spread (≈ 100 km/s) dominates the measurement errors, so a few precise stars do not decide a pixel.</summary>
    InverseTotalVariance,
}

/// <summary>
/// Fig. 8: the mean V_r of the outer halo on HEALPix pixels (RING scheme, Galactic coordinates) that hold at least
/// <see cref="MinStars"/> stars (§4.4: 15), each the weighted mean of its stars (footnote 26: inverse-variance weights,
/// not a Gaussian fit; <see cref="SkyMapWeighting"/> offers 1/(σ_r² + δ²)), beside the best-fit model
/// μ_compr + μ_dipole cos θ on the same pixels.
/// </summary>
[TypeFormatterSource(typeof(HtmlFormatterSource))]
public sealed class MeanVelocityMap : IHtmlDisplay
{
    internal MeanVelocityMap(int nside, int minStars, double rMin, double rMax, IReadOnlyList<SkyPixel> pixels, DipoleVelocityField model,
        SkyMapWeighting weighting = SkyMapWeighting.InverseVariance, double intrinsicSigmaR = double.NaN)
    {
        Weighting = weighting;
        IntrinsicSigmaR = intrinsicSigmaR;
        Nside = nside;
        MinStars = minStars;
        RMin = rMin;
        RMax = rMax;
        Pixels = pixels;
        Model = model;
    }

    /// <summary>HEALPix resolution parameter.</summary>
    internal int Nside { get; }

    /// <summary>Fewest stars a pixel needs to be kept.</summary>
    internal int MinStars { get; }

    /// <summary>Radial range of the stars mapped (kpc).</summary>
    public double RMin { get; }

    /// <summary>Radial range of the stars mapped (kpc).</summary>
    public double RMax { get; }

    /// <summary>The kept pixels, by index.</summary>
    internal IReadOnlyList<SkyPixel> Pixels { get; }

    /// <summary>The dipole field (posterior medians) the model map shows; its apex is the white dot of Fig. 8.</summary>
    internal DipoleVelocityField Model { get; }

    /// <summary>The weights of each pixel's mean.</summary>
    internal SkyMapWeighting Weighting { get; }

    /// <summary>σ_r (km/s) of the mapped stars: their V_r scatter less the mean squared error, in quadrature (NaN when not estimated).</summary>
    internal double IntrinsicSigmaR { get; }

    /// <summary>
    /// Builds the map from each star's pixel index, V_r and error; <paramref name="pixelCentre"/> gives a pixel's
    /// centre (l, b) in degrees.
    /// </summary>
    /// <remarks>
    /// A pixel's error is the scatter of its stars about the weighted mean, propagated through the weights:
    /// Var⟨V_r⟩ = n/(n−1) Σ w_i² (V_r,i − ⟨V_r⟩)² / (Σ w_i)². The textbook 1/√Σw_i holds only when δ_i is each star's
    /// whole spread; here the halo's intrinsic σ_r ≈ 100 km/s dwarfs δ_i ≈ 1–10 km/s, and 1/√Σw_i understates the
    /// error of a 200-star pixel about tenfold. With equal weights the estimator is the familiar s/√n.
    /// </remarks>
    internal static MeanVelocityMap Build(int nside, ReadOnlySpan<long> pixel, ReadOnlySpan<double> vr, ReadOnlySpan<double> errVr,
        Func<long, (double L, double B)> pixelCentre, DipoleVelocityField model, int minStars = 15, double rMin = 50, double rMax = 120,
        SkyMapWeighting weighting = SkyMapWeighting.InverseVariance)
    {
        if (vr.Length != pixel.Length || errVr.Length != pixel.Length)
            throw new ArgumentException($"sky-map columns differ in length: pixel {pixel.Length}, v_r {vr.Length}, err_v_r {errVr.Length}");
        if (minStars < 1) throw new ArgumentException($"minStars must be at least 1, got {minStars}");
        for (int i = 0; i < errVr.Length; i++)
            if (!(errVr[i] > 0)) throw new ArgumentException($"star {i}: err_v_r = {errVr[i]} must be positive for inverse-variance weights");
        double sigmaR = IntrinsicDispersion(vr, errVr);
        double sigma2 = weighting == SkyMapWeighting.InverseTotalVariance ? sigmaR * sigmaR : 0;
        var members = new SortedDictionary<long, List<int>>();
        for (int i = 0; i < pixel.Length; i++)
        {
            if (!members.TryGetValue(pixel[i], out var list)) members[pixel[i]] = list = [];
            list.Add(i);
        }
        var pixels = new List<SkyPixel>();
        foreach (var (index, stars) in members)
        {
            if (stars.Count < minStars) continue;
            double w = 0, wx = 0;
            foreach (int i in stars) { double wi = 1.0 / (sigma2 + errVr[i] * errVr[i]); w += wi; wx += wi * vr[i]; }
            double mean = wx / w, spread = 0;
            foreach (int i in stars) { double wi = 1.0 / (sigma2 + errVr[i] * errVr[i]), d = vr[i] - mean; spread += wi * wi * d * d; }
            int n = stars.Count;
            double err = n > 1 ? Math.Sqrt(spread / (w * w) * n / (n - 1.0)) : double.NaN;
            var (l, b) = pixelCentre(index);
            pixels.Add(new SkyPixel(index, l, b, n, mean, err, model.MeanVr(l, b)));
        }
        return new MeanVelocityMap(nside, minStars, rMin, rMax, pixels, model, weighting, sigmaR);
    }

    /// <summary>σ_r² = Var(V_r) − ⟨δ²⟩ over all mapped stars (floored at 0); the dipole's own sky pattern (tens of km/s)
    /// adds little to a spread of ≈ 100 km/s.</summary>
    static double IntrinsicDispersion(ReadOnlySpan<double> vr, ReadOnlySpan<double> errVr)
    {
        int n = vr.Length;
        if (n < 2) return double.NaN;
        double mean = 0, err2 = 0;
        for (int i = 0; i < n; i++) { mean += vr[i]; err2 += errVr[i] * errVr[i]; }
        mean /= n; err2 /= n;
        double var = 0;
        for (int i = 0; i < n; i++) var += (vr[i] - mean) * (vr[i] - mean);
        return Math.Sqrt(Math.Max(0, var / (n - 1) - err2));
    }

    /// <summary>How the figure and tables name the weights.</summary>
    internal string WeightingDescription => Weighting == SkyMapWeighting.InverseTotalVariance
        ? string.Create(CultureInfo.InvariantCulture, $"weights 1/(σ_r² + δ²), σ_r = {IntrinsicSigmaR:0} km/s")
        : "weights 1/δ² (the paper's, §4.4 footnote 26)";

    public string ToHtml()
    {
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"<table><caption>Mean V<sub>r</sub> on HEALPix N<sub>side</sub> = {Nside} pixels with &ge; {MinStars} " +
            $"stars, {RMin:0}&ndash;{RMax:0} kpc (Fig. 8), {WebUtility.HtmlEncode(WeightingDescription)}; errors include the intrinsic dispersion; model " +
            $"apex (l, b) = ({Model.LApex:0.0}, {Model.BApex:0.0}) deg</caption>");
        sb.Append("<tr><th>pixel (HEALPix RING)</th><th>l [deg]</th><th>b [deg]</th><th>N</th><th>&lang;V<sub>r</sub>&rang; [km/s]</th><th>model " +
            "[km/s]</th></tr>");
        foreach (var p in Pixels)
            sb.Append(CultureInfo.InvariantCulture, $"<tr><td>{p.Index}</td><td>{p.L:0.0}</td><td>{p.B:0.0}</td><td>{p.Count}</td>" +
                $"<td>{p.MeanVr:0.0} &plusmn; {p.ErrMeanVr:0.0}</td><td>{p.ModelVr:0.0}</td></tr>");
        return sb.Append("</table>").ToString();
    }

    /// <summary>pixel, l, b, n, mean V_r, its error, model V_r.</summary>
    internal string ToCsv()
    {
        var sb = new StringBuilder("pixel,l_deg,b_deg,n,mean_vr,err_mean_vr,model_vr\n");
        foreach (var p in Pixels)
            sb.Append(CultureInfo.InvariantCulture, $"{p.Index},{p.L:R},{p.B:R},{p.Count},{p.MeanVr:R},{p.ErrMeanVr:R},{p.ModelVr:R}\n");
        return sb.ToString();
    }

    public override string ToString() => $"sky map: {Pixels.Count} pixels (nside {Nside}, ≥{MinStars} stars)";
}
