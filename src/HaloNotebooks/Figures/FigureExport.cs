using System.Diagnostics;
using System.Net;
using System.Text;

namespace HaloNotebooks.Figures;

/// <summary>
/// Writes figures as self-contained HTML (plotly.js embedded, no network needed) and as PNG
/// through headless Chromium when it is installed (<c>environment/</c> installs Debian's
/// <c>chromium</c>; set HALO_CHROMIUM to use another binary).
/// </summary>
public static class FigureExport
{
    /// <summary>Chromium binary: $HALO_CHROMIUM, /usr/bin/chromium, or chromium / chromium-browser / google-chrome on PATH; null when none.</summary>
    public static string? ChromiumPath => FindChromium(Environment.GetEnvironmentVariable("HALO_CHROMIUM"),
        Environment.GetEnvironmentVariable("PATH"), File.Exists);

    public static bool ChromiumAvailable => ChromiumPath is not null;

    /// <summary>How long one PNG export may take before Chromium is stopped.</summary>
    public static TimeSpan PngTimeout { get; set; } = TimeSpan.FromSeconds(90);

    /// <summary>A complete HTML page showing the figures, with plotly.js embedded once.</summary>
    public static string PageHtml(IEnumerable<Figure> figures, string? pageTitle = null)
    {
        var list = figures?.ToList() ?? throw new ArgumentNullException(nameof(figures));
        if (list.Count == 0) throw new ArgumentException("no figures to write.", nameof(figures));
        string title = pageTitle ?? (list.Count == 1 ? list[0].Title : "HaloNotebooks figures");
        var html = PageStart(title, $"body {{ margin: 16px; font-family: {FigureStyle.FontFamily}; }} .halo-figure {{ margin: 0 0 24px 0; }}");
        foreach (var f in list)
        {
            if (list.Count > 1 && f.Title.Length > 0) html.Append($"<h3>{WebUtility.HtmlEncode(f.Title)}</h3>\n");
            FigureHtml.AppendFigure(html, f, staticPlot: false);
        }
        return html.Append("</body>\n</html>\n").ToString();
    }

    public static void WriteHtml(Figure figure, string path) => WriteHtml([figure], path);

    public static void WriteHtml(IEnumerable<Figure> figures, string path, string? pageTitle = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var page = PageHtml(figures, pageTitle);
        CreateParent(path);
        File.WriteAllText(path, page, new UTF8Encoding(false));
    }

    /// <summary>
    /// Renders the figure to a PNG of <paramref name="width"/>×<paramref name="height"/> CSS pixels
    /// (times <paramref name="scale"/>) with headless Chromium. Throws <see cref="FigureExportException"/>
    /// when Chromium is absent, fails, times out, or leaves a blank image.
    /// </summary>
    public static void WritePng(Figure figure, string path, int? width = null, int? height = null, double scale = 1.0)
        => WritePng(ChromiumPath, figure, path, width, height, scale);

    internal static void WritePng(string? chromiumPath, Figure figure, string path, int? width, int? height, double scale)
    {
        ArgumentNullException.ThrowIfNull(figure);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (scale is < 0.5 or > 4) throw new ArgumentOutOfRangeException(nameof(scale), "scale must be within 0.5–4.");
        int w = width ?? figure.Width, h = height ?? figure.Height;
        if (w < 100 || h < 100 || w > 8000 || h > 8000) throw new ArgumentOutOfRangeException(nameof(width), $"PNG size {w}×{h} is outside 100–8000 px.");
        string chromium = chromiumPath ?? throw new FigureExportException(
            "PNG export needs Chromium, which was not found (looked at $HALO_CHROMIUM, /usr/bin/chromium and chromium, chromium-browser, " +
            "google-chrome on PATH). Install it (Debian/Ubuntu: `apt-get install chromium`; environment/setup.sh does this) or export HTML with FigureExport.WriteHtml.");

        string work = Path.Combine(Path.GetTempPath(), "halo-png-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(work);
        try
        {
            string page = Path.Combine(work, "figure.html");
            var html = PageStart(figure.Title, "html, body { margin: 0; padding: 0; overflow: hidden; background: white; }");
            FigureHtml.AppendFigure(html, figure, staticPlot: true, w, h);
            File.WriteAllText(page, html.Append("</body>\n</html>\n").ToString(), new UTF8Encoding(false));

            string shot = Path.Combine(work, "figure.png");
            var psi = new ProcessStartInfo(chromium)
            {
                RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
            };
            foreach (var arg in new[]
            {
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--hide-scrollbars", "--user-data-dir=" + Path.Combine(work, "profile"),
                "--force-device-scale-factor=" + scale.ToString(System.Globalization.CultureInfo.InvariantCulture),
                "--screenshot=" + shot, $"--window-size={w},{h}", new Uri(page).AbsoluteUri,
            }) psi.ArgumentList.Add(arg);

            using var process = Process.Start(psi) ?? throw new FigureExportException($"could not start {chromium}.");
            var stderr = process.StandardError.ReadToEndAsync();
            var stdout = process.StandardOutput.ReadToEndAsync();
            if (!process.WaitForExit(PngTimeout))
            {
                try { process.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
                throw new FigureExportException($"Chromium did not finish rendering '{figure.FileStem}' within {PngTimeout.TotalSeconds:0} s.");
            }
            process.WaitForExit();
            if (!File.Exists(shot))
                throw new FigureExportException($"Chromium exited with code {process.ExitCode} without writing a PNG for '{figure.FileStem}'. {Tail(stderr.Result)}");

            var image = PngImage.Read(shot);
            if (image.LuminanceVariance() < 1.0)
                throw new FigureExportException($"Chromium rendered '{figure.FileStem}' as a blank image (the page did not draw). {Tail(stderr.Result)}");
            CreateParent(path);
            File.Copy(shot, path, overwrite: true);
            _ = stdout.Result;
        }
        finally
        {
            try { Directory.Delete(work, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }

    static StringBuilder PageStart(string title, string css)
    {
        var html = new StringBuilder();
        // The charset must precede the script: plotly.js holds non-ASCII characters.
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        html.Append($"<title>{WebUtility.HtmlEncode(title)}</title>\n<style>{css}</style>\n");
        html.Append(FigureHtml.PlotlyScriptTag()).Append("\n</head>\n<body>\n");
        return html;
    }

    static string Tail(string stderr)
    {
        var lines = stderr.Split('\n').Select(l => l.Trim())
            .Where(l => l.Length > 0 && !l.Contains("dbus", StringComparison.OrdinalIgnoreCase) && !l.Contains("unexpected operator", StringComparison.Ordinal))
            .TakeLast(5).ToList();
        return lines.Count == 0 ? "" : "Chromium said: " + string.Join(" | ", lines);
    }

    static void CreateParent(string path)
    {
        var dir = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(dir)) Directory.CreateDirectory(dir);
    }

    internal static string? FindChromium(string? overridePath, string? pathVariable, Func<string, bool> exists)
    {
        if (!string.IsNullOrWhiteSpace(overridePath)) return exists(overridePath) ? overridePath : null;
        if (exists("/usr/bin/chromium")) return "/usr/bin/chromium";
        foreach (var name in new[] { "chromium", "chromium-browser", "google-chrome", "google-chrome-stable" })
            foreach (var dir in (pathVariable ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
            {
                var candidate = Path.Combine(dir, name);
                if (exists(candidate)) return candidate;
            }
        return null;
    }
}
