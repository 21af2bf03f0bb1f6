using System.Security.Cryptography;
using System.Text;
using HaloNotebooks.Analysis;
using HaloNotebooks.Figures;
using Xunit;
using static HaloNotebooks.Tests.Figures.FigureTestData;

namespace HaloNotebooks.Tests.Figures;

/// <summary>The PNG cache of `halo reproduce` (Figures/PngCache.cs): a hit writes the very bytes rendered before and renders
/// nothing; a damaged entry is rendered again with one warning; a changed figure is a miss. The renderer here is a stand-in
/// that writes the SHA-256 of what it was sent, so the test needs no Chromium and can count what was rendered.</summary>
public sealed class PngCacheTests
{
    [Fact]
    public void Rerun_RendersNothing_WritesTheSameBytes_AndRecomputesADamagedEntry()
    {
        var root = Directory.CreateTempSubdirectory("halo-pngcache-").FullName;
        try
        {
            var warnings = new List<string>();
            var cache = new FitCache(Path.Combine(root, "cache")) { Warn = warnings.Add };
            var figures = new[] { SmallCorner(), SmallProfile(), SmallSkyMap() };
            var rendered = new List<string>();
            IReadOnlyList<string?> Render(string? chromium, IReadOnlyList<(Figure Figure, string Path)> list, double scale, int sessions)
            {
                foreach (var (f, path) in list)
                {
                    rendered.Add(f.FileStem);
                    File.WriteAllBytes(path, SHA256.HashData(Encoding.UTF8.GetBytes(f.ToJson(f.Width, f.Height, staticPlot: true))));
                }
                return new string?[list.Count];
            }
            IReadOnlyList<string?> Run(string folder, params Figure[] figs)
            {
                Directory.CreateDirectory(Path.Combine(root, folder));
                return PngCache.WritePngs("/no/such/chromium", figs.Select((f, i) => (f, Path.Combine(root, folder, $"f{i}.png"))).ToList(), 1.0, 1,
                    cache, Render);
            }
            byte[] Png(string folder, int i) => File.ReadAllBytes(Path.Combine(root, folder, $"f{i}.png"));

            Assert.All(Run("first", figures), Assert.Null);
            Assert.Equal(3, rendered.Count);
            var entries = Directory.GetFiles(cache.Folder, "*.pngc");
            Assert.Equal(3, entries.Length);

            rendered.Clear();
            Assert.All(Run("second", figures), Assert.Null);
            Assert.Empty(rendered);
            for (int i = 0; i < 3; i++) Assert.Equal(Png("first", i), Png("second", i));
            Assert.Empty(warnings);

            // Flip one byte of one entry's PNG: that figure alone is rendered again, with one warning.
            var victim = entries[0];
            var bytes = File.ReadAllBytes(victim);
            bytes[60] ^= 0xFF;
            File.WriteAllBytes(victim, bytes);
            Assert.All(Run("third", figures), Assert.Null);
            Assert.Single(rendered);
            Assert.Single(warnings);
            Assert.Contains("damaged", warnings[0]);
            for (int i = 0; i < 3; i++) Assert.Equal(Png("first", i), Png("third", i));

            // A figure that differs (another size) is another key.
            rendered.Clear();
            Run("fourth", figures[0].WithSize(300, 300));
            Assert.Single(rendered);

            // No cache: everything is rendered.
            rendered.Clear();
            PngCache.WritePngs("/no/such/chromium", [(figures[1], Path.Combine(root, "first", "x.png"))], 1.0, 1, null, Render);
            Assert.Single(rendered);
        }
        finally { Directory.Delete(root, recursive: true); }
    }
}
