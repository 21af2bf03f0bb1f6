using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;
using HaloNotebooks.Figures;

namespace HaloNotebooks.Benchmarks;

/// <summary>
/// Chromium's cost for a Fig. 3-shaped corner plot (17 parameters, 136 region panels), the largest PNG of `halo reproduce`:
/// the figure as CornerPlot draws it (a grid of shared axes, 3n − 1 = 50 axes) against the baseline of one x–y axis pair
/// per panel (306 axes, how CornerPlot drew it before; rebuilt here from the same JSON, same ranges, ticks and labels).
/// Each page is rendered the way FigureExport.WritePngs renders (Plotly.toImage, --dump-dom), with and without the page's
/// scripts removed before the DOM is printed. One Chromium process per case, cases alternating, three rounds; wall time of
/// the process and the PNG's size. Needs Chromium.
/// </summary>
public sealed class CornerPngBenchmarks : IBenchmark
{
    public string Name => "corner-png";

    public void Run(TextWriter output)
    {
        if (FigureExport.ChromiumPath is not { } chromium) { output.WriteLine("Chromium absent: apt-get install chromium"); return; }
        var figure = FiguresBenchmarksShapes.Corner(17);
        var shared = JsonNode.Parse(figure.ToJson(figure.Width, figure.Height, staticPlot: true))!;
        var perPanel = PerPanelAxes(shared);
        int Axes(JsonNode f) => f["layout"]!.AsObject().Count(kv => kv.Key.StartsWith("xaxis", StringComparison.Ordinal)
            || kv.Key.StartsWith("yaxis", StringComparison.Ordinal));
        var cases = new (string Name, JsonNode Figure, bool Strip)[]
        {
            ($"one axis pair per panel ({Axes(perPanel)} axes), scripts kept (baseline)", perPanel, false),
            ($"one axis pair per panel, scripts removed", perPanel, true),
            ($"shared axes ({Axes(shared)} axes), scripts kept", shared, false),
            ($"shared axes, scripts removed (FigureExport)", shared, true),
        };
        var times = cases.Select(_ => new List<double>()).ToArray();
        var sizes = new long[cases.Length];
        var dir = Directory.CreateTempSubdirectory("halo-corner-png-").FullName;
        for (int round = 0; round < 3; round++)
            for (int c = 0; c < cases.Length; c++)
            {
                var (seconds, pngBytes) = Render(chromium, cases[c].Figure, cases[c].Strip, Path.Combine(dir, $"r{round}c{c}"));
                times[c].Add(seconds);
                sizes[c] = pngBytes;
            }
        output.WriteLine("| Fig. 3-shaped corner (17 parameters) | round 1 | round 2 | round 3 | PNG | mean / baseline |");
        output.WriteLine("|---|---:|---:|---:|---:|---:|");
        for (int c = 0; c < cases.Length; c++)
            output.WriteLine($"| {cases[c].Name} | {times[c][0]:F2} s | {times[c][1]:F2} s | {times[c][2]:F2} s | {sizes[c] / 1024} KiB | " +
                $"{times[c].Average() / times[0].Average():F2} |");
        output.WriteLine($"load average at end: {File.ReadAllText("/proc/loadavg").Trim()}");
        Directory.Delete(dir, recursive: true);
    }

