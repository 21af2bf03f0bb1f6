using HaloNotebooks.Analysis;
using HaloNotebooks.Figures;
using HaloNotebooks.Models;
using Xunit;
using Xunit.Abstractions;
using static HaloNotebooks.Tests.Figures.FigureTestData;
using D = HaloNotebooks.Tests.Figures.PaperFiguresTestData;

namespace HaloNotebooks.Tests.Figures;

/// <summary>Issue 27: every report caption lists exactly the figure's legend entries, and its prose names no data set.</summary>
public class FigureCaptionsTests(ITestOutputHelper output)
{
    /// <summary>Every figure of a `halo reproduce` on the paper-table mock (Fig. 2 with the unmasked β), plus the three corner plots.</summary>
    static List<HaloNotebooks.Figures.Figure> AllFigures()
    {
        var results = new AnalysisResults(AnalysisSettings.Paper, D.Single(), D.Double(), D.Dipole(), D.Hemispheres(), D.Sky(), D.Polar(),
            D.Appendix(), new Dictionary<string, double>());
        return [.. PaperFigures.All(results, D.Single()), PaperFigures.Fig1(D.Fit(FitModel.Single)), PaperFigures.Fig3(D.Fit(FitModel.Double)),
            PaperFigures.Fig7(D.Fit(FitModel.Dipole))];
    }

    /// <summary>Legend entries read from the plotly JSON here, not through FigureCaptions: named traces not hidden from the legend.</summary>
    static HashSet<string> Legend(HaloNotebooks.Figures.Figure f) =>
        Traces(f).Where(t => t["showlegend"] is null || (bool)t["showlegend"]!).Select(t => (string?)t["name"])
            .OfType<string>().Where(n => n.Length > 0).Select(FigureCaptions.Entry).ToHashSet();

    /// <summary>Fig. 11 (the posterior predictive checks) on a small check of each model.</summary>
    static HaloNotebooks.Figures.Figure Fig11()
    {
        static PredictiveCheck Check(FitModel model, params string[] dims) => new(model, new RadialBin(3, 160, 1000, 20), 50,
            dims.Select(d => new PredictiveDimension("all", d, 1000, 1000, 9, 9, 0.4, 0.01, new double[10],
                new PredictiveHistogram([0, 1, 2, 3], [100, 400, 120], [90, 380, 110], [100, 400, 120], [110, 420, 130]), 0.5)).ToList());
        return PredictiveCheckFigure.Create(
            [("Table 1, single", Check(FitModel.Single, "v_r", "v_phi", "v_theta", "feh")),
             ("Table 2, double", Check(FitModel.Double, "v_r", "v_phi", "v_theta", "feh")),
             ("Table 3, dipole", Check(FitModel.Dipole, "v_r"))], "fig11_ppc", "Figure 11");
    }

    [Fact]
    public void EveryCaption_ListsExactlyItsFiguresLegendEntries()
    {
        List<HaloNotebooks.Figures.Figure> figures = [.. AllFigures(), Fig11()];
        Assert.Equal(11, figures.Count);   // Figs. 1–10 and Fig. 11, the predictive checks
        foreach (var f in figures)
        {
            var caption = FigureCaptions.Html(f);
            output.WriteLine($"{f.FileStem}: {caption}\n");
            var legend = Legend(f);
            Assert.NotEmpty(legend);
            var listed = FigureCaptions.ListedEntries(caption);
            Assert.True(legend.SetEquals(listed), $"{f.FileStem}: legend [{string.Join(" | ", legend)}] ≠ caption [{string.Join(" | ", listed)}]");
            Assert.Equal(listed.Count, listed.Distinct().Count());
            Assert.False(caption.StartsWith("Drawn:", StringComparison.Ordinal), $"{f.FileStem} has no description");
        }
    }

    [Fact]
    public void CaptionProse_NamesNoDataSet_AndItsMarkersAreInTheLegend()
    {
        string[] works = ["Bird", "Medina", "Vasiliev", "Chandra", "Byström", "SEGUE", "LAMOST", "BHB", "DESI", "LMC", "Li et al", "Table", "mock truth"];
        foreach (var f in AllFigures().Append(Fig11()))
        {
            var caption = FigureCaptions.Html(f);
            var prose = caption[..caption.IndexOf("Drawn: ", StringComparison.Ordinal)];
            foreach (var w in works) Assert.False(prose.Contains(w, StringComparison.Ordinal), $"{f.FileStem}'s prose names '{w}': {prose}");
            // "× markers: the paper's values" is said only where a legend entry names the paper.
            if (prose.Contains('×')) Assert.Contains(Legend(f), e => e.StartsWith("Li et al. 2026", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void HiddenAndAbsentSeries_AreNotListed()
    {
        var results = new AnalysisResults(AnalysisSettings.Paper, D.Single(), D.Double(), D.Dipole(), D.Hemispheres(), D.Sky(), D.Polar(),
            D.Appendix(), new Dictionary<string, double>());
        var fig9 = PaperFigures.Fig9(results.Dipole, results.PolarVelocity);
        var listed9 = FigureCaptions.ListedEntries(FigureCaptions.Html(fig9));
        // b_apex's Byström line shares the l_apex entry (showlegend false); no BHB fit was given, so none is listed.
        Assert.Contains(Traces(fig9), t => (string?)t["name"] == "Byström+2025 b<sub>apex</sub>");
        Assert.DoesNotContain("Byström+2025 b<sub>apex</sub>", listed9);
        Assert.DoesNotContain(listed9, e => e.Contains("BHB", StringComparison.Ordinal));
        Assert.Contains(FigureCaptions.Entry(PaperFigures.ChandraLegend), listed9);
        // Fig. 2 lists the unmasked β only when it is drawn.
        Assert.DoesNotContain("this work, Sgr not masked", FigureCaptions.ListedEntries(FigureCaptions.Html(PaperFigures.Fig2(D.Single()))));
        Assert.Contains("this work, Sgr not masked", FigureCaptions.ListedEntries(FigureCaptions.Html(PaperFigures.Fig2(D.Single(), D.Single()))));
    }
}
