using Xunit;
using HaloNotebooks.Astrometry;
using HaloNotebooks.Figures;
using static HaloNotebooks.Tests.Figures.FigureTestData;

namespace HaloNotebooks.Tests.Figures;

public class SkyMapTests
{
    static double ShoelaceArea(IReadOnlyList<(double X, double Y)> p)
    {
        double a = 0;
        for (int i = 0; i < p.Count; i++) { var (x0, y0) = p[i]; var (x1, y1) = p[(i + 1) % p.Count]; a += x0 * y1 - x1 * y0; }
        return Math.Abs(a) / 2;
    }

    [Fact]
    public void PixelOutlines_TileTheMollweideEllipse()
    {
        // Mollweide is equal-area and HEALPix pixels have equal areas: the outlines must cover the
        // ellipse (area π · 2√2 · √2 = 4π) once, each pixel ≈ 4π / Npix, all inside the ellipse.
        var hp = new HealPix(4);
        var o = new SkyMapOptions { StepsPerSide = 6 };
        double total = 0;
        int split = 0;
        for (long p = 0; p < hp.PixelCount; p++)
        {
            var outlines = SkyMap.PixelOutlines(hp, p, o);
            if (outlines.Count == 2)
            {
                split++;
                Assert.True(outlines[0].Average(q => q.X) * outlines[1].Average(q => q.X) < 0, $"pixel {p}: halves on one side");
            }
            double area = outlines.Sum(ShoelaceArea);
            Assert.InRange(area, 4 * Math.PI / hp.PixelCount * 0.9, 4 * Math.PI / hp.PixelCount * 1.1);
            total += area;
            foreach (var (x, y) in outlines.SelectMany(q => q))
                Assert.True(x * x / 8 + y * y / 2 <= 1 + 1e-6, $"pixel {p}: ({x}, {y}) outside the ellipse");
        }
        Assert.InRange(total, 4 * Math.PI * 0.98, 4 * Math.PI * 1.01);
        Assert.True(split > 0, "some pixels straddle l = 180° and must be split");
    }

    [Fact]
    public void Mollweide_PutsLongitudeIncreasingToTheLeft_AndMarksTheLmc()
    {
        var traces = Traces(SmallSkyMap());
        var lmc = traces.Single(t => ((string?)t["name"])!.StartsWith("LMC", StringComparison.Ordinal));
        Assert.True((double)lmc["x"]![0]! > 0, "l = 280.5° lies right of the centre when l increases to the left");
        Assert.True((double)lmc["y"]![0]! < 0);
        Assert.Equal("star", (string?)lmc["marker"]!["symbol"]);
        Assert.DoesNotContain(traces, t => ((string?)t["type"])!.Contains("geo", StringComparison.Ordinal));
    }

    [Fact]
    public void Mollweide_ColoursAreCentredOnZero_NegativeBlue_PositiveRed()
    {
        var fig = SkyMap.Mollweide(2, [0L, 1, 2], [-50, 0, 50], new SkyMapOptions { Markers = [] });
        var fills = Traces(fig).Where(t => (string?)t["fill"] == "toself" && ((string?)t["name"])!.StartsWith("pixels", StringComparison.Ordinal))
            .Select(t => Colors.Parse((string)t["fillcolor"]!)).ToList();
        Assert.Equal(3, fills.Count);
        Assert.True(fills[0].B > 2 * fills[0].R && fills[0].B > fills[0].G, "−50 should be blue");
        Assert.True(fills[2].R > 2 * fills[2].B && fills[2].R > 2 * fills[2].G, "+50 should be red");
        Assert.True(fills[1].R > 230 && fills[1].G > 230 && fills[1].B > 230, "0 should be near white");
        var bar = Traces(fig).Single(t => t["marker"]?["showscale"] is not null && (bool)t["marker"]!["showscale"]!);
        Assert.Equal(-50, (double)bar["marker"]!["cmin"]!);
        Assert.Equal(50, (double)bar["marker"]!["cmax"]!);
    }

    [Fact]
    public void Mollweide_TwoPanelsShareOneColourBar()
    {
        var fig = SkyMap.Mollweide(2, [new SkyMapPanel("observed", [0L, 5], [-10, 30]), new SkyMapPanel("model", [0L, 5], [-20, 10])],
            new SkyMapOptions { Markers = [SkyMarkers.Lmc] });
        var traces = Traces(fig);
        Assert.Single(traces, t => t["marker"]?["showscale"] is not null && (bool)t["marker"]!["showscale"]!);
        Assert.All(traces.Where(t => t["marker"]?["cmax"] is not null), t => Assert.Equal(30, (double)t["marker"]!["cmax"]!));
        Assert.NotNull(Layout(fig)["xaxis2"]);
        Assert.Equal("x2", (string?)Layout(fig)["yaxis2"]!["scaleanchor"]);
    }

    [Fact]
    public void Mollweide_RejectsBadPixels()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => SkyMap.Mollweide(2, [48L], [1.0]));
        Assert.Throws<ArgumentException>(() => SkyMap.Mollweide(2, [1L, 1], [1.0, 2]));
        Assert.Throws<ArgumentException>(() => SkyMap.Mollweide(2, [1L, 2], [1.0]));
    }
}
