using HaloNotebooks.Astrometry;
using HaloNotebooks.Figures;
using Xunit;
using static HaloNotebooks.Tests.Figures.FigureTestData;
using D = HaloNotebooks.Tests.Figures.PaperFiguresTestData;

namespace HaloNotebooks.Tests.Figures;

/// <summary>Fig. 8's mask and footprint edges (issue 27): lines on the sky where the selection's own transforms put them.</summary>
public class SkyCurvesTests
{
    [Theory]
    [InlineData(15.0)]
    [InlineData(-15.0)]
    [InlineData(0.0)]
    public void SagittariusLatitude_LiesAtThatB_InTheSelectionsOwnForwardTransform(double bTilde)
    {
        var points = SkyCurves.SagittariusLatitude(bTilde);
        Assert.Equal(721, points.Count);
        foreach (var (l, b) in points) Assert.Equal(bTilde, SagittariusFrame.FromGalactic(l, b).B, 9);
        // Λ̃ runs once round the sky: the first and last points coincide, a quarter of the way is 90° on.
        Assert.Equal(0, Angles.Wrap180(SagittariusFrame.FromGalactic(points[0].L, points[0].B).Lambda), 9);
        Assert.Equal(90, SagittariusFrame.FromGalactic(points[180].L, points[180].B).Lambda, 9);
    }

    [Fact]
    public void SagittariusMaskEdges_PassNearTheSgrCore_AtTheMasksHalfWidth()
    {
        // The Sgr core (l, b) ≈ (5.6°, −14.2°) sits near B̃ = 0: the two edges pass ≈ 15° either side of it.
        var edges = SkyCurves.SagittariusMaskEdges(15, "edges");
        Assert.Equal(1, edges.Points.Count(p => double.IsNaN(p.L)));
        var core = Vector3d.FromLonLat(5.6, -14.2);
        double closest = edges.Points.Where(p => double.IsFinite(p.L))
            .Min(p => Math.Acos(Math.Clamp(core.Dot(Vector3d.FromLonLat(p.L, p.B)), -1, 1)) * Angles.RadToDeg);
        Assert.InRange(closest, 13, 16);
    }

    [Fact]
    public void DeclinationLimit_IsTheCircleDecMinus20()
    {
        var curve = SkyCurves.DeclinationLimit(-20, "dec");
        foreach (var (l, b) in curve.Points) Assert.Equal(-20, GalacticCoordinates.ToIcrs(l, b).Dec, 9);
        // The never-observed cap is centred on the south celestial pole, (l, b) = (302.9°, −27.1°).
        var pole = GalacticCoordinates.FromIcrs(0, -90);
        Assert.Equal(302.93, pole.L, 1);
        Assert.Equal(-27.13, pole.B, 1);
    }

    [Fact]
    public void Fig8sDeclinationLimit_IsTheMockFootprints() => Assert.Equal(PaperFigures.DesiDecMin, HaloNotebooks.Mocks.DesiFootprint.Paper.DecMin);

    [Fact]
    public void Fig8_DrawsTheMaskAndFootprintEdges_AsLegendLines_NotInTheEmptyPixelsGrey()
    {
        var fig = PaperFigures.Fig8(D.Sky());
        var traces = Traces(fig);
        var sgr = traces.Where(t => ((string?)t["name"])!.StartsWith("Sgr mask edges, |B̃| = 15°", StringComparison.Ordinal)).ToList();
        var dec = traces.Where(t => ((string?)t["name"])!.StartsWith("DESI footprint edge, dec = −20°", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, sgr.Count);   // one per panel, listed in the legend once
        Assert.Equal(2, dec.Count);
        Assert.Equal(1, sgr.Count(t => (bool)t["showlegend"]!));
        Assert.Equal(PaperFigures.SgrMaskColor, (string?)sgr[0]["line"]!["color"]);
        Assert.Equal("dash", (string?)sgr[0]["line"]!["dash"]);
        Assert.Equal("dashdot", (string?)dec[0]["line"]!["dash"]);
        var sky = traces.Single(t => (string?)t["name"] == "sky" && (string?)t["xaxis"] == "x");
        foreach (var t in sgr.Concat(dec)) Assert.NotEqual((string?)sky["fillcolor"], (string?)t["line"]!["color"]);
        Assert.Contains(FigureCaptions.ListedEntries(FigureCaptions.Html(fig)), e => e.StartsWith("Sgr mask edges", StringComparison.Ordinal));
    }
}
