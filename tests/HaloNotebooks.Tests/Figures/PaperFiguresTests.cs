using System.Text.Json.Nodes;
using HaloNotebooks.Analysis;
using HaloNotebooks.Figures;
using HaloNotebooks.Paper;
using Xunit;
using static HaloNotebooks.Tests.Figures.FigureTestData;
using D = HaloNotebooks.Tests.Figures.PaperFiguresTestData;

namespace HaloNotebooks.Tests.Figures;

public class PaperFiguresTests
{
    static JsonObject Named(HaloNotebooks.Figures.Figure f, string name) => Traces(f).First(t => (string?)t["name"] == name);

    static List<double> Ys(JsonObject trace) => trace["y"]!.AsArray().Select(v => (double)v!).ToList();

    [Fact]
    public void Fig2_DrawsMeansDispersionsAndBeta_WithTable1Overlaid()
    {
        var fig = PaperFigures.Fig2(D.Single(), D.Single());
        var layout = Layout(fig);
        Assert.Equal("β", (string?)layout["yaxis2"]!["title"]!["text"]);
        Assert.Equal("log", (string?)layout["xaxis"]!["type"]);
        // σ_r of Table 1's 13 bins, first 149.5 km/s at [3, 9).
        var sigmaR = Named(fig, "σ<sub>r</sub>");
        Assert.Equal(13, Ys(sigmaR).Count);
        Assert.Equal(149.5, Ys(sigmaR)[0]);
        Assert.Equal("circle-open", (string?)sigmaR["marker"]!["symbol"]);
        var beta = Named(fig, "this work, Sgr masked");
        Assert.Equal(0.651, Ys(beta)[0]);
        Assert.Equal(0.012, (double)beta["error_y"]!["array"]![0]!);
        Assert.NotNull(Named(fig, "this work, Sgr not masked"));
        Assert.Equal(Ys(beta), Ys(Named(fig, "Li et al. 2026 (Table 1)")));        // the profile here IS Table 1
        Assert.Contains(Traces(fig), t => (string?)t["name"] == "Li et al. 2026 vr" && Ys(t)[0] == 3.8);
        // Bird et al. (2021) / Medina et al. (2025) are published only as figures: the SEGUE K giants fitted here stand in,
        // one point per bin of data/reference/segue_kgiants_ours.csv (first bin [5, 10) kpc).
        var segue = Named(fig, ComparisonProfiles.SegueLabel);
        var shipped = ComparisonProfiles.SegueKGiants.Of("single", "beta");
        Assert.Equal(shipped.Count, Ys(segue).Count);
        Assert.Equal(shipped[0].Value.Value, Ys(segue)[0]);
    }

    [Fact]
    public void Fig4And5_SplitMetalRichAndMetalPoor()
    {
        var fig4 = PaperFigures.Fig4(D.Double());
        Assert.Equal(0.517, Ys(Named(fig4, "this work"))[0]);                    // p_MR at [3, 9)
        Assert.Equal(-1.075, Ys(Traces(fig4).Single(t => (string?)t["name"] == "MR" && (string?)t["yaxis"] == "y2"))[0]);   // μ_[Fe/H] of MR
        Assert.Equal(3, Layout(fig4).Count(kv => kv.Key.StartsWith("yaxis", StringComparison.Ordinal)));

        var fig5 = PaperFigures.Fig5(D.Double(), D.Single());
        var layout = Layout(fig5);
        Assert.Equal("β<sup>MR</sup>", (string?)layout["yaxis2"]!["title"]!["text"]);
        Assert.Equal("β<sup>MP</sup>", (string?)layout["yaxis4"]!["title"]!["text"]);
        Assert.Equal(1.05, (double)layout["yaxis2"]!["range"]![1]!);
        var mp = Traces(fig5).Where(t => (string?)t["name"] == "MP" && (string?)t["yaxis"] == "y4").Single();
        Assert.Equal(13, Ys(mp).Count);
        var segueMp = Traces(fig5).Single(t => (string?)t["name"] == ComparisonProfiles.SegueLabel && (string?)t["yaxis"] == "y4");
        Assert.Equal(ComparisonProfiles.SegueKGiants.Of("double", "beta_mp").Select(p => p.Value.Value), Ys(segueMp));
    }

