using Xunit;
using HaloNotebooks.Figures;
using static HaloNotebooks.Tests.Figures.FigureTestData;

namespace HaloNotebooks.Tests.Figures;

/// <summary>
/// The page state of <see cref="FigureHtml"/> is process-wide (a notebook kernel renders one cell at a time), so any test
/// that renders a figure in parallel would take plotly.js from this one's page: it runs alone, after the parallel tests.
/// </summary>
[CollectionDefinition("figure page", DisableParallelization = true)]
public sealed class FigurePageCollection;

[Collection("figure page")]
public class FigurePageTests
{
    [Fact]
    public void ToHtml_IncludesPlotlyJsOnlyInTheFirstFigureOfAPage_AndNeverACdn()
    {
        FigureHtml.ResetPage();
        string first = SmallProfile().ToHtml(), second = SmallCorner().ToHtml(), third = SmallSkyMap().ToHtml();
        Assert.Contains(FigureHtml.PlotlyJs, first);
        Assert.DoesNotContain(FigureHtml.PlotlyJs, second);
        Assert.DoesNotContain(FigureHtml.PlotlyJs, third);
        Assert.True(second.Length < 200_000, $"second fragment is {second.Length} chars");
        foreach (var html in new[] { first, second, third })
        {
            Assert.Contains("Plotly.newPlot", html);
            Assert.Contains("window.Plotly", html);
            var rest = WithoutPlotlyJs(html);
            Assert.DoesNotContain("cdn", rest, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("https://", rest, StringComparison.Ordinal);
        }
        FigureHtml.ResetPage();
        Assert.Contains(FigureHtml.PlotlyJs, SmallProfile().ToHtml());
        FigureHtml.ResetPage();
    }
}
