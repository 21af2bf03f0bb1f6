using System.Diagnostics;
using System.Net;
using System.Text;

namespace HaloNotebooks.Figures;

/// <summary>
/// Writes figures as self-contained HTML (plotly.js embedded, no network needed) and as PNG
/// through headless Chromium when it is installed (<c>environment/</c> installs Debian's
/// <c>chromium</c>; set HALO_CHROMIUM to use another binary).
/// </summary>
internal static class FigureExport
{
    /// <summary>Chromium binary: $HALO_CHROMIUM, /usr/bin/chromium, or chromium / chromium-browser / google-chrome on PATH; null when none.</summary>
    internal static string? ChromiumPath => FindChromium(Environment.GetEnvironmentVariable("HALO_CHROMIUM"),
        Environment.GetEnvironmentVariable("PATH"), File.Exists);

    internal static bool ChromiumAvailable => ChromiumPath is not null;

    /// <summary>How long one PNG export may take before Chromium is stopped.</summary>
    internal static TimeSpan PngTimeout { get; set; } = TimeSpan.FromSeconds(90);

    /// <summary>A complete HTML page showing the figures, with plotly.js embedded once.</summary>
    internal static string PageHtml(IEnumerable<Figure> figures, string? pageTitle = null)
    {
        var list = figures?.ToList() ?? throw new ArgumentNullException(nameof(figures));
        if (list.Count == 0) throw new ArgumentException("no figures to write.", nameof(figures));
        string title = pageTitle ?? (list.Count == 1 ? list[0].Title : "HaloNotebooks figures");
        var html = PageStart(title, $"body {{ margin: 16px; font-family: {FigureStyle.FontFamily}; }} .halo-figure {{ margin: 0 0 24px 0; }}");
        var figurePage = new FigurePage();
        foreach (var f in list)
        {
            if (list.Count > 1 && f.Title.Length > 0) html.Append($"<h3>{WebUtility.HtmlEncode(f.Title)}</h3>\n");
            FigureHtml.AppendFigure(html, f, figurePage, staticPlot: false);
        }
        return html.Append(HtmlPage.End).ToString();
    }

    internal static void WriteHtml(Figure figure, string path) => WriteHtml([figure], path);

