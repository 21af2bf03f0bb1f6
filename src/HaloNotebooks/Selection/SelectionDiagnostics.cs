using System.Globalization;
using System.Text;
using HaloNotebooks.Catalogs;
using HaloNotebooks.Display;
using C = HaloNotebooks.Catalogs.CanonicalColumns;

namespace HaloNotebooks.Selection;

/// <summary>How one cut did against a truth table: what it removed, by true population.</summary>
/// <param name="Target">The population the cut is meant to remove (null for cuts on measurement quality or range).</param>
/// <param name="Purity">Fraction of the removed stars that belong to <paramref name="Target"/> (NaN if none removed or no target).</param>
/// <param name="Completeness">Fraction of the <paramref name="Target"/> stars entering this cut that it removed.</param>
public sealed record CutDiagnostic(string Cut, string? Target, int Removed, IReadOnlyDictionary<string, int> RemovedByPopulation,
    int TargetEntering, double Purity, double Completeness);

/// <summary>One true population through the whole funnel.</summary>
/// <param name="ReachingIntendedCut">Stars of the class still in when the first cut meant for it is applied.</param>
/// <param name="RemovedByIntendedCut">Stars of the class removed by the cut(s) meant for it.</param>
/// <param name="RemovedByOtherCuts">Removed by another cut, before (a metal-rich Sgr star removed by the disc [Fe/H] cut)
/// or after (a distant dwarf member missed by the dwarf cut but removed for its velocity errors).</param>
/// <param name="InFinalSample">Stars of the class that survived every cut (for a contaminant: the contamination left).</param>
public sealed record PopulationDiagnostic(string Population, int Input, int ReachingIntendedCut, int RemovedByIntendedCut,
    int RemovedByOtherCuts, int InFinalSample)
{
    /// <summary>Fraction of the class reaching its cut(s) that they removed (NaN for the halo, which no cut targets).</summary>
    internal double Completeness => ReachingIntendedCut == 0 ? double.NaN : (double)RemovedByIntendedCut / ReachingIntendedCut;
}

/// <summary>Counts of a radial bin of Table 1 against the paper's N.</summary>
public sealed record BinCount(double RMin, double RMax, int Count, double Expected, int PaperN)
{
    /// <summary>Count / Expected − 1.</summary>
    public double RelativeDifference => Count / Expected - 1;
}

/// <summary>A selection compared with the truth of a mock: per cut and per contaminant population.</summary>
[TypeFormatterSource(typeof(HtmlFormatterSource))]
public sealed class SelectionReport(IReadOnlyList<CutDiagnostic> cuts, IReadOnlyList<PopulationDiagnostic> populations, int finalCount, int finalHalo)
    : IHtmlDisplay
{
    internal IReadOnlyList<CutDiagnostic> Cuts { get; } = cuts;
    public IReadOnlyList<PopulationDiagnostic> Populations { get; } = populations;

    /// <summary>Fraction of the final sample that is true halo (halo_mr or halo_mp).</summary>
    internal double FinalPurity => finalCount == 0 ? double.NaN : (double)finalHalo / finalCount;

    internal string ToMarkdown()
    {
        var ci = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        sb.AppendLine("| cut | meant for | removed | removed by true population | purity | completeness |");
        sb.AppendLine("|---|---|---|---|---|---|");
        foreach (var c in Cuts)
            sb.AppendLine(string.Create(ci, $"| {c.Cut} | {c.Target ?? "—"} | {c.Removed:N0} | " +
                $"{string.Join(", ", c.RemovedByPopulation.Where(kv => kv.Value > 0).Select(kv => $"{kv.Key} {kv.Value:N0}"))} | {Pct(c.Purity)} " +
                $"| {Pct(c.Completeness)} |"));
        sb.AppendLine();
        sb.AppendLine("| population | in catalogue | reaching its cut | removed by its cut | completeness | removed by other cuts | left in final sample |");
        sb.AppendLine("|---|---|---|---|---|---|---|");
        foreach (var p in Populations)
            sb.AppendLine(string.Create(ci, $"| {p.Population} | {p.Input:N0} | {p.ReachingIntendedCut:N0} | {p.RemovedByIntendedCut:N0} | " +
                $"{Pct(p.Completeness)} | {p.RemovedByOtherCuts:N0} | {p.InFinalSample:N0} |"));
        sb.AppendLine(string.Create(ci, $"\nFinal sample: {finalCount:N0} stars, {Pct(FinalPurity)} true halo."));
        return sb.ToString();
    }

    static string Pct(double x) => double.IsNaN(x) ? "—" : (100 * x).ToString("F1", CultureInfo.InvariantCulture) + "%";

    public string ToHtml() => "<pre>" + System.Net.WebUtility.HtmlEncode(ToMarkdown()) + "</pre>";

    public override string ToString() => ToMarkdown();
}

/// <summary>
/// Checks a selection against truth (a mock's truth table) and the radial counts against Table 1: the "done when"
/// of the selection — each contaminant class removed by the cut meant for it, and N per bin as in the paper.
/// </summary>
public static class SelectionDiagnostics
{
    /// <summary>The contaminant population each paper cut is meant to remove (mock truth labels).</summary>
    internal static IReadOnlyDictionary<string, string> TargetOfCut { get; } = new Dictionary<string, string>
    {
        ["K giants: T_eff"] = "non_kgiant",
        ["K giants: M_r"] = "non_kgiant",
        ["disc: [Fe/H]"] = "disc",
        ["disc: |z|"] = "disc",
        ["globular clusters"] = "gc",
        ["dwarf galaxies"] = "dwarf",
        ["Sagittarius stream"] = "sgr",
    };

