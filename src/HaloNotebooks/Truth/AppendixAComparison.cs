using System.Globalization;
using System.Net;
using System.Text;
using HaloNotebooks.Analysis;

namespace HaloNotebooks.Truth;

/// <summary>
/// Appendix A on the calibrated mock set beside the paper's statements and the mock's truth (issue 28): per bin the shift of
/// p_MR, β_MP, β_MR with distance errors (<see cref="AppendixABias"/>), the error-free fit against the truth of its stars, and
/// the report's paragraph, every number computed from the run (no fixed text).
/// </summary>
internal sealed class AppendixAComparison(DistanceErrorProfiles profiles, AppendixMockRun run)
{
    public DistanceErrorProfiles Profiles { get; } = profiles;
    public AppendixMockRun Run { get; } = run;
    public AppendixABias Bias { get; } = AppendixABias.From(profiles);

    static readonly (string Key, Func<AppendixBinTruth, double> Truth)[] Parameters =
        [("p_mr", t => t.MetalRichFraction), ("beta_mp", t => t.BetaMetalPoor), ("beta_mr", t => t.BetaMetalRich)];

    /// <summary>Fit − truth in the fit's σ for one level, bin and parameter (NaN without a fit or a truth).</summary>
    public double FromTruth(DistanceErrorProfile level, int bin, string parameter)
    {
        var truth = Run.Truth.FirstOrDefault(t => t.FractionalError == level.FractionalError && t.Bin == bin);
        var fit = level.Bins.FirstOrDefault(b => b.Bin.RMin == truth?.RMin);
        if (truth is null || fit is null || !fit.Parameters.TryGetValue(parameter, out var m)) return double.NaN;
        return (m.Value - Parameters.Single(p => p.Key == parameter).Truth(truth)) / m.Sigma;
    }

    /// <summary>tables/appendix_a_truth.csv: per level and bin the stars, the truth of p_MR, β_MP, β_MR and the fit's distance
    /// from it in its σ.</summary>
    public string TruthCsv()
    {
        var sb = new StringBuilder("distance_error,r_min_kpc,r_max_kpc,r_median_kpc,true_r_median_kpc,n,n_halo,keep_fraction");
        foreach (var (key, _) in Parameters) sb.Append(CultureInfo.InvariantCulture, $",true_{key},fit_{key},fit_minus_true_sigma_{key}");
        sb.Append('\n');
        foreach (var level in Profiles.Levels)
            foreach (var t in Run.Truth.Where(t => t.FractionalError == level.FractionalError))
            {
                var fit = level.Bins.FirstOrDefault(b => b.Bin.RMin == t.RMin);
                sb.Append(CultureInfo.InvariantCulture, $"{t.FractionalError:R},{t.RMin:R},{t.RMax:R},{t.RMedian:R},{t.TrueRMedian:R},{t.Stars},{t.HaloStars},")
                  .Append(Run.KeepFraction[t.Bin].ToString("R", CultureInfo.InvariantCulture));
                foreach (var (key, truth) in Parameters)
                {
                    double value = fit is not null && fit.Parameters.TryGetValue(key, out var m) ? m.Value : double.NaN;
                    sb.Append(CultureInfo.InvariantCulture, $",{truth(t):R},{value:R},{FromTruth(level, t.Bin, key):R}");
                }
                sb.Append('\n');
            }
        return sb.ToString();
    }

