using System.Text;
using HaloNotebooks.Display;
using HaloNotebooks.Paper;

namespace HaloNotebooks.Analysis;

/// <summary>
/// Every result of §4 and Appendix A: the single-, double-component and dipole profiles (Tables 1–3, Figs. 1–5, 7, 9),
/// the north/south ⟨V_r⟩ profiles (Fig. 6), the sky map (Fig. 8), the Eq. 7 check (Fig. 9, middle) and the
/// distance-error profiles (Fig. 10, when a mock was given), with the wall time of each stage.
/// </summary>
[TypeFormatterSource(typeof(HtmlFormatterSource))]
internal sealed class AnalysisResults : IHtmlDisplay
{
    internal AnalysisResults(AnalysisSettings settings, RadialProfile single, RadialProfile @double, RadialProfile dipole,
        HemisphereProfile hemispheres, MeanVelocityMap skyMap, PolarVelocityCheck polarVelocity, DistanceErrorProfiles? appendixA,
        IReadOnlyDictionary<string, double> timings)
    {
        Settings = settings;
        Single = single;
        Double = @double;
        Dipole = dipole;
        Hemispheres = hemispheres;
        SkyMap = skyMap;
        PolarVelocity = polarVelocity;
        AppendixA = appendixA;
        Timings = timings;
    }

    /// <summary>The settings the analysis ran with.</summary>
    internal AnalysisSettings Settings { get; }

    /// <summary>Single-component fits, 3–160 kpc then per bin (Table 1, Figs. 1–2).</summary>
    public RadialProfile Single { get; }

    /// <summary>Double-component fits (Table 2, Figs. 3–5).</summary>
    public RadialProfile Double { get; }

    /// <summary>Dipole fits, 50–120 kpc then per sub-bin (Table 3, Figs. 7, 9).</summary>
    public RadialProfile Dipole { get; }

    /// <summary>North/south ⟨V_r⟩ profiles (Fig. 6).</summary>
    public HemisphereProfile Hemispheres { get; }

    /// <summary>⟨V_r⟩ sky map and best-fit model map (Fig. 8).</summary>
    public MeanVelocityMap SkyMap { get; }

    /// <summary>Eq. 7 prediction vs fitted ⟨V_θ⟩ (Fig. 9, middle).</summary>
    internal PolarVelocityCheck PolarVelocity { get; }

    /// <summary>Appendix A profiles (Fig. 10); null when no Appendix A mock was analysed.</summary>
    internal DistanceErrorProfiles? AppendixA { get; }

    /// <summary>Wall time per stage in seconds ("table1", "table2", "table3", "hemispheres", "sky_map", "eq7", "appendix_a").</summary>
    internal IReadOnlyDictionary<string, double> Timings { get; }

    /// <summary>Every MCMC fit of the run by its key (Tables 1–3, Eq. 7, Appendix A): their τ, acceptance and settings
    /// (<see cref="ConvergenceTable"/>); the chains only where kept.</summary>
    internal IReadOnlyDictionary<FitKey, BinFit> Fits { get; init; } = new Dictionary<FitKey, BinFit>();

    /// <summary>The posterior predictive check of each fit of Tables 1–3 (empty when AnalysisSettings.PredictiveDraws is 0).</summary>
    public IReadOnlyDictionary<FitKey, PredictiveCheck> PredictiveChecks { get; init; } = new Dictionary<FitKey, PredictiveCheck>();

    /// <summary>Table 1.</summary>
    public PaperTable Table1 => PaperTables.Table1(Single);

    /// <summary>Table 2.</summary>
    public PaperTable Table2 => PaperTables.Table2(Double);

    /// <summary>Table 3.</summary>
    public PaperTable Table3 => PaperTables.Table3(Dipole);

    /// <summary>Tables 1–3 in order.</summary>
    internal IReadOnlyList<PaperTable> Tables => [Table1, Table2, Table3];

    /// <summary>Each table against the paper's.</summary>
    internal IReadOnlyList<TableComparison> CompareWithPaper() =>
        Tables.Select(t => TableComparison.Compare(t, PublishedTables.Table(t.Number), "paper")).ToList();

    public string ToHtml()
    {
        var sb = new StringBuilder();
        foreach (var t in Tables) sb.Append(t.ToHtml());
        sb.Append(Hemispheres.ToHtml()).Append(SkyMap.ToHtml()).Append(PolarVelocity.ToHtml());
        if (AppendixA is not null) sb.Append(AppendixA.ToHtml());
        return sb.ToString();
    }

    public override string ToString() => $"analysis: {Single.Bins.Count} radial bins, {Dipole.Bins.Count} dipole bins, {SkyMap.Pixels.Count} sky pixels";
}
