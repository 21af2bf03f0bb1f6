using Xunit;
using HaloNotebooks.Figures;
using static HaloNotebooks.Tests.Figures.FigureTestData;

namespace HaloNotebooks.Tests.Figures;

public class ProfilePlotTests
{
    static ProfilePanel Velocities => new("velocity [km s<sup>−1</sup>]")
    {
        Series =
        [
            new ProfileSeries("⟨V<sub>r</sub>⟩", [new(10, 1, 2, 1) { XLow = 9, XHigh = 11.5 }, new(30, -3, 1.5, 2.5) { XLow = 20, XHigh = 50 }]),
            new ProfileSeries("σ<sub>r</sub>", [new(10, 150, 2, 2), new(30, 120, 3, 2)]) { OpenMarker = true, Dash = LineDash.Dash },
        ],
        Lines = [new ReferenceLine(0)],
    };

    static ProfilePanel Beta => new("β")
    {
        Series = [new ProfileSeries("this work", [new(10, 0.7, 0.02, 0.03), new(30, 0.6, 0.05, 0.04)])],
        Bands = [new ProfileBand("Medina+2025", [8, 40], [0.4, 0.3], [0.6, 0.5]) { Center = [0.5, 0.4], Color = FigureStyle.Medina2025 }],
        Lines = [new ReferenceLine(0)],
        YRange = (-0.5, 1),
    };

    [Fact]
    public void Grid_SharesX_GivesEachPanelItsAxisTitleAndLegend()
    {
        var fig = ProfilePlot.Grid([Velocities, Beta], new ProfileOptions { Columns = 2, LogX = true, XRange = (5, 160), FileStem = "fig2" });
        var layout = Layout(fig);
        Assert.Equal("velocity [km s<sup>−1</sup>]", (string?)layout["yaxis"]!["title"]!["text"]);
        Assert.Equal("β", (string?)layout["yaxis2"]!["title"]!["text"]);
        Assert.Equal("r<sub>GC</sub> [kpc]", (string?)layout["xaxis2"]!["title"]!["text"]);
        Assert.Equal("log", (string?)layout["xaxis2"]!["type"]);
        Assert.Equal("x", (string?)layout["xaxis2"]!["matches"]);
        Assert.Equal(Math.Log10(5), (double)layout["xaxis"]!["range"]![0]!, 6);
        Assert.NotNull(layout["legend2"]);
        Assert.Equal(2, layout["shapes"]!.AsArray().Count);                   // β = 0 and V = 0 lines
        var ticks = layout["xaxis"]!["tickvals"]!.AsArray().Select(t => (double)t!).ToList();
        Assert.Equal([5, 10, 20, 30, 50, 100], ticks);

        var traces = Traces(fig);
        Assert.Equal(2 + 1 + 3, traces.Count);                               // 2 series, 1 series, band (lower, upper, centre)
        Assert.Equal("legend2", (string?)traces[2]["legend"]);
    }

    [Fact]
    public void Series_CarriesAsymmetricErrors_BinEdges_AndOpenMarkers()
    {
        var traces = Traces(ProfilePlot.Create(Velocities));
        var mean = traces[0];
        Assert.Equal([2.0, 1.5], mean["error_y"]!["array"]!.AsArray().Select(v => (double)v!));
        Assert.Equal([1.0, 2.5], mean["error_y"]!["arrayminus"]!.AsArray().Select(v => (double)v!));
        Assert.False((bool)mean["error_y"]!["symmetric"]!);
        Assert.Equal([1.5, 20.0], mean["error_x"]!["array"]!.AsArray().Select(v => (double)v!));
        Assert.Equal([1.0, 10.0], mean["error_x"]!["arrayminus"]!.AsArray().Select(v => (double)v!));
        Assert.Equal("circle", (string?)mean["marker"]!["symbol"]);
        Assert.Equal("circle-open", (string?)traces[1]["marker"]!["symbol"]);
        Assert.Equal("dash", (string?)traces[1]["line"]!["dash"]);
        Assert.Null(traces[1]["error_x"]);
    }

    [Fact]
    public void Stack_PutsTickLabelsOnlyOnTheBottomPanel()
    {
        var layout = Layout(ProfilePlot.Stack([Velocities, Beta, Beta]));
        Assert.False((bool)layout["xaxis"]!["showticklabels"]!);
        Assert.False((bool)layout["xaxis2"]!["showticklabels"]!);
        Assert.True((bool)layout["xaxis3"]!["showticklabels"]!);
        Assert.Null(layout["xaxis"]!["title"]);
        double top1 = (double)layout["yaxis"]!["domain"]![0]!, top2 = (double)layout["yaxis2"]!["domain"]![1]!;
        Assert.True(top2 < top1, "panels are stacked top to bottom without overlap");
    }

    [Fact]
    public void Rejects_NegativeErrorsAndRaggedBands()
    {
        Assert.Throws<ArgumentException>(() => ProfilePlot.Create(new ProfilePanel("y") { Series = [new ProfileSeries("s", [new(1, 1, -1, 1)])] }));
        Assert.Throws<ArgumentException>(() => ProfilePlot.Create(new ProfilePanel("y") { Bands = [new ProfileBand("b", [1, 2], [0], [1, 2])] }));
    }
}
