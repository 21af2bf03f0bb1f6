using System.Globalization;
using HaloNotebooks.Analysis;
using HaloNotebooks.Inference;
using HaloNotebooks.Astrometry;
using HaloNotebooks.Paper;

namespace HaloNotebooks.Figures;

/// <summary>
/// Figures 1–10 of the paper drawn from the analysis results, with the paper's own values (Tables 1–3,
/// data/reference/) overlaid as × markers so a reader sees at once how a run compares. Where the paper overlays
/// β profiles published only as figures (Bird et al. 2021, Medina et al. 2025; Figs. 2, 5), this project's fit of the
/// public SEGUE K giants is drawn instead and labelled so (<see cref="ComparisonProfiles"/>). Vasiliev (2024) and the
/// hemisphere curves of Byström et al. 2025 and Chandra et al. 2025 (Fig. 6) are published only as figures and are not
/// drawn; Byström et al. (2025)'s field is drawn from the values §4.4 quotes, Chandra et al. (2025)'s reflex
/// amplitudes from their tables as §4.4 quotes them.
/// </summary>
public static class PaperFigures
{
    // Colours of the three velocity components in Figs. 2 and 5 (means filled, dispersions open).
    const string RColor = "#d62728", PhiColor = "#1f77b4", ThetaColor = "#2ca02c";
    const string PaperName = "Li et al. 2026";
    static readonly (double Lo, double Hi) ProfileRange = (2.5, 180);

    /// <summary>Every figure the results allow, in the paper's order (Fig. 10 only with Appendix A results); with
    /// <paramref name="bhb"/>, our fit of the DESI DR1 BHB stars is drawn in Figs. 6, 8 and 9 beside Byström et al.'s values.</summary>
    internal static IReadOnlyList<Figure> All(AnalysisResults results, RadialProfile? singleWithoutSgrMask = null, BhbDipoleFit? bhb = null) =>
        All(results, singleWithoutSgrMask, bhb, null);

    /// <summary>As above; with <paramref name="literature"/>, Figs. 2 and 5 draw the public catalogues fitted here
    /// (Literature.LiteratureFits) in place of the embedded SEGUE K-giant profile.</summary>
    internal static IReadOnlyList<Figure> All(AnalysisResults results, RadialProfile? singleWithoutSgrMask, BhbDipoleFit? bhb,
        IReadOnlyList<Literature.LiteratureFit>? literature)
    {
        ArgumentNullException.ThrowIfNull(results);
        var list = new List<Figure>();
        if (results.Single.AllStars.Fit is not null) list.Add(Fig1(results.Single.AllStars.Fit));
        list.Add(Fig2(results.Single, singleWithoutSgrMask, literature));
        if (results.Double.AllStars.Fit is not null) list.Add(Fig3(results.Double.AllStars.Fit));
        list.Add(Fig4(results.Double));
        list.Add(Fig5(results.Double, results.Single, literature));
        list.Add(Fig6(results.Hemispheres, bhb?.Hemispheres));
        if (results.Dipole.AllStars.Fit is not null) list.Add(Fig7(results.Dipole.AllStars.Fit));
        list.Add(Fig8(results.SkyMap, bhb?.Field));
        list.Add(Fig9(results.Dipole, results.PolarVelocity, bhb?.Folded, bhb?.SubBins));
        if (results.AppendixA is not null) list.Add(Fig10(results.AppendixA));
        if (results.PredictiveChecks.Count > 0) list.Add(PredictiveCheckFigure.ForReport(results));   // issue 28, not in the paper
        return list;
    }

    // ---------------------------------------------------------------- corner plots (Figs. 1, 3, 7)

    /// <summary>Fig. 1: posterior of the single-component model (Eqs. 1–3 with p_MR = 1), all stars; paper values from Table 1.</summary>
    public static Figure Fig1(FitResult singleFit, IReadOnlyDictionary<string, double>? truths = null)
    {
        RequireModel(singleFit, FitModel.Single, 1);
        var paper = PublishedTables.Table1.Rows[0].Values;
        return Corner(singleFit, name => paper.TryGetValue(name, out var m) ? m.Value : double.NaN, truths,
            $"Figure 1. Single-component model, N = {singleFit.StarCount:N0}", "fig01_corner_single");
    }

    /// <summary>Fig. 3: posterior of the double-component model (Eq. 3), all stars; paper values from Table 2.</summary>
    public static Figure Fig3(FitResult doubleFit, IReadOnlyDictionary<string, double>? truths = null)
    {
        RequireModel(doubleFit, FitModel.Double, 3);
        var rows = PublishedTables.Table2.Rows;
        var mr = rows.First(r => r.Component == "MR").Values;
        var mp = rows.First(r => r.Component == "MP").Values;
        double Paper(string name)
        {
            if (name == "p_mr") return mr.TryGetValue("p_mr", out var p) ? p.Value : double.NaN;
            var table = name.EndsWith("_mr", StringComparison.Ordinal) ? mr : name.EndsWith("_mp", StringComparison.Ordinal) ? mp : null;
            return table is not null && table.TryGetValue(name[..^3], out var m) ? m.Value : double.NaN;
        }
        return Corner(doubleFit, Paper, truths, $"Figure 3. Double-component model, N = {doubleFit.StarCount:N0}", "fig03_corner_double");
    }

