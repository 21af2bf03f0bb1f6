using HaloNotebooks.Literature;
using HaloNotebooks.Paper;

namespace HaloNotebooks.Figures;

/// <summary>
/// Figs. 2 and 5: the public comparison catalogues fitted here (<see cref="LiteratureFits"/>), one open marker style per
/// catalogue, each labelled "fitted here: &lt;catalogue&gt;, the sample of &lt;work&gt;".
/// </summary>
internal static class LiteratureSeries
{
    static readonly Dictionary<string, (string Colour, string Symbol)> Styles = new()
    {
        [LiteratureFits.Lamost.Name] = (FigureStyle.Bird2021, "circle-open"),
        [LiteratureFits.SegueBhb.Name] = ("#8c564b", "triangle-up-open"),
        [LiteratureFits.SegueKGiants.Name] = ("#9467bd", "square-open"),
        [LiteratureFits.Yaaqib.Name] = ("#bcbd22", "diamond-open"),
        [LiteratureFits.DesiBhb.Name] = (FigureStyle.Medina2025, "star-open"),
    };

    /// <summary>One series per catalogue that has <paramref name="key"/> in <paramref name="model"/>'s fit, at each bin's median r.</summary>
    internal static IEnumerable<ProfileSeries> For(IReadOnlyList<LiteratureFit>? fits, string model, string key)
    {
        foreach (var (f, i) in (fits ?? []).Select((f, i) => (f, i)))
        {
            var points = f.Points().Where(p => p.Model == model && p.Parameter == key && double.IsFinite(p.Value.Value))
                .OrderBy(p => p.RMin).Select(p => new ProfilePoint(p.RMedian, p.Value.Value, Positive(p.Value.ErrPlus), Positive(p.Value.ErrMinus))).ToList();
            if (points.Count == 0) continue;
            var (colour, symbol) = Styles.TryGetValue(f.Catalogue.Name, out var s) ? s : (FigureStyle.Grey, "x-open");
            yield return new ProfileSeries(f.Catalogue.Label, points)
            {
                Color = colour, Symbol = symbol, MarkerSize = 7, Dash = LineDash.Dot, XShiftFraction = -0.012 * (i + 1),
            };
        }
    }

    static double Positive(double e) => double.IsFinite(e) && e > 0 ? e : 0;

    /// <summary>The legend names <see cref="For"/> gives (captions list them).</summary>
    internal static IEnumerable<string> Names(IReadOnlyList<LiteratureFit>? fits, string model) =>
        (fits ?? []).Where(f => model == "single" || f.Double is not null).Select(f => f.Catalogue.Label);
}
