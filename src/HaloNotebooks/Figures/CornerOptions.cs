namespace HaloNotebooks.Figures;

/// <summary>Enclosed-mass levels of the 2-D credible regions.</summary>
internal static class CornerLevels
{
    /// <summary>The paper's Figs. 1, 3, 7: the 30%, 1σ (1 − e^{−1/2} = 39.3%) and 2σ (1 − e^{−2} = 86.5%)
    /// regions of a 2-D Gaussian, as corner.py defines them.</summary>
    public static IReadOnlyList<double> Paper { get; } = [0.30, 1 - Math.Exp(-0.5), 1 - Math.Exp(-2.0)];
}

/// <summary>A second posterior drawn over the first (corner.py's <c>fig=</c>): its marginals as coloured step lines and
/// its credible regions as coloured contour lines, on the same axes.</summary>
/// <param name="Samples">One array per parameter, in the order of <see cref="Names"/> (or of the plot's parameters).</param>
internal sealed record CornerOverlay(string Name, IReadOnlyList<double[]> Samples, string Color = FigureStyle.Red)
{
    /// <summary>Parameter names of <see cref="Samples"/>: when given, the overlay is matched to the plot's parameters by name.</summary>
    internal IReadOnlyList<string>? Names { get; init; }

    /// <summary>The chain of <paramref name="fit"/> as an overlay, matched by parameter name.</summary>
    public static CornerOverlay From(Inference.FitResult fit, string name, string color = FigureStyle.Red)
    {
        ArgumentNullException.ThrowIfNull(fit);
        return new(name, fit.ParameterNames.Select(fit.Samples).ToList(), color) { Names = fit.ParameterNames };
    }
}

/// <summary>Options of <see cref="CornerPlot.Create(IReadOnlyList{double[]}, IReadOnlyList{string}, CornerOptions?)"/> (corner.py's keyword
/// arguments).</summary>
public sealed record CornerOptions
{
    /// <summary>Parameter names, for the by-name options below and overlays; the FitResult overload fills them.
    /// Default: the labels.</summary>
    internal IReadOnlyList<string>? Names { get; init; }
    /// <summary>True values by parameter name (e.g. {"vr": 0, "sigma_r": 150}); parameters left out get no marker.
    /// Use this or <see cref="Truths"/>.</summary>
    internal IReadOnlyDictionary<string, double>? TruthsByName { get; init; }
    /// <summary>Published values by parameter name; use this or <see cref="Reference"/>.</summary>
    public IReadOnlyDictionary<string, double>? ReferenceByName { get; init; }
    /// <summary>Further posteriors drawn over this one (e.g. the same fit with another cut).</summary>
    internal IReadOnlyList<CornerOverlay> Overlays { get; init; } = [];
    /// <summary>Bins per axis for the 1-D histograms and 2-D regions; null: 30, or 24 beyond 9 parameters (keeps Fig. 3 small).</summary>
    public int? Bins { get; init; }
    /// <summary>Gaussian smoothing of the 2-D histograms, σ in bins (corner.py <c>smooth</c>); 0 for none.</summary>
    internal double Smooth { get; init; } = 1.0;
    /// <summary>Enclosed-mass levels of the filled regions, ascending.</summary>
    internal IReadOnlyList<double> Levels { get; init; } = CornerLevels.Paper;
    /// <summary>Fill colours of the regions, from the innermost (first level) outward.</summary>
    internal IReadOnlyList<string> LevelColors { get; init; } = [FigureStyle.Region30, FigureStyle.Region1Sigma, FigureStyle.Region2Sigma];
    /// <summary>Legend names of the regions, innermost first.</summary>
    internal IReadOnlyList<string> LevelNames { get; init; } = ["30%", "1σ", "2σ"];
    /// <summary>True values (e.g. a mock's inputs), one per parameter; NaN to skip one.</summary>
    internal IReadOnlyList<double>? Truths { get; init; }
    internal string TruthsName { get; init; } = "truth";
    internal string TruthsColor { get; init; } = FigureStyle.Red;
    /// <summary>Published values (e.g. the paper's Table 1), one per parameter; NaN to skip one.</summary>
    public IReadOnlyList<double>? Reference { get; init; }
    public string ReferenceName { get; init; } = "paper";
    internal string ReferenceColor { get; init; } = "#2ca02c";
    /// <summary>Show "median (+σ, −σ)" above each diagonal panel (corner.py <c>show_titles</c>).</summary>
    internal bool ShowTitles { get; init; } = true;
    /// <summary>Draw the 16th, 50th and 84th percentiles on the diagonal.</summary>
    internal bool ShowQuantiles { get; init; } = true;
    /// <summary>Each axis spans the [q, 1 − q] quantiles of its samples (padded by 5%).</summary>
    internal double RangeQuantile { get; init; } = 0.001;
    /// <summary>Widen ranges so truth / reference markers stay visible — for markers within <see cref="MarkerRangeSigma"/>
    /// posterior σ of the median; farther ones are written at the edge of the diagonal panel with an arrow, so a
    /// distant published value does not squash the posterior into a corner.</summary>
    internal bool RangeIncludesMarkers { get; init; } = true;
    internal double MarkerRangeSigma { get; init; } = 5;
    /// <summary>Figure side in pixels; default grows with the number of parameters.</summary>
    internal int? Size { get; init; }
    public string Title { get; init; } = "Posterior";
    public string FileStem { get; init; } = "corner";
}
