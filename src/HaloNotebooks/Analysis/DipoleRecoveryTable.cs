using System.Globalization;
using System.Text;
using HaloNotebooks.Catalogs;
using HaloNotebooks.Paper;

namespace HaloNotebooks.Analysis;

/// <summary>One variant, bin and parameter of Table 3's recovery over independent mocks (data/reference/dipole_recovery.csv).</summary>
internal sealed record DipoleRecoveryRow(string Variant, double RMin, double RMax, string Parameter, int Realisations, double InputCentre,
    double InputStarMean, double FitMinusCentre, double FitMinusCentreSe, double FitMinusStars, double FitMinusStarsSe, double PosteriorSigma)
{
    public string Bin => string.Create(CultureInfo.InvariantCulture, $"{RMin:0.#}&ndash;{RMax:0.#}");
}

/// <summary>One bin of the μ_compr decomposition (data/reference/dipole_recovery_decomposition.csv): least-squares μ_compr minus the
/// star-weighted contraction for the stars' noise-free field values (LsField), their true V_r (LsTrue), the halo stars' true V_r
/// (LsHaloTrue) and their noise-free field plus component ⟨V_r⟩ (LsHaloMean); the halo stars' mean component ⟨V_r⟩ and share inside
/// 53.4 kpc; paired with the sampler's fits of the same mocks, fit − stars and fit − stars − LsHaloMean; the sampler's shift from
/// the least squares on the same values (the true_vr variant minus LsTrue) and what is left after both (Left).</summary>
internal sealed record DipoleDecompositionRow(double RMin, double RMax, int Realisations, double LsField, double LsFieldSe, double LsTrue,
    double LsTrueSe, double LsHaloTrue, double LsHaloTrueSe, double LsHaloMean, double LsHaloMeanSe, double ComponentVr, double Inside53,
    int Paired, double FitMinusStars, double FitMinusStarsSe, double FitMinusField, double FitMinusFieldSe, double SamplerShift, double SamplerShiftSe,
    int SamplerShiftRealisations, double Left, double LeftSe)
{
    public string Bin => string.Create(CultureInfo.InvariantCulture, $"{RMin:0.#}&ndash;{RMax:0.#}");
}

/// <summary>
/// Table 3's recovery on independent full-scale calibrated mocks (issue 28), as the benchmark summarised it
/// (tests/HaloNotebooks.Benchmarks: dipole-recovery, then dipole-recovery-summary writes data/reference/dipole_recovery.csv),
/// and the report's paragraph computed from it: rerun the benchmark and the report follows.
/// </summary>
internal static class DipoleRecoveryTable
{
    public const string File = "dipole_recovery.csv";

    /// <summary>Offsets beyond this many standard errors over realisations are called an offset.</summary>
    public const double Significant = 3.0;

    public static IReadOnlyList<DipoleRecoveryRow> Rows { get; } = Parse(PublishedTables.ReadResource(File));

    public const string DecompositionFile = "dipole_recovery_decomposition.csv";

    /// <summary>Where the μ_compr offset comes from (tests/HaloNotebooks.Benchmarks: dipole-recovery-decomposition, summarised by
    /// dipole-recovery-summary).</summary>
    public static IReadOnlyList<DipoleDecompositionRow> Decomposition { get; } = ParseDecomposition(PublishedTables.ReadResource(DecompositionFile));

    public static IReadOnlyList<DipoleDecompositionRow> ParseDecomposition(string csv, string source = DecompositionFile)
    {
        var t = CsvTable.Parse(csv, source, _ => ColumnType.Double);
        double[] D(string c) => t.GetDouble(c);
        var c = new[] { "r_min_kpc", "r_max_kpc", "realisations", "ls_field", "ls_field_se", "ls_true", "ls_true_se", "ls_halo_true", "ls_halo_true_se",
            "ls_halo_mean", "ls_halo_mean_se", "halo_component_vr", "halo_inside_53kpc", "paired", "fit_minus_stars", "fit_minus_stars_se",
            "fit_minus_stars_and_components", "fit_minus_stars_and_components_se", "sampler_minus_ls", "sampler_minus_ls_se", "sampler_minus_ls_n",
            "left", "left_se" }.Select(D).ToArray();
        return Enumerable.Range(0, t.RowCount).Select(i => new DipoleDecompositionRow(c[0][i], c[1][i], (int)c[2][i], c[3][i], c[4][i], c[5][i],
            c[6][i], c[7][i], c[8][i], c[9][i], c[10][i], c[11][i], c[12][i], (int)c[13][i], c[14][i], c[15][i], c[16][i], c[17][i], c[18][i],
            c[19][i], (int)c[20][i], c[21][i], c[22][i])).ToList();
    }

