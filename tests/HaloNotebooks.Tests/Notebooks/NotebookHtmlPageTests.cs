using Xunit;
using HaloNotebooks.Cli.Notebooks;

namespace HaloNotebooks.Tests.Notebooks;

[Collection("notebooks")]
public sealed class NotebookHtmlPageTests(ExecutedNotebooks runs)
{
    [Fact]
    public void Page_RendersMarkdownCodeOutputs_WithPlotlyJsOnceAndNoCdn()
    {
        var page = NotebookHtmlPage.Render(runs.State);
        Assert.Contains("<meta charset=\"utf-8\">", page);
        Assert.Contains("<h1 id=\"runner-fixture\">Runner fixture</h1>", page);
        Assert.Contains("<strong>rich display</strong>", page);
        Assert.Contains("var y = x + 22;", page);
        Assert.Contains("<b class='funnel'>42 kept</b>", page);
        Assert.Equal(1, IpynbFormatTests.CountOccurrences(page, IpynbFormatTests.PlotlyJsBanner));
        Assert.True(page.IndexOf(IpynbFormatTests.PlotlyJsBanner, StringComparison.Ordinal) < page.IndexOf("Plotly.newPlot(", StringComparison.Ordinal));
        Assert.DoesNotContain("<script src=", page);   // nothing loaded from a CDN (plotly.js itself mentions cdn.plot.ly as a mapbox default)
    }

    [Fact]
    public void PageWithoutCharts_HasNoPlotlyJs()
    {
        Assert.DoesNotContain(IpynbFormatTests.PlotlyJsBanner, NotebookHtmlPage.Render(runs.Dib));
    }
}