    /// <summary>Fig. 7: posterior of the dipole + contraction field (Eq. 6), 50–120 kpc; paper values from Table 3. l_apex is
    /// shown in the window of Table 3's convention (<see cref="Angles.LongitudeCentre"/>).</summary>
    public static Figure Fig7(FitResult dipoleFit, IReadOnlyDictionary<string, double>? truths = null)
    {
        RequireModel(dipoleFit, FitModel.Dipole, 7);
        var paper = PublishedTables.Table3.Rows[0].Values;
        return Corner(dipoleFit, name => paper.TryGetValue(name, out var m) ? m.Value : double.NaN, truths,
            $"Figure 7. Dipole velocity field, N = {dipoleFit.StarCount:N0}", "fig07_corner_dipole");
    }

    static Figure Corner(FitResult fit, Func<string, double> paper, IReadOnlyDictionary<string, double>? truths, string title, string stem) =>
        CornerPlot.Create(fit, new CornerOptions
        {
            ReferenceByName = fit.ParameterNames.ToDictionary(n => n, paper),
            ReferenceName = PaperName,
            TruthsByName = truths?.Where(kv => fit.ParameterNames.Contains(kv.Key)).ToDictionary(kv => kv.Key, kv => kv.Value),
            TruthsName = "mock truth",
            Title = title,
            FileStem = stem,
        });

    static void RequireModel(FitResult fit, FitModel model, int figure)
    {
        ArgumentNullException.ThrowIfNull(fit);
        if (fit.Model != model.Name) throw new ArgumentException($"Figure {figure} shows the {model} model; this fit is '{fit.Model}'.", nameof(fit));
    }

    // ---------------------------------------------------------------- profiles (Figs. 2, 4, 5, 6, 9, 10)

    /// <summary>Fig. 2: mean velocities (filled) and dispersions (open) per radial bin, and β with and (when given) without the Sgr mask.</summary>
    public static Figure Fig2(RadialProfile single, RadialProfile? singleWithoutSgrMask = null) => Fig2(single, singleWithoutSgrMask, null);

    internal static Figure Fig2(RadialProfile single, RadialProfile? singleWithoutSgrMask, IReadOnlyList<Literature.LiteratureFit>? literature)
    {
        RequireProfile(single, FitModel.Single, 2);
        var paper = PaperRows(PublishedTables.Table1, null);
        var velocities = new ProfilePanel($"velocity [{ParameterLabels.KmPerS}]")
        {
            Series = [.. VelocitySeries(single.Bins, "", paper), PaperLegend()],
            Lines = [new ReferenceLine(0, FigureStyle.Grey, LineDash.Dot)],
            LegendPosition = "above",
        };
        var betaSeries = new List<ProfileSeries> { Series("this work, Sgr masked", single.Bins, "beta", FigureStyle.ThisWork) };
        if (singleWithoutSgrMask is not null)
        {
            RequireProfile(singleWithoutSgrMask, FitModel.Single, 2);
            betaSeries.Add(Series("this work, Sgr not masked", singleWithoutSgrMask.Bins, "beta", FigureStyle.NoSgrMask) with { XShiftFraction = 0.025 });
        }
        betaSeries.Add(PaperSeries(paper, single.Bins, "beta", FigureStyle.ThisWork, $"{PaperName} (Table 1)"));
        if (literature is null) betaSeries.Add(Comparison(FitModel.Single, "beta"));
        else betaSeries.AddRange(LiteratureSeries.For(literature, "single", "beta"));
        // Inside the panel: four long names above it would run over the velocity legend; with the literature, below the panels.
        var beta = new ProfilePanel("β")
        {
            Series = betaSeries, Lines = [new ReferenceLine(0)], LegendPosition = literature is null ? "bottom left" : "above",
            YRange = literature is null ? null : (-1.0, 1.05),
        };
        return ProfilePlot.Grid([velocities, beta], new ProfileOptions
        {
            Columns = 2, LogX = true, XRange = ProfileRange, PanelWidth = 460, PanelHeight = 360, FileStem = "fig02_profiles_single",
            Title = "Figure 2. Single-component velocity profiles and anisotropy",
        });
    }

    /// <summary>Fig. 4: p_MR (top), mean [Fe/H] (middle) and its dispersion (bottom) of the MR (magenta) and MP (cyan) components.</summary>
    public static Figure Fig4(RadialProfile @double)
    {
        RequireProfile(@double, FitModel.Double, 4);
        var mr = PaperRows(PublishedTables.Table2, "MR");
        var mp = PaperRows(PublishedTables.Table2, "MP");
        var pmr = new ProfilePanel(ParameterLabels.For("p_mr"))
        {
            Series =
            [
                Series("this work", @double.Bins, "p_mr", FigureStyle.ThisWork), PaperSeries(mr, @double.Bins, "p_mr", FigureStyle.ThisWork, null),
                LegendOnly("MR", FigureStyle.MetalRich), LegendOnly("MP", FigureStyle.MetalPoor), PaperLegend("(Table 2)"),
            ],
            LegendPosition = "above",
        };
        ProfilePanel Metallicity(string key, string title) => new(title)
        {
            Series =
            [
                Series("MR", @double.Bins, key + "_mr", FigureStyle.MetalRich),
                Series("MP", @double.Bins, key + "_mp", FigureStyle.MetalPoor),
                PaperSeries(mr, @double.Bins, key, FigureStyle.MetalRich, null),
                PaperSeries(mp, @double.Bins, key, FigureStyle.MetalPoor, null),
            ],
            LegendPosition = "none",
        };
        return ProfilePlot.Stack([pmr, Metallicity("feh_mean", "μ<sub>[Fe/H]</sub> [dex]"), Metallicity("feh_sigma", "σ<sub>[Fe/H]</sub> [dex]")],
            new ProfileOptions { LogX = true, XRange = ProfileRange, PanelWidth = 560, PanelHeight = 230, FileStem = "fig04_metallicity",
                Title = "Figure 4. Metal-rich fraction and metallicity profiles" });
    }

