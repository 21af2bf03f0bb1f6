using System.Diagnostics;
using HaloNotebooks.Astrometry;
using HaloNotebooks.Figures;
using HaloNotebooks.Numerics;

namespace HaloNotebooks.Benchmarks;

/// <summary>
/// Size of what a figure puts into a notebook or HTML page, and the time to build it: corner plots of 5, 8 and 17
/// parameters from 60 000 joint samples (the paper's 100 walkers × 600 post-burn-in steps), a four-panel profile
/// grid, and full-sky Mollweide maps at N_side 4, 8, 16. Sizes do not depend on the sample count (binned in C#).
/// PNG export (headless Chromium) is timed once per kind when Chromium is installed.
/// </summary>
public sealed class FiguresBenchmarks : IBenchmark
{
    public string Name => "figures";

    public void Run(TextWriter output)
    {
        output.WriteLine($"plotly.js (embedded once per page): {FigureHtml.PlotlyJs.Length / 1024.0:F0} KiB, version {FigureHtml.PlotlyJsVersion}");
        output.WriteLine("| figure | traces | figure JSON | notebook fragment after the first | build time | PNG time |");
        output.WriteLine("| --- | --- | --- | --- | --- | --- |");
        foreach (int n in new[] { 5, 8, 17 })
            Row(output, $"corner, {n} parameters, 60 000 samples",
                () => CornerPlot.Create(Samples(n, 60_000), Enumerable.Range(0, n).Select(i => $"θ{i}").ToList()));
        Row(output, "profile grid, 4 panels × 13 bins × 4 series", Profiles);
        foreach (int nside in new[] { 4, 8, 16 })
            Row(output, $"sky map, 2 panels, N_side {nside} full sky", () => Sky(nside));
    }

    static void Row(TextWriter output, string name, Func<Figure> make)
    {
        make(); // warm-up
        var clock = Stopwatch.StartNew();
        var fig = make();
        double build = clock.Elapsed.TotalSeconds;
        FigureHtml.Inclusion = PlotlyJsInclusion.Never;
        int fragment = fig.ToHtml().Length;
        FigureHtml.Inclusion = PlotlyJsInclusion.OncePerPage;
        string png = "Chromium absent";
        if (FigureExport.ChromiumAvailable)
        {
            string path = Path.Combine(Path.GetTempPath(), $"halo-bench-{Guid.NewGuid():N}.png");
            clock.Restart();
            FigureExport.WritePng(fig, path);
            png = $"{clock.Elapsed.TotalSeconds:F1} s";
            File.Delete(path);
        }
        output.WriteLine($"| {name} | {fig.TraceCount} | {fig.ToJson().Length / 1024.0:F0} KiB | {fragment / 1024.0:F0} KiB | {build * 1e3:F0} ms | {png} |");
    }

    internal static List<double[]> Samples(int parameters, int count)
    {
        var rng = new SeededRandom(1, 0);
        var s = Enumerable.Range(0, parameters).Select(_ => new double[count]).ToList();
        for (int k = 0; k < count; k++)
        {
            double shared = rng.NextGaussian();
            for (int i = 0; i < parameters; i++) s[i][k] = 10 * i + (1 + i) * (0.5 * shared + 0.87 * rng.NextGaussian());
        }
        return s;
    }

    internal static Figure Profiles()
    {
        double[] r = [6, 10, 12.6, 14.8, 17, 19.5, 22.4, 26.3, 32, 41, 53, 69, 105];
        ProfileSeries S(string name, double offset, bool open) =>
            new(name, r.Select(x => new ProfilePoint(x, offset - x / 5, 2 + x / 50, 1.5 + x / 60)).ToList()) { OpenMarker = open };
        var panel = new ProfilePanel("velocity [km s<sup>−1</sup>]") { Series = [S("a", 0, false), S("b", 20, false), S("c", 120, true), S("d", 90, true)] };
        return ProfilePlot.Grid([panel, panel, panel, panel], new ProfileOptions { Columns = 2, LogX = true });
    }

    internal static Figure Sky(int nside)
    {
        var hp = new HealPix(nside);
        var pixels = Enumerable.Range(0, (int)hp.PixelCount).Select(p => (long)p).ToList();
        var values = pixels.Select(p =>
        {
            var (l, b) = hp.Pix2AngRing(p);
            return -18 - 24 * Math.Cos(SkyGeometry.AngularDistance(l, b, 325, -38) * Math.PI / 180);
        }).ToList();
        return SkyMap.Mollweide(nside, [new SkyMapPanel("observed", pixels, values), new SkyMapPanel("model", pixels, values)]);
    }
}

/// <summary>The figure shapes of <see cref="FiguresBenchmarks"/>, for other benchmarks.</summary>
internal static class FiguresBenchmarksShapes
{
    public static Figure Corner(int n) => CornerPlot.Create(FiguresBenchmarks.Samples(n, 60_000), Enumerable.Range(0, n).Select(i => $"θ{i}").ToList());
    public static Figure Profiles() => FiguresBenchmarks.Profiles();
    public static Figure Sky(int nside) => FiguresBenchmarks.Sky(nside);

    /// <summary>Ten figures shaped like `halo reproduce`'s Figs. 1–10: corner plots of 5, 17 and 5 parameters, six profile
    /// grids, one N_side 4 sky map (the PNG export and rerun-cache benchmarks).</summary>
    public static List<Figure> ReproduceLike() =>
    [
        Corner(5), Profiles(), Corner(17), Profiles(), Profiles(), Profiles(), Corner(5), Sky(4), Profiles(), Profiles(),
    ];
}
