using System.Globalization;
using System.Text;
using HaloNotebooks.Analysis;
using HaloNotebooks.Catalogs;
using HaloNotebooks.Models;
using HaloNotebooks.Numerics;
using HaloNotebooks.Paper;
using HaloNotebooks.Selection;
using C = HaloNotebooks.Catalogs.CanonicalColumns;

namespace HaloNotebooks.Literature;

/// <summary>A public catalogue standing for a cited work's sample, and how the paper's selection had to be adapted to it.</summary>
/// <param name="Name">The folder under data/external (the CSV's <c>catalogue</c>).</param>
/// <param name="Work">The work whose sample it is or stands for (the CSV's <c>work</c>).</param>
/// <param name="HasFeh">With [Fe/H]: the disc cut and the double-component fit; without, a velocity-only single fit.</param>
internal sealed record LiteratureCatalogue(string Name, string Work, string Tracer, bool HasFeh, double RGcMin, IReadOnlyList<string> Adaptations)
{
    /// <summary>Figure legends: "fitted here: &lt;catalogue&gt;, the sample of &lt;work&gt;".</summary>
    public string Label => $"fitted here: {Name}, the sample of {Work}";
}

/// <summary>One catalogue's selection and fits (<see cref="Double"/> null without [Fe/H]).</summary>
internal sealed record LiteratureFit(LiteratureCatalogue Catalogue, Funnel Funnel, int Selected, RadialProfile Single, RadialProfile? Double,
    double WallSeconds)
{
    /// <summary>Every bin's parameters of both fits (the all-stars fit, which spans the bins, left out); a velocity-only fit
    /// drops the held [Fe/H] factor's two parameters.</summary>
    internal IEnumerable<ComparisonPoint> Points() =>
        new[] { Single, Double }.OfType<RadialProfile>().SelectMany(p => p.Bins.SelectMany(b => b.Parameters
            .Where(kv => Catalogue.HasFeh || !kv.Key.StartsWith("feh", StringComparison.Ordinal))
            .OrderBy(kv => kv.Key, StringComparer.Ordinal)
            .Select(kv => new ComparisonPoint(p.Model.Name, b.Bin.RMin, b.Bin.RMax, b.Bin.RMedian, b.Bin.Count, kv.Key, kv.Value))));
}

/// <summary>
/// The literature the paper compares with in Figs. 2 and 5 (Bird et al. 2021's LAMOST K giants and SEGUE BHB stars),
/// and kin samples, fitted here from their public catalogues with the paper's selection (§2.3, adapted per catalogue:
/// <see cref="LiteratureCatalogue.Adaptations"/>) and its single- and double-component models (§3.1) in Table 1's bins.
/// A reduced sampler (<see cref="Sampler"/>) keeps the cost small; the catalogues are 10–100× smaller than DESI's, so
/// their posteriors are wide and the sampler's noise is a small part of them.
/// </summary>
internal static class LiteratureFits
{
    /// <summary>40 walkers × 400 steps, 150 burn-in (the paper: 100 × 1000, 400).</summary>
    public static AnalysisSettings Sampler(AnalysisSettings run) =>
        run with { Sampler = run.Sampler with { Walkers = 40, Steps = 400, Burn = 150 }, KeepBinSamples = false };

    /// <summary>The [Fe/H] a velocity-only fit holds every star at: Eq. 2's Gaussian is diagonal, so with one [Fe/H] for
    /// all stars its factor of the likelihood is independent of the velocity parameters, whose posterior is then exactly
    /// that of a fit in (V_r, V_φ, V_θ) alone.</summary>
    const double HeldFeh = -1.5, HeldFehErr = 0.1;

    static readonly string[] Common =
    [
        "no DESI quality flags (RVS_WARN, SUCCESS, PRIMARY, RR_SPECTYPE): the catalogue has none",
        "globular clusters, dwarf galaxies: the Baumgardt/Vasiliev and Pace catalogues of the same folder, as for the DESI sample",
    ];

    internal static readonly LiteratureCatalogue Lamost = new("lamost_dr5_kgiants_halo", "Bird et al. 2021 (LAMOST DR5 K giants)", "K giants", false, 3,
    [
        "K-giant T_eff and M_r cuts not applied: the catalogue is already K giants and has neither T_eff nor photometry",
        "no [Fe/H]: the disc [Fe/H] cut is not applied (|z| > 2 kpc still is) and the fit is velocity-only, single component",
        "no proper-motion correlation: taken as 0", .. Common,
    ]);

    internal static readonly LiteratureCatalogue SegueBhb = new("segue_bhb_xue2011", "Bird et al. 2021 (SEGUE BHB stars, Xue et al. 2011)", "BHB stars",
        true, 3,
    [
        "BHB stars: the K-giant T_eff and M_r cuts do not apply",
        $"distance error: an assumed {100 * SegueBhbStars.AssumedFractionalDistanceError:0} % (the table has none); [Fe/H] is SSPP's adopted value",
        .. Common,
    ]);

