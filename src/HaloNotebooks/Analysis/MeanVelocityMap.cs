using System.Globalization;
using System.Text;
using HaloNotebooks.Display;

namespace HaloNotebooks.Analysis;

/// <summary>One HEALPix pixel of Fig. 8: its centre (Galactic, deg), star count, inverse-variance weighted ⟨V_r⟩ with
/// its error, and the best-fit dipole model (Eq. 6) at the centre.</summary>
public sealed record SkyPixel(long Index, double L, double B, int Count, double MeanVr, double ErrMeanVr, double ModelVr);

/// <summary>
/// Fig. 8: the mean V_r of the outer halo on HEALPix pixels (RING scheme, Galactic coordinates) that hold at least
/// <see cref="MinStars"/> stars (§4.4: 15), each the inverse-variance weighted mean of its stars (footnote 26: not a
/// Gaussian fit), beside the best-fit model μ_compr + μ_dipole cos θ on the same pixels.
/// </summary>
[TypeFormatterSource(typeof(HtmlFormatterSource))]
public sealed class MeanVelocityMap : IHtmlDisplay
{
    public MeanVelocityMap(int nside, int minStars, double rMin, double rMax, IReadOnlyList<SkyPixel> pixels, DipoleVelocityField model)
    {
        Nside = nside;
        MinStars = minStars;
        RMin = rMin;
        RMax = rMax;
        Pixels = pixels;
        Model = model;
    }

    /// <summary>HEALPix resolution parameter.</summary>
    public int Nside { get; }

    /// <summary>Fewest stars a pixel needs to be kept.</summary>
    public int MinStars { get; }

    /// <summary>Radial range of the stars mapped (kpc).</summary>
    public double RMin { get; }

    /// <summary>Radial range of the stars mapped (kpc).</summary>
    public double RMax { get; }

    /// <summary>The kept pixels, by index.</summary>
    public IReadOnlyList<SkyPixel> Pixels { get; }

    /// <summary>The dipole field (posterior medians) the model map shows; its apex is the white dot of Fig. 8.</summary>
    public DipoleVelocityField Model { get; }

    /// <summary>
    /// Builds the map from each star's pixel index, V_r and error; <paramref name="pixelCentre"/> gives a pixel's
    /// centre (l, b) in degrees.
    /// </summary>
    public static MeanVelocityMap Build(int nside, ReadOnlySpan<long> pixel, ReadOnlySpan<double> vr, ReadOnlySpan<double> errVr,
        Func<long, (double L, double B)> pixelCentre, DipoleVelocityField model, int minStars = 15, double rMin = 50, double rMax = 120)
    {
        if (vr.Length != pixel.Length || errVr.Length != pixel.Length)
            throw new ArgumentException($"sky-map columns differ in length: pixel {pixel.Length}, v_r {vr.Length}, err_v_r {errVr.Length}");
        if (minStars < 1) throw new ArgumentException($"minStars must be at least 1, got {minStars}");
        var sums = new SortedDictionary<long, (int Count, double W, double Wx)>();
        for (int i = 0; i < pixel.Length; i++)
        {
            if (!(errVr[i] > 0)) throw new ArgumentException($"star {i}: err_v_r = {errVr[i]} must be positive for inverse-variance weights");
            double w = 1.0 / (errVr[i] * errVr[i]);
            sums.TryGetValue(pixel[i], out var s);
            sums[pixel[i]] = (s.Count + 1, s.W + w, s.Wx + w * vr[i]);
        }
        var pixels = new List<SkyPixel>();
        foreach (var (index, s) in sums)
        {
            if (s.Count < minStars) continue;
            var (l, b) = pixelCentre(index);
            pixels.Add(new SkyPixel(index, l, b, s.Count, s.Wx / s.W, 1.0 / Math.Sqrt(s.W), model.MeanVr(l, b)));
        }
        return new MeanVelocityMap(nside, minStars, rMin, rMax, pixels, model);
    }

    public string ToHtml()
    {
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"<table><caption>Mean V<sub>r</sub> on HEALPix N<sub>side</sub> = {Nside} pixels with &ge; {MinStars} stars, {RMin:0}&ndash;{RMax:0} kpc (Fig. 8); model apex (l, b) = ({Model.LApex:0.0}, {Model.BApex:0.0}) deg</caption>");
        sb.Append("<tr><th>pixel</th><th>l</th><th>b</th><th>N</th><th>&lang;V<sub>r</sub>&rang;</th><th>model</th></tr>");
        foreach (var p in Pixels)
            sb.Append(CultureInfo.InvariantCulture, $"<tr><td>{p.Index}</td><td>{p.L:0.0}</td><td>{p.B:0.0}</td><td>{p.Count}</td><td>{p.MeanVr:0.0} &plusmn; {p.ErrMeanVr:0.0}</td><td>{p.ModelVr:0.0}</td></tr>");
        return sb.Append("</table>").ToString();
    }

    /// <summary>pixel, l, b, n, mean V_r, its error, model V_r.</summary>
    public string ToCsv()
    {
        var sb = new StringBuilder("pixel,l_deg,b_deg,n,mean_vr,err_mean_vr,model_vr\n");
        foreach (var p in Pixels)
            sb.Append(CultureInfo.InvariantCulture, $"{p.Index},{p.L:R},{p.B:R},{p.Count},{p.MeanVr:R},{p.ErrMeanVr:R},{p.ModelVr:R}\n");
        return sb.ToString();
    }

    public override string ToString() => $"sky map: {Pixels.Count} pixels (nside {Nside}, ≥{MinStars} stars)";
}
