using Plotly.NET;
using Plotly.NET.LayoutObjects;

namespace HaloNotebooks.Figures;

/// <summary>
/// Small builders for Plotly.NET objects. Traces, axes and the layout are Plotly.NET's own
/// dynamic types (so <c>Chart.with…</c> customisation keeps working on <see cref="Figure.Chart"/>);
/// nested attributes are plain dictionaries, serialised by Plotly.NET as JSON objects.
/// Every numeric array goes through <see cref="Values"/>: NaN would be written as an invalid
/// JSON token, so non-finite values become null (a gap), and values are rounded so that a figure
/// carries only the digits a reader can see.
/// </summary>
internal static class PlotlyObjects
{
    internal static Trace2D Trace(string type, params (string Key, object? Value)[] properties)
    {
        var trace = new Trace2D(type);
        foreach (var (key, value) in properties)
            if (value is not null) trace.SetProperty(key, value);
        return trace;
    }

    internal static LinearAxis Axis(params (string Key, object? Value)[] properties)
    {
        var axis = new LinearAxis();
        foreach (var (key, value) in properties)
            if (value is not null) axis.SetProperty(key, value);
        return axis;
    }

    internal static Dictionary<string, object> Obj(params (string Key, object? Value)[] properties)
    {
        var obj = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var (key, value) in properties)
            if (value is not null) obj[key] = value;
        return obj;
    }

    /// <summary>Numbers for JSON: non-finite → null, rounded to <paramref name="significantDigits"/>.</summary>
    public static double?[] Values(IEnumerable<double> values, int significantDigits = 6)
        => values.Select(v => double.IsFinite(v) ? (double?)Round(v, significantDigits) : null).ToArray();

    public static double Round(double value, int significantDigits)
    {
        if (value == 0 || !double.IsFinite(value)) return value;
        int decimals = significantDigits - 1 - (int)Math.Floor(Math.Log10(Math.Abs(value)));
        if (decimals < 0)
        {
            double scale = Math.Pow(10, -decimals);
            return Math.Round(value / scale) * scale;
        }
        return Math.Round(value, Math.Min(decimals, 15));
    }

    /// <summary>A chart from traces and a layout, without Plotly.NET's default template
    /// (that template switches geo land layers on and adds ~8 kB to every figure).</summary>
    internal static GenericChart Chart(IEnumerable<Trace> traces, Layout layout)
    {
        var chart = GenericChart.ofTraceObjects(false, traces.ToArray());
        chart = GenericChart.setLayout(layout, chart);
        var config = new Config();
        config.SetProperty("responsive", false);
        config.SetProperty("displaylogo", false);
        return GenericChart.setConfig(config, chart);
    }

    /// <summary>Axis reference names: index 1 is "x"/"xaxis", index k is "x{k}"/"xaxis{k}".</summary>
    internal static string AxisRef(char letter, int index) => index == 1 ? letter.ToString() : $"{letter}{index}";
    internal static string AxisKey(char letter, int index) => index == 1 ? $"{letter}axis" : $"{letter}axis{index}";
}