    public static IReadOnlyList<DipoleRecoveryRow> Parse(string csv, string source = File)
    {
        var t = CsvTable.Parse(csv, source, name => name is "variant" or "parameter" ? ColumnType.String : ColumnType.Double);
        var (variant, parameter) = (t.GetString("variant"), t.GetString("parameter"));
        double[] D(string c) => t.GetDouble(c);
        var (lo, hi, n, c0, s0) = (D("r_min_kpc"), D("r_max_kpc"), D("realisations"), D("input_centre"), D("input_star_mean"));
        var (dc, dcs, ds, dss) = (D("fit_minus_centre"), D("fit_minus_centre_se"), D("fit_minus_stars"), D("fit_minus_stars_se"));
        var sig = D("posterior_sigma");
        return Enumerable.Range(0, t.RowCount).Select(i => new DipoleRecoveryRow(variant[i], lo[i], hi[i], parameter[i], (int)n[i], c0[i], s0[i],
            dc[i], dcs[i], ds[i], dss[i], sig[i])).ToList();
    }

    static string Label(string parameter) => parameter switch
    {
        "mu_dipole" => "μ<sub>dipole</sub> [km/s]", "mu_compr" => "μ<sub>compr</sub> [km/s]",
        "l_apex" => "l<sub>apex</sub> [deg]", "b_apex" => "b<sub>apex</sub> [deg]", _ => parameter,
    };

    /// <summary>The report's "Table 3 recovery" model check: title, one-line verdict, HTML, every number from <paramref name="rows"/>.</summary>
    public static (string Title, string Verdict, string Html) Section(IReadOnlyList<DipoleRecoveryRow>? rows = null,
        IReadOnlyList<DipoleDecompositionRow>? decomposition = null)
    {
        rows ??= Rows;
        decomposition ??= rows == Rows ? Decomposition : [];
        var paper = rows.Where(r => r.Variant == "paper").ToList();
        List<DipoleRecoveryRow> Of(string p, string variant = "paper") => rows.Where(r => r.Variant == variant && r.Parameter == p).ToList();
        static string Pm(double x, double se) => string.Create(CultureInfo.InvariantCulture, $"{x:+0.0;−0.0;0.0} &plusmn; {se:0.0}");
        static string List(IEnumerable<DipoleRecoveryRow> rs, Func<DipoleRecoveryRow, string> f) =>
            string.Join(", ", rs.Select(r => $"{f(r)} ({r.Bin} kpc)"));
        static bool Offset(DipoleRecoveryRow r) => Math.Abs(r.FitMinusStars) > Significant * r.FitMinusStarsSe;

        int n = paper.Count == 0 ? 0 : paper.Min(r => r.Realisations);
        var dipole = Of("mu_dipole");
        var compr = Of("mu_compr");
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"<p>On {n} independent calibrated mocks at full scale (the paper's sampler; benchmarks/analysis.md, ")
          .Append("<code>HaloNotebooks.Benchmarks dipole-recovery</code>, summarised in data/reference/dipole_recovery.csv), the fitted median minus ")
          .Append("the mock's input, mean &plusmn; standard error over the realisations (km/s, deg):</p>\n<ul>");
        foreach (var p in new[] { "mu_dipole", "mu_compr", "l_apex", "b_apex" })
        {
            var rs = Of(p);
            if (rs.Count == 0) continue;
            sb.Append("<li>").Append(Label(p)).Append(": against Table 3's value at the bin centre ")
              .Append(List(rs, r => Pm(r.FitMinusCentre, r.FitMinusCentreSe)))
              .Append("; against the mock's field averaged over each bin's selected stars ")
              .Append(List(rs, r => Pm(r.FitMinusStars, r.FitMinusStarsSe))).Append(".</li>\n");
        }
        sb.Append("</ul>\n");
        var weaker = dipole.Where(r => r.InputStarMean > r.InputCentre).ToList();
        if (weaker.Count > 0)
            sb.Append("<p>The mock's reflex grows in ln r from zero at 30 kpc and the stars crowd to each bin's inner edge, so the field its stars carry ")
              .Append("is weaker than Table 3's value at the bin centre: ")
              .Append(List(weaker, r => string.Create(CultureInfo.InvariantCulture, $"{r.InputStarMean:0.0} against {r.InputCentre:0.0} km/s")))
              .Append(" (μ<sub>dipole</sub>), a property of the mock, not of the pipeline.</p>\n");
        var others = new[] { "no_error_cut", "galactocentric_theta", "true_vr" }.Select(v => (v, rs: Of("mu_compr", v)))
            .Where(x => x.rs.Count > 0).ToList();
        if (compr.Any(Offset) && others.Count > 0)
            sb.Append("<p>The μ<sub>compr</sub> offset against the star-weighted truth in the other variants (the same mocks, fewer realisations): ")
              .Append(string.Join("; ", others.Select(x => $"{x.v.Replace('_', ' ')} " +
                  string.Join(", ", x.rs.Select(r => Pm(r.FitMinusStars, r.FitMinusStarsSe))) +
                  string.Create(CultureInfo.InvariantCulture, $" ({x.rs.Min(r => r.Realisations)} mocks)"))))
              .Append(others.All(x => x.rs.All(Offset))
                  ? ". It stays beyond 3 s.e. in every bin without §4.4's error cut, with Galactocentric &theta; and with noise-free V<sub>r</sub>: " +
                    "neither the cut nor the measurement errors cause it. "
                  : ". It is not beyond 3 s.e. in every bin of every variant, so these variants do not isolate its cause. ")
              .Append("Under the mock's assumptions only.</p>\n");
        if (decomposition.Count > 0) sb.Append(DecompositionParagraph(decomposition));

