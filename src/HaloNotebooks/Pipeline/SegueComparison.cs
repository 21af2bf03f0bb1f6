using HaloNotebooks.Analysis;
using HaloNotebooks.Catalogs;
using HaloNotebooks.Paper;
using HaloNotebooks.Selection;

namespace HaloNotebooks.Pipeline;

/// <summary>
/// The SEGUE K giants of Xue et al. (2014) with Gaia DR2 proper motions, run through the paper's §2.3 selection (with
/// the real globular-cluster and dwarf-galaxy catalogues where given) and its single- and double-component fits (§3.1),
/// on coarser bins than Tables 1–2 because the sample is ~60× smaller. The result is the comparison profile of Figs. 2
/// and 5 (<see cref="ComparisonProfiles"/>): Bird et al. (2021) and Medina et al. (2025) publish theirs only as figures.
/// </summary>
internal static class SegueComparison
{
    /// <summary>Bins of the comparison: each holds ≳ 200 selected SEGUE stars (the double model has 17 parameters).</summary>
    public static RadialBins Bins { get; } = new([5, 10, 15, 20, 30, 50, 100]);

    /// <summary>The selection, the two profiles, and the points written to data/reference/segue_kgiants_ours.csv.</summary>
    internal sealed record Result(HaloSample Sample, RadialProfile Single, RadialProfile Double, IReadOnlyList<ComparisonPoint> Points);

    /// <summary>
    /// Reads <c>segue_kgiants_xue2014/</c> under <paramref name="externalDir"/> (the two files of
    /// <see cref="SegueKGiants.Read"/>) and, where present beside it, the globular-cluster (Baumgardt; Vasiliev &amp;
    /// Baumgardt 2021) and dwarf-galaxy (Pace 2022) catalogues for the §2.3 masks; without them the masks are not
    /// applied and <paramref name="log"/> says so.
    /// </summary>
    public static Result Run(string externalDir, AnalysisSettings analysis, SelectionSettings selection,
        IProgress<AnalysisProgress>? progress = null, Action<string>? log = null)
    {
        string xue = Path.Combine(externalDir, "segue_kgiants_xue2014");
        string mrt = Path.Combine(xue, "Xue2014KGiant14.txt"), gaia = Path.Combine(xue, "Xue2015KGiantxmatch_gaia_corr.txt");
        foreach (var f in new[] { mrt, gaia })
            if (!File.Exists(f)) throw new FileNotFoundException($"{f} not found: give the folder that holds segue_kgiants_xue2014/", f);
        var stars = SegueKGiants.Read(mrt, gaia);
        var substructures = Substructures(externalDir, log);
        var sample = PaperSelection.Run(stars, selection, substructures);
        var settings = analysis with { Bins = Bins, RMin = Bins.RMin, RMax = Bins.RMax };
        var single = PaperAnalysis.FitProfile(FitModel.Single, sample, settings, progress);
        var @double = PaperAnalysis.FitProfile(FitModel.Double, sample, settings, progress);
        return new Result(sample, single, @double, Points(single).Concat(Points(@double)).ToList());
    }

    static SubstructureCatalog? Substructures(string externalDir, Action<string>? log)
    {
        string orbits = Path.Combine(externalDir, "gc_baumgardt_orbits", "orbits_table.txt");
        string vb21 = Path.Combine(externalDir, "gc_vasiliev_baumgardt2021_pm", "GCs_VB21.txt");
        string pace = Path.Combine(externalDir, "lvdb_pace2022");
        var parts = new List<SubstructureCatalog>();
        if (File.Exists(orbits) || File.Exists(vb21))
            parts.Add(SubstructureCatalog.ReadBaumgardtVasiliev(File.Exists(orbits) ? orbits : null, File.Exists(vb21) ? vb21 : null));
        else log?.Invoke($"no globular-cluster catalogue under {externalDir}: the GC mask is not applied");
        if (Directory.Exists(pace)) parts.Add(SubstructureCatalog.ReadPace(pace));
        else log?.Invoke($"no dwarf-galaxy catalogue (lvdb_pace2022) under {externalDir}: the dwarf mask is not applied");
        return parts.Count == 0 ? null : SubstructureCatalog.Combine([.. parts]);
    }

    /// <summary>Every bin's parameters (the all-stars fit excluded: it spans the bins).</summary>
    static IEnumerable<ComparisonPoint> Points(RadialProfile profile) =>
        profile.Bins.SelectMany(b => b.Parameters.OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => new ComparisonPoint(profile.Model.Name, b.Bin.RMin, b.Bin.RMax, b.Bin.RMedian, b.Bin.Count, p.Key, p.Value)));
}
