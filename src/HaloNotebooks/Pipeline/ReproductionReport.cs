using System.Globalization;
using System.Net;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using HaloNotebooks.Figures;
using HaloNotebooks.Selection;
using HaloNotebooks.Analysis;
using HaloNotebooks.Paper;
using HaloNotebooks.Truth;

using HaloNotebooks.Literature;

namespace HaloNotebooks.Pipeline;

/// <summary>A figure written by the run: its title and file names relative to the report folder (PNG null when not rendered).</summary>
internal sealed record ReportFigure(string Title, string HtmlFile, string? PngFile)
{
    /// <summary>The figure itself, so the report can draw it inline when there is no PNG (null: link only).</summary>
    public Figures.Figure? Figure { get; init; }

    /// <summary>Why there is no PNG (not asked for, Chromium missing, a rendering error), or null.</summary>
    internal string? PngStatus { get; init; }
}

/// <summary>
/// What `halo reproduce` leaves behind besides the tables and figures: the report page (index.html: the funnel, every
/// table beside the paper's with differences in σ, every figure, settings, seed, software versions, timings) and the
/// machine-readable summary.json.
/// </summary>
internal sealed class ReproductionReport
{
    internal ReproductionReport(Funnel funnel, Funnel? dipoleFunnel, AnalysisResults results, IReadOnlyList<ReportFigure> figures,
        IReadOnlyList<(string Name, object Value)> settings, IReadOnlyList<(string Stage, double Seconds)> timings, string inputDescription,
        IReadOnlyList<TableComparison>? truthComparisons = null, IReadOnlyList<ErrorCalibration>? calibrations = null,
        SelectionBias? selectionBias = null, IReadOnlyList<string>? selectionChanges = null, PolarVelocityFootprint? eq7Footprint = null)
    {
        Eq7Footprint = eq7Footprint;
        SelectionBias = selectionBias;
        SelectionChanges = selectionChanges ?? [];
        TruthComparisons = truthComparisons ?? [];
        Calibrations = calibrations ?? [];
        Funnel = funnel;
        DipoleFunnel = dipoleFunnel;
        Results = results;
        Figures = figures;
        Settings = settings;
        Timings = timings;
        InputDescription = inputDescription;
    }

    public Funnel Funnel { get; }
    internal Funnel? DipoleFunnel { get; }

    /// <summary>The dipole fit of the DESI DR1 BHB stars (`--bhb PATH`), or null.</summary>
    internal BhbDipoleFit? Bhb { get; init; }

    /// <summary>Fig. 6's outer hemisphere bins against Table 3's field on the same stars (issue 27), or null.</summary>
    internal HemisphereFieldCheck? HemisphereField { get; init; }

    /// <summary>What lowers Fig. 2's β without the Sgr mask, from the mock's truth (issue 27), or null.</summary>
    internal SgrUnmaskedBeta? SgrUnmasked { get; init; }

    /// <summary>The public comparison catalogues fitted here (Literature.LiteratureFits), or null.</summary>
    internal LiteratureResult? Literature { get; init; }

    /// <summary>What was tested of Table 3's σ_r (Analysis.Table3SigmaRCheck), or null.</summary>
    internal Table3SigmaRCheck? Table3SigmaR { get; init; }

    /// <summary>PPC, convergence and the other model checks of issue 28 (the "Model checks" section), or null.</summary>
    internal ModelChecks? ModelChecks { get; init; }
    internal AnalysisResults Results { get; }
    public IReadOnlyList<ReportFigure> Figures { get; }

    /// <summary>Run settings in the order shown (walkers, steps, burn, seed, input paths…): numbers, strings or booleans.</summary>
    internal IReadOnlyList<(string Name, object Value)> Settings { get; }

    /// <summary>Wall time per stage (mock, selection, fits…, figures, tables).</summary>
    internal IReadOnlyList<(string Stage, double Seconds)> Timings { get; }

    /// <summary>Tables 1–3 against a mock's truth (empty for a real catalogue).</summary>
    internal IReadOnlyList<TableComparison> TruthComparisons { get; }

