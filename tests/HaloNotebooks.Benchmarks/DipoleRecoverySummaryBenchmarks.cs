using System.Globalization;
using HaloNotebooks.Astrometry;
using HaloNotebooks.Catalogs;

namespace HaloNotebooks.Benchmarks;

/// <summary>
/// Summarises the rows of <see cref="DipoleRecoveryBenchmarks"/> (every benchmarks/dipole-recovery/dipole_recovery*.csv, a
/// later file's row replacing an earlier one's for the same realisation, variant, bin and parameter) into
/// data/reference/dipole_recovery.csv, which the report's Table 3 recovery paragraph reads (Analysis/DipoleRecoveryTable):
/// per variant, bin and parameter the realisations, the mock's input at the bin centre and averaged over the bin's stars, the
/// mean fitted median minus each with its standard error over realisations, and the mean posterior σ.
/// HALO_RECOVERY_DIR (default benchmarks/dipole-recovery) and HALO_RECOVERY_SUMMARY (default data/reference/dipole_recovery.csv).
/// </summary>
public sealed class DipoleRecoverySummaryBenchmarks : IBenchmark
{
    public string Name => "dipole-recovery-summary";

    public void Run(TextWriter output)
    {
        string dir = Environment.GetEnvironmentVariable("HALO_RECOVERY_DIR") ?? "benchmarks/dipole-recovery";
        string path = Environment.GetEnvironmentVariable("HALO_RECOVERY_SUMMARY") ?? "data/reference/dipole_recovery.csv";
        var rows = new Dictionary<(string Realisation, string Variant, double Lo, double Hi, string Parameter), (double Median, double Sigma,
            double Centre, double Stars)>();
        foreach (var file in Directory.GetFiles(dir, "dipole_recovery*.csv").Where(f => !f.Contains("decomposition", StringComparison.Ordinal))
                     .Order(StringComparer.Ordinal))
        {
            var t = CsvTable.Read(file);
            var real = t.GetDouble("realisation").Select(x => x.ToString(CultureInfo.InvariantCulture)).ToArray();
            var (variant, parameter) = (t.GetString("variant"), t.GetString("parameter"));
            double[] lo = t.GetDouble("r_min"), hi = t.GetDouble("r_max"), median = t.GetDouble("median"), p16 = t.GetDouble("p16"),
                p84 = t.GetDouble("p84"), centre = t.GetDouble("input_centre"), stars = t.GetDouble("input_star_mean");
            for (int i = 0; i < t.RowCount; i++)
                rows[(real[i], variant[i], lo[i], hi[i], parameter[i])] = (median[i], (p84[i] - p16[i]) / 2, centre[i], stars[i]);
        }
        using var csv = new StreamWriter(path);
        csv.WriteLine("variant,r_min_kpc,r_max_kpc,parameter,realisations,input_centre,input_star_mean,fit_minus_centre,fit_minus_centre_se," +
            "fit_minus_stars,fit_minus_stars_se,posterior_sigma");
        foreach (var g in rows.Where(r => r.Key.Parameter != "sigma_r")
                     .GroupBy(r => (r.Key.Variant, r.Key.Lo, r.Key.Hi, r.Key.Parameter))
                     .OrderBy(g => Order(g.Key.Variant)).ThenBy(g => g.Key.Lo).ThenByDescending(g => g.Key.Hi)
                     .ThenBy(g => g.Key.Parameter, StringComparer.Ordinal))
        {
            bool angle = g.Key.Parameter == "l_apex";
            var dc = g.Select(r => Difference(r.Value.Median, r.Value.Centre, angle)).ToArray();
            var ds = g.Select(r => Difference(r.Value.Median, r.Value.Stars, angle)).ToArray();
            csv.WriteLine(string.Join(",", g.Key.Variant, F(g.Key.Lo), F(g.Key.Hi), g.Key.Parameter, dc.Length.ToString(CultureInfo.InvariantCulture),
                F(g.Average(r => r.Value.Centre)), F(g.Average(r => r.Value.Stars)), F(dc.Average()), F(StandardError(dc)), F(ds.Average()),
                F(StandardError(ds)), F(g.Average(r => r.Value.Sigma))));
        }
        output.WriteLine($"{rows.Count} rows from {dir} → {path}; paper variant: " +
            $"{rows.Keys.Where(k => k.Variant == "paper").Select(k => k.Realisation).Distinct().Count()} realisations");
        SummariseDecomposition(dir, Path.Combine(Path.GetDirectoryName(path) ?? ".", "dipole_recovery_decomposition.csv"), rows, output);
    }