    internal static void WriteHtml(IEnumerable<Figure> figures, string path, string? pageTitle = null)
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
    internal static void WritePng(Figure figure, string path, int? width = null, int? height = null, double scale = 1.0)
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
            "google-chrome on PATH). Install it (Debian/Ubuntu: `apt-get install chromium`; environment/setup.sh does this) or export HTML " +
                "with FigureExport.WriteHtml.");

        string work = Path.Combine(Path.GetTempPath(), "halo-png-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(work);
        try
        {
            string page = Path.Combine(work, "figure.html");
            var html = PageStart(figure.Title, "html, body { margin: 0; padding: 0; overflow: hidden; background: white; }");
            FigureHtml.AppendFigure(html, figure, new FigurePage(), staticPlot: true, w, h);
            File.WriteAllText(page, html.Append(HtmlPage.End).ToString(), new UTF8Encoding(false));

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
                throw new FigureExportException($"Chromium exited with code {process.ExitCode} without writing a PNG for " +
                    $"'{figure.FileStem}'. {Tail(stderr.Result)}");

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

    /// <summary>
    /// Renders several figures to PNG in one headless Chromium session: one page loads plotly.js once and draws each
    /// figure with <c>Plotly.toImage</c>; the images (data URLs) come back in Chromium's log and each figure's status in
    /// the page Chromium prints when its work is done. Starting Chromium and parsing plotly.js once instead of once per
    /// figure is most of the saving. With
    /// <paramref name="sessions"/> &gt; 1 the figures are split over that many Chromium processes run at once.
    /// Returns, per figure, null when its PNG was written or the reason it was not.
    /// </summary>
    internal static IReadOnlyList<string?> WritePngs(IReadOnlyList<(Figure Figure, string Path)> figures, double scale = 1.0, int sessions = 1)
        => WritePngs(ChromiumPath, figures, scale, sessions);

    internal static IReadOnlyList<string?> WritePngs(string? chromiumPath, IReadOnlyList<(Figure Figure, string Path)> figures, double scale, int sessions)
    {
        ArgumentNullException.ThrowIfNull(figures);
        if (scale is < 0.5 or > 4) throw new ArgumentOutOfRangeException(nameof(scale), "scale must be within 0.5–4.");
        if (sessions < 1) throw new ArgumentOutOfRangeException(nameof(sessions), "sessions must be at least 1.");
        var outcome = new string?[figures.Count];
        if (figures.Count == 0) return outcome;
        if (chromiumPath is null)
        {
            Array.Fill(outcome, NoChromiumMessage);
            return outcome;
        }
        // Figures dealt round-robin, so each session gets a similar mix of large and small ones.
        var groups = Enumerable.Range(0, Math.Min(sessions, figures.Count))
            .Select(g => Enumerable.Range(0, figures.Count).Where(i => i % Math.Min(sessions, figures.Count) == g).ToArray()).ToArray();
        Parallel.ForEach(groups, new ParallelOptions { MaxDegreeOfParallelism = groups.Length }, group =>
        {
            string work = Path.Combine(Path.GetTempPath(), "halo-png-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(work);
            try
            {
                RenderSession(chromiumPath, group.Select(i => figures[i]).ToList(), scale, work,
                    group.Select(i => (Action<string?>)(m => outcome[i] = m)).ToList());
            }
            catch (FigureExportException e) { foreach (int i in group) outcome[i] ??= e.Message; }
            finally { try { Directory.Delete(work, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { } }
        });
        return outcome;
    }

    const string NoChromiumMessage = "PNG export needs Chromium, which was not found (looked at $HALO_CHROMIUM, /usr/bin/chromium and chromium, " +
        "chromium-browser, google-chrome on PATH). Install it with `apt-get install chromium` (Debian/Ubuntu; environment/setup.sh does this).";

    static void RenderSession(string chromium, List<(Figure Figure, string Path)> figures, double scale, string work, List<Action<string?>> report)
    {
        string page = Path.Combine(work, "figures.html");
        var html = PageStart("PNG export", "body { margin: 0; }");
        html.Append("<script type=\"text/javascript\">\nvar haloFigures = [\n");
        foreach (var (figure, _) in figures)
            html.Append(figure.ToJson(figure.Width, figure.Height, staticPlot: true).Replace("</", "<\\/", StringComparison.Ordinal)).Append(",\n");
        html.Append("];\n");
        // One figure after another (toImage draws into a hidden div of its own). Each image goes to Chromium's log
        // (--enable-logging=stderr) as console lines of at most ImageChunk characters, each written whole to the pipe
        // the browser's processes share (≤ PIPE_BUF); its <pre> in the page that --dump-dom prints says "logged" or the
        // error. Printing the images in the page instead took 1–2 s longer. The last <pre> marks the end, so a page that
        // stopped early is told apart from a slow one.
        html.Append(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"var haloScale = {scale:R}, haloChunk = {ImageChunk};\n"));
        html.Append("""
            (async function () {
              for (var i = 0; i < haloFigures.length; i++) {
                var f = haloFigures[i], out = document.createElement('pre');
                out.id = 'png-' + i;
                try {
                  var url = await Plotly.toImage(f, { format: 'png', width: f.layout.width, height: f.layout.height, scale: haloScale });
                  for (var k = 0, n = Math.ceil(url.length / haloChunk); k < n; k++)
                    console.log('halo-png ' + i + ' ' + k + ' ' + n + ' ' + url.substr(k * haloChunk, haloChunk));
                  out.textContent = 'logged';
                }
                catch (e) { out.textContent = 'error: ' + e; }
                document.body.appendChild(out);
              }
              // --dump-dom prints the whole page: without plotly.js and the figures' data it prints 3 s sooner.
              document.querySelectorAll('script').forEach(function (s) { s.remove(); });
              var end = document.createElement('pre'); end.id = 'png-end'; end.textContent = 'done'; document.body.appendChild(end);
            })();
            </script>
            </body>
            </html>

            """);
        File.WriteAllText(page, html.ToString(), new UTF8Encoding(false));

        var psi = new ProcessStartInfo(chromium) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[]
        {
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--user-data-dir=" + Path.Combine(work, "profile"), "--enable-logging=stderr", "--v=0",
            // Virtual time runs the page's timers and promises to the end before the DOM is printed.
            "--virtual-time-budget=" + (int)(PngTimeout.TotalMilliseconds * figures.Count), "--dump-dom", new Uri(page).AbsoluteUri,
        }) psi.ArgumentList.Add(arg);
        using var process = Process.Start(psi) ?? throw new FigureExportException($"could not start {chromium}.");
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var limit = PngTimeout * Math.Max(1, figures.Count);
        if (!process.WaitForExit(limit))
        {
            try { process.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
            throw new FigureExportException($"Chromium did not finish rendering {figures.Count} figures within {limit.TotalSeconds:0} s.");
        }
        process.WaitForExit();
        string dom = stdout.Result;
        if (!dom.Contains("id=\"png-end\"", StringComparison.Ordinal))
            throw new FigureExportException($"Chromium exited with code {process.ExitCode} before drawing every figure. {Tail(stderr.Result)}");
        var images = LoggedImages(stderr.Result, figures.Count);
        for (int i = 0; i < figures.Count; i++)
        {
            var (figure, path) = figures[i];
            var match = System.Text.RegularExpressions.Regex.Match(dom, $"<pre id=\"png-{i}\">([^<]*)</pre>");
            string status = match.Success ? WebUtility.HtmlDecode(match.Groups[1].Value) : "";
            const string prefix = "data:image/png;base64,";
            if (status != "logged")
            {
                report[i]($"Chromium did not draw '{figure.FileStem}': {(status.Length > 0 ? status[..Math.Min(200, status.Length)] : "no image")}");
                continue;
            }
            if (images[i] is not { } text || !text.StartsWith(prefix, StringComparison.Ordinal))
            {
                // A browser that does not log console messages: this figure alone, as a screenshot (WritePng).
                try
                {
                    WritePng(chromium, figure, path, null, null, scale);
                    report[i](null);
                }
                catch (FigureExportException e)
                {
                    report[i]($"Chromium drew '{figure.FileStem}', but its log did not hold the image, and a screenshot failed: {e.Message}");
                }
                continue;
            }
            var bytes = Convert.FromBase64String(text[prefix.Length..]);
            string shot = Path.Combine(work, $"figure-{i}.png");
            File.WriteAllBytes(shot, bytes);
            if (PngImage.Read(shot).LuminanceVariance() < 1.0)
            {
                report[i]($"Chromium rendered '{figure.FileStem}' as a blank image (the page did not draw).");
                continue;
            }
            CreateParent(path);
            File.Copy(shot, path, overwrite: true);
            report[i](null);
        }
    }

    /// <summary>Characters of an image per console line: with Chromium's prefix and the page's path (about 150 bytes in
    /// /tmp, room for a TMPDIR of 900 more), a log line stays under the 4096 bytes a pipe writes whole.</summary>
    const int ImageChunk = 3000;

    /// <summary>
    /// The images the page logged (<c>halo-png i k n chunk</c> in Chromium's console lines), joined per figure; null for a
    /// figure with a chunk missing.
    /// </summary>
    internal static string?[] LoggedImages(string log, int count)
    {
        var chunks = new string?[count][];
        foreach (System.Text.RegularExpressions.Match m in System.Text.RegularExpressions.Regex.Matches(log, "\"halo-png (\\d+) (\\d+) (\\d+) ([^\"]*)\""))
        {
            int i = int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
            int k = int.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture);
            int n = int.Parse(m.Groups[3].Value, System.Globalization.CultureInfo.InvariantCulture);
            if (i >= count || k >= n) continue;
            chunks[i] ??= new string?[n];
            if (chunks[i].Length == n) chunks[i][k] = m.Groups[4].Value;
        }
        return chunks.Select(c => c is null || c.Any(part => part is null) ? null : string.Concat(c)).ToArray();
    }

    static StringBuilder PageStart(string title, string css) => HtmlPage.Start(title, css, plotly: true);

    static string Tail(string stderr)
    {
        var lines = stderr.Split('\n').Select(l => l.Trim())
            .Where(l => l.Length > 0 && !l.Contains("dbus", StringComparison.OrdinalIgnoreCase) && !l.Contains("unexpected operator", StringComparison.Ordinal)
                && !l.Contains("\"halo-png ", StringComparison.Ordinal))
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
