using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;

namespace HaloNotebooks.Analysis;

/// <summary>One posterior predictive check with the table and row it belongs to ("table2", "[18.2, 20.8)" or "all").</summary>
internal sealed record TablePredictiveCheck(string Table, string Row, PredictiveCheck Check);

/// <summary>
/// The model checks of a run (issue 28, beyond the paper): the posterior predictive check of every fit of Tables 1–3 (and of
/// a real catalogue's fits, when given), the sampler diagnostics of every fit, and prose results measured elsewhere (Table
/// 3's recovery over independent mocks, Appendix A on the calibrated mock) that the report quotes. Writes
/// tables/ppc.csv, tables/convergence.csv, the report's "Model checks" section and summary.json's "model_checks".
/// </summary>
internal sealed class ModelChecks(IReadOnlyList<TablePredictiveCheck> checks, ConvergenceTable convergence)
{
    /// <summary>p-values below this are called a failure of the Gaussian model (a 3.3σ one-sided tail).</summary>
    internal const double FailureP = 1e-3;

    internal IReadOnlyList<TablePredictiveCheck> Checks { get; } = checks;
    internal ConvergenceTable Convergence { get; } = convergence;

    /// <summary>Further report paragraphs (HTML), each a measured result with its source (Table 3 recovery, Appendix A).</summary>
    internal IReadOnlyList<(string Title, string Verdict, string Html)> Sections { get; init; } = [];

    /// <summary>
    /// The model checks of a `halo reproduce` run: the PPC of Tables 1–3 (and of the DESI DR1 BHB dipole fit, when given,
    /// as table "bhb/table3"), and the convergence of every fit, Fig. 2's fits without the Sgr mask and the BHB fit included.
    /// </summary>
    internal static ModelChecks ForRun(AnalysisResults results, RadialProfile? singleWithoutSgrMask = null, BhbDipoleFit? bhb = null)
    {
        ArgumentNullException.ThrowIfNull(results);
        var checks = Of(results, "").ToList();
        var extra = new List<(string, Inference.FitResult)>();
        if (singleWithoutSgrMask is not null) extra.AddRange(ConvergenceTable.ProfileFits("fig2_no_sgr_mask", singleWithoutSgrMask));
        if (bhb?.Folded.Fit is { } bhbFit)
        {
            extra.Add((BhbDipoleFit.Key.ToString(), bhbFit));
            if (bhbFit.HasSamples && results.Settings.PredictiveDraws > 0)
                checks.Add(new TablePredictiveCheck("bhb/table3", "all", PosteriorPredictive.Check(
                    Models.SelectedSampleColumns.ToRadialVelocitySample(bhb.Sample),
                    bhbFit, bhb.Folded.Bin, Numerics.SeededRandom.DeriveSeed(BhbDipoleFit.Key.Seed(results.Settings.Sampler.Seed), "ppc"),
                    results.Settings.PredictiveDraws)));
        }
        return new ModelChecks(checks, ConvergenceTable.From(results, extra)) { Sections = [DipoleRecoveryTable.Section()] };
    }

    /// <summary>The checks of Tables 1–3 in a run's results, in table and bin order.</summary>
    public static IReadOnlyList<TablePredictiveCheck> Of(AnalysisResults results, string prefix)
    {
        ArgumentNullException.ThrowIfNull(results);
        return Of(results.Single, prefix + "table1").Concat(Of(results.Double, prefix + "table2")).Concat(Of(results.Dipole, prefix + "table3")).ToList();
    }

    /// <summary>The checks of one profile (its all-stars row first).</summary>
    public static IEnumerable<TablePredictiveCheck> Of(RadialProfile profile, string table)
    {
        ArgumentNullException.ThrowIfNull(profile);
        return profile.PredictiveChecks.OrderBy(kv => kv.Key)
            .Select(kv => new TablePredictiveCheck(table, kv.Key == FitKey.AllStars ? "all" : kv.Value.Bin.Label, kv.Value));
    }

    /// <summary>tables/ppc.csv: one row per fit, component and dimension.</summary>
    internal string PredictiveCsv()
    {
        var sb = new StringBuilder(PredictiveCheck.CsvHeader + ",tail_fraction\n");
        foreach (var c in Checks)
            foreach (var (line, d) in c.Check.CsvRows(c.Table, Quote(c.Row)).Zip(c.Check.Dimensions))
                sb.Append(line).Append(',').Append(Tail(d).ToString("G4", CultureInfo.InvariantCulture)).Append('\n');
        return sb.ToString();
    }

    /// <summary>The fraction of stars in the outer 10 % of their predictive distribution (0.10 when the model is right;
    /// more: heavier tails than the Gaussian model).</summary>
    internal static double Tail(PredictiveDimension d) => d.PitFractions[0] + d.PitFractions[^1];

    static string Quote(string s) => s.Contains(',') ? "\"" + s + "\"" : s;