    /// <summary>Fig. 5: velocities and β of the MR (top row) and MP (bottom row) components; β of the single-component fit in black.</summary>
    public static Figure Fig5(RadialProfile @double, RadialProfile single) => Fig5(@double, single, null);

    internal static Figure Fig5(RadialProfile @double, RadialProfile single, IReadOnlyList<Literature.LiteratureFit>? literature)
    {
        RequireProfile(@double, FitModel.Double, 5);
        RequireProfile(single, FitModel.Single, 5);
        var panels = new List<ProfilePanel>();
        foreach (var (component, colour, label) in new[] { ("mr", FigureStyle.MetalRich, "MR"), ("mp", FigureStyle.MetalPoor, "MP") })
        {
            var paper = PaperRows(PublishedTables.Table2, label);
            bool top = component == "mr";
            panels.Add(new ProfilePanel($"velocity [{ParameterLabels.KmPerS}]")
            {
                Series = [.. VelocitySeries(@double.Bins, "_" + component, paper), PaperLegend()],
                Lines = [new ReferenceLine(0, FigureStyle.Grey, LineDash.Dot)],
                Label = label, LegendPosition = top ? "above" : "none",
            });
            panels.Add(new ProfilePanel(ParameterLabels.For("beta_" + component))
            {
                Series =
                [
                    Series(label, @double.Bins, "beta_" + component, colour),
                    Series("single component", single.Bins, "beta", FigureStyle.ThisWork) with { XShiftFraction = 0.025 },
                    PaperSeries(paper, @double.Bins, "beta", colour, $"{PaperName} (Table 2)"),
                    .. literature is null ? [Comparison(FitModel.Double, "beta_" + component)]
                        : LiteratureSeries.For(literature, "double", "beta_" + component),
                ],
                Lines = [new ReferenceLine(0)],
                YRange = literature is null ? BetaRange(@double.Bins, "beta_" + component, single.Bins) : (-1.0, 1.05), Label = label,
                LegendPosition = literature is null ? "bottom left" : top ? "above" : "none",
            });
        }
        return ProfilePlot.Grid(panels, new ProfileOptions
        {
            Columns = 2, LogX = true, XRange = ProfileRange, PanelWidth = 460, PanelHeight = 320, FileStem = "fig05_profiles_double",
            Title = "Figure 5. Velocity profiles and anisotropy of the MR and MP components",
        });
    }

    /// <summary>Fig. 6: ⟨V_r⟩ of the northern (b &gt; 0) and southern (b &lt; 0) halo per radial bin. The region inside
    /// 50 kpc, which the paper's dipole analysis (§3.2, §4.4) leaves out, is shaded. Byström et al. (2025), Chandra et al.
    /// (2025) and Vasiliev (2024) publish these profiles only as figures, so they are not drawn (see data/reference/SOURCE.md);
    /// with <paramref name="bhb"/>, the same profile of Byström et al.'s DESI DR1 BHB stars, fitted here, is drawn dashed
    /// as the paper draws theirs, with its ±1σ band shaded.</summary>
    public static Figure Fig6(HemisphereProfile hemispheres, HemisphereProfile? bhb = null)
    {
        ArgumentNullException.ThrowIfNull(hemispheres);
        ProfileSeries Side(string name, IReadOnlyList<HemisphereBin> bins, string colour, string symbol, double shift) =>
            new(name, bins.Where(b => double.IsFinite(b.MeanVr.Value)).Select(b => Point(b.Bin.RMedian, b.MeanVr)).ToList())
            { Color = colour, Symbol = symbol, MarkerSize = 10, XShiftFraction = shift };
        var north = Side("north (b > 0)", hemispheres.North, FigureStyle.Red, "triangle-up", 0);
        var south = Side("south (b < 0)", hemispheres.South, FigureStyle.Blue, "triangle-down", 0.02);
        var series = new List<ProfileSeries> { north, south };
        // The BHB stars' profile as the paper draws Byström et al.'s: a dashed line, here with its 1σ band (issue 27).
        var bhbBands = bhb is null ? [] : new List<ProfileBand>
        {
            HemisphereBand(Fig6BhbNorth, bhb.North, FigureStyle.Red), HemisphereBand(Fig6BhbSouth, bhb.South, FigureStyle.Blue),
        };
        var all = hemispheres.North.Concat(hemispheres.South).Select(b => b.Bin).ToList();
        var range = all.Count > 0 ? (Math.Max(1, all.Min(b => b.RMin) * 0.85), all.Max(b => b.RMax) * 1.1) : ProfileRange;
        // y range from the points and their error bars, so the shading does not set it.
        var ys = series.SelectMany(x => x.Points).SelectMany(q => new[] { q.Y + q.ErrPlus, q.Y - q.ErrMinus })
            .Concat(bhbBands.SelectMany(b => b.Lower.Concat(b.Upper))).Where(double.IsFinite).DefaultIfEmpty(0).ToList();
        double pad = Math.Max(5, 0.08 * (ys.Max() - ys.Min()));
        var yRange = (Math.Min(0, ys.Min()) - pad, Math.Max(0, ys.Max()) + pad);
        var bands = new List<ProfileBand>(bhbBands);
        if (range.Item1 < InnerHaloEdge)
            bands.Add(new ProfileBand("r < 50 kpc: outside the paper's dipole analysis", [range.Item1, InnerHaloEdge],
                [yRange.Item1, yRange.Item1], [yRange.Item2, yRange.Item2]) { Opacity = 0.15 });
        var panel = new ProfilePanel(ParameterLabels.For("vr"))
        {
            Series = series,
            Bands = bands,
            Lines = [new ReferenceLine(0)],
            YRange = yRange,
            LegendPosition = "bottom left",
        };
        return ProfilePlot.Create(panel, new ProfileOptions { LogX = true, XRange = range, PanelWidth = 620, PanelHeight = 380,
            FileStem = "fig06_hemispheres", Title = "Figure 6. Mean radial velocity of the northern and southern halo" });
    }

