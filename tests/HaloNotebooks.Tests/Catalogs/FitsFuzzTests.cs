using System.Diagnostics;
using System.Text;
using HaloNotebooks.Catalogs;
using HaloNotebooks.Numerics;
using Xunit;

namespace HaloNotebooks.Tests.Catalogs;

/// <summary>
/// Malformed input must end in a <see cref="CatalogException"/> (or a clean read), never in
/// IndexOutOfRange, NullReference, OutOfMemory, overflow or a hang: every length the reader takes
/// from a header is checked against the file before use. 10,000 mutants of two seed files (the
/// byte-built fixture and a writer output with every column type), generated in memory from a
/// fixed seed so a failure is reproducible from the printed case number.
/// </summary>
public class FitsFuzzTests
{
    const int Cases = 10_000;

    static readonly string[] Keys = ["NAXIS", "NAXIS1", "NAXIS2", "PCOUNT", "GCOUNT", "TFIELDS", "BITPIX", "TFORM1", "TFORM2",
                                     "TFORM9", "TFORM10", "TSCAL11", "TZERO4", "TNULL5", "XTENSION", "SIMPLE", "END", "EXTNAME", "TTYPE1"];
    static readonly string[] Values = ["0", "-1", "1", "2", "3", "999", "1000", "2147483647", "2147483648", "9223372036854775807",
                                       "99999999999999999999", "-9223372036854775808", "1.5", "1E300", "NAN", "T", "F", "'BINTABLE'",
                                       "'IMAGE'", "'1000000000D'", "'0E'", "'3Q'", "'99999999999999999A'", "'X'", "'2147483647B'", "''", "'"];

    [Fact]
    public async Task Mutants_OnlyEverRaiseCatalogException()
    {
        var seeds = new[] { File.ReadAllBytes(TestPaths.Fixture("catalogs/bintable_features.fits")), WriterSeed() };
        var outcomes = new int[2];   // [clean reads, CatalogExceptions]
        var clock = Stopwatch.StartNew();
        var work = Task.Run(() =>
        {
            for (int k = 0; k < Cases; k++)
            {
                var rng = new SeededRandom(20261124, k);
                var bytes = Mutate(seeds[k % seeds.Length], rng);
                try
                {
                    using var fits = FitsFile.Open(new MemoryStream(bytes, writable: false), $"mutant-{k}.fits");
                    foreach (var hdu in fits.Hdus) if (hdu.Type == "BINTABLE") fits.ReadTable(hdu.Index);
                    outcomes[0]++;
                }
                catch (CatalogException) { outcomes[1]++; }
                catch (Exception e) { throw new Xunit.Sdk.XunitException($"case {k}: {e.GetType().Name}: {e.Message}\n{e.StackTrace}"); }
            }
        });
        var finished = await Task.WhenAny(work, Task.Delay(TimeSpan.FromSeconds(60)));
        Assert.True(finished == work, $"fuzz did not finish in 60 s (hang?) after {clock.Elapsed}");
        await work;
        Assert.Equal(Cases, outcomes[0] + outcomes[1]);
        Assert.True(outcomes[1] > Cases / 4, $"only {outcomes[1]} of {Cases} mutants were rejected: the mutations are too gentle");
        Assert.True(outcomes[0] > 100, $"only {outcomes[0]} mutants read cleanly: the mutations are too harsh to test decoding");
    }

    static byte[] WriterSeed()
    {
        var t = FitsWriterTests.Sample(40, 3);
        using var ms = new MemoryStream();
        FitsWriter.Write(ms, [("A", t), ("B", t.Select("d", "s"))]);
        return ms.ToArray();
    }

    static byte[] Mutate(byte[] seed, SeededRandom rng)
    {
        var bytes = (byte[])seed.Clone();
        int kind = (int)(rng.NextDouble() * 4);
        switch (kind)
        {
            case 0:   // bit flips, half of them in the headers' first two blocks where damage matters most
                int flips = 1 + (int)(rng.NextDouble() * 8);
                for (int i = 0; i < flips; i++)
                {
                    int at = rng.NextDouble() < 0.5 ? (int)(rng.NextDouble() * Math.Min(bytes.Length, 2 * 2880 + 2880))
                        : (int)(rng.NextDouble() * bytes.Length);
                    bytes[at] ^= (byte)(1 << (int)(rng.NextDouble() * 8));
                }
                return bytes;
            case 1:   // truncation
                return bytes[..(int)(rng.NextDouble() * bytes.Length)];
            case 2:   // header value edits
                int edits = 1 + (int)(rng.NextDouble() * 3);
                for (int i = 0; i < edits; i++) EditCard(bytes, Keys[(int)(rng.NextDouble() * Keys.Length)],
                    Values[(int)(rng.NextDouble() * Values.Length)], rng);
                return bytes;
            default:  // a card copied over another (duplicated / missing keywords), then a flip in the data
                int cards = bytes.Length / 80;
                int from = (int)(rng.NextDouble() * Math.Min(cards, 108)), to = (int)(rng.NextDouble() * Math.Min(cards, 108));
                Array.Copy(bytes, from * 80, bytes, to * 80, 80);
                int d = (int)(rng.NextDouble() * bytes.Length);
                bytes[d] = (byte)(rng.NextDouble() * 256);
                return bytes;
        }
    }

    static void EditCard(byte[] bytes, string key, string value, SeededRandom rng)
    {
        var hits = new List<int>();
        for (int i = 0; i + 80 <= bytes.Length; i += 80)
            if (Encoding.Latin1.GetString(bytes, i, 8).TrimEnd() == key) hits.Add(i);
        if (hits.Count == 0) return;
        int at = hits[(int)(rng.NextDouble() * hits.Count)];
        var card = key == "END" ? "ENX" : key.PadRight(8) + "= " + value.PadLeft(20);
        Encoding.ASCII.GetBytes(card.PadRight(80).AsSpan(0, 80), bytes.AsSpan(at, 80));
    }
}
