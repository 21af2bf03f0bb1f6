using System.Runtime.InteropServices;
using HaloNotebooks.Analysis;
using HaloNotebooks.Inference;
using HaloNotebooks.Models;
using Xunit;

namespace HaloNotebooks.Tests.Analysis;

/// <summary>
/// The fit cache returns bit for bit what the fit would, refuses damaged and foreign entries (recomputing them with one
/// warning), is shared safely by concurrent writers and readers, keys every input a fit reads, and keeps under its cap.
/// </summary>
public sealed class FitCacheTests : IDisposable
{
    readonly string folder = Directory.CreateTempSubdirectory("halo-fitcache-").FullName;
    readonly List<string> warnings = [];

    public void Dispose() => Directory.Delete(folder, true);

    FitCache Cache(long maxBytes = FitCache.DefaultMaxBytes) => new(folder, maxBytes) { Warn = w => { lock (warnings) warnings.Add(w); } };

    /// <summary>300 stars of a single Gaussian halo (seeded), with per-star errors.</summary>
    static KinematicSample Stars(int seed, int n = 300)
    {
        var rng = new Random(seed);
        double Normal() => Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());
        double[] Column(double mean, double sigma) => Enumerable.Range(0, n).Select(_ => mean + sigma * Normal()).ToArray();
        double[] Errors(double e) => Enumerable.Range(0, n).Select(_ => e * (0.5 + rng.NextDouble())).ToArray();
        return new KinematicSample(Column(0, 140), Column(-10, 90), Column(0, 85), Column(-1.6, 0.35), Errors(10), Errors(15), Errors(15), Errors(0.1));
    }

    static RadialVelocitySample RadialStars(int seed, int n = 300)
    {
        var rng = new Random(seed);
        var l = Enumerable.Range(0, n).Select(_ => 360 * rng.NextDouble()).ToArray();
        var b = Enumerable.Range(0, n).Select(_ => Math.Asin(2 * rng.NextDouble() - 1) * 180 / Math.PI).ToArray();
        var vr = Enumerable.Range(0, n).Select(_ => 120 * (rng.NextDouble() - 0.5) * 2).ToArray();
        var err = Enumerable.Range(0, n).Select(_ => 5 + 10 * rng.NextDouble()).ToArray();
        return new RadialVelocitySample(l, b, vr, err);
    }

    static readonly FitSettings Short = new(new SamplerSettings(Walkers: 20, Steps: 60, Burn: 20, Seed: 7));

    static FitSettings Sampled(SamplerSettings sampler) => Short with { Sampler = sampler };

    static void AssertIdentical(FitResult expected, FitResult actual)
    {
        Assert.Equal(expected.ToJson(), actual.ToJson());           // summaries, τ, acceptance, settings, notes, wall time
        Assert.Equal(expected.ToHtml(), actual.ToHtml());
        foreach (var name in expected.ParameterNames.Concat(expected.DerivedNames))
            Assert.True(Bits(expected.Samples(name)).SequenceEqual(Bits(actual.Samples(name))), $"samples of {name} differ");
        Assert.True(Bits(expected.Chain!.ChainValues.ToArray()).SequenceEqual(Bits(actual.Chain!.ChainValues.ToArray())), "chains differ");
        Assert.True(Bits(expected.Chain.LogProbValues.ToArray()).SequenceEqual(Bits(actual.Chain.LogProbValues.ToArray())), "log-probabilities differ");
        Assert.Equal(expected.Chain.Accepted, actual.Chain.Accepted);
        Assert.Equal(expected.ChainParameterNames, actual.ChainParameterNames);
        Assert.Equal(expected.Start, actual.Start);
    }

    static byte[] Bits(double[] x) => MemoryMarshal.AsBytes(x.AsSpan()).ToArray();

    [Fact]
    public void Hit_ReturnsBitForBitWhatTheFitWould_ForAllThreeModels()
    {
        var stars = Stars(1);
        var radial = RadialStars(2);
        var cache = Cache();
        Func<FitCache?, FitResult>[] fits =
        [
            c => HaloFits.Single(stars, Short, null, null, c),
            c => HaloFits.Double(stars, Sampled(Short.Sampler with { Walkers = 40 }), null, null, c),
            c => HaloFits.Dipole(radial, Short, null, null, c),
        ];
        for (int i = 0; i < fits.Length; i++)
        {
            var stored = fits[i](cache);                  // computed and stored
            Assert.Equal(i + 1, Directory.GetFiles(folder, "*.fit").Length);
            var hit = fits[i](cache);                     // read back: every field, the chain, the samples, bit for bit
            AssertIdentical(stored, hit);
            var fresh = fits[i](null);                    // and what a fresh fit computes (its own wall time aside)
            Assert.Equal(Without(fresh.ToJson()), Without(hit.ToJson()));
            Assert.True(Bits(fresh.Chain!.ChainValues.ToArray()).SequenceEqual(Bits(hit.Chain!.ChainValues.ToArray())));
        }
        Assert.Empty(warnings);
    }

    [Theory]
    [InlineData("flip")]
    [InlineData("truncate")]
    [InlineData("foreign")]
    [InlineData("garbage")]
    public void DamagedOrForeignEntry_IsRecomputedWithOneWarning_NeverUsed(string damage)
    {
        var stars = Stars(4);
        var cache = Cache();
        var expected = HaloFits.Single(stars, Short, null, null, cache);
        var path = Directory.GetFiles(folder, "*.fit").Single();
        var bytes = File.ReadAllBytes(path);
        switch (damage)
        {
            case "flip": bytes[bytes.Length / 2] ^= 0x10; File.WriteAllBytes(path, bytes); break;
            case "truncate": File.WriteAllBytes(path, bytes[..(bytes.Length * 2 / 3)]); break;
            case "garbage": File.WriteAllText(path, "not a fit"); break;
            case "foreign":
                // Another fit's sound entry under this fit's name (e.g. a copied folder): its key does not match.
                HaloFits.Single(stars, Sampled(Short.Sampler with { Seed = 8 }), null, null, cache);
                var other = Directory.GetFiles(folder, "*.fit").Single(p => p != path);
                File.Copy(other, path, overwrite: true);
                break;
        }
        var again = HaloFits.Single(stars, Short, null, null, cache);
        var warning = Assert.Single(warnings);
        Assert.Contains(Path.GetFileName(path), warning);
        Assert.Contains("recomputed", warning);
        Assert.DoesNotContain('\n', warning);
        Assert.Equal(Without(expected.ToJson()), Without(again.ToJson()));
        // The recomputed fit replaced the bad entry: the next call hits it without a warning.
        HaloFits.Single(stars, Short, null, null, cache);
        Assert.Single(warnings);
    }

    static IEnumerable<string> Without(string json) => json.Split('\n').Where(l => !l.Contains("wall_time_s"));

    [Fact]
    public void ConcurrentProcessesSharingTheFolder_NeverReadAHalfWrittenEntry()
    {
        // Eight caches on one folder (as eight processes would have) fit and read the same three fits at once, many
        // times over: every result equals the uncached fit and no reader ever finds a damaged entry.
        var stars = Stars(5, n: 150);
        var seeds = new long[] { 11, 12, 13 };
        var expected = seeds.ToDictionary(s => s,
            s => Without(HaloFits.Single(stars, Sampled(Short.Sampler with { Seed = s }), null, null, null).ToJson()).ToList());
        var caches = Enumerable.Range(0, 8).Select(_ => Cache()).ToArray();
        Parallel.For(0, 48, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
        {
            long seed = seeds[i % seeds.Length];
            var fit = HaloFits.Single(stars, Sampled(Short.Sampler with { Seed = seed }), null, null, caches[i % caches.Length]);
            Assert.Equal(expected[seed], Without(fit.ToJson()));
        });
        Assert.Empty(warnings);
        Assert.Equal(3, Directory.GetFiles(folder, "*.fit").Length);
        Assert.Empty(Directory.GetFiles(folder, "*.tmp"));
    }

    [Fact]
    public void Key_ChangesWithEveryInputTheFitReads_AndNotWithTheThreadCount()
    {
        var stars = Stars(6);
        // One star's v_r moved by one unit in the last place.
        var moved = stars with { Vr = stars.Vr.Select((v, i) => i == 17 ? Math.BitIncrement(v) : v).ToArray() };
        var wider = MixturePriors.Paper with { VelocitySigma = new UniformPrior(10, 250) };
        string Key(KinematicSample s, FitSettings f, MixturePriors? p = null, double[]? start = null, FitModel? model = null) =>
            FitCacheKey.Of(model ?? FitModel.Single, s, p ?? MixturePriors.Paper, f, start)!.Hex;
        var baseline = Key(stars, Short);
        Assert.Equal(baseline, Key(stars, Short with { MaxDegreeOfParallelism = 1 }));
        Assert.Equal(baseline, Key(stars with { }, Short));
        string[] others =
        [
            Key(moved, Short), Key(stars, Short, wider), Key(stars, Sampled(Short.Sampler with { Seed = 8 })),
            Key(stars, Sampled(Short.Sampler with { Walkers = 22 })),
            Key(stars, Sampled(Short.Sampler with { Steps = 61 })), Key(stars, Sampled(Short.Sampler with { Burn = 21 })),
            Key(stars, Short, start: new double[8]),
            Key(stars, Short with { Moves = [(new StretchMove(2.5), 1.0)] }), Key(stars, Short, model: FitModel.Double),
        ];
        Assert.DoesNotContain(baseline, others);
        Assert.Equal(others.Length, others.Distinct().Count());
    }

    [Fact]
    public void SizeCap_RemovesTheLeastRecentlyUsedEntriesFirst()
    {
        var stars = Stars(7, n: 100);
        var probe = Cache();
        HaloFits.Single(stars, Sampled(Short.Sampler with { Seed = 1 }), null, null, probe);
        long entry = Directory.GetFiles(folder, "*.fit").Select(f => new FileInfo(f).Length).Max();
        probe.Clear();
        // Room for two entries: fit A, B; read A (now the most recent); fit C → B, the least recently used, goes.
        var cache = Cache(maxBytes: 2 * entry + entry / 2);
        string Entry(long seed) => FitCacheKey.Of(FitModel.Single, stars, MixturePriors.Paper, Sampled(Short.Sampler with { Seed = seed }), null)!.Hex + ".fit";
        HaloFits.Single(stars, Sampled(Short.Sampler with { Seed = 1 }), null, null, cache);
        File.SetLastWriteTimeUtc(Path.Combine(folder, Entry(1)), DateTime.UtcNow.AddMinutes(-10));
        HaloFits.Single(stars, Sampled(Short.Sampler with { Seed = 2 }), null, null, cache);
        File.SetLastWriteTimeUtc(Path.Combine(folder, Entry(2)), DateTime.UtcNow.AddMinutes(-5));
        HaloFits.Single(stars, Sampled(Short.Sampler with { Seed = 1 }), null, null, cache);       // a hit marks A as used now
        HaloFits.Single(stars, Sampled(Short.Sampler with { Seed = 3 }), null, null, cache);
        var left = Directory.GetFiles(folder, "*.fit").Select(Path.GetFileName).ToHashSet();
        Assert.Equal(new HashSet<string?> { Entry(1), Entry(3) }, left);
        var info = cache.Info();
        Assert.Equal(2, info.Entries);
        Assert.True(info.Bytes <= cache.MaxBytes);
        Assert.Equal(2, cache.Clear());
        Assert.Equal(0, cache.Info().Entries);
    }
}