    /// <summary>Tables 1–2's error bars against the mock's realisation scatter (empty for a real catalogue).</summary>
    internal IReadOnlyList<ErrorCalibration> Calibrations { get; }

    /// <summary>The calibrated mock's intrinsic inputs beside the paper's Table 2 (null for a real catalogue).</summary>
    public SelectionBias? SelectionBias { get; }

    /// <summary>On a mock: Eq. 7 over the §4.4 footprint against the whole sky, from the mock's reflex motion (null otherwise).</summary>
    internal PolarVelocityFootprint? Eq7Footprint { get; }

    /// <summary>What was analysed ("default mock in data/mock", or the user's catalogue path).</summary>
    internal string InputDescription { get; }

    /// <summary>What-if changes to the paper's selection ("FehMax=-1 (paper: -0.85 dex)"); empty for the paper's cuts.</summary>
    internal IReadOnlyList<string> SelectionChanges { get; }

    /// <summary>.NET, OS and the versions of the library and the packages it runs on.</summary>
    internal static IReadOnlyList<(string Name, string Version)> SoftwareVersions()
    {
        var list = new List<(string, string)>
        {
            (".NET", RuntimeInformation.FrameworkDescription),
            ("OS", RuntimeInformation.OSDescription),
            ("cores", Environment.ProcessorCount.ToString(CultureInfo.InvariantCulture)),
        };
        foreach (var type in new[] { typeof(PaperAnalysis), typeof(MathNet.Numerics.Control), typeof(Deedle.Frame), typeof(Plotly.NET.GenericChart) })
        {
            var a = type.Assembly;
            string version = a.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? a.GetName().Version?.ToString() ?? "?";
            int plus = version.IndexOf('+');
            list.Add((a.GetName().Name ?? "?", plus > 0 ? version[..plus] : version));
        }
        return list;
    }