    internal const string Fig6BhbNorth = "DESI DR1 BHB north (Byström+2025's stars, our fit), 1σ band";
    internal const string Fig6BhbSouth = "DESI DR1 BHB south (Byström+2025's stars, our fit), 1σ band";

    /// <summary>One hemisphere's ⟨V_r⟩ per bin as a dashed line through the medians with the ±1σ range shaded.</summary>
    static ProfileBand HemisphereBand(string name, IReadOnlyList<HemisphereBin> bins, string colour)
    {
        var ok = bins.Where(b => double.IsFinite(b.MeanVr.Value) && double.IsFinite(b.Bin.RMedian)).ToList();
        return new ProfileBand(name, ok.Select(b => b.Bin.RMedian).ToList(), ok.Select(b => b.MeanVr.Value - Positive(b.MeanVr.ErrMinus)).ToList(),
            ok.Select(b => b.MeanVr.Value + Positive(b.MeanVr.ErrPlus)).ToList())
        {
            Center = ok.Select(b => b.MeanVr.Value).ToList(), Color = colour, Opacity = 0.12, CenterDash = LineDash.Dash,
        };
    }

    /// <summary>§3.2: the dipole + contraction field is fitted beyond 50 kpc, where the LMC's reflex dominates.</summary>
    const double InnerHaloEdge = 50;

    /// <summary>Fig. 9: μ_compr and μ_dipole (top), Eq. 7 against the fitted ⟨V_θ⟩ (middle), and the apex (bottom) per
    /// dipole bin, with Byström et al. (2025)'s published values as dashed lines and Table 3 as × markers; with
    /// <paramref name="bhb"/>, our fit of their DESI DR1 BHB stars as a dotted line with its 1σ band over the fit's range.</summary>
    public static Figure Fig9(RadialProfile dipole, PolarVelocityCheck polarVelocity, BinFit? bhb = null) => Fig9(dipole, polarVelocity, bhb, null);