    public static readonly LiteratureCatalogue SegueKGiants = new("segue_kgiants_xue2014", "Bird et al. 2021 (SEGUE K giants, Xue et al. 2014)",
        "K giants", true, 3,
    [
        "the paper's selection whole (T_eff, M_r from Xue's dereddened r with E(B−V) = 0, [Fe/H], |z|, masks, errors)", .. Common,
    ]);

    internal static readonly LiteratureCatalogue Yaaqib = new("kgiants_edr3_yaaqib2024", "Yaaqib et al. 2024 (SEGUE K giants, Gaia EDR3)", "K giants",
        true, 20,
    [
        "K-giant T_eff and M_r cuts not applied: the table has no T_eff or photometry (its stars are Xue et al. 2014's K giants)",
        $"only r_GC > 20 kpc in the table: bins below 20.8 kpc not fitted; [Fe/H] error an assumed {YaaqibKGiants.AssumedFehError} dex",
        .. Common,
    ]);

    internal static readonly LiteratureCatalogue DesiBhb = new("desi_dr1_bhb_bystrom2025", "Byström et al. 2025 (DESI DR1 BHB stars)", "BHB stars", false, 3,
    [
        "BHB stars: the K-giant T_eff, M_r and disc cuts do not apply (satellite members were removed when the table was built; " +
            "RVSpecFit [Fe/H] of BHB stars is not used, so the fit is velocity-only, single component)",
        "distance error: the table's assumed 10 %", "no DESI quality flags beyond the table's PRIMARY rows",
    ]);

    /// <summary>All five, in the order the CSV and figures list them.</summary>
    public static IReadOnlyList<LiteratureCatalogue> All { get; } = [Lamost, SegueBhb, SegueKGiants, Yaaqib, DesiBhb];

    /// <summary>
    /// Fits every catalogue found under <paramref name="externalDir"/> (the DESI DR1 BHB stars <paramref name="bhbStars"/>
    /// when given, else the table in the folder); a catalogue absent is said in <paramref name="log"/> and skipped.
    /// </summary>
    public static IReadOnlyList<LiteratureFit> Run(string externalDir, StarTable? bhbStars, AnalysisSettings run, long selectionSeed,
        IProgress<double>? progress = null, Action<string>? log = null)
    {
        var subs = Substructures(externalDir, log);
        var selection = SelectionSettings.Paper with { Seed = selectionSeed, MaxDegreeOfParallelism = run.MaxDegreeOfParallelism };
        var fits = new List<LiteratureFit>();
        for (int i = 0; i < All.Count; i++)
        {
            var cat = All[i];
            var clock = System.Diagnostics.Stopwatch.StartNew();
            var sample = Select(cat, externalDir, bhbStars, selection, subs, log);
            if (sample is not null)
            {
                var reduced = Sampler(run);
                var settings = reduced with { Sampler = reduced.Sampler with { Seed = SeededRandom.DeriveSeed(run.Sampler.Seed, "literature/" + cat.Name) } };
                if (cat.RGcMin > settings.RMin)
                {
                    var edges = RadialBins.Paper.Edges.Where(e => e >= cat.RGcMin).ToArray();
                    settings = settings with { Bins = new RadialBins(edges), RMin = edges[0] };
                }
                var kinematic = cat.HasFeh ? sample.ToKinematicSample() : VelocityOnly(sample);
                var r = sample.Stars.GetDouble(C.RGc);
                var single = PaperAnalysis.FitProfile(FitModel.Single, kinematic, null, r, settings);
                var @double = cat.HasFeh ? PaperAnalysis.FitProfile(FitModel.Double, kinematic, null, r, settings) : null;
                fits.Add(new LiteratureFit(cat, sample.Funnel, sample.Count, single, @double, clock.Elapsed.TotalSeconds));
            }
            progress?.Report((i + 1.0) / All.Count);
        }
        return fits;
    }

    /// <summary>The §2.3 masks' catalogues beside the comparison samples: Baumgardt/Vasiliev globular clusters, Pace (2022) dwarfs.</summary>
    static SubstructureCatalog? Substructures(string dir, Action<string>? log)
    {
        string orbits = Path.Combine(dir, "gc_baumgardt_orbits", "orbits_table.txt");
        string vb21 = Path.Combine(dir, "gc_vasiliev_baumgardt2021_pm", "GCs_VB21.txt");
        string pace = Path.Combine(dir, "lvdb_pace2022");
        var parts = new List<SubstructureCatalog>();
        if (File.Exists(orbits) || File.Exists(vb21))
            parts.Add(SubstructureCatalog.ReadBaumgardtVasiliev(File.Exists(orbits) ? orbits : null, File.Exists(vb21) ? vb21 : null));
        else log?.Invoke($"no globular-cluster catalogue under {dir}: the GC mask is not applied");
        if (Directory.Exists(pace)) parts.Add(SubstructureCatalog.ReadPace(pace));
        else log?.Invoke($"no dwarf-galaxy catalogue (lvdb_pace2022) under {dir}: the dwarf mask is not applied");
        return parts.Count == 0 ? null : SubstructureCatalog.Combine([.. parts]);
    }

