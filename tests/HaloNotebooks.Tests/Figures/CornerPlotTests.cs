using Xunit;
using HaloNotebooks.Figures;
using static HaloNotebooks.Tests.Figures.FigureTestData;

namespace HaloNotebooks.Tests.Figures;

public class CornerPlotTests
{
    [Fact]
    public void Create_HasHistogramsOnTheDiagonal_RegionsBelow_AndLabelledOuterAxes()
    {
        var fig = CornerPlot.Create(GaussianSamples(4, 20_000), ["p0 [km/s]", "p1 [km/s]", "p2", "p3 [dex]"],
            new CornerOptions { Truths = [0, 10, 20, 30], FileStem = "c" });
        var traces = Traces(fig);
        Assert.Equal(6, traces.Count(t => (string?)t["type"] == "contour"));                      // 4·3/2 pairs
        Assert.Equal(4, traces.Count(t => (string?)t["fill"] == "tozeroy"));                      // marginals
        Assert.Equal(3 + 1, traces.Count(t => t["x"]!.AsArray().Count == 1 && t["x"]![0] is null)); // legend: 3 regions + truth
        var layout = Layout(fig);
        // A grid of shared axes: x axis j + 1 per column (labelled at the bottom), y axis i + 1 per marginal, y axis n + i
        // per row of regions (labelled at the left): 3n − 1 = 11 axes, not one pair per panel.
        Assert.Equal("p0 [km/s]", (string?)layout["xaxis"]!["title"]!["text"]);
        Assert.Equal("p3 [dex]", (string?)layout["xaxis4"]!["title"]!["text"]);
        Assert.Equal("p1 [km/s]", (string?)layout["yaxis5"]!["title"]!["text"]);
        Assert.Equal("p3 [dex]", (string?)layout["yaxis7"]!["title"]!["text"]);
        Assert.Equal(11, layout.AsObject().Count(kv => kv.Key.StartsWith("xaxis", StringComparison.Ordinal)
            || kv.Key.StartsWith("yaxis", StringComparison.Ordinal)));
        Assert.Null(layout["xaxis5"]);
        // A shared axis's ticks on its other panels point inward too (plotly.js draws them the minor ticks' way; none drawn).
        Assert.Equal("inside", (string?)layout["xaxis2"]!["minor"]!["ticks"]);
        Assert.Empty(layout["yaxis6"]!["minor"]!["tickvals"]!.AsArray());
        Assert.Equal([0.0, 1.12], layout["yaxis2"]!["range"]!.AsArray().Select(v => (double)v!));       // marginal 2's own scale
        // Panel (row 3, column 1) is the region of p3 against p1: column 1's x axis, row 3's y axis.
        Assert.Contains(traces, t => (string?)t["type"] == "contour" && (string?)t["xaxis"] == "x2" && (string?)t["yaxis"] == "y7");
        Assert.All(traces.Where(t => (string?)t["fill"] == "tozeroy"),
            t => Assert.Equal(((string)t["xaxis"]!)[1..], ((string)t["yaxis"]!)[1..]));                 // marginal i: x and y axis i
        var contour = traces.First(t => (string?)t["type"] == "contour");
        Assert.Equal("fill", (string?)contour["contours"]!["coloring"]);
        Assert.Equal(50, (double)contour["contours"]!["start"]!);       // z in hundredths: contours at ½, 1½, 2½
        Assert.Equal(250, (double)contour["contours"]!["end"]!);
        Assert.Equal(300, (double)contour["zmax"]!);
    }

    [Fact]
    public void Create_BinsTheSamples_SoTheFigureSizeDoesNotGrowWithTheChain()
    {
        string[] labels = Enumerable.Range(0, 8).Select(i => $"θ{i}").ToArray();
        int small = CornerPlot.Create(GaussianSamples(8, 10_000), labels).ToJson().Length;
        int large = CornerPlot.Create(GaussianSamples(8, 100_000), labels).ToJson().Length;
        Assert.True(large < 350_000, $"an 8-parameter corner plot is {large} characters");
        Assert.InRange(large, small * 0.8, small * 1.25);
    }

    [Fact]
    public void Create_TitlesShowMedianAndOneSigma()
    {
        // N(5, 2): median 5.0, 16th/84th percentiles at ∓2.0.
        var rng = new HaloNotebooks.Numerics.SeededRandom(11, 0);
        var x = Enumerable.Range(0, 100_000).Select(_ => 5 + 2 * rng.NextGaussian()).ToArray();
        var y = Enumerable.Range(0, 100_000).Select(_ => rng.NextGaussian()).ToArray();
        var fig = CornerPlot.Create([x, y], ["μ [km/s]", "ν"], new CornerOptions { Title = "" });
        var titles = Layout(fig)["annotations"]!.AsArray().Select(a => (string)a!["text"]!).ToList();
        Assert.Contains("μ = 5.0<sup>+2.0</sup><sub>−2.0</sub>", titles);
    }

