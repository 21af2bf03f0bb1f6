using System.Net;
using System.Text;
using HaloNotebooks.Figures;
using Markdig;

namespace HaloNotebooks.Cli.Notebooks;

/// <summary>
/// A static, self-contained HTML page of an executed notebook: markdown rendered with Markdig
/// (tables, maths delimiters kept for the reader), code with its execution count, outputs (HTML as
/// is, text in &lt;pre&gt;), and plotly.js from Plotly.NET's embedded copy included once in the head
/// when any output draws a chart — never a CDN, so the page renders offline.
/// </summary>
public static class NotebookHtmlPage
{
    static readonly MarkdownPipeline Markdown = new MarkdownPipelineBuilder().UseAdvancedExtensions().Build();

    const string Style = """
        body { font-family: system-ui, sans-serif; max-width: 1100px; margin: 2em auto; padding: 0 1em; color: #222; }
        .cell { margin: 1.2em 0; }
        .code pre { background: #f6f8fa; border-left: 3px solid #5b8def; padding: .6em .8em; overflow-x: auto; }
        .prompt { color: #888; font-family: monospace; font-size: .85em; }
        .output { margin: .4em 0 .4em 1.5em; overflow-x: auto; }
        .output pre { margin: 0; white-space: pre-wrap; }
        .stderr pre { color: #a15c00; } .error pre { color: #b00020; background: #fff0f0; padding: .5em; }
        table { border-collapse: collapse; font-size: .9em; } th, td { border: 1px solid #ddd; padding: 2px 6px; text-align: right; }
        """;

    public static string Render(Notebook notebook)
    {
        var html = notebook.Cells.Select(CellHtml).ToList();
        var needsPlotly = html.Any(PlotlyJs.NeedsPlotly);
        // The shared shell; the notebook's rules after the shared ones (a narrower, centred column; cells and prompts).
        var sb = HtmlPage.Start(notebook.Name, HtmlPage.DocumentStyle + Style, needsPlotly);
        foreach (var h in html) sb.Append(needsPlotly ? PlotlyJs.RemoveInlineCopies(h) : h).Append('\n');
        sb.Append(HtmlPage.End);
        return sb.ToString();
    }

    static string CellHtml(NotebookCell cell, int index)
    {
        var sb = new StringBuilder();
        switch (cell.Kind)
        {
            case CellKind.Markdown:
                sb.Append("<div class=\"cell markdown\">").Append(Markdig.Markdown.ToHtml(WithoutKernelLine(cell.Source), Markdown)).Append("</div>");
                break;
            case CellKind.Raw:
                sb.Append("<div class=\"cell raw\"><pre>").Append(WebUtility.HtmlEncode(cell.Source)).Append("</pre></div>");
                break;
            default:
                sb.Append("<div class=\"cell code\" id=\"cell-").Append(index + 1).Append("\"><div class=\"prompt\">[")
                  .Append(cell.ExecutionCount?.ToString() ?? " ").Append("] ").Append(WebUtility.HtmlEncode(cell.Language))
                  .Append("</div><pre><code>").Append(WebUtility.HtmlEncode(WithoutKernelLine(cell.Source))).Append("</code></pre>");
                foreach (var output in cell.Outputs) sb.Append(OutputHtml(output));
                sb.Append("</div>");
                break;
        }
        return sb.ToString();
    }

    static string OutputHtml(CellOutput output) => output switch
    {
        StreamOutput s => $"<div class=\"output {s.Name}\"><pre>{WebUtility.HtmlEncode(s.Text)}</pre></div>",
        DisplayOutput d when d.Data.TryGetValue("text/html", out var html) => $"<div class=\"output display\">{html}</div>",
        DisplayOutput d => $"<div class=\"output display\"><pre>{WebUtility.HtmlEncode(d.Data.GetValueOrDefault("text/plain", ""))}</pre></div>",
        ErrorOutput e => $"<div class=\"output error\"><pre>{WebUtility.HtmlEncode(string.Join('\n', e.Traceback))}</pre></div>",
        _ => "",
    };

    /// <summary>A first line <c>#!csharp</c> / <c>#!markdown</c> is cell metadata, not content.</summary>
    internal static string WithoutKernelLine(string source) =>
        KernelNames.FromFirstLine(source) is null ? source : (source.IndexOf('\n') is var nl and >= 0 ? source[(nl + 1)..] : "");
}