    /// <summary>As above; with <paramref name="bhbBins"/> (our fit of the BHB stars in Table 3's sub-bins), those per-radius
    /// medians with their 16–84th percentile bands replace the whole-range band.</summary>
    internal static Figure Fig9(RadialProfile dipole, PolarVelocityCheck polarVelocity, BinFit? bhb, IReadOnlyList<BinFit>? bhbBins)
    {
        RequireProfile(dipole, FitModel.Dipole, 9);
        ArgumentNullException.ThrowIfNull(polarVelocity);
        var paper = PaperRows(PublishedTables.Table3, null);
        var bys = DipoleVelocityField.Bystrom2025;
        var lmc = LiteraturePoints.Lmc;
        double x0 = dipole.Bins.Count > 0 ? dipole.Bins.Min(b => b.Bin.RMin) : 50, x1 = dipole.Bins.Count > 0 ? dipole.Bins.Max(b => b.Bin.RMax) : 120;
        ProfileSeries Level(string name, double y, string colour, LineDash dash) =>
            new(name, [new ProfilePoint(x0 - 5, y, 0, 0), new ProfilePoint(x1 + 5, y, 0, 0)]) { Color = colour, Dash = dash, MarkerSize = 0.1 };
        ProfileSeries Binned(string name, string key, string colour, string symbol) => Series(name, dipole.Bins, key, colour, symbol);
        // The first row of Table 3 spans all sub-bins; Fig. 9 shows the sub-bins only.
        var polar = polarVelocity.Bins.Where(b => !polarVelocity.Bins.Any(o => o != b && o.Bin.RMin >= b.Bin.RMin && o.Bin.RMax <= b.Bin.RMax)).ToList();

        bool perBin = bhbBins is { Count: > 0 };
        string bhbName = perBin ? BhbPerBinLegend : BhbWholeRangeLegend;
        List<ProfileBand> Bhb(params (string Key, string Colour)[] keys) => perBin
            ? keys.Select((k, i) => BhbBinBand(bhbBins!, k.Key, k.Colour, bhbName, i == 0)).ToList()
            : bhb is null ? [] : keys.Select((k, i) => BhbBand(bhb, k.Key, k.Colour, bhbName, i == 0)).ToList();
        var mu = new ProfilePanel($"velocity [{ParameterLabels.KmPerS}]")
        {
            Bands = Bhb(("mu_compr", FigureStyle.Red), ("mu_dipole", FigureStyle.Blue)),
            Series =
            [
                Binned("μ<sub>compr</sub>", "mu_compr", FigureStyle.Red, "circle"),
                Binned("μ<sub>dipole</sub>", "mu_dipole", FigureStyle.Blue, "square"),
                Level("Byström+2025 μ<sub>compr</sub>", bys.MuCompr, FigureStyle.Red, LineDash.Dash),
                Level("Byström+2025 μ<sub>dipole</sub>", bys.MuDipole, FigureStyle.Blue, LineDash.Dash),
                PaperSeries(paper, dipole.Bins, "mu_compr", FigureStyle.Red, null) with { XShiftFraction = 0 },
                PaperSeries(paper, dipole.Bins, "mu_dipole", FigureStyle.Blue, null) with { XShiftFraction = 0 },
                ChandraReflex(),
                PaperLegend("(Table 3)"),
            ],
            LegendPosition = "above",
        };
        var vtheta = new ProfilePanel(ParameterLabels.For("vtheta"))
        {
            Series =
            [
                new ProfileSeries("single-component fit", polar.Select(b => Point(b.Bin.RMedian, b.Fitted)).ToList()) { Color = FigureStyle.Blue },
                new ProfileSeries("Eq. 7: (π/4) μ<sub>dipole</sub> sin b<sub>apex</sub>", polar.Select(b => Point(b.Bin.RMedian, b.Predicted)).ToList())
                    { Color = FigureStyle.Red, Symbol = "square", XShiftFraction = 0.01 },
                PaperEq7(paper, dipole.Bins),
            ],
            Lines = [new ReferenceLine(0)],
            LegendPosition = "top left",
        };
        var apex = new ProfilePanel("apex [deg]")
        {
            Bands = Bhb(("l_apex", FigureStyle.Red), ("b_apex", FigureStyle.Blue)),
            Series =
            [
                Binned("l<sub>apex</sub>", "l_apex", FigureStyle.Red, "circle"),
                Binned("b<sub>apex</sub>", "b_apex", FigureStyle.Blue, "square"),
                Level("Byström+2025", bys.LApex, FigureStyle.Red, LineDash.Dash),
                Level("Byström+2025 b<sub>apex</sub>", bys.BApex, FigureStyle.Blue, LineDash.Dash) with { ShowInLegend = false },
                Level("LMC today", Angles.Wrap180(lmc.L), FigureStyle.Red, LineDash.Dot),
                Level("LMC today b", lmc.B, FigureStyle.Blue, LineDash.Dot) with { ShowInLegend = false },
                PaperSeries(paper, dipole.Bins, "l_apex", FigureStyle.Red, null) with { XShiftFraction = 0 },
                PaperSeries(paper, dipole.Bins, "b_apex", FigureStyle.Blue, null) with { XShiftFraction = 0 },
            ],
            // Longitudes wrap at ±180°; an apex the BHB stars of one sub-bin hardly constrain would otherwise set the scale.
            YRange = perBin ? (-180, 180) : null,
            LegendPosition = perBin ? "top right" : "bottom right",   // with the band, the data and reference lines fill the lower half
        };
        return ProfilePlot.Stack([mu, vtheta, apex], new ProfileOptions
        {
            XRange = (Math.Min(x0, ChandraReflexRange.Lo) - 5, Math.Max(x1, ChandraReflexRange.Hi) + 5), PanelWidth = 560, PanelHeight = 230,
            FileStem = "fig09_dipole_profiles",
            Title = "Figure 9. Contraction, reflex dipole and apex of the outer halo",
        });
    }

    internal const string BhbWholeRangeLegend = "Byström+2025's DESI DR1 BHB stars, our fit, 1σ band";
    internal const string BhbPerBinLegend = "Byström+2025's DESI DR1 BHB stars, our fit per sub-bin, 1σ band";

    /// <summary>One parameter of the BHB sub-bin fits: medians at each sub-bin's median r joined by a dotted line, their
    /// 16–84th percentiles shaded between them.</summary>
    static ProfileBand BhbBinBand(IReadOnlyList<BinFit> bins, string key, string colour, string name, bool legend)
    {
        var ok = bins.Where(b => b.Parameters.TryGetValue(key, out var m) && double.IsFinite(m.Value) && double.IsFinite(b.Bin.RMedian)).ToList();
        return new ProfileBand(name, ok.Select(b => b.Bin.RMedian).ToList(), ok.Select(b => b[key].P16).ToList(), ok.Select(b => b[key].P84).ToList())
        {
            Center = ok.Select(b => b[key].Value).ToList(), Color = colour, Opacity = 0.15, CenterDash = LineDash.Dot, ShowInLegend = legend,
        };
    }

    /// <summary>One parameter of the BHB fit: its median as a dotted line over the fit's radial range, its 16–84th percentiles shaded.</summary>
    static ProfileBand BhbBand(BinFit bhb, string key, string colour, string name, bool legend)
    {
        var m = bhb[key];
        double[] x = [bhb.Bin.RMin, bhb.Bin.RMax];
        return new ProfileBand(name, x, [m.P16, m.P16], [m.P84, m.P84])
        {
            Center = [m.Value, m.Value], Color = colour, Opacity = 0.15, CenterDash = LineDash.Dot, ShowInLegend = legend,
        };
    }

    /// <summary>Chandra et al. (2025)'s reflex amplitudes as §4.4 of the paper quotes them ("≈ 6 km/s at ≈ 40 kpc", "≈ 47 km/s at
    /// ≈ 120 kpc"), drawn with μ_dipole's sign (the reflex points away from the apex): two isolated open diamonds without error
    /// bars (none is quoted) and without a line between them (no trend between the two radii is published there).</summary>
    static ProfileSeries ChandraReflex() =>
        new(ChandraLegend, LiteraturePoints.All
            .Where(p => p.Source == "Chandra2025" && p.Quantity == "reflex_amplitude" && p.R is not null)
            .Select(p => new ProfilePoint(p.R!.Value, -Math.Abs(p.Value), 0, 0)).ToList())
        { Color = FigureStyle.Blue, Symbol = "diamond", OpenMarker = true, MarkerSize = 11, ShowLine = false };

