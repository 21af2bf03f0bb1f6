using System.Diagnostics;
using HaloNotebooks.Figures;
using HaloNotebooks.Analysis;

namespace HaloNotebooks.Pipeline;

/// <summary>
/// The figure stage of <see cref="Reproduction"/>: every paper figure as self-contained HTML under figures/, and as PNG
/// when asked and headless Chromium is installed (all PNGs from one Chromium session; a PNG failure is
/// reported beside the figure, not fatal).
/// </summary>
internal static class ReproductionFigures
{
    /// <summary>Writes the figures; adds "figures" (and "figures.png") to <paramref name="timings"/>.</summary>
    /// <param name="singleWithoutSgrMask">Fig. 2's β profile with the Sgr footprint kept (null: not drawn).</param>
    /// <param name="bhb">The DESI DR1 BHB dipole fit drawn in Figs. 6, 8 and 9 (null: not drawn).</param>
    public static IReadOnlyList<ReportFigure> Write(AnalysisResults results, RadialProfile? singleWithoutSgrMask, string directory,
        bool png, IProgress<double>? progress, List<(string Stage, double Seconds)> timings, BhbDipoleFit? bhb = null,
        IReadOnlyList<Literature.LiteratureFit>? literature = null)
    {
        var clock = Stopwatch.StartNew();
        var dir = Path.Combine(directory, "figures");
        Directory.CreateDirectory(dir);
        var figures = PaperFigures.All(results, singleWithoutSgrMask, bhb, literature);
        // Chromium renders the PNGs in its own processes while this one writes the HTML pages: the two overlap.
        var pngTask = png
            ? Task.Run(() => PngCache.WritePngs(figures.Select(f => (f, Path.Combine(dir, f.FileStem + ".png"))).ToList(), 1.0, sessions: 1,
                FitCache.Current))
            : null;
        for (int i = 0; i < figures.Count; i++)
        {
            FigureExport.WriteHtml(figures[i], Path.Combine(dir, figures[i].FileStem + ".html"));
            progress?.Report((i + 1.0) / figures.Count * (png ? 0.3 : 1.0));
        }
        timings.Add(("figures", clock.Elapsed.TotalSeconds));
        clock.Restart();

        string? pngStatus = png ? null : "PNG export was not asked for (--no-png).";
        var pngErrors = new string?[figures.Count];
        if (pngTask is not null)
        {
            // One session: a second one at once was slower on the shared 2-core machine (benchmarks/README.md, png-export).
            // Through the fit cache's folder when it is on: a rerun with the same results starts no Chromium (PngCache.cs).
            pngErrors = pngTask.GetAwaiter().GetResult().ToArray();
            // What the PNGs add to the run: the wait after the HTML pages (so "total" counts no second twice).
            if (FigureExport.ChromiumAvailable) timings.Add(("figures.png", clock.Elapsed.TotalSeconds));
            else pngStatus = pngErrors.FirstOrDefault(e => e is not null);
        }
        progress?.Report(1.0);
        return figures.Select((f, i) => new ReportFigure(f.Title, "figures/" + f.FileStem + ".html",
            png && pngErrors[i] is null ? "figures/" + f.FileStem + ".png" : null)
        {
            Figure = f,
            PngStatus = pngStatus ?? (pngErrors[i] is { } e ? "PNG not rendered: " + e : null),
        }).ToList();
    }
}