    /// <summary>summary.json: {"funnel": [...], "tables": {"table1": [...], ...}, "timings_s": {...}, "settings": {...}}.</summary>
    internal string ToSummaryJson()
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteStartArray("selection_changes");
            foreach (var c in SelectionChanges) w.WriteStringValue(c);
            w.WriteEndArray();
            WriteFunnel(w, "funnel", Funnel);
            if (DipoleFunnel is not null) WriteFunnel(w, "funnel_dipole", DipoleFunnel);
            w.WriteStartObject("tables");
            foreach (var table in Results.Tables) WriteTable(w, table);
            w.WriteEndObject();
            WriteComparisons(w, "comparison_with_paper", Results.CompareWithPaper());
            if (TruthComparisons.Count > 0) WriteComparisons(w, "comparison_with_mock_truth", TruthComparisons);
            if (Calibrations.Count > 0)
            {
                w.WriteStartObject("noise_scatter_fixed_stars");
                foreach (var c in Calibrations)
                {
                    w.WriteStartObject("table" + c.Table);
                    w.WriteNumber("entries", c.Entries.Count);
                    WriteNumber(w, "median_scatter_over_sigma", c.MedianRatio);
                    w.WriteNumber("above_2x", c.Above(2).Count);
                    w.WriteEndObject();
                }
                w.WriteEndObject();
            }
            if (Bhb is not null) WriteBhb(w, Bhb);
            ModelChecks?.WriteJson(w);
            w.WriteStartObject("timings_s");
            foreach (var (stage, s) in Timings) w.WriteNumber(stage, Math.Round(s, 3));
            w.WriteEndObject();
            w.WriteStartObject("settings");
            foreach (var (name, value) in Settings)
            {
                switch (value)
                {
                    case int i: w.WriteNumber(name, i); break;
                    case long l: w.WriteNumber(name, l); break;
                    case double d: WriteNumber(w, name, d); break;
                    case bool b: w.WriteBoolean(name, b); break;
                    default: w.WriteString(name, Convert.ToString(value, CultureInfo.InvariantCulture)); break;
                }
            }
            w.WriteEndObject();
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>"bhb_dipole": the funnel, both modes as sampled, the folded fit and Byström et al.'s published values.</summary>
    static void WriteBhb(Utf8JsonWriter w, BhbDipoleFit bhb)
    {
        w.WriteStartObject("bhb_dipole");
        WriteFunnel(w, "funnel", bhb.Sample.Funnel);
        w.WriteNumber("n", bhb.Folded.Bin.Count);
        WriteNumber(w, "r_median", bhb.Folded.Bin.RMedian);
        void Parameters(string name, IReadOnlyDictionary<string, Measurement> values)
        {
            w.WriteStartObject(name);
            foreach (var (key, m) in values)
            {
                w.WriteStartObject(key);
                WriteNumber(w, "median", m.Value);
                WriteNumber(w, "p16", m.P16);
                WriteNumber(w, "p84", m.P84);
                w.WriteEndObject();
            }
            w.WriteEndObject();
        }
        Parameters("folded", bhb.Folded.Parameters);
        w.WriteStartArray("modes");
        foreach (var mode in bhb.Modes)
        {
            w.WriteStartObject();
            w.WriteString("mode", mode.Name);
            w.WriteNumber("samples", mode.Samples);
            WriteNumber(w, "fraction", mode.Fraction);
            Parameters("parameters", mode.Parameters);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartObject("bystrom2025_published");
        var p = BhbDipoleFit.Published;
        w.WriteNumber("mu_compr", p.MuCompr); w.WriteNumber("mu_dipole", p.MuDipole); w.WriteNumber("l_apex", p.LApex); w.WriteNumber("b_apex", p.BApex);
        w.WriteEndObject();
        w.WriteEndObject();
    }

    static void WriteFunnel(Utf8JsonWriter w, string name, Funnel funnel)
    {
        w.WriteStartArray(name);
        foreach (var s in funnel.Steps)
        {
            w.WriteStartObject();
            w.WriteString("cut", s.Cut);
            w.WriteNumber("kept", s.Kept);
            w.WriteNumber("removed", s.Removed);
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }

    /// <summary>One table as rows of {component?, r_min, r_max, n, r_median, param: {median, p16, p84}} with `halo fit`'s names.</summary>
    /// <summary>A summary per table of a set of comparisons (entries, fractions within 1σ and 2σ, count beyond 4σ).</summary>
    static void WriteComparisons(Utf8JsonWriter w, string name, IEnumerable<TableComparison> comparisons)
    {
        w.WriteStartObject(name);
        foreach (var c in comparisons)
        {
            w.WriteStartObject(c.Ours.Name);
            w.WriteNumber("entries", c.Entries.Count);
            WriteNumber(w, "fraction_within_1sigma", c.FractionWithin1Sigma);
            WriteNumber(w, "fraction_within_2sigma", c.FractionWithin2Sigma);
            w.WriteNumber("beyond_4sigma", c.CountBeyond(4));
            w.WriteEndObject();
        }
        w.WriteEndObject();
    }

    /// <summary>A table as summary.json writes it (also `halo fit --bins`): per row the range, N, median r and each
    /// entry's median, p16, p84 under its `halo fit` name.</summary>
    internal static void WriteTable(Utf8JsonWriter w, PaperTable table)
    {
        w.WriteStartArray(table.Name);
        foreach (var row in table.Rows)
        {
            w.WriteStartObject();
            if (row.Component is not null) w.WriteString("component", row.Component);
            w.WriteNumber("r_min", row.RMin);
            w.WriteNumber("r_max", row.RMax);
            if (row.N is int n) w.WriteNumber("n", n); else w.WriteNull("n");
            WriteNumber(w, "r_median", row.RMedian);
            foreach (var c in table.Columns)
            {
                if (!row.Values.TryGetValue(c.Key, out var m)) continue;
                w.WriteStartObject(FitName(table.Number, c.Key, row.Component));
                WriteNumber(w, "median", m.Value);
                WriteNumber(w, "p16", m.P16);
                WriteNumber(w, "p84", m.P84);
                w.WriteEndObject();
            }
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }

    /// <summary>The `halo fit` JSON name of a table column: Table 2 adds _mr / _mp except on p_mr.</summary>
    internal static string FitName(int table, string key, string? component) =>
        table == 2 && key != "p_mr" ? key + "_" + component!.ToLowerInvariant() : key;

    static void WriteNumber(Utf8JsonWriter w, string name, double value)
    {
        if (double.IsFinite(value)) w.WriteNumber(name, value); else w.WriteNull(name);
    }

    /// <summary>The report's section on the DESI DR1 BHB stars: what was done, the funnel, both modes, the folded fit, the
    /// comparison with Byström et al. (2025)'s published values.</summary>
    static string BhbSection(BhbDipoleFit bhb)
    {
        var sb = new StringBuilder();
        sb.Append("<h2 id=\"bhb\">Real DESI DR1 BHB stars (Byström et al. 2025): the dipole field of &sect;3.2</h2>\n")
          .Append("<p>The same dipole + contraction model (Eq. 6), priors and sampler as Table 3, fitted to the public DESI DR1 blue horizontal branch stars " +
              "of Byström et al. (2025) between 50 and 120 kpc. ")
          .Append("The model is unchanged when &mu;<sub>dipole</sub> changes sign and the apex moves to its antipode, so the posterior has two mirror modes; " +
              "both are listed as the sampler visited them, then the folded result (&mu;<sub>dipole</sub> &le; 0, Table 3's convention). ")
          .Append("The fit is drawn in Figs. 6 (north/south &lang;V<sub>r</sub>&rang; of these stars, dashed, &plusmn;1&sigma; shaded), 8 (apex, orange " +
              "diamond) and 9 (the same fit in each of Table 3's sub-bins with at least " + BhbDipoleFit.MinSubBinStars + " stars: dotted lines through " +
              "the medians, 16&ndash;84th percentiles shaded) beside Byström et al.'s published values, which §4.4 quotes without errors (their " +
              "tables could not be read here: data/reference/SOURCE.md). Files: tables/bhb_dipole.csv (one row per sub-bin fit), tables/funnel_bhb.md.</p>\n")
          .Append("<p>As sampled, the two modes are mirror images only up to the sampler's noise: with a few hundred stars each mode is broad and the " +
              "walkers visit them unevenly, so compare the folded row, not the modes' medians.</p>\n")
          .Append(bhb.Sample.Funnel.ToHtml()).Append(bhb.ToHtml());
        sb.Append("<table><caption>Folded fit against Byström et al. (2025)'s published values (no errors are shipped for theirs; &Delta; in units of our " +
            "1&sigma;)</caption><tr><th>parameter</th><th>ours (DESI DR1 BHB)</th><th>Byström et al. (2025)</th><th>&Delta;</th></tr>");
        foreach (var (name, ours, published, d) in bhb.ComparisonWithPublished())
            sb.Append("<tr><td>").Append(WebUtility.HtmlEncode(name)).Append("</td><td>").Append(ours.ToHtml(1)).Append("</td><td>")
              .Append(published.ToString("0.#", CultureInfo.InvariantCulture)).Append("</td><td>")
              .Append(double.IsFinite(d) ? d.ToString("+0.0;−0.0", CultureInfo.InvariantCulture) + "&sigma;" : "—").Append("</td></tr>");
        sb.Append("</table>\n");
        return sb.ToString();
    }

    /// <summary>The self-contained report page.</summary>
    internal string ToIndexHtml()
    {
        var sb = HtmlPage.Start("HaloNotebooks — reproduction of Li et al. (2026)", HtmlPage.DocumentStyle +
            "iframe{width:100%;height:34em;border:1px solid #ddd}nav a{margin-right:1em}.small{color:#555;font-size:0.85em}" +
            ".about{background:#f4f6fa;border-left:4px solid #6a8cc7;padding:0.6em 1em;margin:1em 0}.note{background:#fff6e0;border-left:4px solid " +
            "#e0a030;padding:0.4em 1em}", plotly: Figures.Any(f => f.PngFile is null && f.Figure is not null));   // figures drawn in the page
        sb.Append("<h1>The velocity field of the Milky Way's outer stellar halo — reproduction</h1>\n");
        sb.Append("<p>Every table and figure of Li, Wang, Koposov et al. (2026, DESI DR2) recomputed on: <b>")
          .Append(WebUtility.HtmlEncode(InputDescription))
              .Append("</b>. Each table is set beside the paper's; &Delta; is (ours &minus; paper) in units of the combined 1&sigma;.</p>\n");
        if (SelectionChanges.Count > 0)
            sb.Append("<p style=\"background:#fff3c4;padding:0.6em;border:1px solid #d8b84a\"><b>What-if run: the paper's selection was changed</b> — ")
              .Append(WebUtility.HtmlEncode(string.Join("; ", SelectionChanges)))
              .Append(". Every difference from the paper below includes the effect of these changes; <code>halo compare</code> against a run with the " +
                  "paper's cuts isolates it.</p>\n");
        sb.Append("<div class=\"about\"><b>What &ldquo;against the paper&rdquo; means here.</b> ");
        bool mock = SelectionBias is not null || TruthComparisons.Count > 0;
        sb.Append(mock
            ? "DESI DR2's star catalogue is not public, so this run analyses the project's mock: a DESI-like catalogue forward-modelled from the " +
                "paper's own Tables 1&ndash;3. "
              + "Agreement with the <a href=\"#tables\">paper's tables</a> therefore shows that the pipeline returns what the mock was built from &mdash; it " +
                  "is not an independent check of the paper's measurement; "
              + (TruthComparisons.Count > 0
                  ? "the <a href=\"#truth\">mock's truth</a> is the exact answer for these stars, and the noise scatter on fixed stars says how far " +
                      "measurement noise alone moves each number (coverage over independent mocks is <code>halo sweep</code>'s). "
                  : "the truth of this one realisation (re-observed replicas of the mock, which separate realisation noise from pipeline bias) was not " +
                      "computed: <code>halo reproduce --mock-truth</code> adds it (coverage over independent mocks is <code>halo sweep</code>'s). ")
              + "The <a href=\"#funnel\">funnel</a> sets our counts beside the paper's (&sect;2.3); " +
                  "" + LiteratureReport.FiguresSentence(Literature, Bhb is not null)
            : "This run analyses a real catalogue: the <a href=\"#tables\">tables</a> compare its fits with the paper's DESI DR2 values entry by entry, the " +
                "<a href=\"#funnel\">funnel</a> sets its counts beside the paper's (&sect;2.3), "
              + LiteratureReport.FiguresSentence(Literature, Bhb is not null) + " Differences measure the catalogues' differences as well as the method.");
        sb.Append("</div>\n");
        sb.Append("<nav><a href=\"#funnel\">Selection</a><a href=\"#tables\">Tables</a><a href=\"#figures\">Figures</a><a href=\"#extra\">Hemispheres, sky " +
            "map, Eq. 7, Appendix A</a>");
        if (Bhb is not null) sb.Append("<a href=\"#bhb\">DESI DR1 BHB stars</a>");
        if (ModelChecks is not null) sb.Append("<a href=\"#model-checks\">Model checks</a>");
        sb.Append("<a href=\"#run\">Run</a></nav>\n");
        sb.Append("<h2 id=\"funnel\">Selection (§2.3)</h2>").Append(FunnelWithPaperCounts(Funnel));
        if (DipoleFunnel is not null) sb.Append("<p>Outer-halo sample of §4.4 (|&delta;V<sub>r</sub>| &lt; 50 km/s, no tangential-error cut):</p>")
            .Append(DipoleFunnel.ToHtml());
        sb.Append("<h2 id=\"tables\">Tables 1–3 against the paper</h2>\n<p>Files: ");
        foreach (var t in Results.Tables)
            sb.Append(CultureInfo.InvariantCulture, $"<a href=\"tables/{t.Name}.csv\">{t.Name}.csv</a> <a href=\"tables/{t.Name}.md\">.md</a> " +
                $"<a href=\"tables/{t.Name}.tex\">.tex</a>; ");
        sb.Append("</p>\n");
        var versusPaper = Results.CompareWithPaper();
        if (SelectionBias is not null)
            sb.Append("<p><b>What agreement means here.</b> The input is the calibrated mock: its halo was chosen (<code>halo mock calibrate</code>) so that " +
                "the paper's selection and fits return Table 2 <i>in expectation</i>. Agreement with the paper therefore tests the pipeline end to end " +
                "&mdash; the cuts, the Monte-Carlo errors, the samplers, the tables &mdash; and the calibration; it does not confirm the paper's physics, " +
                "which the mock assumes. One realisation scatters about the expectation by the paper's own error bars (plus the calibration's ≈ half of " +
                "them), so about 90&ndash;95% of entries within 2&sigma; is what a correct pipeline gives. Every entry beyond 3&sigma; is listed below with " +
                "its explanation; one marked <b>not explained</b> is a bug until shown otherwise.</p>\n");
        sb.Append(PaperDiscrepancies.ToHtml(versusPaper));
        foreach (var c in versusPaper)
            sb.Append(CultureInfo.InvariantCulture, $"<h3>Table {c.Ours.Number}</h3>").Append(c.ToHtml()).Append('\n');
        if (SelectionBias is not null)
            sb.Append("<h2 id=\"selection-bias\">The selection bias of the paper's Table 2 (under the mock's assumptions)</h2>\n<p>The calibration gives, " +
                "for every Table 2 entry, the intrinsic value of the population before the &sect;2.3 cuts that the paper's cuts and two-component model turn " +
                "into the published one: e.g. the metal-rich [Fe/H] spread before the [Fe/H] &lt; &minus;0.85 truncation, and p<sub>MR</sub> before the cut. " +
                "This holds only under the mock's assumptions (Gaussian components per bin, interpolated in ln r; the mock's error model and contaminants). " +
                "Files: tables/selection_bias.csv, .md, .tex; provenance: data/reference/mock_calibrated_halo.md.</p>\n<p>" +
                WebUtility.HtmlEncode(SelectionBias.Summary + " " + SelectionBias.SpreadNote) + "</p>\n")
              .Append(SelectionBias.ToHtml()).Append('\n');
        if (TruthComparisons.Count > 0)
        {
            sb.Append("<h2 id=\"truth\">Tables 1–3 against the mock's truth</h2>\n<p>The truth of Tables 1–2 is what the fits tend to on these true stars: " +
                "the mock observed again (every measurement redrawn with its quoted error), re-selected by &sect;2.3 and fitted by extreme deconvolution " +
                "inside the paper's prior box, pooled over the replicas; Table 3's is the mock's dipole field averaged over the selected stars. It has no " +
                "error, so &Delta; is in units of our 1&sigma;.</p>\n");
            foreach (var c in TruthComparisons) sb.Append(CultureInfo.InvariantCulture, $"<h3>Table {c.Ours.Number}</h3>").Append(c.ToHtml()).Append('\n');
            if (Calibrations.Count > 0)
            {
                sb.Append("<h3>Measurement noise alone, on fixed stars</h3>\n<p>Each re-observation of the same stars fitted alone gives its own answer; " +
                    "half the 16&ndash;84% width of their answers (the measure a posterior &sigma; uses) is how far the measurement noise alone moves the " +
                    "result. It is not a test of the error bars: the stars never change, so the finite-sample part of the uncertainty is absent. Entries " +
                    "that noise alone moves by more than 2&times; their &sigma; (two modes, a prior edge) are listed. Whether the error bars cover the truth " +
                    "is answered by the coverage over independent mocks of <code>halo sweep</code>. Files: tables/table1_noise_scatter_fixed_stars.csv, " +
                    "table2_noise_scatter_fixed_stars.csv.</p>\n");
                foreach (var c in Calibrations) sb.Append(c.ToHtml()).Append('\n');
            }
        }
        sb.Append("<h2 id=\"figures\">Figures</h2>\n");
        if (Figures.Count == 0) sb.Append("<p>No figures were written.</p>");
        var pngStatus = Figures.Select(f => f.PngStatus).Where(m => m is not null).Distinct().ToList();
        if (Figures.Count > 0 && Figures.All(f => f.PngFile is null))
            sb.Append("<p class=\"note\">No PNG was written: ").Append(WebUtility.HtmlEncode(pngStatus.FirstOrDefault() ?? "unknown reason."))
              .Append(" The figures below are drawn in this page (plotly.js loaded once); each also has a self-contained HTML file.</p>\n");
        var figurePage = new FigurePage { Inclusion = PlotlyJsInclusion.Never };   // plotly.js is in the head above
        foreach (var f in Figures)
        {
            sb.Append("<h3>").Append(WebUtility.HtmlEncode(f.Title)).Append("</h3>");
            sb.Append(CultureInfo.InvariantCulture, $"<p class=\"small\"><a href=\"{WebUtility.HtmlEncode(f.HtmlFile)}\">interactive HTML</a>");
            if (f.PngFile is not null) sb.Append(CultureInfo.InvariantCulture, $" · <a href=\"{WebUtility.HtmlEncode(f.PngFile)}\">PNG</a>");
            else if (f.PngStatus is not null && Figures.Any(o => o.PngFile is not null)) sb.Append(" · ").Append(WebUtility.HtmlEncode(f.PngStatus));
            sb.Append("</p>");
            if (f.Figure is not null) sb.Append("<p class=\"small\">").Append(FigureCaptions.Html(f.Figure)).Append("</p>");   // issue 27
            if (f.PngFile is not null)
                sb.Append(CultureInfo.InvariantCulture, $"<img src=\"{WebUtility.HtmlEncode(f.PngFile)}\" alt=\"{WebUtility.HtmlEncode(f.Title)}\" " +
                    $"style=\"max-width:100%\"/>");
            else if (f.Figure is not null)
            {
                var div = new StringBuilder();
                FigureHtml.AppendFigure(div, f.Figure, figurePage, staticPlot: false);
                sb.Append("<div style=\"overflow-x:auto\">").Append(div).Append("</div>");
            }
            else sb.Append(CultureInfo.InvariantCulture, $"<iframe src=\"{WebUtility.HtmlEncode(f.HtmlFile)}\" loading=\"lazy\"></iframe>");
            sb.Append('\n');
        }
        sb.Append("<h2 id=\"extra\">North/south profiles, sky map, Eq. 7, Appendix A</h2>\n");
        sb.Append(Results.Hemispheres.ToHtml());
        if (HemisphereField is not null) sb.Append(HemisphereField.ToHtml());
        if (SgrUnmasked is not null) sb.Append(SgrUnmasked.ToHtml());
        sb.Append(Results.PolarVelocity.ToHtml());
        if (Eq7Footprint is not null)
            sb.Append("<p>Eq. 7 is the whole-sky mean of the reflex motion's polar projection. The mock draws its outer halo from one travel velocity per " +
                "radius (its V_r, V_&phi;, V_&theta; are that vector's projections on each star), so the single-component &lang;V<sub>&theta;</sub>&rang; " +
                "above is a measurement over DESI's footprint, and Eq. 7 a whole-sky statement. The table gives the mock's own answer, noise-free: the " +
                "reflex V<sub>&theta;</sub> averaged over the &sect;2.3 stars whose &lang;V<sub>&theta;</sub>&rang; Fig. 9 fits, against its whole-sky value " +
                "(tables/eq7_footprint.csv).</p>")
              .Append(Eq7Footprint.ToHtml());
        sb.Append(Results.SkyMap.ToHtml());
        if (Results.AppendixA is not null)
            sb.Append(Results.AppendixA.ToHtml())
              .Append("<p>Beside the paper's description (Appendix A): with distance errors p<sub>MR</sub> overestimated at 40&ndash;60 kpc; " +
                  "&beta;<sub>MP</sub> slightly underestimated within 30 kpc, consistent at 30&ndash;60 kpc, overestimated beyond 60 kpc. The fits receive " +
                  "the velocity errors each star's distance error implies (&sect;2.3 Monte-Carlo), as the paper's pipeline does " +
                  "(tables/appendix_a_bias.csv).</p>")
              .Append(AppendixABias.From(Results.AppendixA).ToHtml());
        if (Bhb is not null) sb.Append(BhbSection(Bhb));
        if (Literature is not null) sb.Append(LiteratureReport.Section(Literature));
        sb.Append(LiteratureReport.BetaConvention()).Append(LiteratureReport.MockFeatures(mock));
        if (Table3SigmaR is not null) sb.Append(Table3SigmaR.ToHtml());
        if (ModelChecks is not null) sb.Append(ModelChecks.ToHtml());   // issue 28
        sb.Append("<h2 id=\"run\">Run</h2>\n<table><caption>Settings</caption>");
        foreach (var (name, value) in Settings)
        {
            string text = Convert.ToString(value, CultureInfo.InvariantCulture) ?? "";
            // "png True" alone would claim PNGs that were never written.
            if (name == "png" && value is true && Figures.Count > 0)
                text = Figures.All(f => f.PngFile is not null) ? "asked for; written"
                    : "asked for; " + (Figures.FirstOrDefault(f => f.PngFile is null)?.PngStatus ?? "not written");
            sb.Append("<tr><td>").Append(WebUtility.HtmlEncode(name)).Append("</td><td>").Append(WebUtility.HtmlEncode(text)).Append("</td></tr>");
        }
        sb.Append("</table><table><caption>Timings (wall clock, s)</caption>");
        foreach (var (stage, s) in Timings)
            sb.Append(CultureInfo.InvariantCulture, $"<tr><td>{WebUtility.HtmlEncode(stage)}</td><td style=\"text-align:right\">{s:0.0}</td></tr>");
        sb.Append("</table><table><caption>Software</caption>");
        foreach (var (name, version) in SoftwareVersions())
            sb.Append("<tr><td>").Append(WebUtility.HtmlEncode(name)).Append("</td><td>").Append(WebUtility.HtmlEncode(version)).Append("</td></tr>");
        sb.Append("</table>\n").Append(HtmlPage.End);
        return sb.ToString();
    }

    /// <summary>The paper's counts after the §2.3 steps it reports (≈ 370 000 K giants, ≈ 150 000 after the disc cut,
    /// ≈ 94 000 after the substructure masks, 64 573 in Table 1), by the name of the cut they follow.</summary>
    public static IReadOnlyDictionary<string, (string Text, double Count)> PaperFunnelCounts { get; } = new Dictionary<string, (string, double)>
    {
        ["K giants: M_r"] = ("≈ 370,000 (§2.3)", 370_000),
        ["disc: |z|"] = ("≈ 150,000 (§2.3)", 150_000),
        ["Sagittarius stream"] = ("≈ 94,000 (§2.3)", 94_000),
        ["r_GC range"] = ("64,573 (Table 1)", 64_573),
    };

    /// <summary>The funnel with a column of the paper's counts and ours as a fraction of them.</summary>
    internal static string FunnelWithPaperCounts(Funnel funnel)
    {
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"<table class=\"halo-funnel\"><caption>Selection funnel (§2.3): {funnel.InputCount:N0} stars in, " +
            $"{funnel.FinalCount:N0} selected; the paper's counts after the steps it reports</caption><thead><tr>");
        foreach (var h in Funnel.Header.Concat(["paper kept", "ours / paper"])) sb.Append("<th>").Append(WebUtility.HtmlEncode(h)).Append("</th>");
        sb.Append("</tr></thead><tbody>");
        var rows = funnel.Rows();
        for (int r = 0; r < rows.Count; r++)
        {
            sb.Append("<tr>");
            for (int c = 0; c < rows[r].Length; c++)
                sb.Append(c >= 4 ? "<td style=\"text-align:right\">" : "<td>").Append(WebUtility.HtmlEncode(rows[r][c])).Append("</td>");
            if (PaperFunnelCounts.TryGetValue(funnel.Steps[r].Cut, out var paper))
                sb.Append(CultureInfo.InvariantCulture, $"<td style=\"text-align:right\">{WebUtility.HtmlEncode(paper.Text)}</td>" +
                    $"<td style=\"text-align:right\">{funnel.Steps[r].Kept / paper.Count:0.00}</td>");
            else sb.Append("<td></td><td></td>");
            sb.Append("</tr>");
        }
        return sb.Append("</tbody></table>").ToString();
    }

    /// <summary>Writes index.html and summary.json into <paramref name="directory"/>.</summary>
    public void Write(string directory)
    {
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, "index.html"), ToIndexHtml());
        File.WriteAllText(Path.Combine(directory, "summary.json"), ToSummaryJson());
    }
}
