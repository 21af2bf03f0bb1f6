using System.Text.Json;
using HaloNotebooks.Paper;
using Xunit;

namespace HaloNotebooks.Tests.Cli;

/// <summary>
/// One seed everywhere: `halo select` then `halo fit --bins paper` gives `halo reproduce`'s Table 1 exactly (same
/// stars, same fits, same seeds) — the what-if baseline a user builds by hand matches the report. Reduced settings
/// (a 0.02-scale mock, 36 walkers × 40 steps) keep it fast; the equality does not depend on them.
/// </summary>
public class SelectThenFitTests(SmallMockFixture mock) : IClassFixture<SmallMockFixture>
{
    [Fact]
    public void SelectThenFitBinsPaper_ReproducesReproducesTable1_Exactly()
    {
        var dir = Directory.CreateTempSubdirectory("halo-chain-").FullName;
        try
        {
            string[] sampler = ["--walkers", "36", "--steps", "40", "--burn", "20", "--seed", "5"];
            string[] input = ["--distances", mock.Distances, "--substructures", mock.Substructures];
            var reproduce = HaloProcess.Run(dir, ["reproduce", "--catalogue", mock.Catalogue, .. input, .. sampler, "--appendix-stars", "0",
                "--no-png", "--output", "results"]);
            Assert.True(reproduce.ExitCode == 0, reproduce.Stderr);
            var select = HaloProcess.Run(dir, ["select", "--input", mock.Catalogue, .. input, "--seed", "5", "--output", "sample.csv"]);
            Assert.True(select.ExitCode == 0, select.Stderr);
            var fit = HaloProcess.Run(dir, ["fit", "--input", "sample.csv", "--model", "single", "--bins", "paper", .. sampler, "--output", "table1.json"]);
            Assert.True(fit.ExitCode == 0, fit.Stderr);

            var expected = PaperTable.Read(1, Path.Combine(dir, "results", "tables", "table1.csv"));
            using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "table1.json")));
            var rows = json.RootElement.GetProperty("rows").GetProperty("table1").EnumerateArray().ToList();
            Assert.Equal(expected.Rows.Count, rows.Count);
            Assert.True(rows.Count >= 10, $"{rows.Count} rows: the small mock should fill most of Table 1's 13 bins");
            for (int i = 0; i < rows.Count; i++)
            {
                var want = expected.Rows[i];
                Assert.Equal(want.RMin, rows[i].GetProperty("r_min").GetDouble());
                Assert.Equal(want.RMax, rows[i].GetProperty("r_max").GetDouble());
                Assert.Equal(want.N, rows[i].GetProperty("n").GetInt32());
                foreach (var (key, m) in want.Values)
                {
                    var got = rows[i].GetProperty(key);
                    Assert.Equal(m.Value, got.GetProperty("median").GetDouble());
                    Assert.Equal(m.P16, got.GetProperty("p16").GetDouble());
                    Assert.Equal(m.P84, got.GetProperty("p84").GetDouble());
                }
            }
        }
        finally { Directory.Delete(dir, true); }
    }
}
