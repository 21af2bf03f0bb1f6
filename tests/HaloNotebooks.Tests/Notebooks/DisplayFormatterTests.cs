using Xunit;
using HaloNotebooks.Cli.Notebooks;
using HaloNotebooks.Display;

namespace HaloNotebooks.Tests.Notebooks;

[Collection("notebooks")]
public sealed class DisplayFormatterTests(ExecutedNotebooks runs)
{
    [TypeFormatterSource(typeof(HtmlFormatterSource))]
    class Summary : IHtmlDisplay
    {
        public string ToHtml() => "<table><tr><td>v_r</td></tr></table>";
        public override string ToString() => "summary";
    }

    sealed class DerivedSummary : Summary;

    [Fact]
    public void ProjectConvention_GivesHtmlAndPlain_AlsoForDerivedTypes()
    {
        foreach (var value in new object[] { new Summary(), new DerivedSummary() })
        {
            var bundle = DisplayFormatter.Format(value);
            Assert.Equal("<table><tr><td>v_r</td></tr></table>", bundle["text/html"]);
            Assert.Equal("summary", bundle["text/plain"]);
        }
    }

    [Fact]
    public void ConventionDeclaredInsideTheNotebook_IsFoundByName()
    {
        var shown = ExecutedNotebooks.Displays(runs.State, 4).Single();
        Assert.Equal("<b class='funnel'>42 kept</b>", shown.Data["text/html"]);
        Assert.Equal("Funnel(42)", shown.Data["text/plain"]);
    }

    [Fact]
    public void DeedleFrame_IsAnHtmlTable()
    {
        var html = ExecutedNotebooks.Displays(runs.State, 6).Single().Data["text/html"];
        Assert.Contains("<th>Vr</th>", html);
        Assert.Contains("<td>12.5</td>", html);
        Assert.Contains("<td>-3.25</td>", html);
        Assert.Contains("2 rows × 2 columns", html);
    }

    [Fact]
    public void PlotlyChart_IsADivAndNewPlot_WithoutACdn()
    {
        var html = ExecutedNotebooks.Displays(runs.State, 5).Single().Data["text/html"];
        Assert.Contains("Plotly.newPlot(", html);
        Assert.Contains("[4.0,5.0,6.5]", html.Replace(" ", ""));
        Assert.DoesNotContain("cdn.plot.ly", html);
        Assert.DoesNotContain("require.js", html);
    }

    [Fact]
    public void Sequences_AreListed_AndMimeTypesCanBeRestricted()
    {
        Assert.Equal("[1, 2, 3]", DisplayFormatter.Format(new List<int> { 1, 2, 3 })["text/plain"]);
        var plainOnly = DisplayFormatter.Format(new Summary(), ["text/plain"]);
        Assert.Equal(["text/plain"], plainOnly.Keys);
    }
}
