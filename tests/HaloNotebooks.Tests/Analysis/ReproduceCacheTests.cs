using System.Text.RegularExpressions;
using HaloNotebooks.Analysis;
using HaloNotebooks.Cli.Commands;
using HaloNotebooks.Mocks;
using Xunit;

namespace HaloNotebooks.Tests.Analysis;

/// <summary>Runs alone: it points HALO_CACHE, which every `halo reproduce` in this process reads, at its own folder.</summary>
[CollectionDefinition(nameof(FitCacheEnvironment), DisableParallelization = true)]
public sealed class FitCacheEnvironment;

/// <summary>`halo reproduce` twice with the same inputs: the second run reads every fit from the cache and writes the same
/// tables, byte for byte, as the first and as a run without the cache; the stage counter keeps one total.</summary>
[Collection(nameof(FitCacheEnvironment))]
public sealed class ReproduceCacheTests
{
    [Fact]
    public void SecondRun_ReadsEveryFitFromTheCache_AndWritesIdenticalTables()
    {
        var root = Directory.CreateTempSubdirectory("halo-reproduce-cache-").FullName;
        var previous = Environment.GetEnvironmentVariable("HALO_CACHE");
        try
        {
            var cacheDir = Path.Combine(root, "cache");
            Environment.SetEnvironmentVariable("HALO_CACHE", cacheDir);
            var mockDir = Path.Combine(root, "mock");
            MockCatalog.Generate(new MockSettings(Seed: 42, Scale: 0.02)).Write(mockDir);

            (string Output, string Log) Run(string name, bool noCache)
            {
                var log = new StringWriter();
                var output = Path.Combine(root, name);
                var options = new ReproduceCommand.ReproduceOptions(null, null, [], 36, 40, 20, 5, output, mockDir, null, false, 0, Log: log)
                    { NoCache = noCache };
                Assert.Equal(0, ReproduceCommand.Execute(options));
                return (output, log.ToString());
            }

            var first = Run("first", noCache: false);
            var entries = Directory.GetFiles(cacheDir, "*.fit").ToHashSet();
            Assert.True(entries.Count >= 40, $"{entries.Count} fits cached");   // 39 + 14 fits less the bins of a 2 % mock with < 10 stars
            var writeTimes = entries.ToDictionary(e => e, File.GetLastWriteTimeUtc);

            var second = Run("second", noCache: false);
            Assert.Equal(entries, Directory.GetFiles(cacheDir, "*.fit").ToHashSet());          // nothing new was fitted
            Assert.All(entries, e => Assert.True(File.GetLastWriteTimeUtc(e) >= writeTimes[e]));

            var fresh = Run("fresh", noCache: true);
            foreach (var run in new[] { second.Output, fresh.Output })
                foreach (var file in Directory.GetFiles(Path.Combine(first.Output, "tables")))
                    Assert.True(File.ReadAllBytes(file).SequenceEqual(File.ReadAllBytes(Path.Combine(run, "tables", Path.GetFileName(file)))),
                        $"{Path.GetFileName(file)} of {Path.GetFileName(run)} differs from the first run's");

            // One stage counter: every "[k/N]" of a run has the same N, and k counts up.
            foreach (var log in new[] { first.Log, second.Log })
            {
                var counters = Regex.Matches(log, @"\[(\d+)/(\d+)\]").Select(m => (K: int.Parse(m.Groups[1].Value), N: int.Parse(m.Groups[2].Value))).ToList();
                Assert.NotEmpty(counters);
                Assert.Single(counters.Select(c => c.N).Distinct());
                Assert.Equal(counters.Select(c => c.K).Order(), counters.Select(c => c.K));
                Assert.Equal(counters[0].N, counters.Max(c => c.K));
            }
        }
        finally
        {
            Environment.SetEnvironmentVariable("HALO_CACHE", previous);
            Directory.Delete(root, true);
        }
    }
}