    [Fact]
    public void Fig6_ShowsBothHemispheres()
    {
        var fig = PaperFigures.Fig6(D.Hemispheres());
        Assert.Equal([-5.0], Ys(Named(fig, "north (b > 0)")));
        Assert.Equal([-30.0, -40.0], Ys(Named(fig, "south (b < 0)")));
        Assert.Equal("triangle-down", (string?)Named(fig, "south (b < 0)")["marker"]!["symbol"]);
    }

    [Fact]
    public void Fig8_MarksTheApexAndTheLmc_OnSharedColours()
    {
        var fig = PaperFigures.Fig8(D.Sky());
        var traces = Traces(fig);
        var apex = traces.First(t => ((string?)t["name"])!.StartsWith("best-fit apex", StringComparison.Ordinal));
        var (x, y) = HaloNotebooks.Astrometry.Mollweide.Project(-34.8, -37.9);
        Assert.Equal(x, (double)apex["x"]![0]!, 3);
        Assert.Equal(y, (double)apex["y"]![0]!, 3);
        Assert.Contains(traces, t => ((string?)t["name"])!.StartsWith("LMC", StringComparison.Ordinal));
        var limits = traces.Where(t => t["marker"]?["cmax"] is not null).Select(t => (double)t["marker"]!["cmax"]!).Distinct().ToList();
        Assert.Single(limits);
        Assert.Equal(0, limits[0] % 5);
        Assert.True(limits[0] >= 42, "the scale covers the model's |μ_compr + μ_dipole| = 42 km/s");
    }

    [Fact]
    public void Fig9_ComparesWithBystromAndTable3()
    {
        var fig = PaperFigures.Fig9(D.Dipole(), D.Polar());
        Assert.Equal([-17.5, -17.5, -19.0], Ys(Named(fig, "μ<sub>compr</sub>")));
        Assert.Equal([-24.0, -24.0], Ys(Named(fig, "Byström+2025 μ<sub>compr</sub>")));
        Assert.Equal([-34.0, -34.0], Ys(Named(fig, "Byström+2025 μ<sub>dipole</sub>")));
        Assert.Equal([-73.0, -73.0], Ys(Named(fig, "Byström+2025")));
        Assert.Equal(3, Ys(Named(fig, "single-component fit")).Count);          // the 50–120 kpc row is left out
        Assert.Equal(280.5 - 360, Ys(Named(fig, "LMC today"))[0], 9);
    }

    [Fact]
    public void Fig9_DrawsTheBhbFit_AsMediansWithOneSigmaBands_OverItsRadialRange()
    {
        var m = new Dictionary<string, Measurement>
        {
            ["mu_compr"] = new(-11, 9, 9), ["mu_dipole"] = new(-15, 10, 14), ["sigma_r"] = new(99, 5, 4),
            ["l_apex"] = new(20, 100, 80), ["b_apex"] = new(-30, 38, 29),
        };
        var bhb = new BinFit(FitModel.Dipole, new RadialBin(50, 120, 210, 62), m, seed: 1, wallTimeSeconds: 0);
        var fig = PaperFigures.Fig9(D.Dipole(), D.Polar(), bhb);
        var lower = Traces(fig).Where(t => (string?)t["name"] == PaperFigures.BhbWholeRangeLegend + " (lower)").ToList();
        Assert.Equal(4, lower.Count);   // μ_compr, μ_dipole, l_apex, b_apex
        Assert.Contains(lower, t => Ys(t).SequenceEqual([-20.0, -20.0]));           // μ_compr p16 = −11 − 9
        Assert.Contains(lower, t => Ys(t).SequenceEqual([-59.0, -59.0]));           // b_apex p16 = −30 − 29
        Assert.All(lower, t => Assert.Equal([50.0, 120.0], t["x"]!.AsArray().Select(x => (double)x!)));
        // Byström et al.'s published values stay beside ours.
        Assert.Equal([-24.0, -24.0], Ys(Named(fig, "Byström+2025 μ<sub>compr</sub>")));
    }

