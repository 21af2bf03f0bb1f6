using System.Collections;
using System.Globalization;
using System.Reflection;
using System.Text.Json;
using HaloNotebooks.Display;

namespace HaloNotebooks.Cli.Notebooks;

/// <summary>
/// Turns a displayed object into a MIME bundle the way the .NET Interactive kernel does, without it:
/// <list type="number">
/// <item>the by-name <c>TypeFormatterSource</c> convention (an attribute class named
///   <c>TypeFormatterSourceAttribute</c> on the type or a base type; its <c>FormatterSourceType</c>'s
///   <c>CreateTypeFormatters()</c> yields objects with <c>MimeType</c> and <c>Format(object, TextWriter)</c>) —
///   the project's result types and figures use it (src/HaloNotebooks/Display/);</item>
/// <item>Deedle frames as HTML tables;</item>
/// <item>Plotly.NET charts as a div + <c>Plotly.newPlot</c> script (plotly.js is added once per page/notebook);</item>
/// <item>otherwise text/plain (sequences listed, strings verbatim).</item>
/// </list>
/// </summary>
public static class DisplayFormatter
{
    public static IReadOnlyDictionary<string, string> Format(object? value, IReadOnlyCollection<string>? mimeTypes = null)
    {
        var bundle = Build(value);
        if (mimeTypes is { Count: > 0 } && mimeTypes.Contains("image/png") && value is HaloNotebooks.Figures.Figure figure && Png(figure) is { } png)
            bundle["image/png"] = png;
        if (mimeTypes is { Count: > 0 })
        {
            var filtered = bundle.Where(kv => mimeTypes.Contains(kv.Key)).ToDictionary(kv => kv.Key, kv => kv.Value);
            if (filtered.Count == 0 && mimeTypes.Contains("text/html") && bundle.TryGetValue("text/plain", out var plain))
                filtered["text/html"] = "<pre>" + System.Net.WebUtility.HtmlEncode(plain) + "</pre>";
            return filtered;
        }
        return bundle;
    }

    static Dictionary<string, string> Build(object? value)
    {
        if (value is null) return new() { ["text/plain"] = "<null>" };
        var bundle = FromFormatterSource(value) ?? new Dictionary<string, string>();
        if (bundle.Count == 0)
        {
            if (FrameHtml.IsFrame(value))
            {
                bundle["text/html"] = FrameHtml.ToHtml(value);
                bundle["text/plain"] = value.GetType().GetMethod("Format", Type.EmptyTypes)?.Invoke(value, null) as string ?? PlainText(value);
            }
            else if (value is Plotly.NET.GenericChart chart) bundle["text/html"] = ChartHtml(chart);
        }
        // Figures also as plotly's own MIME type, which JupyterLab and VS Code's Jupyter extension draw natively.
        if (value is HaloNotebooks.Figures.Figure figure) bundle[PlotlyMimeType] = figure.ToJson();
        else if (value is Plotly.NET.GenericChart generic) bundle[PlotlyMimeType] = Plotly.NET.GenericChart.toJson(generic);
        if (!bundle.ContainsKey("text/plain")) bundle["text/plain"] = PlainText(value);
        return bundle;
    }

    /// <summary>The MIME type of a plotly figure ({data, layout, config}) in Jupyter front ends.</summary>
    public const string PlotlyMimeType = "application/vnd.plotly.v1+json";

    /// <summary><c>display(figure, "image/png")</c>: the figure drawn by headless Chromium (base64, as nbformat stores images); null without
    /// Chromium or when it fails (then the other requested types are shown).</summary>
    static string? Png(HaloNotebooks.Figures.Figure figure)
    {
        if (!HaloNotebooks.Figures.FigureExport.ChromiumAvailable) return null;
        var path = Path.Combine(Path.GetTempPath(), $"halo-display-{Guid.NewGuid():N}.png");
        try
        {
            HaloNotebooks.Figures.FigureExport.WritePng(figure, path);
            return Convert.ToBase64String(File.ReadAllBytes(path));
        }
        catch (HaloNotebooks.Figures.FigureExportException) { return null; }
        finally { File.Delete(path); }
    }

    /// <summary>The kernel convention, by name, so that no assembly has to reference the kernel.</summary>
    static Dictionary<string, string>? FromFormatterSource(object value)
    {
        for (var type = value.GetType(); type is not null; type = type.BaseType)
        {
            var attribute = type.GetCustomAttributes(inherit: false)
                .FirstOrDefault(a => a.GetType().Name == "TypeFormatterSourceAttribute");
            if (attribute is null) continue;
            var sourceType = attribute.GetType().GetProperty("FormatterSourceType")?.GetValue(attribute) as Type;
            if (sourceType is null) return null;
            var source = Activator.CreateInstance(sourceType, nonPublic: true);
            var formatters = sourceType.GetMethod("CreateTypeFormatters", BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance)
                ?.Invoke(source, null) as IEnumerable;
            if (formatters is null) return null;
            var bundle = new Dictionary<string, string>();
            foreach (var formatter in formatters)
            {
                var ft = formatter.GetType();
                var mime = ft.GetProperty("MimeType")?.GetValue(formatter) as string;
                var format = ft.GetMethod("Format", [typeof(object), typeof(TextWriter)]);
                if (mime is null || format is null || bundle.ContainsKey(mime)) continue;
                using var writer = new StringWriter(CultureInfo.InvariantCulture);
                var handled = format.Invoke(formatter, [value, writer]);
                if (handled is not false) bundle[mime] = writer.ToString();
            }
            return bundle;
        }
        return null;
    }

    /// <summary>A Plotly.NET chart as a div and the script that draws it (no plotly.js reference, no CDN).</summary>
    public static string ChartHtml(Plotly.NET.GenericChart chart)
    {
        var json = Plotly.NET.GenericChart.toJson(chart);
        var id = "plotly-" + Guid.NewGuid().ToString("N")[..12];
        using var doc = JsonDocument.Parse(json);
        return $"<div id=\"{id}\"></div>\n<script type=\"text/javascript\">(function () {{ var fig = {json}; "
             + $"Plotly.newPlot('{id}', fig.data, fig.layout || {{}}, fig.config || {{}}); }})();</script>";
    }

    static string PlainText(object value) => value switch
    {
        string s => s,
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        IEnumerable e when value.GetType().GetMethod("ToString", Type.EmptyTypes)?.DeclaringType == typeof(object) => List(e),
        _ => value.ToString() ?? "",
    };

    static string List(IEnumerable items)
    {
        const int max = 20;
        var shown = new List<string>();
        int count = 0;
        foreach (var item in items)
        {
            if (count++ < max) shown.Add(item is null ? "<null>" : PlainText(item));
        }
        return "[" + string.Join(", ", shown) + (count > max ? $", … ({count} items)" : "") + "]";
    }
}