    internal const string ChandraLegend = "Chandra+2025 reflex amplitude, as −|v|, two values quoted in §4.4 (no errors quoted)";

    /// <summary>Fig. 9 middle: Eq. 7 evaluated on the paper's own Table 3 (μ_dipole, b_apex), errors propagated in quadrature
    /// (δ² = (π/4)² [(sin b δμ)² + (μ cos b δb)²], each ± averaged), at our bin's median r.</summary>
    static ProfileSeries PaperEq7(IReadOnlyList<TableRow> rows, IReadOnlyList<BinFit> ours)
    {
        var points = new List<ProfilePoint>();
        foreach (var row in rows)
        {
            if (!row.Values.TryGetValue("mu_dipole", out var mu) || !row.Values.TryGetValue("b_apex", out var b)) continue;
            var match = ours.FirstOrDefault(o => Math.Abs(o.Bin.RMin - row.RMin) < 1e-6 && Math.Abs(o.Bin.RMax - row.RMax) < 1e-6);
            double r = match is not null && double.IsFinite(match.Bin.RMedian) ? match.Bin.RMedian : Math.Sqrt(row.RMin * row.RMax);
            double rad = b.Value * Math.PI / 180, v = Math.PI / 4 * mu.Value * Math.Sin(rad);
            double err = Math.PI / 4 * Math.Sqrt(Math.Pow(Math.Sin(rad) * mu.Sigma, 2) + Math.Pow(mu.Value * Math.Cos(rad) * b.Sigma * Math.PI / 180, 2));
            points.Add(new ProfilePoint(r, v, err, err));
        }
        return new ProfileSeries(PaperEq7Legend, points)
        {
            Color = FigureStyle.Red, Symbol = "x-thin", OpenMarker = true, MarkerSize = 9, ShowLine = false,
        };
    }

    internal const string PaperEq7Legend = "Li et al. 2026: Eq. 7 on their Table 3";

    static (double Lo, double Hi) ChandraReflexRange
    {
        get
        {
            var r = LiteraturePoints.All.Where(p => p.Source == "Chandra2025" && p.R is not null).Select(p => p.R!.Value).ToList();
            return r.Count > 0 ? (r.Min(), r.Max()) : (double.PositiveInfinity, double.NegativeInfinity);
        }
    }

    /// <summary>Fig. 10 (Appendix A): p_MR and β_MP of the mock with 0, 18% and 30% distance errors against the mock's input.</summary>
    public static Figure Fig10(DistanceErrorProfiles appendix)
    {
        ArgumentNullException.ThrowIfNull(appendix);
        var styles = new Dictionary<double, (string Colour, LineDash Dash, string Symbol)>
        {
            [0.0] = (FigureStyle.Grey, LineDash.Solid, "circle"), [0.18] = (FigureStyle.Red, LineDash.Dash, "square"),
            [0.30] = (FigureStyle.Blue, LineDash.Dot, "diamond"),
        };
        ProfilePanel Panel(string key, string title, IReadOnlyList<(double R, double Value)> input) => new(title)
        {
            Series =
            [
                // The paper's Appendix A takes p_MR from Medina et al. (2025), published only as a figure: the mock draws Table 2's.
                new ProfileSeries(appendix.InputLabel ?? (key == "p_mr" ? Fig10InputPmr : "mock input (Table 2)"),
                        input.Select(p => new ProfilePoint(p.R, p.Value, 0, 0)).ToList())
                    { Color = "black", MarkerSize = 0.1 },
                .. appendix.Levels.Select((level, i) =>
                {
                    var (colour, dash, symbol) = styles.TryGetValue(Math.Round(level.FractionalError, 2), out var s) ? s
                        : (FigureStyle.Grey, LineDash.DashDot, "x");
                    return Series($"{100 * level.FractionalError:0}% distance error", level.Bins, key, colour, symbol)
                        with { Dash = dash, XShiftFraction = 0.015 * i };
                }),
            ],
            LegendPosition = key == "p_mr" ? "top right" : "bottom left",
        };
        // β_MP is fixed to [−2, 1.05]: one poorly constrained outer bin (e.g. −12 ± 16 at 30 %) would otherwise flatten every
        // other point onto a line; values outside are named in the panel's corner, not dropped silently.
        var betaRange = (Lo: -2.0, Hi: 1.05);
        var offScale = appendix.Levels.SelectMany(level => level.Bins
                .Where(b => b["beta_mp"].Value is var v && (v < betaRange.Lo || v > betaRange.Hi))
                .Select(b => string.Create(CultureInfo.InvariantCulture,
                    $"{100 * level.FractionalError:0}% at {b.Bin.Label}: {b["beta_mp"].Value:0.0} ± {b["beta_mp"].Sigma:0.0}")))
            .ToList();
        var beta = Panel("beta_mp", ParameterLabels.For("beta_mp"), appendix.InputBetaMetalPoor) with
        {
            YRange = betaRange,
            Label = offScale.Count == 0 ? null : "off scale: " + string.Join("; ", offScale),
        };
        return ProfilePlot.Grid([Panel("p_mr", ParameterLabels.For("p_mr"), appendix.InputMetalRichFraction), beta],
            new ProfileOptions { Columns = 2, LogX = true, XRange = ProfileRange, PanelWidth = 460, PanelHeight = 340, FileStem = "fig10_distance_errors",
                Title = "Figure 10. Impact of distance errors on p<sub>MR</sub> and β<sub>MP</sub> (Appendix A)" });
    }

