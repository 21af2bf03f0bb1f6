using HaloNotebooks.Analysis;
using HaloNotebooks.Figures;
using Xunit;
using static HaloNotebooks.Tests.Figures.FigureTestData;

namespace HaloNotebooks.Tests.Figures;

/// <summary>Fig. 11's layout (issue 27): the legend, the row labels and the axis titles each have their own room.</summary>
public class PredictiveCheckFigureTests
{
    static PredictiveCheck Check(FitModel model, params string[] dims) => new(model, new RadialBin(3, 160, 1000, 20), 50,
        dims.Select(d => new PredictiveDimension("all", d, 1000, 1000, 9, 9, 0.4, 0.01, new double[10],
            new PredictiveHistogram([0, 1, 2, 3], [100, 400, 120], [90, 380, 110], [100, 400, 120], [110, 420, 130]), 0.5)).ToList());

    static HaloNotebooks.Figures.Figure Fig11() => PredictiveCheckFigure.Create(
        [("Table 1, single", Check(FitModel.Single, "v_r", "v_phi", "v_theta", "feh")),
         ("Table 2, double", Check(FitModel.Double, "v_r", "v_phi", "v_theta", "feh")),
         ("Table 3, dipole", Check(FitModel.Dipole, "v_r"))], "fig11_ppc", "Figure 11");

    [Fact]
    public void Legend_SitsAboveTheFirstRowsLabel_NotOnTheTopRightPanel()
    {
        var fig = Fig11();
        var layout = Layout(fig);
        double height = fig.Height, top = (double)layout["margin"]!["t"]!, bottom = (double)layout["margin"]!["b"]!;
        double plotH = height - top - bottom;
        // Pixels from the top of the first row up to the legend's lower edge, and the height the row label needs.
        double legendLift = ((double)layout["legend"]!["y"]! - 1) * plotH;
        double labelHeight = 1.3 * (FigureStyle.FontSize - 1) + 0.02 * (double)PanelHeight(layout);
        Assert.Equal("bottom", (string?)layout["legend"]!["yanchor"]);
        Assert.True(legendLift >= labelHeight, $"legend {legendLift:F0} px above the panels, row label needs {labelHeight:F0} px");
        // …and below the title: the legend (one line, ≈ 1.3 × font) fits between them.
        Assert.True(top - legendLift >= 1.3 * (FigureStyle.FontSize + 3) + 1.3 * FigureStyle.FontSize,
            $"{top - legendLift:F0} px for the title and legend");
    }

    static double PanelHeight(System.Text.Json.Nodes.JsonObject layout)
    {
        var d = layout["yaxis"]!["domain"]!.AsArray();
        double plotH = (double)layout["height"]! - (double)layout["margin"]!["t"]! - (double)layout["margin"]!["b"]!;
        return ((double)d[1]! - (double)d[0]!) * plotH;
    }

    [Fact]
    public void RowGap_HoldsTickLabels_AxisTitle_AndTheNextRowsLabel()
    {
        var layout = Layout(Fig11());
        double plotH = (double)layout["height"]! - (double)layout["margin"]!["t"]! - (double)layout["margin"]!["b"]!;
        // Row 1's bottom (yaxis) against row 2's top (yaxis5: the single row has four panels).
        double gap = ((double)layout["yaxis"]!["domain"]![0]! - (double)layout["yaxis5"]!["domain"]![1]!) * plotH;
        // tick labels + title of the x axis (each a line of text, with plotly's standoff) and the next row's label line.
        double needed = 1.3 * (FigureStyle.FontSize - 1) + 4 + 1.3 * FigureStyle.FontSize + 10 + 1.3 * (FigureStyle.FontSize - 1) + 0.02 * PanelHeight(layout);
        Assert.True(gap >= needed, $"row gap {gap:F0} px < {needed:F0} px");
    }

    [Fact]
    public void YAxes_LeaveHeadroom_ForTheCornerVerdict()
    {
        var layout = Layout(Fig11());
        // The tallest histogram (data 400, replicated 84th percentile 420) reaches at most 1/Headroom of the axis.
        var range = layout["yaxis"]!["range"]!.AsArray().Select(v => (double)v!).ToArray();
        Assert.Equal(0, range[0]);
        Assert.Equal(420 * PredictiveCheckFigure.Headroom, range[1], 9);
        Assert.True(420 / range[1] <= 0.7);
    }
}
