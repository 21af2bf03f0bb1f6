using HaloNotebooks.Paper;
using Xunit;

namespace HaloNotebooks.Tests.Cli;

public class CompareCommandTests
{
    /// <summary>Two results folders made from the paper's tables, B with one entry moved by a known amount: compare
    /// reports that entry's shift in combined σ (analytic) and zero for every other, in CSV, Markdown and HTML.</summary>
    [Fact]
    public void Compare_ReportsTheShiftOfEachEntry_InCombinedSigma()
    {
        var root = Directory.CreateTempSubdirectory("halo-compare-").FullName;
        try
        {
            string a = Path.Combine(root, "paper-cuts"), b = Path.Combine(root, "feh-1.0");
            foreach (var dir in new[] { a, b }) Directory.CreateDirectory(Path.Combine(dir, "tables"));
            for (int n = 1; n <= 3; n++)
            {
                var table = PublishedTables.Table(n);
                table.WriteCsv(Path.Combine(a, "tables", $"table{n}.csv"));
                if (n == 2)
                {
                    // Move the all-stars MR p_MR (0.542 +0.003 −0.003) up by 0.012: Δ = 0.012 / √(0.003² + 0.003²) = 2.83σ.
                    var rows = table.Rows.Select((r, i) => i == 0
                        ? r with { Values = r.Values.ToDictionary(kv => kv.Key, kv => kv.Key == "p_mr"
                            ? kv.Value with { Value = kv.Value.Value + 0.012 } : kv.Value) }
                        : r).ToList();
                    table = new PaperTable(2, rows);
                }
                table.WriteCsv(Path.Combine(b, "tables", $"table{n}.csv"));
            }
            var r = HaloProcess.Run(root, "compare", a, b);
            Assert.True(r.ExitCode == 0, r.Stderr);

            var csv = File.ReadAllLines(Path.Combine(b, "compare", "shifts.csv"));
            Assert.Equal("table,row,parameter,b,b_errp,b_errm,a,a_errp,a_errm,shift_sigma", csv[0]);
            var shifted = csv.Skip(1).Where(l => double.Parse(l.Split(',')[^1], System.Globalization.CultureInfo.InvariantCulture) != 0).ToList();
            var only = Assert.Single(shifted);
            Assert.StartsWith("2,\"MR [3, 160)\",p_mr,", only);
            Assert.Equal(0.012 / Math.Sqrt(2 * 0.003 * 0.003), double.Parse(only.Split(',')[^1], System.Globalization.CultureInfo.InvariantCulture), 6);
            Assert.Equal(126 + 266 + 20, csv.Length - 1);   // every entry of Tables 1-3
            Assert.Contains("| MR [3, 160) | p_mr |", File.ReadAllText(Path.Combine(b, "compare", "shifts.md")));
            var html = File.ReadAllText(Path.Combine(b, "compare", "index.html"));
            Assert.Contains("profiles.html", html);
            var profiles = File.ReadAllText(Path.Combine(b, "compare", "profiles.html"));
            Assert.Contains("feh-1.0 MR", profiles);     // both runs overplotted, by folder name
            Assert.Contains("paper-cuts MR", profiles);
            Assert.DoesNotContain("<script src=\"http", profiles);   // plotly.js embedded, no CDN
            Assert.Contains("+2.8", r.Stdout);          // the largest shift is printed
        }
        finally { Directory.Delete(root, true); }
    }
}
