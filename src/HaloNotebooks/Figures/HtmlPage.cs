using System.Net;
using System.Text;

namespace HaloNotebooks.Figures;

/// <summary>
/// The one page shell of every full-page writer (report, sweep summary, comparison, figure files, executed notebooks;
/// issue 29): doctype, the utf-8 charset before any script (plotly.js holds non-ASCII characters), the title, one style
/// sheet, and plotly.js from Plotly.NET's embedded copy at most once, in the head — never a CDN, so pages work offline.
/// In Figures because plotly.js is this layer's; every writer's layer may use it.
/// </summary>
internal static class HtmlPage
{
    /// <summary>The shared style of text pages: body, tables and captions as the report draws them.</summary>
    public static string DocumentStyle { get; } = "body{font-family:system-ui,sans-serif;margin:2em;max-width:110em}" +
        "table{border-collapse:collapse;margin:1em 0;font-size:0.85em}td,th{border:1px solid #ccc;padding:0.25em 0.5em;vertical-align:top}" +
        "caption{text-align:left;padding:0.3em 0}";

    /// <summary>Everything up to and including &lt;body&gt;; <paramref name="style"/> is the page's whole style sheet
    /// (<see cref="DocumentStyle"/> plus its own rules for text pages; a figure canvas's own rules for figure files).</summary>
    public static StringBuilder Start(string title, string style, bool plotly = false)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        html.Append("<title>").Append(WebUtility.HtmlEncode(title)).Append("</title>\n<style>").Append(style).Append("</style>\n");
        if (plotly) html.Append(FigureHtml.PlotlyScriptTag()).Append('\n');
        return html.Append("</head>\n<body>\n");
    }

    /// <summary>The page's end.</summary>
    public static string End => "</body>\n</html>\n";
}
