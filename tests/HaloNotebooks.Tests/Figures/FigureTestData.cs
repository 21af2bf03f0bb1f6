using System.Text.Json.Nodes;
using HaloNotebooks.Figures;
using HaloNotebooks.Numerics;

namespace HaloNotebooks.Tests.Figures;

/// <summary>Small figures and JSON helpers shared by the figure tests.</summary>
internal static class FigureTestData
{
    public static JsonObject Json(Figure f) => JsonNode.Parse(f.ToJson())!.AsObject();

    public static List<JsonObject> Traces(Figure f) => Json(f)["data"]!.AsArray().Select(t => t!.AsObject()).ToList();

    public static JsonObject Layout(Figure f) => Json(f)["layout"]!.AsObject();

    /// <summary>Correlated Gaussian samples: parameter i has mean 10 i and σ = 1 + i.</summary>
    public static List<double[]> GaussianSamples(int parameters, int count, long seed = 7)
    {
        var rng = new SeededRandom(seed, 0);
        var s = Enumerable.Range(0, parameters).Select(_ => new double[count]).ToList();
        for (int k = 0; k < count; k++)
        {
            double a = rng.NextGaussian();
            for (int i = 0; i < parameters; i++) s[i][k] = 10 * i + (1 + i) * (0.6 * a + 0.8 * rng.NextGaussian());
        }
        return s;
    }

    public static Figure SmallCorner() =>
        CornerPlot.Create(GaussianSamples(3, 5000), ["a [km/s]", "b [km/s]", "c"], new CornerOptions { Bins = 20, Title = "test", FileStem = "corner-test" });

    public static Figure SmallProfile() =>
        ProfilePlot.Create(new ProfilePanel("⟨V<sub>r</sub>⟩ [km s<sup>−1</sup>]")
        {
            Series = [new ProfileSeries("this work", [new(10, 1, 2, 1), new(20, -3, 1.5, 2.5), new(40, -8, 3, 3)])],
            Lines = [new ReferenceLine(0)],
        }, new ProfileOptions { FileStem = "profile-test", PanelWidth = 360, PanelHeight = 240 });

    /// <summary>A dipole-like field on the |b| > 20° sky at nside 4.</summary>
    public static Figure SmallSkyMap()
    {
        var hp = new HaloNotebooks.Astrometry.HealPix(4);
        var pix = new List<long>(); var v = new List<double>();
        for (long p = 0; p < hp.PixelCount; p++)
        {
            var (l, b) = hp.Pix2AngRing(p);
            if (Math.Abs(b) < 20) continue;
            pix.Add(p);
            v.Add(-20 - 25 * Math.Cos(HaloNotebooks.Astrometry.SkyGeometry.AngularDistance(l, b, 325, -38) * Math.PI / 180));
        }
        return SkyMap.Mollweide(4, pix, v, new SkyMapOptions { FileStem = "sky-test", PanelWidth = 420 });
    }

    /// <summary>The page with the embedded plotly.js source removed (it mentions its own CDN for map data).</summary>
    public static string WithoutPlotlyJs(string html) => html.Replace(FigureHtml.PlotlyJs, "", StringComparison.Ordinal);

    public static int Count(string text, string what)
    {
        int n = 0;
        for (int i = text.IndexOf(what, StringComparison.Ordinal); i >= 0; i = text.IndexOf(what, i + what.Length, StringComparison.Ordinal)) n++;
        return n;
    }
}
