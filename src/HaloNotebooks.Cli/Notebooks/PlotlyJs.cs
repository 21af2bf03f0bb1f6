using System.Text.RegularExpressions;

namespace HaloNotebooks.Cli.Notebooks;

/// <summary>
/// plotly.js without a CDN: Plotly.NET ships the minified library as an embedded resource
/// (<c>Plotly.NET.plotly-&lt;version&gt;.min.js</c>), which is what it inlines for
/// <c>PlotlyJSReference.Full</c>. Pages and executed notebooks include it once, before the first chart.
/// </summary>
public static partial class PlotlyJs
{
    static readonly Lazy<(string Name, string Source)> Resource = new(Load);

    /// <summary>The resource name, e.g. "Plotly.NET.plotly-2.28.0.min.js".</summary>
    public static string ResourceName => Resource.Value.Name;

    /// <summary>The minified plotly.js source.</summary>
    public static string Source => Resource.Value.Source;

    /// <summary>A script element holding plotly.js (about 3.6 MB).</summary>
    public static string ScriptTag() => "<script type=\"text/javascript\">" + Source + "</script>";

    /// <summary>True when the HTML draws a plotly chart (and so needs plotly.js on the page).</summary>
    public static bool NeedsPlotly(string html) => html.Contains("Plotly.newPlot", StringComparison.Ordinal)
        || html.Contains("Plotly.react", StringComparison.Ordinal);

    /// <summary>True when the HTML already carries an inline copy of plotly.js.</summary>
    public static bool HasInlinePlotly(string html) => html.Length > 1_000_000 && html.Contains(Banner, StringComparison.Ordinal);

    /// <summary>Removes inline copies of plotly.js (a formatter may add its own; the page includes one).</summary>
    public static string RemoveInlineCopies(string html) =>
        HasInlinePlotly(html)
            ? ScriptBlock().Replace(html, m => m.Value.Contains(Banner, StringComparison.Ordinal) && m.Length > 1_000_000 ? "" : m.Value)
            : html;

    [GeneratedRegex("<script[^>]*>.*?</script>", RegexOptions.Singleline)] private static partial Regex ScriptBlock();

    /// <summary>A fragment that identifies the library's source (its licence banner / export wrapper).</summary>
    static string Banner => Resource.Value.Source[..Math.Min(200, Resource.Value.Source.Length)];

    static (string, string) Load()
    {
        var assembly = typeof(Plotly.NET.GenericChart).Assembly;
        var name = assembly.GetManifestResourceNames()
            .FirstOrDefault(n => n.StartsWith("Plotly.NET.plotly-", StringComparison.Ordinal) && n.EndsWith(".min.js", StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"{assembly.GetName().Name} has no embedded plotly-*.min.js resource");
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        return (name, reader.ReadToEnd());
    }
}