    /// <summary>The report's "Appendix A" model-check paragraph: title, one-line verdict, HTML.</summary>
    public (string Title, string Verdict, string Html) Section()
    {
        var sb = new StringBuilder();
        double thinnest = Run.KeepFraction.Min();
        int full = Run.KeepFraction.Count(f => f >= 1);
        var reference = Profiles.Levels.FirstOrDefault(l => l.FractionalError == 0);
        sb.Append(CultureInfo.InvariantCulture, $"<p>On the calibrated default mock (its own stars, density, contaminants and errors), each ")
          .Append("star's distance replaced by its true distance perturbed by 0, 18 and 30 % and the §2.3 selection run again; the same ")
          .Append(CultureInfo.InvariantCulture, $"double-component fits per bin (tables/appendix_a.csv, appendix_a_bias.csv, appendix_a_truth.csv). ")
          .Append(CultureInfo.InvariantCulture, $"Sample: about {Run.TargetStars:N0} stars per level; the {full} outermost bins keep all their stars, ")
          .Append(CultureInfo.InvariantCulture, $"the inner ones a random {100 * thinnest:0}&ndash;")
          .Append(CultureInfo.InvariantCulture, $"{100 * Run.KeepFraction.Where(f => f < 1).DefaultIfEmpty(1).Max():0} % ")
          .Append(CultureInfo.InvariantCulture, $"(their σ grows by up to {1 / Math.Sqrt(thinnest):0.0}&times; against the whole mock). ")
          .Append("Shifts are in the two fits' combined σ (conservative: the levels share most stars); a shift counts beyond 2σ.</p>\n<ul>");
        var verdicts = new List<string>();
        foreach (var parameter in new[] { "beta_mp", "p_mr", "beta_mr" })
        {
            var entries = Bias.Entries.Where(e => e.Parameter == parameter).ToList();
            if (entries.Count == 0) continue;
            sb.Append("<li>").Append(AppendixABias.Label(parameter)).Append(": ");
            foreach (var g in entries.GroupBy(e => e.FractionalError))
            {
                var big = g.Where(e => Math.Abs(e.Shift) > AppendixABiasEntry.Significant).ToList();
                sb.Append(CultureInfo.InvariantCulture, $"at {100 * g.Key:0} % ")
                  .Append(big.Count == 0 ? "no bin shifts beyond 2σ"
                      : $"{big.Count} of {g.Count()} bins shift beyond 2σ (" + string.Join(", ", big.Select(e =>
                          string.Create(CultureInfo.InvariantCulture, $"{WebUtility.HtmlEncode(e.Bin)} kpc {e.Shift:+0.0;-0.0;0.0}σ"))) + ")")
                  .Append("; ");
            }
            if (parameter == "beta_mp") verdicts.Add(BetaVerdict(entries));
            if (parameter == "p_mr") verdicts.Add(PmrVerdict(entries));
            if (reference is not null)
            {
                var d = Enumerable.Range(0, Run.KeepFraction.Count).Select(k => (k, x: FromTruth(reference, k, parameter)))
                    .Where(x => double.IsFinite(x.x)).ToList();
                if (d.Count > 0)
                {
                    var worst = d.MaxBy(x => Math.Abs(x.x));
                    var (lo, hi) = (Run.Truth.First(t => t.Bin == worst.k).RMin, Run.Truth.First(t => t.Bin == worst.k).RMax);
                    sb.Append("the error-free fit is within 2σ of the mock's truth (its stars' true population and velocities) ")
                      .Append(CultureInfo.InvariantCulture, $"in {d.Count(x => Math.Abs(x.x) <= 2)} of {d.Count} bins, farthest at [{lo:0.#}, {hi:0.#}) kpc ")
                      .Append(CultureInfo.InvariantCulture, $"({worst.x:+0.0;-0.0;0.0}σ).");
                }
            }
            sb.Append("</li>\n");
        }
        sb.Append("</ul>\n").Append(TruthShare()).Append(OuterStars())
          .Append("<p>Under the mock's assumptions only (Gaussian components, its error model and density); the paper's ")
          .Append("Appendix A used a spherical halo with Medina et al.'s p<sub>MR</sub>, which the mock does not reproduce.</p>");
        return ("Appendix A on the calibrated mock", string.Join(" ", verdicts), sb.ToString());
    }

    /// <summary>The paper: β_MP consistent at 30–60 kpc, shifted (overestimated) only beyond ≈ 60–70 kpc; per distance-error level.</summary>
    static string BetaVerdict(IReadOnlyList<AppendixABiasEntry> entries) =>
        "β<sub>MP</sub>: " + string.Join("; ", entries.GroupBy(e => e.FractionalError).Select(g =>
        {
            var big = g.Where(e => Math.Abs(e.Shift) > AppendixABiasEntry.Significant).ToList();
            int inner = big.Count(e => e.RMedian < 30), middle = big.Count(e => e.RMedian >= 30 && e.RMedian < 60);
            int outer = big.Count(e => e.RMedian >= 60);
            string level = string.Create(CultureInfo.InvariantCulture, $"at {100 * g.Key:0} % ");
            if (big.Count == 0) return level + "no bin shifts beyond 2σ";
            return level + $"{big.Count} bins shift beyond 2σ ({inner} inside 30 kpc, {middle} at 30–60 kpc, {outer} beyond 60 kpc)" +
                (middle > 0 ? ", contradicting the paper's &ldquo;consistent at 30–60 kpc, affected only beyond ≈ 70 kpc&rdquo;"
                    : outer > 0 ? ", only beyond 60 kpc as the paper says" : ", none at 30–60 kpc as the paper says");
        })) + ".";

