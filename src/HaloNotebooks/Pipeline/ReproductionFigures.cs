using System.Diagnostics;
using HaloNotebooks.Figures;
using HaloNotebooks.Selection;
using HaloNotebooks.Analysis;

namespace HaloNotebooks.Pipeline;

/// <summary>
/// The figure stage of <see cref="Reproduction"/>: every paper figure as self-contained HTML under figures/, and as PNG
/// when asked and headless Chromium is installed (a PNG failure is reported in the figure's title, not fatal).
/// </summary>
public static class ReproductionFigures
{
    /// <summary>Writes the figures; adds "figures" (and "figures.png") to <paramref name="timings"/>.</summary>
    public static IReadOnlyList<ReportFigure> Write(AnalysisResults results, HaloSample sample, HaloSample dipoleSample, string directory,
        bool png, IProgress<double>? progress, List<(string Stage, double Seconds)> timings)
    {
        var clock = Stopwatch.StartNew();
        var dir = Path.Combine(directory, "figures");
        Directory.CreateDirectory(dir);
        var figures = Build(results);
        var written = new List<(string Title, string Stem, Figure Figure)>();
        for (int i = 0; i < figures.Count; i++)
        {
            var (title, stem, make) = figures[i];
            var figure = make();
            FigureExport.WriteHtml(figure, Path.Combine(dir, stem + ".html"));
            written.Add((title, stem, figure));
            progress?.Report((i + 1.0) / figures.Count * (png ? 0.3 : 1.0));
        }
        timings.Add(("figures", clock.Elapsed.TotalSeconds));
        var report = new List<ReportFigure>();
        bool renderPng = png && FigureExport.ChromiumAvailable;
        clock.Restart();
        for (int i = 0; i < written.Count; i++)
        {
            var (title, stem, figure) = written[i];
            string? pngFile = null;
            if (renderPng)
            {
                try
                {
                    FigureExport.WritePng(figure, Path.Combine(dir, stem + ".png"));
                    pngFile = "figures/" + stem + ".png";
                }
                catch (FigureExportException e)
                {
                    title += $" (PNG not rendered: {e.Message})";
                }
            }
            report.Add(new ReportFigure(title, "figures/" + stem + ".html", pngFile));
            progress?.Report(0.3 + 0.7 * (i + 1.0) / written.Count);
        }
        if (renderPng) timings.Add(("figures.png", clock.Elapsed.TotalSeconds));
        progress?.Report(1.0);
        return report;
    }

    /// <summary>Figures 1–10 (PaperFigures) in the paper's order: title, file stem, how to draw it.</summary>
    static List<(string Title, string Stem, Func<Figure> Make)> Build(AnalysisResults r) =>
        PaperFigures.All(r).Select(f => (f.Title, f.FileStem, (Func<Figure>)(() => f))).ToList();
}
