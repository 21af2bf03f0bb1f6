using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using HaloNotebooks.Analysis;
using HaloNotebooks.Cli.Commands;
using HaloNotebooks.Pipeline;
using HaloNotebooks.Mocks;
using PaperTable = HaloNotebooks.Paper.PaperTable;
using Xunit;

namespace HaloNotebooks.Tests.Analysis;

public class ReproduceCommandTests
{
    /// <summary>
    /// `halo reproduce` end to end at reduced settings on a small mock (scale 0.02 ≈ 1300 selected stars; 36 walkers ×
    /// 40 steps, the fewest the 17-parameter fit allows): the report, summary.json, tables and figures exist and parse.
    /// </summary>
    [Fact]
    public void Reproduce_OnASmallMock_WritesTheReportTablesAndFigures()
    {
        var root = Directory.CreateTempSubdirectory("halo-reproduce-").FullName;
        try
        {
            var output = ReproduceOnSmallMock(root, "--appendix-stars", "4000");

            var html = File.ReadAllText(Path.Combine(output, "index.html"));
            Assert.Contains("Table 1 vs paper", html);
            Assert.Contains("Selection funnel", html);
            // The page explains the comparison, carries the paper's §2.3 counts, and without PNGs says why and draws
            // every figure inline with one copy of plotly.js (the per-figure files stay self-contained).
            Assert.Contains("against the paper&rdquo; means", html);
            Assert.Contains("64,573 (Table 1)", html);
            Assert.Contains("≈ 370,000 (&#167;2.3)", html);
            Assert.Contains("No PNG was written: PNG export was not asked for", html);
            Assert.Equal(1, CountOf(html, HaloNotebooks.Figures.FigureHtml.PlotlyJs));
            Assert.Equal(11, CountOf(html.Replace(HaloNotebooks.Figures.FigureHtml.PlotlyJs, ""), "window.Plotly.newPlot("));   // + Fig. 11 (PPC)
            Assert.Contains("id=\"model-checks\"", html);
            Assert.DoesNotContain("<iframe", html);
            Assert.True(new FileInfo(Path.Combine(output, "index.html")).Length < 8_000_000, "index.html must stay under 8 MB");
            Assert.Contains("Sgr not masked", File.ReadAllText(Path.Combine(output, "figures", "fig02_profiles_single.html")));
            Assert.Equal(1, CountOf(File.ReadAllText(Path.Combine(output, "figures", "fig08_skymap.html")), HaloNotebooks.Figures.FigureHtml.PlotlyJs));

            using var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "summary.json")));
            var rootElement = summary.RootElement;
            var funnel = rootElement.GetProperty("funnel");
            Assert.True(funnel.GetArrayLength() > 3);
            Assert.True(funnel[0].TryGetProperty("cut", out _) && funnel[0].TryGetProperty("kept", out _) && funnel[0].TryGetProperty("removed", out _));
            var table1 = rootElement.GetProperty("tables").GetProperty("table1");
            var allStars = table1[0];
            Assert.Equal(3, allStars.GetProperty("r_min").GetDouble());
            Assert.Equal(160, allStars.GetProperty("r_max").GetDouble());
            var vr = allStars.GetProperty("vr");
            Assert.True(vr.GetProperty("p16").GetDouble() < vr.GetProperty("median").GetDouble());
            var mr = rootElement.GetProperty("tables").GetProperty("table2")[0];
            Assert.Equal("MR", mr.GetProperty("component").GetString());
            Assert.True(mr.TryGetProperty("p_mr", out _) && mr.TryGetProperty("sigma_r_mr", out _));
            Assert.True(rootElement.GetProperty("tables").GetProperty("table3").GetArrayLength() >= 1);
            Assert.True(rootElement.GetProperty("timings_s").GetProperty("fits").GetDouble() > 0);
            Assert.Equal(5, rootElement.GetProperty("settings").GetProperty("seed").GetInt64());

            foreach (int n in new[] { 1, 2, 3 })
            {
                var t = PaperTable.Read(n, Path.Combine(output, "tables", $"table{n}.csv"));
                Assert.NotEmpty(t.Rows);
                Assert.Contains("\\begin{deluxetable*}", File.ReadAllText(Path.Combine(output, "tables", $"table{n}.tex")));
                Assert.StartsWith("**Table " + n, File.ReadAllText(Path.Combine(output, "tables", $"table{n}.md")));
            }
            // Figures 1–10 (Fig. 10 from the Appendix A mock) and Fig. 11 (posterior predictive checks, issue 28), and the Appendix A
            // profiles at 0, 18 and 30% distance error.
            Assert.Equal(11, Directory.GetFiles(Path.Combine(output, "figures"), "*.html").Length);
            // Issue 28: a convergence row per MCMC fit (none dropped), a PPC row per Table 1-3 fit and dimension.
            var convergence = File.ReadAllLines(Path.Combine(output, "tables", "convergence.csv"));
            Assert.Contains(convergence, l => l.StartsWith("table2/double/all,", StringComparison.Ordinal));
            Assert.Contains(convergence, l => l.StartsWith("fig2_no_sgr_mask/single/all,", StringComparison.Ordinal));
            var ppc = File.ReadAllLines(Path.Combine(output, "tables", "ppc.csv"));
            Assert.Contains(ppc, l => l.StartsWith("table3,all,all,v_r,", StringComparison.Ordinal));
            Assert.Contains(ppc, l => l.StartsWith("table2,all,MR,feh,", StringComparison.Ordinal));
            var appendix = File.ReadAllLines(Path.Combine(output, "tables", "appendix_a.csv"));
            Assert.Equal(["0", "0.18", "0.3"], appendix.Skip(1).Select(l => l.Split(',')[0]).Distinct());
            Assert.Empty(Directory.GetDirectories(root, ".results.partial-*"));
            // The replica-based mock truth is opt-in: the report says what it would add and how to ask for it.
            Assert.Empty(Directory.GetFiles(Path.Combine(output, "tables"), "*mock_truth*"));
            Assert.Contains("halo reproduce --mock-truth", html);
            Assert.False(rootElement.GetProperty("settings").GetProperty("mock_truth").GetBoolean());
        }
        finally { Directory.Delete(root, true); }
    }

    /// <summary>`halo reproduce` at short chains (seed 5, no PNG) on a 2 % mock (seed 42) written under
    /// <paramref name="root"/>, with <paramref name="options"/> added; asserts success and returns the results folder.</summary>
    static string ReproduceOnSmallMock(string root, params string[] options)
    {
        var mockDir = Path.Combine(root, "mock");
        MockCatalog.Generate(new MockSettings(Seed: 42, Scale: 0.02)).Write(mockDir);
        var output = Path.Combine(root, "results");
        string[] args = ["reproduce", "--mock", mockDir, "--walkers", "36", "--steps", "40", "--burn", "20", "--seed", "5",
            "--output", output, "--no-png", .. options];
        Assert.Equal(0, HaloNotebooks.Cli.Program.Run(args));
        return output;
    }

    /// <summary>`--mock-truth` adds Tables 1–3 against the truth of this mock realisation, and their noise scatter; the
    /// progress log numbers every stage of <see cref="ReproductionStages.For"/> in order, with one N.</summary>
    [Fact]
    public void Reproduce_WithMockTruth_ComparesWithTheTruthOfThisRealisation()
    {
        var root = Directory.CreateTempSubdirectory("halo-reproduce-").FullName;
        try
        {
            var mockDir = Path.Combine(root, "mock");
            MockCatalog.Generate(new MockSettings(Seed: 42, Scale: 0.02)).Write(mockDir);
            var output = Path.Combine(root, "results");
            var log = new StringWriter();
            Assert.Equal(0, ReproduceCommand.Execute(new ReproduceCommand.ReproduceOptions(null, null, [], 36, 40, 20, 5, output, mockDir, null,
                Png: false, AppendixStars: 0, Log: log) { MockTruth = true, Literature = "none" }));
            var started = log.ToString().Split('\n').Select(l => Regex.Match(l, @"^halo reproduce \[(\d+)/(\d+)\] (.+): started"))
                .Where(m => m.Success).ToList();
            var expected = ReproductionStages.For(defaultMock: true, appendixMock: false, bhb: false, literature: false, mockTruth: true);
            Assert.Equal(expected, started.Select(m => m.Groups[3].Value));
            Assert.Equal(Enumerable.Range(1, expected.Count).Select(k => k.ToString(CultureInfo.InvariantCulture)), started.Select(m => m.Groups[1].Value));
            Assert.All(started, m => Assert.Equal(expected.Count.ToString(CultureInfo.InvariantCulture), m.Groups[2].Value));
            foreach (int n in new[] { 1, 2, 3 })
                Assert.True(File.Exists(Path.Combine(output, "tables", $"table{n}_vs_mock_truth.csv")), $"table{n}_vs_mock_truth.csv");
            Assert.True(File.Exists(Path.Combine(output, "tables", "table1_noise_scatter_fixed_stars.csv")));
            var html = File.ReadAllText(Path.Combine(output, "index.html"));
            Assert.Contains("Tables 1–3 against the mock's truth", html);
            Assert.DoesNotContain("halo reproduce --mock-truth", html);
        }
        finally { Directory.Delete(root, true); }
    }

    [Fact]
    public void Reproduce_WithAMissingCatalogue_FailsClearly_AndLeavesEarlierResultsUntouched()
    {
        var root = Directory.CreateTempSubdirectory("halo-reproduce-").FullName;
        try
        {
            var output = Path.Combine(root, "results");
            Directory.CreateDirectory(output);
            File.WriteAllText(Path.Combine(output, "index.html"), "earlier run");
            var err = new StringWriter();
            var previous = Console.Error;
            Console.SetError(err);
            int code;
            try { code = HaloNotebooks.Cli.Program.Run(["reproduce", "--catalogue", Path.Combine(root, "absent.fits"), "--output", output]); }
            finally { Console.SetError(previous); }
            Assert.Equal(1, code);   // a missing file is bad input (README, exit codes)
            Assert.Contains("absent.fits", err.ToString());
            Assert.Equal("earlier run", File.ReadAllText(Path.Combine(output, "index.html")));
            Assert.Empty(Directory.GetDirectories(root, ".results.partial-*"));
        }
        finally { Directory.Delete(root, true); }
    }

    /// <summary>`--bhb` on the real DESI DR1 BHB table: a report section with both modes and Byström et al.'s values, the
    /// table and summary entry, and the overlays in Figs. 6, 8 and 9.</summary>
    [SkippableFact]
    public void Reproduce_WithBhbStars_AddsTheirDipoleFitToTheReportAndFigures()
    {
        var bhb = TestPaths.RequireShared("data/external/desi_dr1_bhb_bystrom2025/Bystrom_2025_BHB.csv");
        var root = Directory.CreateTempSubdirectory("halo-reproduce-").FullName;
        try
        {
            var mockDir = Path.Combine(root, "mock");
            MockCatalog.Generate(new MockSettings(Seed: 42, Scale: 0.02)).Write(mockDir);
            var output = Path.Combine(root, "results");
            int code = HaloNotebooks.Cli.Program.Run(["reproduce", "--mock", mockDir, "--walkers", "36", "--steps", "40", "--burn", "20", "--seed", "5",
                "--output", output, "--no-png", "--appendix-stars", "0", "--bhb", bhb]);
            Assert.Equal(0, code);
            var html = File.ReadAllText(Path.Combine(output, "index.html"));
            Assert.Contains("id=\"bhb\"", html);
            Assert.Contains("mode μ_dipole &lt; 0", html);
            Assert.Contains("mode μ_dipole &gt; 0", html);
            Assert.Contains("et al. (2025), published", html);   // "Byström" is HTML-encoded
            Assert.Contains("assumed 10 %", html);
            var csv = File.ReadAllLines(Path.Combine(output, "tables", "bhb_dipole.csv"));
            // Fig. 9's per-radius rows: Table 3's sub-bins with ≥ 30 stars (80–120 kpc has fewer in DESI DR1).
            Assert.Equal(["mu_dipole < 0", "mu_dipole > 0", "folded", "folded 50-60 kpc", "folded 60-80 kpc", "bystrom2025_published"],
                csv.Skip(1).Select(l => l.Split(',')[0]));
            using var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "summary.json")));
            var entry = summary.RootElement.GetProperty("bhb_dipole");
            Assert.Equal(2, entry.GetProperty("modes").GetArrayLength());
            Assert.Equal(-24, entry.GetProperty("bystrom2025_published").GetProperty("mu_compr").GetDouble());
            Assert.Contains("DESI DR1 BHB north", File.ReadAllText(Path.Combine(output, "figures", "fig06_hemispheres.html")));
            Assert.Contains("apex of our fit to the DESI DR1 BHB stars", File.ReadAllText(Path.Combine(output, "figures", "fig08_skymap.html")));
            Assert.Contains("DESI DR1 BHB stars, our fit per sub-bin", File.ReadAllText(Path.Combine(output, "figures", "fig09_dipole_profiles.html")));
            Assert.True(File.Exists(Path.Combine(output, "tables", "hemispheres_table3_field.csv")));
        }
        finally { Directory.Delete(root, true); }
    }

    [Fact]
    public void Reproduce_WithAMissingBhbFile_FailsBeforeAnyWork()
    {
        var root = Directory.CreateTempSubdirectory("halo-reproduce-").FullName;
        try
        {
            var err = new StringWriter();
            var previous = Console.Error;
            Console.SetError(err);
            int code;
            try
            {
                code = HaloNotebooks.Cli.Program.Run(["reproduce", "--bhb", Path.Combine(root, "absent_bhb.csv"), "--output", Path.Combine(root, "r"),
                    "--mock", Path.Combine(root, "m")]);
            }
            finally { Console.SetError(previous); }
            Assert.Equal(1, code);
            Assert.Contains("absent_bhb.csv", err.ToString());
            Assert.False(Directory.Exists(Path.Combine(root, "m")), "the --bhb path is checked before any mock is generated");
        }
        finally { Directory.Delete(root, true); }
    }

    [Fact]
    public void Reproduce_RejectsBurnInLongerThanTheChain()
    {
        var root = Directory.CreateTempSubdirectory("halo-reproduce-").FullName;
        try
        {
            var previous = Console.Error;
            Console.SetError(TextWriter.Null);
            try
            {
                Assert.Equal(2, HaloNotebooks.Cli.Program.Run(["reproduce", "--steps", "100", "--burn", "100", "--output", Path.Combine(root, "r"),
                    "--mock", Path.Combine(root, "m")]));
            }
            finally { Console.SetError(previous); }
            Assert.False(Directory.Exists(Path.Combine(root, "m")), "settings are checked before any mock is generated");
        }
        finally { Directory.Delete(root, true); }
    }

    static int CountOf(string text, string part)
    {
        int count = 0;
        for (int i = text.IndexOf(part, StringComparison.Ordinal); i >= 0; i = text.IndexOf(part, i + part.Length, StringComparison.Ordinal)) count++;
        return count;
    }

    /// <summary>Without --bhb the literature folder's copy of Byström et al.'s table is used when present; "none" skips it,
    /// an explicit path wins, and a literature folder without the table gives none.</summary>
    [Fact]
    public void TheBhbTable_DefaultsToTheLiteratureFoldersCopy()
    {
        string root = Path.Combine(Path.GetTempPath(), "halo-bhb-default-" + Guid.NewGuid().ToString("N"));
        try
        {
            string table = Path.Combine(root, "desi_dr1_bhb_bystrom2025", "Bystrom_2025_BHB.csv");
            Directory.CreateDirectory(Path.GetDirectoryName(table)!);
            File.WriteAllText(table, "");
            var o = new ReproduceCommand.ReproduceOptions(null, null, [], 36, 40, 20, 5, "out", "mock", null, Png: false, AppendixStars: 0)
            {
                Literature = root,
            };
            Assert.Equal(table, o.BhbFile);
            Assert.Null((o with { Bhb = "none" }).BhbFile);
            Assert.Equal("mine.csv", (o with { Bhb = "mine.csv" }).BhbFile);
            Assert.Null((o with { Literature = "none" }).BhbFile);
            Assert.Null((o with { Literature = Path.Combine(root, "desi_dr1_bhb_bystrom2025") }).BhbFile);
        }
        finally { if (Directory.Exists(root)) Directory.Delete(root, recursive: true); }
    }
}