    internal const string Fig10InputPmr = "mock input: Table 2's p<sub>MR</sub> (the paper's: Medina+2025, a figure only)";

    // ---------------------------------------------------------------- sky map (Fig. 8)

    /// <summary>Fig. 8: observed ⟨V_r⟩ per HEALPix pixel (left) and the best-fit Eq. 6 model (right), with our apex (white
    /// dot), Byström et al. (2025)'s published apex (orange dot; and the apex we fit to their DESI DR1 BHB stars, when
    /// given) and the LMC (red pentagram). The colour scale is shared, centred on zero, and spans the model's range (rounded
    /// up to 5 km/s), so the model's dipole is visible; observed pixels beyond it saturate and the caption counts them.</summary>
    public static Figure Fig8(Analysis.MeanVelocityMap map, DipoleVelocityField? bhbFit = null)
    {
        ArgumentNullException.ThrowIfNull(map);
        var pixels = map.Pixels.Select(p => p.Index).ToList();
        var observed = map.Pixels.Select(p => p.MeanVr).ToList();
        var model = map.Pixels.Select(p => p.ModelVr).ToList();
        var errors = map.Pixels.Select(p => p.ErrMeanVr).Where(double.IsFinite).OrderBy(e => e).ToArray();
        double medianError = errors.Length > 0 ? SampleBinning.Quantile(errors, 0.5) : 0;
        // The model's own range: a scale set by the noisy pixels (±55 km/s) left the model's −24…+5 km/s dipole one colour.
        double limit = model.Where(double.IsFinite).Select(Math.Abs).DefaultIfEmpty(1).Max();
        limit = Math.Max(5, Math.Ceiling(limit / 5) * 5);
        int saturated = observed.Count(v => double.IsFinite(v) && Math.Abs(v) > limit);
        var bys = DipoleVelocityField.Bystrom2025;
        var markers = new List<SkyMarker>
        {
            SkyMarkers.Lmc with { L = LiteraturePoints.Lmc.L, B = LiteraturePoints.Lmc.B },
            SkyMarkers.Apex(map.Model.LApex, map.Model.BApex, "best-fit apex (this work)"),
            SkyMarkers.Apex(bys.LApex, bys.BApex, "Byström+2025 apex (published)") with { Color = "#ff7f0e" },
        };
        if (bhbFit is not null)
            markers.Add(SkyMarkers.Apex(bhbFit.LApex, bhbFit.BApex, "apex of our fit to the DESI DR1 BHB stars")
                with { Color = "#ff7f0e", Symbol = "diamond" });
        int nStars = map.Pixels.Sum(p => p.Count);
        // The mask and footprint edges as lines, so they differ from the grey of pixels with too few stars (issue 27).
        double sgr = Selection.SelectionSettings.PaperDipole.SgrBWidth, decMin = DesiDecMin;
        string dec = decMin.ToString("0", System.Globalization.CultureInfo.InvariantCulture).Replace('-', '−');
        SkyCurve[] curves =
        [
            SkyCurves.SagittariusMaskEdges(sgr, $"Sgr mask edges, |B̃| = {sgr:0}° (stars between them removed)")
                with { Color = SgrMaskColor, Dash = LineDash.Dash, Width = 1.8 },
            SkyCurves.DeclinationLimit(decMin, $"DESI footprint edge, dec = {dec}° (nothing observed south of it)")
                with { Color = "black", Dash = LineDash.DashDot, Width = 1.8 },
        ];
        return SkyMap.Mollweide(map.Nside,
            [
                new SkyMapPanel($"observed, {map.RMin:0}–{map.RMax:0} kpc ({map.Pixels.Count} pixels with ≥ {map.MinStars} stars)", pixels, observed),
                new SkyMapPanel("best-fit model (Eq. 6)", pixels, model),
            ],
            new SkyMapOptions
            {
                ColorLimit = limit, Markers = markers, Curves = curves, LegendHeight = 64, FileStem = "fig08_skymap",
                Title = "Figure 8. Mean radial velocity of the outer halo",
                Caption =
                [
                    $"Observed: weighted mean per pixel, {map.WeightingDescription}; pixel errors include the intrinsic dispersion (median ± " +
                        $"{medianError:0.0} km/s, {nStars:N0} stars).",
                    $"Colour scale ±{limit:0} km/s: the model's range, so its dipole shows; {saturated} of {map.Pixels.Count} observed pixels lie beyond it " +
                        $"and take the end colours. Grey: pixels with < {map.MinStars} stars (none drawn in the model panel either).",
                    $"Purple dashed lines: the Sgr mask's edges |B̃| = {sgr:0}°; black dash-dot line: DESI's limit dec = {dec}° (a cap around the " +
                        "south celestial pole, l ≈ 303°, b ≈ −27°, is never observed); the Galactic plane (|b| ≲ 20°) has few stars.",
                ],
            });
    }

    /// <summary>§2.1: DESI observes nothing south of dec = −20° (the mock's footprint, Mocks.DesiFootprint, uses the same limit).</summary>
    internal const double DesiDecMin = -20;

    /// <summary>Fig. 8's Sgr-mask edges: purple, off the red–blue colour scale and unlike the grey of empty pixels.</summary>
    internal const string SgrMaskColor = "#7b3294";

    // ---------------------------------------------------------------- helpers