    [Fact]
    public void Fig9_DrawsTheBhbSubBinFits_AsPerRadiusMediansWithOneSigmaBands()
    {
        static BinFit Bin(double lo, double hi, double median, double mu, double err) => new(FitModel.Dipole, new RadialBin(lo, hi, 100, median),
            new Dictionary<string, Measurement>
            {
                ["mu_compr"] = new(mu, err, err), ["mu_dipole"] = new(2 * mu, err, 2 * err), ["sigma_r"] = new(99, 5, 4),
                ["l_apex"] = new(-60, 30, 30), ["b_apex"] = new(-40, 10, 10),
            }, seed: 1, wallTimeSeconds: 0);
        BinFit[] bins = [Bin(50, 60, 54.5, -10, 4), Bin(60, 80, 68.2, -12, 5), Bin(80, 120, 91.0, -15, 8)];
        var fig = PaperFigures.Fig9(D.Dipole(), D.Polar(), null, bins);
        var lower = Traces(fig).Where(t => (string?)t["name"] == PaperFigures.BhbPerBinLegend + " (lower)").ToList();
        Assert.Equal(4, lower.Count);
        // x: each sub-bin's median r; μ_compr's band from p16 = μ − err to p84 = μ + err; μ_dipole's lower edge μ − 2 err.
        Assert.All(lower, t => Assert.Equal([54.5, 68.2, 91.0], t["x"]!.AsArray().Select(x => (double)x!)));
        Assert.Contains(lower, t => Ys(t).SequenceEqual([-14.0, -17.0, -23.0]));
        Assert.Contains(lower, t => Ys(t).SequenceEqual([-28.0, -34.0, -46.0]));
        var centres = Traces(fig).Where(t => (string?)t["name"] == PaperFigures.BhbPerBinLegend && t["fill"] is null).ToList();
        Assert.Contains(centres, t => Ys(t).SequenceEqual([-10.0, -12.0, -15.0]));
        // One legend entry in each panel's own legend that draws the bands (μ top, apex bottom).
        var shown = Traces(fig).Where(t => (string?)t["name"] == PaperFigures.BhbPerBinLegend && (bool?)t["showlegend"] != false).ToList();
        Assert.Equal(2, shown.Count);
        Assert.NotEqual((string?)shown[0]["legend"], (string?)shown[1]["legend"]);
    }

    [Fact]
    public void Fig6_DrawsTheBhbHemispheresDashed_WithOneSigmaBands_BesideOurs()
    {
        var hemispheres = D.Hemispheres();
        var fig = PaperFigures.Fig6(hemispheres, hemispheres);
        var m = hemispheres.North[0].MeanVr;
        var north = Traces(fig).Single(t => (string?)t["name"] == PaperFigures.Fig6BhbNorth && t["fill"] is null);
        Assert.Equal([m.Value], Ys(north));
        Assert.Equal("dash", (string?)north["line"]!["dash"]);
        Assert.Equal([m.Value - m.ErrMinus], Ys(Named(fig, PaperFigures.Fig6BhbNorth + " (lower)")));
        Assert.Equal([m.Value + m.ErrPlus], Ys(Traces(fig).Single(t => (string?)t["name"] == PaperFigures.Fig6BhbNorth && t["fill"] is not null)));
        Assert.Equal([-5.0], Ys(Named(fig, "north (b > 0)")));
    }

    [Fact]
    public void Fig10_DrawsTheInputAndEachDistanceErrorLevel()
    {
        var fig = PaperFigures.Fig10(D.Appendix());
        var names = Traces(fig).Select(t => (string?)t["name"]).ToList();
        // Which p_MR input is drawn, and that the paper's came from Medina et al. (2025), is in the legend (issue 27).
        Assert.Equal(1, names.Count(n => n == PaperFigures.Fig10InputPmr));
        Assert.Equal(1, names.Count(n => n == "mock input (Table 2)"));
        Assert.Equal(2, names.Count(n => n == "18% distance error"));
        Assert.Equal("dash", (string?)Named(fig, "18% distance error")["line"]!["dash"]);
        Assert.Equal("dot", (string?)Named(fig, "30% distance error")["line"]!["dash"]);
        Assert.Equal("lines", (string?)Named(fig, PaperFigures.Fig10InputPmr)["mode"]);
    }

