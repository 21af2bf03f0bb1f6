using System.Net;
using System.Reflection;
using System.Text;
using Plotly.NET;

namespace HaloNotebooks.Figures;

/// <summary>How often a figure's HTML fragment carries plotly.js.</summary>
internal enum PlotlyJsInclusion
{
    /// <summary>The first fragment rendered on a <see cref="FigurePage"/> carries it; later ones use <c>window.Plotly</c>.</summary>
    OncePerPage,
    /// <summary>Every fragment carries it (guarded, so it is evaluated once) — for fragments pasted into separate pages.</summary>
    EveryFigure,
    /// <summary>No fragment carries it; the page provides it (e.g. with <see cref="FigureHtml.PlotlyScriptTag"/>).</summary>
    Never,
}

/// <summary>
/// HTML for figures. plotly.js comes from Plotly.NET's embedded resource (never a CDN) and is
/// included once per notebook or page (<see cref="FigurePage"/>): a notebook with twenty figures holds one 3.6 MB
/// copy, not twenty. Fragments that come after the one carrying plotly.js wait for <c>window.Plotly</c>.
/// </summary>
internal static class FigureHtml
{
    static readonly Lazy<(string Version, string Script)> PlotlyResource = new(LoadPlotlyJs);

    /// <summary>Which fragments of the current page (<see cref="FigurePage.Current"/>) carry plotly.js (default: the first).</summary>
    internal static PlotlyJsInclusion Inclusion
    {
        get => FigurePage.Current.Inclusion;
        set => FigurePage.Current.Inclusion = value;
    }

    /// <summary>The plotly.js version Plotly.NET embeds (e.g. "2.28.0").</summary>
    internal static string PlotlyJsVersion => PlotlyResource.Value.Version;

    /// <summary>The minified plotly.js source embedded in Plotly.NET.</summary>
    internal static string PlotlyJs => PlotlyResource.Value.Script;

    /// <summary>
    /// A &lt;script&gt; element that defines <c>window.Plotly</c> unless it is already defined. The
    /// bundle runs with <c>define</c>, <c>module</c> and <c>exports</c> shadowed, so it always
    /// attaches to <c>window</c> even on pages with an AMD loader (RequireJS in Jupyter).
    /// </summary>
    internal static string PlotlyScriptTag()
        => "<script type=\"text/javascript\">if (typeof window.Plotly === 'undefined') { (function (define, module, exports) {\n"
           + PlotlyJs + "\n})(undefined, undefined, undefined); }</script>";

    /// <summary>Starts a new page for this flow (a new notebook): <see cref="FigurePage.Current"/> becomes a fresh page,
    /// so the next fragment carries plotly.js again.</summary>
    internal static void ResetPage() => FigurePage.Current = new FigurePage();

    /// <summary>The fragment for one figure on the current page (<see cref="FigurePage.Current"/>).</summary>
    internal static string Fragment(Figure figure) => FigurePage.Current.Fragment(figure);

    /// <summary>A div and a script that draws the figure once <c>window.Plotly</c> exists (checked for up to 20 s).</summary>
    internal static void AppendFigure(StringBuilder html, Figure figure, FigurePage page, bool staticPlot, int? width = null, int? height = null)
    {
        string id = page.NextId();
        int w = width ?? figure.Width, h = height ?? figure.Height;
        // "</" inside a JSON string would end the script element early.
        string json = figure.ToJson(w, h, staticPlot).Replace("</", "<\\/", StringComparison.Ordinal);
        html.Append($"<div class=\"halo-figure\" id=\"{id}\" title=\"{WebUtility.HtmlEncode(figure.Title)}\" style=\"width:{w}px;height:{h}px;\"></div>\n");
        html.Append("<script type=\"text/javascript\">(function () {\n");
        html.Append("  var figure = ").Append(json).Append(";\n");
        html.Append($"  var id = '{id}', tries = 0;\n");
        html.Append("  var draw = function () {\n");
        html.Append("    if (typeof window.Plotly !== 'undefined') { window.Plotly.newPlot(id, figure.data, figure.layout, figure.config); return; }\n");
        html.Append("    if (++tries < 200) { setTimeout(draw, 100); return; }\n");
        html.Append("    var div = document.getElementById(id);\n");
        html.Append("    if (div) div.textContent = 'plotly.js is not loaded on this page: re-run the first figure cell, or display " +
            "FigureHtml.PlotlyScriptTag().';\n");
        html.Append("  };\n  draw();\n})();</script>\n");
    }

    static (string, string) LoadPlotlyJs()
    {
        var assembly = typeof(GenericChart).Assembly;
        string name = assembly.GetManifestResourceNames()
            .FirstOrDefault(n => n.StartsWith("Plotly.NET.plotly-", StringComparison.Ordinal) && n.EndsWith(".min.js", StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"plotly.js is not embedded in {assembly.GetName().Name} {assembly.GetName().Version}: no " +
                $"'Plotly.NET.plotly-*.min.js' resource.");
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream, Encoding.UTF8);
        string version = name["Plotly.NET.plotly-".Length..^".min.js".Length];
        return (version, reader.ReadToEnd());
    }
}
