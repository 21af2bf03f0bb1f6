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
        foreach (var file in Directory.GetFiles(dir, "dipole_recovery*.csv").Order(StringComparer.Ordinal))
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
