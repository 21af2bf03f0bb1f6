using System.Globalization;
using System.Text;

namespace HaloNotebooks.Analysis;

/// <summary>
/// One fit's sampler diagnostics (issue 28): the integrated autocorrelation time τ of its slowest sampled coordinate
/// (emcee's get_autocorr_time on the kept steps), the kept steps per τ (emcee asks for ≥ 50), the effective sample size
/// of that coordinate, walkers × kept steps / τ, and the acceptance fraction (mean over walkers and the lowest walker's).
/// </summary>
internal sealed record ConvergenceRow(string Fit, string Model, int Stars, int Walkers, int Steps, int Burn, double MaxTau, string SlowestParameter,
    double StepsPerTau, double MeanAcceptance, double MinAcceptance, double EffectiveSamples, string Move)
{
    /// <summary>emcee's criterion: the kept chain is at least this many τ long.</summary>
    internal const double TauMultiple = 50;

    /// <summary>Whether the kept chain is ≥ 50 τ of its slowest coordinate.</summary>
    internal bool LongEnough => StepsPerTau >= TauMultiple;

    /// <summary>The diagnostics of a fit (its chain may have been dropped: τ and acceptance are kept with the summary).</summary>
    public static ConvergenceRow Of(string fit, Inference.FitResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var finite = result.AutocorrTime.Where(kv => double.IsFinite(kv.Value)).ToList();
        var (slowest, tau) = result.AutocorrTime.Count == 0 ? ("", double.NaN)
            : result.AutocorrTime.Any(kv => !double.IsFinite(kv.Value))
                ? (result.AutocorrTime.First(kv => !double.IsFinite(kv.Value)).Key, double.PositiveInfinity)
            : (finite.MaxBy(kv => kv.Value).Key, finite.Max(kv => kv.Value));
        var s = result.Settings.Sampler;
        int kept = s.Steps - s.Burn;
        return new ConvergenceRow(fit, result.Model, result.StarCount, s.Walkers, s.Steps, s.Burn, tau, slowest, kept / tau, result.AcceptanceFraction,
            result.AcceptanceFractions.Min(), s.Walkers * kept / tau, result.Moves);
    }
}

/// <summary>The diagnostics of every fit of a run (tables/convergence.csv, the report's convergence table).</summary>
internal sealed class ConvergenceTable(IReadOnlyList<ConvergenceRow> rows)
{
    public IReadOnlyList<ConvergenceRow> Rows { get; } = rows;

    /// <summary>Every MCMC fit of <paramref name="results"/> (Tables 1–3, Eq. 7, Appendix A), then <paramref name="extra"/> (e.g. Fig. 2's
    /// fits without the Sgr mask, the BHB fit), in key order.</summary>
    public static ConvergenceTable From(AnalysisResults results, IEnumerable<(string Fit, Inference.FitResult Result)>? extra = null)
    {
        ArgumentNullException.ThrowIfNull(results);
        var rows = results.Fits.Where(kv => kv.Value.Fit is not null)
            .Select(kv => (Key: kv.Key.ToString(), Fit: kv.Value.Fit!))
            .Concat(extra ?? [])
            .OrderBy(r => r.Item1, StringComparer.Ordinal)
            .Select(r => ConvergenceRow.Of(r.Item1, r.Item2)).ToList();
        return new ConvergenceTable(rows);
    }

    /// <summary>A table's fits as extra rows under a stage name ("fig2_no_sgr_mask/single/bin 3").</summary>
    internal static IEnumerable<(string Fit, Inference.FitResult Result)> ProfileFits(string stage, RadialProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        if (profile.AllStars.Fit is { } all) yield return ($"{stage}/{profile.Model.Name}/all", all);
        for (int k = 0; k < profile.Bins.Count; k++)
            if (profile.Bins[k].Fit is { } f)
                yield return (string.Create(CultureInfo.InvariantCulture, $"{stage}/{profile.Model.Name}/{profile.Bins[k].Bin.Label}"), f);
    }

    /// <summary>Fits whose kept chain is shorter than 50 τ.</summary>
    internal IReadOnlyList<ConvergenceRow> Short => Rows.Where(r => !r.LongEnough).ToList();

    internal string ToCsv()
    {
        var sb = new StringBuilder("fit,model,n_stars,walkers,steps,burn,max_tau,slowest_parameter,kept_steps_per_tau,mean_acceptance,min_acceptance," +
            "n_eff_slowest,move\n");
        foreach (var r in Rows)
            sb.Append(string.Join(",", [Quote(r.Fit), r.Model, I(r.Stars), I(r.Walkers), I(r.Steps), I(r.Burn), F(r.MaxTau), r.SlowestParameter,
                F(r.StepsPerTau), F(r.MeanAcceptance), F(r.MinAcceptance), F(r.EffectiveSamples), Quote(r.Move)])).Append('\n');
        return sb.ToString();
    }

    static string I(int x) => x.ToString(CultureInfo.InvariantCulture);
    static string F(double x) => double.IsFinite(x) ? x.ToString("G5", CultureInfo.InvariantCulture) : "inf";
    static string Quote(string s) => s.Contains(',') || s.Contains('"') ? "\"" + s.Replace("\"", "\"\"") + "\"" : s;
}
