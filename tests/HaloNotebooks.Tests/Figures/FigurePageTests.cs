using Xunit;
using HaloNotebooks.Figures;
using static HaloNotebooks.Tests.Figures.FigureTestData;

namespace HaloNotebooks.Tests.Figures;

/// <summary>Each renderer owns its page, so these tests run in parallel with every other test that renders figures.</summary>
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
    }

    [Fact]
    public void TwoPages_RenderedInterleaved_EachCarryPlotlyJsOnce_WithDistinctIds()
    {
        var a = new FigurePage();
        var b = new FigurePage();
        string a1 = a.Fragment(SmallProfile()), b1 = b.Fragment(SmallProfile()), a2 = a.Fragment(SmallCorner()), b2 = b.Fragment(SmallCorner());
        Assert.Contains(FigureHtml.PlotlyJs, a1);
        Assert.Contains(FigureHtml.PlotlyJs, b1);
        Assert.DoesNotContain(FigureHtml.PlotlyJs, a2);
        Assert.DoesNotContain(FigureHtml.PlotlyJs, b2);
        var ids = new[] { a1, b1, a2, b2 }.Select(h => System.Text.RegularExpressions.Regex.Match(h, "id=\"(halo-figure-[^\"]+)\"").Groups[1].Value).ToList();
        Assert.Equal(4, ids.Distinct().Count());
    }

    [Fact]
    public async Task CurrentPage_BelongsToItsFlow_SoTwoNotebooksInOneProcessDoNotShareIt()
    {
        var first = new List<string>();
        var second = new List<string>();
        async Task Notebook(List<string> output)
        {
            await Task.Yield();
            FigureHtml.ResetPage();
            for (int i = 0; i < 3; i++) { output.Add(SmallProfile().ToHtml()); await Task.Yield(); }
        }
        await Task.WhenAll(Task.Run(() => Notebook(first)), Task.Run(() => Notebook(second)));
        foreach (var output in new[] { first, second })
            Assert.Equal([true, false, false], output.Select(h => h.Contains(FigureHtml.PlotlyJs, StringComparison.Ordinal)));
    }
}