    /// <summary>
    /// The rows of <see cref="DipoleRecoveryDecompositionBenchmarks"/> (dipole_recovery_decomposition*.csv) per bin: mean and standard
    /// error over realisations of each least-squares μ_compr minus the star-weighted contraction, the halo stars' mean own
    /// ⟨V_r⟩ and the share of them inside 53.4 kpc, and — paired with the sampler's `paper` fit of the same realisation — the fit's
    /// μ_compr minus the star-weighted field plus the components' ⟨V_r⟩ (fit − stars − ls_halo_mean); the sampler's own shift from
    /// the least squares on the same values (the `true_vr` variant minus ls_true, paired), and what is left after both.
    /// </summary>
    static void SummariseDecomposition(string dir, string path, Dictionary<(string Realisation, string Variant, double Lo, double Hi, string Parameter),
        (double Median, double Sigma, double Centre, double Stars)> fits, TextWriter output)
    {
        var rows = new Dictionary<(string Realisation, double Lo, double Hi), Dictionary<string, double>>();
        foreach (var file in Directory.GetFiles(dir, "dipole_recovery_decomposition*.csv").Order(StringComparer.Ordinal))
        {
            var t = CsvTable.Read(file);
            var real = t.GetDouble("realisation").Select(x => x.ToString(CultureInfo.InvariantCulture)).ToArray();
            double[] lo = t.GetDouble("r_min"), hi = t.GetDouble("r_max");
            var columns = new[] { "ls_field", "ls_true", "ls_halo_true", "ls_halo_mean", "halo_component_vr", "halo_true_r_below_53" }
                .ToDictionary(c => c, t.GetDouble);
            for (int i = 0; i < t.RowCount; i++)
                rows[(real[i], lo[i], hi[i])] = columns.ToDictionary(c => c.Key, c => c.Value[i]);
        }
        if (rows.Count == 0) return;
        using var csv = new StreamWriter(path);
        csv.WriteLine("r_min_kpc,r_max_kpc,realisations,ls_field,ls_field_se,ls_true,ls_true_se,ls_halo_true,ls_halo_true_se,ls_halo_mean," +
            "ls_halo_mean_se,halo_component_vr,halo_inside_53kpc,paired,fit_minus_stars,fit_minus_stars_se,fit_minus_stars_and_components," +
            "fit_minus_stars_and_components_se,sampler_minus_ls,sampler_minus_ls_se,sampler_minus_ls_n,left,left_se");
        foreach (var g in rows.GroupBy(r => (r.Key.Lo, r.Key.Hi)).OrderBy(g => g.Key.Lo).ThenByDescending(g => g.Key.Hi))
        {
            var cells = new List<string> { F(g.Key.Lo), F(g.Key.Hi), g.Count().ToString(CultureInfo.InvariantCulture) };
            foreach (var c in new[] { "ls_field", "ls_true", "ls_halo_true", "ls_halo_mean" })
            {
                var x = g.Select(r => r.Value[c]).ToArray();
                cells.Add(F(x.Average()));
                cells.Add(F(StandardError(x)));
            }
            cells.Add(F(g.Average(r => r.Value["halo_component_vr"])));
            cells.Add(F(g.Average(r => r.Value["halo_true_r_below_53"])));
            var paired = g.Where(r => fits.ContainsKey((r.Key.Realisation, "paper", g.Key.Lo, g.Key.Hi, "mu_compr")))
                .Select(r => (Fit: fits[(r.Key.Realisation, "paper", g.Key.Lo, g.Key.Hi, "mu_compr")], Ls: r.Value["ls_halo_mean"])).ToArray();
            var plain = paired.Select(p => p.Fit.Median - p.Fit.Stars).ToArray();
            var corrected = paired.Select(p => p.Fit.Median - p.Fit.Stars - p.Ls).ToArray();
            cells.Add(paired.Length.ToString(CultureInfo.InvariantCulture));
            cells.AddRange([F(plain.Average()), F(StandardError(plain)), F(corrected.Average()), F(StandardError(corrected))]);
            // The sampler on the very values the least squares used: the `true_vr` variant (noise-free V_r, Galactocentric θ)
            // minus ls_true of the same realisation; what is left = corrected − this shift.
            var shift = g.Where(r => fits.ContainsKey((r.Key.Realisation, "true_vr", g.Key.Lo, g.Key.Hi, "mu_compr")))
                .Select(r => fits[(r.Key.Realisation, "true_vr", g.Key.Lo, g.Key.Hi, "mu_compr")] is var f ? f.Median - f.Stars - r.Value["ls_true"] : 0)
                .ToArray();
            double se = Math.Sqrt(Math.Pow(StandardError(corrected), 2) + Math.Pow(StandardError(shift), 2));
            cells.AddRange([F(shift.Average()), F(StandardError(shift)), shift.Length.ToString(CultureInfo.InvariantCulture),
                F(corrected.Average() - shift.Average()), F(se)]);
            csv.WriteLine(string.Join(",", cells));
        }
        output.WriteLine($"{rows.Count} decomposition rows → {path}");
    }

    static int Order(string variant) => Array.IndexOf(["paper", "no_error_cut", "galactocentric_theta", "true_vr"], variant) is var k and >= 0 ? k : 9;

    static double Difference(double fit, double truth, bool angle) => angle ? Angles.Wrap180(fit - truth) : fit - truth;

    static double StandardError(double[] x)
    {
        if (x.Length < 2) return double.NaN;
        double mean = x.Average();
        return Math.Sqrt(x.Sum(v => (v - mean) * (v - mean)) / (x.Length - 1) / x.Length);
    }

    static string F(double x) => x.ToString("0.####", CultureInfo.InvariantCulture);
}
