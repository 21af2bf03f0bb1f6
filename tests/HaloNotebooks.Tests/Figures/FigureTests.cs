using Xunit;
using System.Text.Json.Nodes;
using HaloNotebooks.Figures;
using Plotly.NET;
using Figure = HaloNotebooks.Figures.Figure;
using static HaloNotebooks.Tests.Figures.FigureTestData;

namespace HaloNotebooks.Tests.Figures;

public class FigureTests
{
    /// <summary>Figure.ChartJson only swaps the serializer's loop check for a reference comparison: Plotly.NET's own string.</summary>
    [Fact]
    public void ChartJson_IsPlotlyNetsToJson()
    {
        foreach (var fig in new[] { SmallCorner(), SmallProfile(), SmallSkyMap() })
            Assert.Equal(GenericChart.toJson(fig.Chart), Figure.ChartJson(fig.Chart));
    }

    [Fact]
    public void ToJson_SwitchesEveryGeoLayerOff_EvenWhenTheChartTurnedThemOn()
    {
        var fig = SmallProfile();
        var layout = new Layout();
        var geo = new DynamicObj.DynamicObj();
        geo.SetProperty("showland", true);
        geo.SetProperty("showcoastlines", true);
        layout.SetProperty("geo2", geo);
        var custom = fig.WithChart(GenericChart.addLayout(layout, fig.Chart));

        var json = Layout(custom);
        foreach (var key in new[] { "geo", "geo2" })
            foreach (var layer in new[] { "showland", "showcoastlines", "showocean", "showlakes", "showrivers", "showcountries", "showsubunits", "showframe" })
                Assert.False(json[key]![layer]!.GetValue<bool>(), $"{key}.{layer}");
    }

    [Fact]
    public void ToJson_CarriesTheFigureSize_AndNoDefaultTemplate()
    {
        var fig = SmallProfile().WithSize(640, 410);
        var layout = Layout(fig);
        Assert.Equal(640, layout["width"]!.GetValue<int>());
        Assert.Equal(410, layout["height"]!.GetValue<int>());
        Assert.Null(layout["template"]);   // Plotly.NET's default template turns geo land on
    }

    [Fact]
    public void Chart_StaysCustomisableWithPlotlyNet()
    {
        var fig = SmallProfile();
        var withExtra = fig.WithChart(GenericChart.combine([fig.Chart, Plotly.NET.CSharp.Chart.Point<double, double, string>(new[] { 1.0 }, new[] { 2.0 })]));
        Assert.Equal(fig.TraceCount + 1, withExtra.TraceCount);
        Assert.Equal(fig.TraceCount + 1, Traces(withExtra).Count);
    }

    [Theory]
    [InlineData("")]
    [InlineData("fig 1")]
    [InlineData("../fig1")]
    public void Constructor_RejectsFileStemsThatAreNotPlainNames(string stem)
        => Assert.Throws<ArgumentException>(() => SmallProfile().WithFileStem(stem));

    [Fact]
    public void PlotlyScriptTag_EmbedsPlotlyNetsResource_Guarded()
    {
        Assert.Matches(@"^\d+\.\d+\.\d+$", FigureHtml.PlotlyJsVersion);
        Assert.True(FigureHtml.PlotlyJs.Length > 1_000_000, "plotly.js should be the full bundle");
        Assert.DoesNotContain("</script", FigureHtml.PlotlyJs, StringComparison.OrdinalIgnoreCase);
        var tag = FigureHtml.PlotlyScriptTag();
        Assert.StartsWith("<script", tag);
        Assert.Contains("typeof window.Plotly === 'undefined'", tag);
        Assert.Equal(1, Count(tag, "<script"));
    }

    [Fact]
    public void Figure_DisplaysThroughTheKernelFormatterConvention()
    {
        var attr = typeof(Figure).GetCustomAttributes(false).Single(a => a.GetType().Name == "TypeFormatterSourceAttribute");
        var sourceType = (Type)attr.GetType().GetProperty("FormatterSourceType")!.GetValue(attr)!;
        var source = Activator.CreateInstance(sourceType)!;
        var formatters = ((IEnumerable<object>)sourceType.GetMethod("CreateTypeFormatters")!.Invoke(source, null)!).ToList();
        var html = formatters.Single(f => (string)f.GetType().GetProperty("MimeType")!.GetValue(f)! == "text/html");
        var writer = new StringWriter();
        Assert.True((bool)html.GetType().GetMethod("Format")!.Invoke(html, [SmallProfile(), writer])!);
        Assert.Contains("halo-figure", writer.ToString());
    }

    [Fact]
    public void ToJson_IsValidJsonWithoutNaN()
    {
        var fig = ProfilePlot.Create(new ProfilePanel("y")
        {
            Series = [new ProfileSeries("gap", [new(1, 1, 0.1, 0.1), new(2, double.NaN, 0.1, 0.1), new(3, 2, 0.1, 0.1)])],
        });
        var json = fig.ToJson();
        Assert.DoesNotContain("NaN", json);
        var y = JsonNode.Parse(json)!["data"]![0]!["y"]!.AsArray();
        Assert.Null(y[1]);
    }
}