    /// <summary>One Chromium process rendering one figure as FigureExport's PNG session does; its wall time and PNG size.</summary>
    static (double Seconds, long PngBytes) Render(string chromium, JsonNode figure, bool strip, string work)
    {
        Directory.CreateDirectory(work);
        var page = HtmlPage.Start("PNG export", "body { margin: 0; }", plotly: true);
        page.Append("<script type=\"text/javascript\">\nvar f = ").Append(figure.ToJsonString().Replace("</", "<\\/", StringComparison.Ordinal))
            .Append(";\n(async function () {\n  var out = document.createElement('pre'); out.id = 'png';\n")
            .Append("  out.textContent = await Plotly.toImage(f, { format: 'png', width: f.layout.width, height: f.layout.height, scale: 1 });\n")
            .Append("  document.body.appendChild(out);\n")
            .Append(strip ? "  document.querySelectorAll('script').forEach(function (s) { s.remove(); });\n" : "")
            .Append("  var end = document.createElement('pre'); end.id = 'png-end'; document.body.appendChild(end);\n})();\n</script>\n")
            .Append(HtmlPage.End);
        string file = Path.Combine(work, "page.html");
        File.WriteAllText(file, page.ToString(), new UTF8Encoding(false));
        var psi = new ProcessStartInfo(chromium) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--user-data-dir=" + Path.Combine(work, "profile"),
            "--virtual-time-budget=90000", "--dump-dom", new Uri(file).AbsoluteUri })
            psi.ArgumentList.Add(arg);
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(psi)!;
        var stderr = process.StandardError.ReadToEndAsync();
        string dom = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        double seconds = clock.Elapsed.TotalSeconds;
        _ = stderr.Result;
        var match = System.Text.RegularExpressions.Regex.Match(dom, "<pre id=\"png\">data:image/png;base64,([^<]*)</pre>");
        if (!match.Success || !dom.Contains("id=\"png-end\"", StringComparison.Ordinal))
            throw new InvalidOperationException("Chromium did not draw the corner plot");
        return (seconds, Convert.FromBase64String(match.Groups[1].Value).LongLength);
    }

    /// <summary>
    /// The same corner plot with one x–y axis pair per panel, as CornerPlot drew it before the shared axes: each panel gets
    /// copies of its column's x axis and its row's (or marginal's) y axis, anchored to each other, tick labels and titles
    /// on the bottom row and the left column only; shapes and annotations follow their panel. The (x, y) panel keeps its
    /// names, so the legend entries (no axes given) stay where they were. The old per-panel axes' `matches` (zoom together,
    /// interactive only) are left out, so the baseline is if anything lighter than the old figure.
    /// </summary>
    internal static JsonNode PerPanelAxes(JsonNode shared)
    {
        var figure = shared.DeepClone();
        var layout = figure["layout"]!.AsObject();
        var axes = layout.Where(kv => kv.Key.StartsWith("xaxis", StringComparison.Ordinal) || kv.Key.StartsWith("yaxis", StringComparison.Ordinal))
            .ToDictionary(kv => kv.Key, kv => kv.Value!.DeepClone());
        foreach (var key in axes.Keys) layout.Remove(key);
        static string Key(string reference) => reference[0] + "axis" + reference[1..];
        static string Ref(char letter, int panel) => panel == 1 ? letter.ToString() : $"{letter}{panel}";
        var panels = new Dictionary<(string X, string Y), int> { [("x", "y")] = 1 };
        int Panel(string x, string y)
        {
            if (!panels.TryGetValue((x, y), out int p))
                panels[(x, y)] = p = panels.Count + 1;
            return p;
        }
        foreach (var trace in figure["data"]!.AsArray().Select(t => t!.AsObject()).Where(t => t.ContainsKey("xaxis")))
        {
            string x = (string)trace["xaxis"]!, y = (string)trace["yaxis"]!;
            int p = Panel(x, y);
            trace["xaxis"] = Ref('x', p);
            trace["yaxis"] = Ref('y', p);
        }
        foreach (var item in (layout["shapes"]?.AsArray() ?? []).Concat(layout["annotations"]?.AsArray() ?? []).Select(n => n!.AsObject()))
        {
            string xref = (string?)item["xref"] ?? "paper", yref = (string?)item["yref"] ?? "paper";
            if (xref.StartsWith("paper", StringComparison.Ordinal)) continue;
            string xBase = xref.Split(' ')[0], yBase = yref.Split(' ')[0];
            int p = Panel(xBase, yBase);
            item["xref"] = Ref('x', p) + xref[xBase.Length..];
            item["yref"] = Ref('y', p) + yref[yBase.Length..];
        }
        foreach (var ((x, y), p) in panels)
        {
            var xa = axes[Key(x)].DeepClone().AsObject();
            var ya = axes[Key(y)].DeepClone().AsObject();
            bool bottom = (string?)xa["anchor"] == y, left = x == "x" && ya["tickvals"] is not null;
            xa["anchor"] = Ref('y', p);
            ya["anchor"] = Ref('x', p);
            if (!bottom) { xa["showticklabels"] = false; xa.Remove("title"); xa.Remove("tickangle"); }
            if (!left && ya["tickvals"] is not null) { ya["showticklabels"] = false; ya.Remove("title"); }
            layout[Key(Ref('x', p))] = xa;
            layout[Key(Ref('y', p))] = ya;
        }
        return figure;
    }
}