    /// <summary>How much of each significant β_MP shift the stars' own true β_MP makes (stars scattered in from other radii
    /// carry their own kinematics), the rest being the fit's.</summary>
    string TruthShare()
    {
        var parts = new List<string>();
        var reference = Run.Truth.Where(t => t.FractionalError == 0).ToDictionary(t => t.Bin);
        foreach (var e in Bias.Entries.Where(e => e.Parameter == "beta_mp" && Math.Abs(e.Shift) > AppendixABiasEntry.Significant))
        {
            var level = Profiles.Levels.First(l => l.FractionalError == e.FractionalError);
            var zero = Profiles.Levels.First(l => l.FractionalError == 0);
            var bin = level.Bins.First(b => b.Bin.Label == e.Bin);
            var t = Run.Truth.First(t => t.FractionalError == e.FractionalError && t.RMin == bin.Bin.RMin);
            double fit = bin["beta_mp"].Value - zero.Bins.First(b => b.Bin.Label == e.Bin)["beta_mp"].Value;
            double truth = t.BetaMetalPoor - reference[t.Bin].BetaMetalPoor;
            parts.Add(string.Create(CultureInfo.InvariantCulture,
                $"{100 * e.FractionalError:0} % {WebUtility.HtmlEncode(e.Bin)} kpc: truth {truth:+0.00;-0.00;0.00} of the fit's {fit:+0.00;-0.00;0.00}"));
        }
        return parts.Count == 0 ? "" : "<p>Of each β<sub>MP</sub> shift beyond 2σ, the part the stars' own true β<sub>MP</sub> makes " +
            "(stars scattered in from other radii bring their kinematics; the rest is the fit's): " + string.Join("; ", parts) + ".</p>\n";
    }

    /// <summary>The outermost bin's β_MP σ at the largest error (where Fig. 10's last point carries no weight).</summary>
    string Outermost()
    {
        var last = Profiles.Levels.MaxBy(l => l.FractionalError)?.Bins.LastOrDefault();
        if (last is null || !last.Parameters.TryGetValue("beta_mp", out var b)) return "";
        return string.Create(CultureInfo.InvariantCulture,
            $" (β<sub>MP</sub> at {WebUtility.HtmlEncode(last.Bin.Label)} kpc and {100 * Profiles.Levels.Max(l => l.FractionalError):0} %: " +
            $"{b.Value:0.00} &plusmn; {b.Sigma:0.00})");
    }

    /// <summary>The stars left in the outermost bins at each level (the §2.3 |δV| cut grows with the distance error).</summary>
    string OuterStars()
    {
        var outer = Run.Truth.Where(t => t.RMin >= 60).GroupBy(t => t.Bin).OrderBy(g => g.Key).ToList();
        if (outer.Count == 0) return "";
        return "<p>Stars beyond 60 kpc at 0, 18, 30 %: " + string.Join("; ", outer.Select(g => string.Create(CultureInfo.InvariantCulture,
                $"[{g.First().RMin:0.#}, {g.First().RMax:0.#}) kpc {string.Join(" → ", g.OrderBy(t => t.FractionalError).Select(t => t.Stars))}"))) +
            ". The distance error enters the selection through the velocity errors the §2.3 Monte-Carlo gives it (|δV| &lt; 100 km/s) " +
            "and the substructure match, so larger errors remove outer stars rather than add them" + Outermost() + ".</p>\n";
    }

    /// <summary>The paper: p_MR overestimated at 40–60 kpc.</summary>
    static string PmrVerdict(IReadOnlyList<AppendixABiasEntry> entries)
    {
        var there = entries.Where(e => e.PaperSign == 1).ToList();
        if (there.Count == 0) return "";
        int up = there.Count(e => e.Agrees == true);
        return up > 0 ? $"p<sub>MR</sub> at 40–60 kpc rises beyond 2σ in {up} of {there.Count} level-bins, as the paper finds."
            : $"p<sub>MR</sub> at 40–60 kpc does not rise beyond 2σ (the paper finds it overestimated).";
    }
}