        static bool LeftOffset(DipoleDecompositionRow r) => Math.Abs(r.Left) > Significant * r.LeftSe;
        string inner = decomposition.Count == 0 ? "" :
            $"; after the mock's own inner-halo ⟨V<sub>r</sub>⟩ and the sampler's shift from least squares, in {decomposition.Count(LeftOffset)} of " +
            $"{decomposition.Count} " + string.Create(CultureInfo.InvariantCulture,
                $"({decomposition.Min(r => r.Left):+0.0;−0.0;0.0} to {decomposition.Max(r => r.Left):+0.0;−0.0;0.0} km/s left)");
        string verdict = dipole.Count == 0 ? "no recovery table." :
            $"μ<sub>dipole</sub> is recovered within {Significant:0} s.e. of the field the mock gives its stars in {dipole.Count(r => !Offset(r))} of " +
            $"{dipole.Count} bins; μ<sub>compr</sub> is offset beyond {Significant:0} s.e. in {compr.Count(Offset)} of {compr.Count} " +
            (compr.Any(Offset) ? string.Create(CultureInfo.InvariantCulture,
                $"(by {compr.Where(Offset).Min(r => r.FitMinusStars):+0.0;-0.0;0.0} to " +
                $"{compr.Where(Offset).Max(r => r.FitMinusStars):+0.0;-0.0;0.0} km/s)") : "") + inner +
            $"; against Table 3's bin-centre values μ<sub>dipole</sub> reads " + string.Create(CultureInfo.InvariantCulture,
                $"{dipole.Min(r => r.FitMinusCentre):+0.0;-0.0;0.0} to {dipole.Max(r => r.FitMinusCentre):+0.0;-0.0;0.0} km/s") +
            $" ({n} mocks).";
        return ($"Table 3 recovery over {n} independent mocks", verdict, sb.ToString());
    }

    /// <summary>Where the μ_compr offset comes from, every number from the decomposition's rows.</summary>
    static string DecompositionParagraph(IReadOnlyList<DipoleDecompositionRow> rows)
    {
        static string Pm(double x, double se) => string.Create(CultureInfo.InvariantCulture, $"{x:+0.0#;−0.0#;0.0} &plusmn; {se:0.0#}");
        static string List(IEnumerable<DipoleDecompositionRow> rs, Func<DipoleDecompositionRow, string> f) =>
            string.Join(", ", rs.Select(r => $"{f(r)} ({r.Bin} kpc)"));
        bool estimatorUnbiased = rows.All(r => Math.Abs(r.LsField) < 0.5);
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"<p>Where the μ<sub>compr</sub> offset comes from ({rows.Min(r => r.Realisations)} of the same mocks, ")
          .Append("Eq. 6 fitted by least squares instead of the sampler, r&#770; Galactocentric; <code>dipole-recovery-decomposition</code>, ")
          .Append("data/reference/dipole_recovery_decomposition.csv), μ<sub>compr</sub> minus the star-weighted contraction:</p>\n<ul>")
          .Append("<li>each star's noise-free field value, μ<sub>compr</sub>(r) + U(r)&middot;r&#770; at its true position: ")
          .Append(List(rows, r => Pm(r.LsField, r.LsFieldSe)))
          .Append(estimatorUnbiased ? " &mdash; least squares on the field itself is unbiased to within 0.5 km/s;</li>\n" : ";</li>\n")
          .Append("<li>the stars' true V<sub>r</sub>: ").Append(List(rows, r => Pm(r.LsTrue, r.LsTrueSe))).Append(";</li>\n")
          .Append("<li>the halo stars' noise-free field plus their component's own ⟨V<sub>r</sub>⟩ (the calibrated Table 2 value, which the mock ")
          .Append("keeps in the bins centred inside 50 kpc and interpolates in ln r to zero at the 47.5&ndash;60 kpc bin's centre, 53.4 kpc): ")
          .Append(List(rows, r => Pm(r.LsHaloMean, r.LsHaloMeanSe)))
          .Append("; the halo stars measured in each bin carry a mean own ⟨V<sub>r</sub>⟩ of ")
          .Append(List(rows, r => string.Create(CultureInfo.InvariantCulture, $"{r.ComponentVr:+0.0;−0.0;0.0} km/s")))
          .Append(", and ").Append(List(rows, r => string.Create(CultureInfo.InvariantCulture, $"{100 * r.Inside53:0} %")))
          .Append(" of them lie inside 53.4 kpc.</li>\n</ul>\n");
        var paired = rows.Where(r => r.Paired > 0).ToList();
        if (paired.Count > 0)
        {
            bool explained = paired.All(r => Math.Abs(r.Left) <= Significant * r.LeftSe);
            sb.Append(CultureInfo.InvariantCulture, $"<p>Paired over the same {paired.Min(r => r.Paired)} mocks, the sampler's μ<sub>compr</sub> minus the ")
              .Append("star-weighted contraction is ").Append(List(paired, r => Pm(r.FitMinusStars, r.FitMinusStarsSe)))
              .Append("; minus the contraction plus the components' own ⟨V<sub>r</sub>⟩ (the halo stars' noise-free least squares above) ")
              .Append(List(paired, r => Pm(r.FitMinusField, r.FitMinusFieldSe))).Append(". On the very values the least squares used ")
              .Append(CultureInfo.InvariantCulture,
                  $"(noise-free V<sub>r</sub>, Galactocentric &theta;; {paired.Min(r => r.SamplerShiftRealisations)} mocks) the ")
              .Append("sampler's posterior median sits ").Append(List(paired, r => Pm(r.SamplerShift, r.SamplerShiftSe)))
              .Append(" above the least-squares point (measured; which part of the posterior &mdash; μ<sub>dipole</sub> &le; 0, the apex ")
              .Append("angles, the sin b prior, the marginal median &mdash; moves it is not isolated here). ")
              .Append("What is left after both: ").Append(List(paired, r => Pm(r.Left, r.LeftSe))).Append(". ")
              .Append(explained
                  ? "Within 3 s.e. in every bin: the offset is the mock's inner-halo mean V<sub>r</sub> (the calibration's noisy Table 2 " +
                    "⟨V<sub>r</sub>⟩ inside 53 kpc) reaching the stars Table 3's bins hold, plus the posterior median's own shift; no bug. "
                  : "Beyond 3 s.e. in " + paired.Count(r => Math.Abs(r.Left) > Significant * r.LeftSe) + " of " + paired.Count +
                    " bins: these two explain part of the offset, not all of it. ")
              .Append("On real data the paper's μ<sub>compr</sub> likewise carries whatever mean V<sub>r</sub> the halo's own stars in its bins " +
                  "have; the sampler's shift is a property of the estimator, a fraction of its posterior σ.</p>\n");
        }
        return sb.ToString();
    }
}