    /// <summary>β ≤ 1 by definition; below, room for the lowest value (not its error bar, which can reach far).</summary>
    static (double, double) BetaRange(IReadOnlyList<BinFit> bins, string key, IReadOnlyList<BinFit> single)
    {
        double lowest = Points(bins, key).Concat(Points(single, "beta")).Select(p => p.Y).DefaultIfEmpty(0).Min();
        return (Math.Min(-0.25, Math.Floor((lowest - 0.15) * 4) / 4), 1.05);
    }

    static ProfileSeries LegendOnly(string name, string colour, string symbol = "circle") =>
        new(name, [new ProfilePoint(double.NaN, double.NaN, 0, 0)]) { Color = colour, Symbol = symbol };

    static void RequireProfile(RadialProfile profile, FitModel model, int figure)
    {
        ArgumentNullException.ThrowIfNull(profile);
        if (profile.Model != model) throw new ArgumentException($"Figure {figure} needs the {model}-model profile, got the " +
            $"{profile.Model} one.", nameof(profile));
    }

    static ProfilePoint Point(double r, Measurement m) => new(r, m.Value, Positive(m.ErrPlus), Positive(m.ErrMinus));

    static double Positive(double e) => double.IsFinite(e) && e > 0 ? e : 0;

    /// <summary>Our bins' points of one parameter at each bin's median r_GC (§4.1.1).</summary>
    static List<ProfilePoint> Points(IReadOnlyList<BinFit> bins, string key) =>
        bins.Where(b => b.Parameters.TryGetValue(key, out var m) && double.IsFinite(m.Value) && double.IsFinite(b.Bin.RMedian))
            .Select(b => Point(b.Bin.RMedian, b[key])).ToList();

    /// <summary>Figs. 2 and 5: the SEGUE K giants fitted with the paper's selection and models, where the paper draws Bird et
    /// al. (2021) and Medina et al. (2025), whose profiles are published only as figures (<see cref="ComparisonProfiles"/>).</summary>
    static ProfileSeries Comparison(FitModel model, string key) =>
        new(ComparisonProfiles.SegueLabel, ComparisonProfiles.SegueKGiants.Of(model.Name, key).Select(p => Point(p.RMedian, p.Value)).ToList())
        { Color = FigureStyle.Bird2021, Symbol = "circle-open", XShiftFraction = -0.025 };

    static ProfileSeries Series(string name, IReadOnlyList<BinFit> bins, string key, string colour, string symbol = "circle") =>
        new(name, Points(bins, key)) { Color = colour, Symbol = symbol };

    static readonly (string Key, string Symbol, string Colour)[] Components =
        [("r", "circle", RColor), ("phi", "square", PhiColor), ("theta", "diamond", ThetaColor)];

    /// <summary>Fig. 2/5 left panels: ⟨V_x⟩ filled with solid lines, σ_x open with dashed lines, x = r, φ, θ.</summary>
    static IEnumerable<ProfileSeries> VelocitySeries(IReadOnlyList<BinFit> bins, string suffix, IReadOnlyList<TableRow> paper)
    {
        foreach (var (x, symbol, colour) in Components)
        {
            string mean = x == "r" ? "vr" : "v" + x, sigma = "sigma_" + x;
            yield return Series(CornerPlot.StripUnit(ParameterLabels.For(mean)), bins, mean + suffix, colour, symbol);
            yield return Series(CornerPlot.StripUnit(ParameterLabels.For(sigma)), bins, sigma + suffix, colour, symbol)
                with { OpenMarker = true, Dash = LineDash.Dash };
        }
        foreach (var (x, _, colour) in Components)
        {
            string mean = x == "r" ? "vr" : "v" + x;
            yield return PaperSeries(paper, bins, mean, colour, null);
            yield return PaperSeries(paper, bins, "sigma_" + x, colour, null);
        }
    }

    /// <summary>The paper's rows of one table (without the all-stars row), of one component for Table 2.</summary>
    static IReadOnlyList<TableRow> PaperRows(PaperTable table, string? component) =>
        table.Rows.Where(r => r.Component == component).Skip(1).ToList();

    /// <summary>Paper values as × markers at our matching bin's median r_GC (the paper does not print its medians), or at
    /// the bin's geometric centre when no bin of ours matches.</summary>
    static ProfileSeries PaperSeries(IReadOnlyList<TableRow> rows, IReadOnlyList<BinFit> ours, string key, string colour, string? legendName)
    {
        var points = new List<ProfilePoint>();
        foreach (var row in rows)
        {
            if (!row.Values.TryGetValue(key, out var m) || !double.IsFinite(m.Value)) continue;
            var match = ours.FirstOrDefault(b => Math.Abs(b.Bin.RMin - row.RMin) < 1e-6 && Math.Abs(b.Bin.RMax - row.RMax) < 1e-6);
            double r = match is not null && double.IsFinite(match.Bin.RMedian) ? match.Bin.RMedian : Math.Sqrt(row.RMin * row.RMax);
            points.Add(Point(r, m));
        }
        return new ProfileSeries(legendName ?? $"{PaperName} {key}", points)
        {
            Color = colour, Symbol = "x-thin", OpenMarker = true, MarkerSize = 9, ShowLine = false, XShiftFraction = 0.04,
            ShowInLegend = legendName is not null,
        };
    }

    /// <summary>A legend-only entry explaining the × markers.</summary>
    static ProfileSeries PaperLegend(string table = "") =>
        new($"{PaperName}{(table.Length > 0 ? " " + table : "")}", [new ProfilePoint(double.NaN, double.NaN, 0, 0)])
        { Color = FigureStyle.Grey, Symbol = "x-thin", OpenMarker = true, ShowLine = false };
}
