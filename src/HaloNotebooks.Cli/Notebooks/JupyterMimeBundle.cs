using System.Text.Json;
using System.Text.Json.Nodes;

namespace HaloNotebooks.Cli.Notebooks;

/// <summary>
/// What an executed notebook's outputs and the Jupyter kernel's messages hold for one display, the same in both: plotly.js
/// once per notebook (kernel session), before the first chart, and JSON MIME types (<c>application/json</c>,
/// <c>application/vnd.plotly.v1+json</c>) as JSON objects, as nbformat and the messaging protocol expect.
/// </summary>
public static class JupyterMimeBundle
{
    /// <summary>The first output that draws a chart carries Plotly.NET's embedded plotly.js, so it renders offline.</summary>
    public static CellOutput WithPlotlyOnce(CellOutput output, ref bool included)
    {
        if (included || output is not DisplayOutput d || !d.Data.TryGetValue("text/html", out var html)) return output;
        if (PlotlyJs.HasInlinePlotly(html)) { included = true; return output; }
        if (!PlotlyJs.NeedsPlotly(html)) return output;
        included = true;
        var data = d.Data.ToDictionary(kv => kv.Key, kv => kv.Value);
        data["text/html"] = PlotlyJs.ScriptTag() + "\n" + html;
        return d with { Data = data };
    }

    /// <summary>True for MIME types whose value is a JSON document rather than text.</summary>
    public static bool IsJson(string mimeType) => mimeType == "application/json" || mimeType.EndsWith("+json", StringComparison.Ordinal);

    /// <summary>The bundle as a message's <c>data</c>: text as one string, JSON types parsed (kept as text if they do not parse).</summary>
    public static JsonObject ToJson(IReadOnlyDictionary<string, string> data)
    {
        var bundle = new JsonObject();
        foreach (var (mime, text) in data) bundle[mime] = IsJson(mime) && Parse(text) is { } json ? json : text;
        return bundle;
    }

    internal static JsonNode? Parse(string text)
    {
        try { return JsonNode.Parse(text); }
        catch (JsonException) { return null; }
    }
}
