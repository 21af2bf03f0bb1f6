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
    public static (string Title, string Verdict, string Html) Section(IReadOnlyList<DipoleRecoveryRow>? rows = null)
    {
        rows ??= Rows;
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
                    "neither the cut nor the errors cause it; what is left is the estimator on the mock's field (one constant field fitted to a " +
                    "radius-dependent one over DESI's footprint). "
                  : ". It is not beyond 3 s.e. in every bin of every variant, so its cause is not isolated by these variants. ")
              .Append("Under the mock's assumptions only.</p>\n");

        string verdict = dipole.Count == 0 ? "no recovery table." :
            $"μ<sub>dipole</sub> is recovered within {Significant:0} s.e. of the field the mock gives its stars in {dipole.Count(r => !Offset(r))} of " +
            $"{dipole.Count} bins; μ<sub>compr</sub> is offset beyond {Significant:0} s.e. in {compr.Count(Offset)} of {compr.Count} " +
            (compr.Any(Offset) ? string.Create(CultureInfo.InvariantCulture,
                $"(by {compr.Where(Offset).Min(r => r.FitMinusStars):+0.0;-0.0;0.0} to " +
                $"{compr.Where(Offset).Max(r => r.FitMinusStars):+0.0;-0.0;0.0} km/s)") : "") +
            $"; against Table 3's bin-centre values μ<sub>dipole</sub> reads " + string.Create(CultureInfo.InvariantCulture,
                $"{dipole.Min(r => r.FitMinusCentre):+0.0;-0.0;0.0} to {dipole.Max(r => r.FitMinusCentre):+0.0;-0.0;0.0} km/s") +
            $" ({n} mocks).";
        return ($"Table 3 recovery over {n} independent mocks", verdict, sb.ToString());
    }
}
