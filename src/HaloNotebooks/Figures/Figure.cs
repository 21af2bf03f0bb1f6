using System.Text.Json.Nodes;
using HaloNotebooks.Display;
using Newtonsoft.Json;
using Plotly.NET;

namespace HaloNotebooks.Figures;

/// <summary>
/// One figure: a Plotly.NET chart (reachable as <see cref="Chart"/> for customisation with
/// Plotly.NET's own functions), a title and the file stem used when it is exported. Renders in a
/// notebook as a &lt;div&gt; drawn by plotly.js, which is included once per page
/// (<see cref="FigureHtml"/>), never from a CDN.
/// </summary>
[TypeFormatterSource(typeof(HtmlFormatterSource))]
public sealed class Figure : IHtmlDisplay
{
    static readonly string[] GeoLayers =
        ["showcoastlines", "showland", "showocean", "showlakes", "showrivers", "showcountries", "showsubunits", "showframe"];

    public Figure(GenericChart chart, string title, string fileStem, int width, int height)
    {
        ArgumentNullException.ThrowIfNull(chart);
        if (string.IsNullOrWhiteSpace(fileStem) || fileStem.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.')))
            throw new ArgumentException($"file stem '{fileStem}' must be non-empty and use only letters, digits, '-', '_' or '.'.", nameof(fileStem));
        if (width < 100 || height < 100 || width > 8000 || height > 8000)
            throw new ArgumentOutOfRangeException(nameof(width), $"figure size {width}×{height} px is outside 100–8000 px.");
        Chart = chart;
        chartJson = new Lazy<string>(() => ChartJson(chart));
        Title = title ?? "";
        FileStem = fileStem;
        Width = width;
        Height = height;
    }

    /// <summary>The Plotly.NET chart; change it with Plotly.NET and wrap the result with <see cref="WithChart"/>.</summary>
    internal GenericChart Chart { get; }

    // Plotly.NET's serialisation costs up to a second for a figure of many traces (Newtonsoft compares every DynamicObj it
    // meets by deep hash) and a run asks for it three times per figure (caption, HTML page, PNG): serialised once.
    readonly Lazy<string> chartJson;
    public string Title { get; }
    /// <summary>File name without extension used by <see cref="FigureExport"/> (e.g. "fig2-profiles").</summary>
    public string FileStem { get; }
    /// <summary>Size in CSS pixels (the PNG size at scale 1).</summary>
    internal int Width { get; }
    internal int Height { get; }

    internal int TraceCount => GenericChart.countTrace(Chart);

    internal Figure WithChart(GenericChart chart) => new(chart, Title, FileStem, Width, Height);
    internal Figure WithSize(int width, int height) => new(Chart, Title, FileStem, width, height);
    internal Figure WithFileStem(string fileStem) => new(Chart, Title, fileStem, Width, Height);

    /// <summary>
    /// The plotly.js figure object {data, layout, config} as JSON, at this figure's size, with every
    /// geo map layer switched off (a geo subplot with layers on fetches map data from the network
    /// and renders blank offline).
    /// </summary>
    /// <summary>
    /// Plotly.NET's GenericChart.toJson — the same DTO, the same Newtonsoft settings, the same string (tested) — with the
    /// serializer's reference-loop check comparing references: Plotly.NET's objects compare by value, deeply, so the check
    /// took seconds for a 17-parameter corner plot (benchmarks/README.md); with loops serialized either way, the output cannot
    /// differ.
    /// </summary>
    internal static string ChartJson(GenericChart chart) => JsonConvert.SerializeObject(GenericChart.toChartDTO(chart), JsonSettings);

    static readonly JsonSerializerSettings JsonSettings = new()
    {
        ReferenceLoopHandling = ReferenceLoopHandling.Serialize, EqualityComparer = ReferenceEqualityComparer.Instance,
    };

    internal string ToJson(int? width = null, int? height = null, bool staticPlot = false)
    {
        var root = JsonNode.Parse(chartJson.Value)!.AsObject();
        var layout = root["layout"] as JsonObject ?? new JsonObject();
        root["layout"] = layout;
        layout["width"] = width ?? Width;
        layout["height"] = height ?? Height;
        layout["autosize"] = false;
        if (!layout.ContainsKey("geo")) layout["geo"] = new JsonObject();
        foreach (var (key, value) in layout.ToList())
            if (key.StartsWith("geo", StringComparison.Ordinal) && value is JsonObject geo) GeoLayersOff(geo);
        if (layout["template"]?["layout"] is JsonObject templateLayout)
            foreach (var (key, value) in templateLayout.ToList())
                if (key.StartsWith("geo", StringComparison.Ordinal) && value is JsonObject geo) GeoLayersOff(geo);
        var config = root["config"] as JsonObject ?? new JsonObject();
        root["config"] = config;
        if (staticPlot) { config["staticPlot"] = true; config["displayModeBar"] = false; }
        root.Remove("frames");
        return root.ToJsonString();
    }

    static void GeoLayersOff(JsonObject geo)
    {
        foreach (var layer in GeoLayers) geo[layer] = false;
    }

    public string ToHtml() => FigureHtml.Fragment(this);

    public override string ToString() => $"Figure \"{Title}\" ({TraceCount} traces, {Width}×{Height} px) → {FileStem}";
}