    /// <summary>Writes tables/ppc.csv and tables/convergence.csv into <paramref name="tablesDirectory"/>.</summary>
    internal void WriteTables(string tablesDirectory)
    {
        File.WriteAllText(Path.Combine(tablesDirectory, "ppc.csv"), PredictiveCsv());
        File.WriteAllText(Path.Combine(tablesDirectory, "convergence.csv"), Convergence.ToCsv());
    }

    /// <summary>Per table and dimension (whole model): fits, how many fail (p &lt; 10⁻³), the median and largest PIT distance
    /// and tail fraction, and the row of the largest distance.</summary>
    public IReadOnlyList<PredictiveSummary> Summary() =>
        Checks.SelectMany(c => c.Check.Dimensions.Where(d => d.Component == "all").Select(d => (c.Table, c.Row, d)))
            .GroupBy(x => (x.Table, x.d.Dimension))
            .Select(g =>
            {
                var worst = g.MaxBy(x => x.d.ExcessDistance);
                var distances = g.Select(x => x.d.Distance).Order().ToArray();
                return new PredictiveSummary(g.Key.Table, g.Key.Dimension, g.Count(), g.Count(x => x.d.PValue < FailureP), distances[distances.Length / 2],
                    worst.d.Distance, worst.d.NoiseDistance, worst.Row, Tail(worst.d), g.Select(x => Tail(x.d)).Average());
            }).ToList();

    /// <summary>The report's "Model checks" section (HTML); <paramref name="figureHtml"/> is the PPC figure's embed, if any.</summary>
    public string ToHtml(string? figureHtml = null)
    {
        var sb = new StringBuilder("<h2 id=\"model-checks\">Model checks (beyond the paper)</h2>\n");
        var summary = Summary();
        int fits = Checks.Count, failing = Checks.Count(c => c.Check.Dimensions.Any(d => d.Component == "all" && d.PValue < FailureP));
        var worst = Checks.SelectMany(c => c.Check.Dimensions.Where(d => d.Component == "all").Select(d => (c, d))).MaxBy(x => x.d.ExcessDistance);
        sb.Append("<h3>Posterior predictive checks</h3>\n<p>For every fit of Tables 1&ndash;3 the model is convolved with each star's own errors " +
            "(Eq. 2) at a subsample of posterior draws; the probability integral transform (PIT) of each star's value under that predictive distribution " +
            "is uniform when the Gaussian model describes the stars. <i>p</i> is the PIT histogram's &chi;&sup2; p-value (20 bins); the " +
            "<i>distance</i> ½&Sigma;|n<sub>k</sub>/N &minus; 1/20| is the fraction of stars in the wrong quantile bins, i.e. by how much the model " +
            "fails, beside the <i>noise</i> distance a correct model gives from counting alone (&asymp; 1.7/&radic;N); the <i>tail fraction</i> is " +
            "the share of stars in the outer 10 % of their predictive distribution (0.10 if the model is right, " +
            "more when the data have heavier tails). Files: tables/ppc.csv (also per component, MR and MP weighted by their Eq. 4 membership).</p>\n");
        sb.Append(CultureInfo.InvariantCulture, $"<p><b>Verdict:</b> {failing} of {fits} fits fail (p &lt; 10<sup>&minus;3</sup>) in at least one ")
          .Append("dimension");
        if (worst.d is not null)
            sb.Append(CultureInfo.InvariantCulture, $"; the largest failure is {worst.c.Table} {WebUtility.HtmlEncode(worst.c.Row)} {worst.d.Dimension}: ")
              .Append(CultureInfo.InvariantCulture, $"PIT distance {worst.d.Distance:0.000} against {worst.d.NoiseDistance:0.000} from noise, tail fraction ")
              .Append(CultureInfo.InvariantCulture, $"{Tail(worst.d):0.000}");
        sb.Append(".</p>\n");
        sb.Append("<table><tr><th>table</th><th>dimension</th><th>fits</th><th>p &lt; 10<sup>&minus;3</sup></th><th>median distance</th>" +
            "<th>largest excess distance: distance (noise) row</th><th>tail fraction there</th><th>mean tail fraction</th></tr>");
        foreach (var s in summary)
            sb.Append(CultureInfo.InvariantCulture, $"<tr><td>{s.Table}</td><td>{s.Dimension}</td><td>{s.Fits}</td><td>{s.Failing}</td>")
              .Append(CultureInfo.InvariantCulture, $"<td>{s.MedianDistance:0.000}</td><td>{s.LargestDistance:0.000} ({s.NoiseDistance:0.000}) ")
              .Append(WebUtility.HtmlEncode(s.WorstRow)).Append("</td>")
              .Append(CultureInfo.InvariantCulture, $"<td>{s.WorstTail:0.000}</td><td>{s.MeanTail:0.000}</td></tr>");
        sb.Append("</table>\n");
        if (figureHtml is not null) sb.Append(figureHtml);

        sb.Append("<h3>Convergence</h3>\n");
        var shortChains = Convergence.Short;
        var rows = Convergence.Rows;
        if (rows.Count > 0)
        {
            sb.Append(CultureInfo.InvariantCulture, $"<p><b>Verdict:</b> {rows.Count - shortChains.Count} of {rows.Count} fits keep at least " +
                $"{ConvergenceRow.TauMultiple:0} &tau; of their slowest parameter after the burn-in (emcee's criterion); kept steps per &tau; ")
              .Append(CultureInfo.InvariantCulture, $"{rows.Min(r => r.StepsPerTau):0.0}&ndash;{rows.Max(r => r.StepsPerTau):0.0}, ")
              .Append(CultureInfo.InvariantCulture, $"N<sub>eff</sub> of the slowest parameter {rows.Min(r => r.EffectiveSamples):0}&ndash;")
              .Append(CultureInfo.InvariantCulture, $"{rows.Max(r => r.EffectiveSamples):0}, mean acceptance {rows.Min(r => r.MeanAcceptance):0.00}&ndash;")
              .Append(CultureInfo.InvariantCulture, $"{rows.Max(r => r.MeanAcceptance):0.00}. File: tables/convergence.csv.</p>\n");
            sb.Append("<details><summary>Every fit</summary><table><tr><th>fit</th><th>N</th><th>walkers &times; steps (burn)</th><th>max &tau;</th>" +
                "<th>slowest</th><th>kept steps / &tau;</th><th>acceptance</th><th>N<sub>eff</sub></th><th>move</th></tr>");
            foreach (var r in rows)
                sb.Append(CultureInfo.InvariantCulture, $"<tr><td>{WebUtility.HtmlEncode(r.Fit)}</td><td>{r.Stars}</td>")
                  .Append(CultureInfo.InvariantCulture, $"<td>{r.Walkers} &times; {r.Steps} ({r.Burn})</td><td>{r.MaxTau:0.0}</td>")
                  .Append(CultureInfo.InvariantCulture, $"<td>{r.SlowestParameter}</td><td>{(r.LongEnough ? "" : "<b>")}{r.StepsPerTau:0.0}")
                  .Append(CultureInfo.InvariantCulture, $"{(r.LongEnough ? "" : "</b>")}</td><td>{r.MeanAcceptance:0.000}</td><td>{r.EffectiveSamples:0}</td>")
                  .Append(CultureInfo.InvariantCulture, $"<td>{WebUtility.HtmlEncode(r.Move)}</td></tr>");
            sb.Append("</table></details>\n");
        }
        foreach (var (title, verdict, html) in Sections)
            sb.Append("<h3>").Append(WebUtility.HtmlEncode(title)).Append("</h3>\n<p><b>Verdict:</b> ").Append(verdict).Append("</p>\n")
              .Append(html).Append('\n');
        return sb.ToString();
    }