    static HaloSample? Select(LiteratureCatalogue cat, string dir, StarTable? bhbStars, SelectionSettings selection, SubstructureCatalog? subs,
        Action<string>? log)
    {
        string folder = Path.Combine(dir, cat.Name);
        if (cat == DesiBhb)
        {
            string path = Path.Combine(folder, "Bystrom_2025_BHB.csv");
            if (bhbStars is null && !File.Exists(path)) { log?.Invoke($"{path} not found and no --bhb: {cat.Name} not fitted"); return null; }
            return BhbSelection.Run(bhbStars ?? DesiBhbStars.Read(path), selection);
        }
        if (!Directory.Exists(folder)) { log?.Invoke($"{folder} not found: {cat.Name} not fitted"); return null; }
        if (cat == SegueKGiants)
            return PaperSelection.Run(Catalogs.SegueKGiants.Read(Path.Combine(folder, "Xue2014KGiant14.txt"),
                Path.Combine(folder, "Xue2015KGiantxmatch_gaia_corr.txt")), selection, subs);
        var stars = cat == Lamost ? LamostKGiants.Read(Path.Combine(folder, "lamost_kg_dr5_halo_forJorge.csv"))
            : cat == SegueBhb ? SegueBhbStars.Read(folder)
            : YaaqibKGiants.Read(Path.Combine(folder, "KGiant_edr3_metal_sgr_20.txt"));
        return LiteratureSelection.Run(stars, cat.HasFeh, selection, subs);
    }

    /// <summary>The velocities and errors of the sample with every star at one [Fe/H] (<see cref="HeldFeh"/>).</summary>
    static KinematicSample VelocityOnly(HaloSample s)
    {
        int n = s.Count;
        return new KinematicSample(s.Stars.GetDouble(C.VR), s.Stars.GetDouble(C.VPhi), s.Stars.GetDouble(C.VTheta), Enumerable.Repeat(HeldFeh, n).ToArray(),
            s.Stars.GetDouble(C.ErrVR), s.Stars.GetDouble(C.ErrVPhi), s.Stars.GetDouble(C.ErrVTheta), Enumerable.Repeat(HeldFehErr, n).ToArray());
    }

    internal const string CsvHeader = "catalogue,work,model,r_min_kpc,r_max_kpc,r_median_kpc,N,parameter,unit,median,errp,errm";

    /// <summary>tables/literature_fits.csv: one row per catalogue × bin × parameter.</summary>
    internal static string ToCsv(IEnumerable<LiteratureFit> fits)
    {
        var sb = new StringBuilder(CsvHeader).Append('\n');
        foreach (var f in fits)
            foreach (var p in f.Points())
                sb.Append(CultureInfo.InvariantCulture, $"{f.Catalogue.Name},\"{f.Catalogue.Work}\",{p.Model},{p.RMin:G6},{p.RMax:G6},{p.RMedian:G6},{p.N},")
                  .Append(CultureInfo.InvariantCulture, $"{p.Parameter},{Unit(p.Parameter)},{p.Value.Value:G6},{p.Value.ErrPlus:G6},{p.Value.ErrMinus:G6}\n");
        return sb.ToString();
    }

    static string Unit(string parameter) =>
        parameter.StartsWith("beta", StringComparison.Ordinal) || parameter == "p_mr" ? "1"
            : parameter.StartsWith("feh", StringComparison.Ordinal) ? "dex" : "km/s";
}

/// <summary>The literature stage of `halo reproduce`: the fits, what was skipped, and their cost (wall and this process's CPU time).</summary>
internal sealed record LiteratureResult(IReadOnlyList<LiteratureFit> Fits, IReadOnlyList<string> Notes, double WallSeconds, double CpuSeconds)
{
    /// <summary>Runs <see cref="LiteratureFits.Run"/> on <paramref name="externalDir"/> and writes tables/literature_fits.csv.</summary>
    public static LiteratureResult Run(string externalDir, StarTable? bhbStars, AnalysisSettings run, long selectionSeed, string tablesDir,
        IProgress<double>? progress)
    {
        var process = System.Diagnostics.Process.GetCurrentProcess();
        var cpu0 = process.TotalProcessorTime;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var notes = new List<string>();
        var fits = LiteratureFits.Run(externalDir, bhbStars, run, selectionSeed, progress, notes.Add);
        process.Refresh();
        var result = new LiteratureResult(fits, notes, clock.Elapsed.TotalSeconds, (process.TotalProcessorTime - cpu0).TotalSeconds);
        Directory.CreateDirectory(tablesDir);
        File.WriteAllText(Path.Combine(tablesDir, "literature_fits.csv"), LiteratureFits.ToCsv(fits));
        return result;
    }

    /// <summary>The folder `halo reproduce` reads when no --literature is given: $HALO_SHARED/data/external, else
    /// ../shared/data/external from the working directory; null when neither exists.</summary>
    internal static string? DefaultDirectory()
    {
        var shared = Environment.GetEnvironmentVariable("HALO_SHARED");
        foreach (var dir in new[] { shared is null ? null : Path.Combine(shared, "data", "external"), Path.Combine("..", "shared", "data", "external") })
            if (dir is not null && Directory.Exists(dir)) return Path.GetFullPath(dir);
        return null;
    }
}