    /// <summary>β_MP keeps a fixed [−2, 1.05] axis, and a value outside it (the 30 % level's poorly constrained outer bin on
    /// the calibrated mock) is named in the panel's corner with its error instead of vanishing.</summary>
    [Fact]
    public void Fig10_NamesABetaOutsideItsFixedAxis()
    {
        var bins = D.Double().Bins;
        var last = bins[^1];
        var wild = new Dictionary<string, Measurement>(last.Parameters) { ["beta_mp"] = new Measurement(-11.7, 15.9, 15.9) };
        var outer = new BinFit(FitModel.Double, last.Bin, wild, 0, 0);
        var appendix = new DistanceErrorProfiles(
            [new DistanceErrorProfile(0, bins), new DistanceErrorProfile(0.30, [.. bins.Take(bins.Count - 1), outer])],
            [(5, 0.5), (100, 0.3)], [(5, 0.6), (100, 0.3)]);
        var layout = Layout(PaperFigures.Fig10(appendix));
        Assert.Equal([-2.0, 1.05], layout["yaxis2"]!["range"]!.AsArray().Select(v => (double)v!).ToArray());
        var labels = layout["annotations"]!.AsArray().Select(a => (string?)a!["text"]).OfType<string>().ToList();
        Assert.Contains($"off scale: 30% at {last.Bin.Label}: -11.7 ± 15.9", labels);

        var plain = Layout(PaperFigures.Fig10(D.Appendix()));
        Assert.DoesNotContain(plain["annotations"]!.AsArray(), a => ((string?)a!["text"])?.StartsWith("off scale", StringComparison.Ordinal) == true);
    }

    [Fact]
    public void CornerFigures_LabelTheParameters_AndPlaceTheTablesValues()
    {
        var single = PaperFigures.Fig1(D.Fit(FitModel.Single));
        Assert.Equal(28, Traces(single).Count(t => (string?)t["type"] == "contour"));
        Assert.Equal("⟨V<sub>r</sub>⟩ [km s<sup>−1</sup>]", (string?)Layout(single)["xaxis"]!["title"]!["text"]);   // column 1

        var dipole = PaperFigures.Fig7(D.Fit(FitModel.Dipole));
        var layout = Layout(dipole);
        int lIndex = D.Fit(FitModel.Dipole).ParameterNames.ToList().IndexOf("l_apex");
        Assert.True(lIndex >= 0);
        // Table 3's l_apex = −34.8° drawn on the samples' branch: a vertical line at −34.8 or 325.2.
        var xs = layout["shapes"]!.AsArray().Select(s => s!["x0"]).Where(v => v is not null).Select(v => (double)v!).ToList();
        Assert.Contains(xs, v => Math.Abs(v + 34.8) < 1e-9 || Math.Abs(v - 325.2) < 1e-9);

        Assert.Throws<ArgumentException>(() => PaperFigures.Fig3(D.Fit(FitModel.Single)));
    }

    [Fact]
    public void All_GivesTheFiguresInOrder_WithDistinctFileStems()
    {
        var results = new AnalysisResults(AnalysisSettings.Paper, D.Single(), D.Double(), D.Dipole(), D.Hemispheres(), D.Sky(), D.Polar(),
            D.Appendix(), new Dictionary<string, double>());
        var stems = PaperFigures.All(results).Select(f => f.FileStem).ToList();
        // No sampler results in these profiles, so no corner plots.
        Assert.Equal(["fig02_profiles_single", "fig04_metallicity", "fig05_profiles_double", "fig06_hemispheres", "fig08_skymap",
            "fig09_dipole_profiles", "fig10_distance_errors"], stems);
    }
}