    static readonly string[] HaloPopulations = ["halo_mr", "halo_mp"];

    /// <summary>Compares <paramref name="funnel"/> (run on <paramref name="catalogue"/>) with <paramref name="truth"/>
    /// (columns targetid, population), joined on targetid.</summary>
    public static SelectionReport Compare(Funnel funnel, StarTable catalogue, StarTable truth)
    {
        var population = PopulationOfRows(catalogue, truth);
        var removedBy = funnel.RemovedBy;
        var names = population.Distinct().OrderBy(p => p, StringComparer.Ordinal).ToArray();

        var cuts = new List<CutDiagnostic>();
        var alive = new bool[removedBy.Length];
        Array.Fill(alive, true);
        foreach (var step in funnel.Steps)
        {
            string? target = TargetOfCut.GetValueOrDefault(step.Cut);
            var counts = names.ToDictionary(n => n, _ => 0);
            int targetEntering = 0, removed = 0;
            for (int i = 0; i < removedBy.Length; i++)
            {
                if (!alive[i]) continue;
                if (population[i] == target) targetEntering++;
                if (removedBy[i] == step.Cut) { counts[population[i]]++; removed++; alive[i] = false; }
            }
            int hit = target is null ? 0 : counts.GetValueOrDefault(target);
            cuts.Add(new CutDiagnostic(step.Cut, target, removed, counts, targetEntering,
                target is null || removed == 0 ? double.NaN : (double)hit / removed,
                target is null || targetEntering == 0 ? double.NaN : (double)hit / targetEntering));
        }

        var stepIndex = funnel.Steps.Select((s, k) => (s.Cut, k)).ToDictionary(x => x.Cut, x => x.k);
        var pops = new List<PopulationDiagnostic>();
        foreach (var p in names)
        {
            var intended = TargetOfCut.Where(kv => kv.Value == p && stepIndex.ContainsKey(kv.Key)).Select(kv => kv.Key).ToHashSet();
            int firstIntended = intended.Count == 0 ? int.MaxValue : intended.Min(c => stepIndex[c]);
            int input = 0, reaching = 0, byIntended = 0, other = 0, final = 0;
            for (int i = 0; i < population.Length; i++)
            {
                if (population[i] != p) continue;
                input++;
                if (intended.Count > 0 && (removedBy[i] is null || stepIndex[removedBy[i]!] >= firstIntended)) reaching++;
                if (removedBy[i] is null) final++;
                else if (intended.Contains(removedBy[i]!)) byIntended++;
                else other++;
            }
            pops.Add(new PopulationDiagnostic(p, input, reaching, byIntended, other, final));
        }
        int finalCount = 0, finalHalo = 0;
        for (int i = 0; i < removedBy.Length; i++)
            if (removedBy[i] is null) { finalCount++; if (HaloPopulations.Contains(population[i])) finalHalo++; }
        return new SelectionReport(cuts, pops, finalCount, finalHalo);
    }

    /// <summary>The true population of every catalogue row ("unknown" when the truth table lacks its targetid).</summary>
    internal static string[] PopulationOfRows(StarTable catalogue, StarTable truth)
    {
        var ids = truth.GetInt64(C.TargetId);
        var pop = truth.GetString("population");
        var map = new Dictionary<long, string>(ids.Length);
        for (int i = 0; i < ids.Length; i++) map[ids[i]] = pop[i];
        var rows = catalogue.GetInt64(C.TargetId);
        return rows.Select(id => map.GetValueOrDefault(id, "unknown")).ToArray();
    }

    /// <summary>Table 1 of the paper: the r_GC bins (kpc) and the number of stars N in each (all-stars row excluded).</summary>
    internal static IReadOnlyList<(double RMin, double RMax, int N)> PaperTable1Bins { get; } =
    [
        (3.0, 9.0, 6987), (9.0, 11.5, 6890), (11.5, 13.7, 6741), (13.7, 15.9, 6671), (15.9, 18.2, 6640),
        (18.2, 20.8, 6475), (20.8, 24.2, 6242), (24.2, 28.7, 5879), (28.7, 35.8, 5318), (35.8, 47.5, 4190),
        (47.5, 60.0, 1596), (60.0, 80.0, 779), (80.0, 160.0, 164),
    ];

    /// <summary>Table 1: N of the all-stars row (3–160 kpc).</summary>
    internal const int PaperTable1Total = 64573;

    /// <summary>Stars per Table 1 bin against the paper's N × <paramref name="scale"/> (the mock's scale factor).</summary>
    public static IReadOnlyList<BinCount> CountsPerBin(HaloSample sample, double scale = 1.0)
    {
        var r = sample.Stars.GetDouble(C.RGc);
        return PaperTable1Bins.Select(b =>
        {
            int n = 0;
            foreach (var x in r) if (x >= b.RMin && x < b.RMax) n++;
            return new BinCount(b.RMin, b.RMax, n, b.N * scale, b.N);
        }).ToArray();
    }

    /// <summary>A Markdown table of <see cref="CountsPerBin"/>.</summary>
    internal static string CountsMarkdown(IReadOnlyList<BinCount> bins)
    {
        var ci = CultureInfo.InvariantCulture;
        var sb = new StringBuilder("| r_GC [kpc] | N selected | N expected (Table 1 × scale) | difference |\n|---|---|---|---|\n");
        foreach (var b in bins)
            sb.AppendLine(string.Create(ci, $"| {b.RMin:G4}–{b.RMax:G4} | {b.Count:N0} | {b.Expected:N0} | {100 * b.RelativeDifference:+0.0;-0.0;0.0}% |"));
        return sb.ToString();
    }
}
