using System.Text;

namespace HaloNotebooks.Figures;

/// <summary>
/// One page of figures (a notebook, a report, an exported file): whether plotly.js is on it yet and the next figure's
/// id. Whoever renders a page owns one: the report writers make their own, the built-in notebook runner one per
/// notebook (<see cref="Current"/>, which the notebook formatter reads), so two pages rendered in one process, or two
/// tests running at once, never share this state.
/// </summary>
internal sealed class FigurePage
{
    static readonly AsyncLocal<FigurePage?> CurrentPage = new();
    // A kernel process renders one notebook: without a page set, its figures share this one.
    static readonly FigurePage ProcessPage = new();
    static int _pages;

    readonly int _serial = Interlocked.Increment(ref _pages);
    int _hasPlotly;
    int _nextId;

    /// <summary>Which fragments of this page carry plotly.js (default: the first).</summary>
    internal PlotlyJsInclusion Inclusion { get; set; } = PlotlyJsInclusion.OncePerPage;

    /// <summary>
    /// The page <see cref="Figure.ToHtml"/> (the notebook formatter) renders into, for this async flow: set by the
    /// notebook runner for each notebook; the process's page when nobody set one (the released kernel: one notebook).
    /// </summary>
    internal static FigurePage Current
    {
        get => CurrentPage.Value ?? ProcessPage;
        set => CurrentPage.Value = value ?? throw new ArgumentNullException(nameof(value));
    }

    /// <summary>The notebook fragment for one figure: plotly.js when this page still needs it, a div and its drawing script.</summary>
    internal string Fragment(Figure figure)
    {
        bool include = Inclusion switch
        {
            PlotlyJsInclusion.EveryFigure => true,
            PlotlyJsInclusion.Never => false,
            _ => Interlocked.Exchange(ref _hasPlotly, 1) == 0,
        };
        var html = new StringBuilder();
        if (include) html.Append(FigureHtml.PlotlyScriptTag()).Append('\n');
        FigureHtml.AppendFigure(html, figure, this, staticPlot: false);
        return html.ToString();
    }

    /// <summary>An id unique on this page and among the pages of this process.</summary>
    internal string NextId() => $"halo-figure-{Environment.ProcessId:x}-{(_serial == 1 ? "" : $"{_serial}-")}{Interlocked.Increment(ref _nextId)}";
}