    /// <summary>summary.json's "model_checks": per fit its convergence, per table and dimension the PPC summary.</summary>
    internal void WriteJson(Utf8JsonWriter w)
    {
        ArgumentNullException.ThrowIfNull(w);
        w.WriteStartObject("model_checks");
        w.WriteStartArray("convergence");
        foreach (var r in Convergence.Rows)
        {
            w.WriteStartObject();
            w.WriteString("fit", r.Fit); w.WriteString("model", r.Model); w.WriteNumber("n_stars", r.Stars);
            w.WriteNumber("walkers", r.Walkers); w.WriteNumber("steps", r.Steps); w.WriteNumber("burn", r.Burn);
            Number(w, "max_tau", r.MaxTau); w.WriteString("slowest_parameter", r.SlowestParameter); Number(w, "kept_steps_per_tau", r.StepsPerTau);
            Number(w, "mean_acceptance", r.MeanAcceptance); Number(w, "min_acceptance", r.MinAcceptance); Number(w, "n_eff_slowest", r.EffectiveSamples);
            w.WriteString("move", r.Move);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartArray("ppc_summary");
        foreach (var s in Summary())
        {
            w.WriteStartObject();
            w.WriteString("table", s.Table); w.WriteString("dimension", s.Dimension); w.WriteNumber("fits", s.Fits);
            w.WriteNumber("p_below_1e-3", s.Failing); Number(w, "median_pit_distance", s.MedianDistance); Number(w, "largest_pit_distance", s.LargestDistance);
            Number(w, "its_noise_distance", s.NoiseDistance);
            w.WriteString("largest_row", s.WorstRow); Number(w, "mean_tail_fraction", s.MeanTail);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    static void Number(Utf8JsonWriter w, string name, double value)
    {
        if (double.IsFinite(value)) w.WriteNumber(name, value); else w.WriteNull(name);
    }
}

/// <summary>One table and dimension of <see cref="ModelChecks.Summary"/>.</summary>
/// <param name="LargestDistance">The PIT distance of the fit that exceeds its counting noise the most (<see cref="WorstRow"/>).</param>
/// <param name="NoiseDistance">That fit's distance from counting noise alone.</param>
internal sealed record PredictiveSummary(string Table, string Dimension, int Fits, int Failing, double MedianDistance, double LargestDistance,
    double NoiseDistance, string WorstRow, double WorstTail, double MeanTail);
