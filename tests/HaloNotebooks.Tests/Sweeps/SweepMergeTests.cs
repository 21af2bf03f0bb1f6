using System.Globalization;
using System.Text.Json;
using HaloNotebooks.Sweeps;
using Xunit;

namespace HaloNotebooks.Tests.Sweeps;

public class SweepMergeTests
{
    // Realisation r's offset from the truth, in σ: seven of ten inside ±1, nine inside ±1.96.
    static readonly double[] Offsets = [0.1, -0.5, 0.9, -0.99, 0.0, 0.3, -0.7, 1.5, -1.8, 2.5];
    const double Truth = 20, Sigma = 2, SlopePerDex = 5;

    static void WriteResult(string dir, SweepTask t, IReadOnlyList<SweepEntry> entries) =>
        File.WriteAllText(SweepPlan.ResultPath(dir, t.Index), JsonSerializer.Serialize(
            new SweepTaskResult(t.Index, t.Kind, t.Variant, t.Realisation, 10 + t.Index, 300, 1000, 1200, entries, "test"),
            new JsonSerializerOptions
            {
                PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
                NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals,
            }));

    /// <summary>
    /// Ten realisations of three [Fe/H] cuts with one Table 1 entry each: median = truth + offset σ + 5 (cut + 0.85).
    /// The merge must find 70 ± 14.5 % coverage at 68 % and 90 % at 95 % for the paper's cut, and a shift of exactly
    /// 5 × 0.15 = 0.75 per step of the cut (the offsets are shared by a realisation's cuts, so the paired slope is exact).
    /// </summary>
    [Fact]
    public void Run_MergesCoverageAndSystematics_WithKnownAnswers()
    {
        var dir = Directory.CreateTempSubdirectory("halo-sweep-merge-").FullName;
        try
        {
            var plan = new SweepPlan(10, [new VariedSetting("FehMax", [-1.0, -0.85, -0.7])], false, 40, 300, 100, 0.05, 3, 1);
            plan.Write(dir);
            var variants = plan.Variants();
            foreach (var t in plan.Tasks())
            {
                if (t.Kind == SweepTask.TruthKind)
                {
                    if (t.Variant == 0) WriteResult(dir, t, [new SweepEntry(1, null, 3, 160, "vr", 0, Truth, double.NaN, double.NaN, double.NaN, double.NaN)]);
                    continue;
                }
                double cut = variants[t.Variant].Settings.TryGetValue("FehMax", out double c) ? c : -0.85;
                double m = Truth + Offsets[t.Realisation] * Sigma + SlopePerDex * (cut + 0.85);
                WriteResult(dir, t, [new SweepEntry(1, null, 3, 160, "vr", 100, m, m - 1.96 * Sigma, m - Sigma, m + Sigma, m + 1.96 * Sigma)]);
            }

            var s = SweepMerge.Run(dir);
            Assert.Equal(3 * 10 + 1, s.Cost.Finished);
            Assert.Equal(3 + 3 * 10, s.Cost.Total);
            var cov = Assert.Single(s.Coverage[0]);
            Assert.Equal(0.7, cov.Within68.Fraction, 12);
            Assert.Equal(Math.Sqrt(0.7 * 0.3 / 10), cov.Within68.Error, 12);
            Assert.Equal(0.9, cov.Within95.Fraction, 12);
            Assert.False(s.Coverage.ContainsKey(1));   // no truth finished for the other cuts

            var sys = Assert.Single(s.Systematics);
            Assert.Equal("FehMax", sys.Setting);
            Assert.Equal(10, sys.Realisations);
            Assert.Equal(0.15, sys.Step, 12);
            Assert.Equal(0.75, sys.ShiftPerStep, 9);
            Assert.Equal(Sigma, sys.Sigma, 12);

            var coverageCsv = File.ReadAllLines(Path.Combine(dir, "coverage.csv"));
            Assert.Equal(2, coverageCsv.Length);
            Assert.StartsWith("\"paper\",1,\"[3, 160)\",vr,10,20,0.7,", coverageCsv[1]);
            var sysCsv = File.ReadAllLines(Path.Combine(dir, "systematics.csv"));
            Assert.StartsWith("FehMax,1,\"[3, 160)\",vr,10,", sysCsv[1]);
            Assert.True(File.Exists(Path.Combine(dir, "figures", "zscores_table1.html")));
            Assert.Contains("Coverage, paper", File.ReadAllText(Path.Combine(dir, "index.html")));
            using var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "summary.json")));
            Assert.Equal(31, summary.RootElement.GetProperty("cost").GetProperty("finished").GetInt32());
            using var planJson = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, SweepPlan.PlanFile)));
            Assert.Equal(300, planJson.RootElement.GetProperty("cost").GetProperty("max_peak_memory_mb").GetDouble());

            // Whatever has finished: without realisation 9, nine are merged.
            foreach (var t in plan.Tasks().Where(t => t.Realisation == 9)) File.Delete(SweepPlan.ResultPath(dir, t.Index));
            var fewer = SweepMerge.Run(dir);
            Assert.Equal(9, fewer.Coverage[0][0].Within68.Trials);
            Assert.Equal(7 / 9.0, fewer.Coverage[0][0].Within68.Fraction, 12);
        }
        finally { Directory.Delete(dir, true); }
    }

    [Fact]
    public void Run_OnADirectoryWithoutAPlan_SaysSo()
    {
        var dir = Directory.CreateTempSubdirectory("halo-sweep-empty-").FullName;
        try
        {
            var e = Assert.Throws<ArgumentException>(() => SweepMerge.Run(dir));
            Assert.Contains("halo sweep plan", e.Message);
        }
        finally { Directory.Delete(dir, true); }
    }
}