    [Fact]
    public void Create_DrawsTruthAndReferenceLinesInEveryPanelOfTheirColumn()
    {
        var fig = CornerPlot.Create(GaussianSamples(3, 5000), ["a", "b", "c"],
            new CornerOptions { Truths = [0, 10, 20], Reference = [0.5, double.NaN, 21], ShowQuantiles = false });
        var shapes = Layout(fig)["shapes"]!.AsArray();
        // Truths: 6 vertical lines (one per panel), 3 horizontal + 3 dots (off-diagonal panels).
        // Reference: b is missing: verticals in columns a (3 panels) and c (1), horizontals in rows with c (2: (c,a), (c,b)), dots only (c,a).
        Assert.Equal(12 + 4 + 2 + 1, shapes.Count);
    }

    [Fact]
    public void Create_WritesFarMarkersAtTheEdge_InsteadOfSquashingThePosterior()
    {
        // Parameter a ~ N(0, 1): a reference at 3 is drawn inside the axis, one at 100 is written "100.0… →" at the edge.
        var samples = GaussianSamples(2, 20_000);
        var near = Layout(CornerPlot.Create(samples, ["a", "b"], new CornerOptions { Reference = [3, double.NaN] }));
        Assert.True((double)near["xaxis"]!["range"]![1]! > 3);
        var far = Layout(CornerPlot.Create(samples, ["a", "b"], new CornerOptions { Reference = [100, double.NaN] }));
        Assert.InRange((double)far["xaxis"]!["range"]![1]!, 3, 6);
        Assert.DoesNotContain(far["shapes"]!.AsArray(), sh => (string?)sh!["line"]!["color"] == new CornerOptions().ReferenceColor);   // no line off the axis
        Assert.Contains(far["annotations"]!.AsArray(), a => ((string)a!["text"]!).StartsWith("100.0", StringComparison.Ordinal)
            && ((string)a!["text"]!).EndsWith(" →", StringComparison.Ordinal));
    }

    [Fact]
    public void Create_RejectsInconsistentInput()
    {
        Assert.Throws<ArgumentException>(() => CornerPlot.Create([new double[100], new double[99]], ["a", "b"]));
        Assert.Throws<ArgumentException>(() => CornerPlot.Create(GaussianSamples(2, 100), ["a"]));
        Assert.Throws<ArgumentException>(() => CornerPlot.Create(GaussianSamples(2, 100), ["a", "b"], new CornerOptions { Truths = [1] }));
        Assert.Throws<ArgumentException>(() => CornerPlot.Create(GaussianSamples(2, 100), ["a", "b"], new CornerOptions { Levels = [0.9, 0.3] }));
    }

    [Fact]
    public void ReferenceByName_DrawsTheSameMarkers_AsThePositionalList()
    {
        var samples = GaussianSamples(3, 5_000);
        string[] labels = ["a [km/s]", "b", "c"];
        var positional = CornerPlot.Create(samples, labels, new CornerOptions { Names = ["a", "b", "c"], Reference = [0, double.NaN, 20] }).ToJson();
        var byName = CornerPlot.Create(samples, labels, new CornerOptions
        {
            Names = ["a", "b", "c"], ReferenceByName = new Dictionary<string, double> { ["c"] = 20, ["a"] = 0 },
        }).ToJson();
        Assert.Equal(positional, byName);
    }

    [Fact]
    public void ByName_RejectsAnUnknownParameter_AndBothForms()
    {
        var samples = GaussianSamples(2, 2_000);
        var e = Assert.Throws<ArgumentException>(() => CornerPlot.Create(samples, ["x", "y"],
            new CornerOptions { TruthsByName = new Dictionary<string, double> { ["sigma_r"] = 1 } }));
        Assert.Contains("'sigma_r'", e.Message);
        Assert.Contains("x, y", e.Message);
        Assert.Throws<ArgumentException>(() => CornerPlot.Create(samples, ["x", "y"],
            new CornerOptions { Truths = [1, 2], TruthsByName = new Dictionary<string, double> { ["x"] = 1 } }));
    }

    [Fact]
    public void Overlay_AddsLineContoursAndMarginalsInItsColour_MatchedByName()
    {
        var first = GaussianSamples(3, 5_000, seed: 1);
        var second = GaussianSamples(3, 5_000, seed: 2);
        // The overlay's parameters come in another order: matched by name, not position.
        var overlay = new CornerOverlay("other cut", [second[2], second[0], second[1]], "#ff00ff") { Names = ["c", "a", "b"] };
        var fig = CornerPlot.Create(first, ["a", "b", "c"], new CornerOptions { Names = ["a", "b", "c"], Overlays = [overlay] });
        var traces = Traces(fig);
        var lines = traces.Where(t => (string?)t["type"] == "contour" && (string?)t["contours"]!["coloring"] == "none").ToList();
        Assert.Equal(3, lines.Count);                                                          // one per pair
        Assert.All(lines, t => Assert.Equal("#ff00ff", (string?)t["line"]!["color"]));
        Assert.Equal(3, traces.Count(t => (string?)t["name"] == "other cut" && t["fill"] is null && t["x"]!.AsArray().Count > 1));
        Assert.Single(traces, t => (string?)t["name"] == "other cut" && t["x"]!.AsArray().Count == 1);   // legend entry
        Assert.Throws<ArgumentException>(() => CornerPlot.Create(first, ["a", "b", "c"],
            new CornerOptions { Names = ["a", "b", "c"], Overlays = [overlay with { Names = ["c", "a", "z"] }] }));
    }
}
