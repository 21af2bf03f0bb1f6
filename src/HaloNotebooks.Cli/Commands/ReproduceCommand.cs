using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using HaloNotebooks.Analysis;
using HaloNotebooks.Catalogs;
using HaloNotebooks.Mocks;
using HaloNotebooks.Selection;
using HaloNotebooks.Cli.Plumbing;
using Spectre.Console;
using HaloNotebooks.Pipeline;
using HaloNotebooks.Truth;
using HaloNotebooks.Numerics;

namespace HaloNotebooks.Cli.Commands;

/// <summary>
/// `halo reproduce`: the whole paper from one command — the default mock (generated if absent) or the user's
/// catalogue → §2.3 / §4.4 selections → every fit → figures → tables → results/index.html and results/summary.json.
/// Results are written into a hidden sibling folder and moved into place at the end, so an interrupted run leaves the
/// previous results untouched and nothing half-written.
/// </summary>
public sealed class ReproduceCommand : ICliCommand
{
    public Command Build()
    {
        var catalogue = new Option<string?>("--catalogue")
        {
            Description = "a DESI MWS-like FITS (RVTAB/FIBERMAP/GAIA) or a table with canonical columns; default: the mock in --mock",
        };
        var distances = new Option<string?>("--distances")
        {
            Description = "distance catalogue joined on TARGETID (DIST, DIST_ERR) or targetid (distance, distance_err)",
        };
        var distanceColumns = SelectCommand.DistanceColumnsOption();
        var substructures = new Option<string[]>("--substructures")
        {
            Description = "substructure list(s) to mask (repeatable): the mock's substructures.csv, an LVDB folder, Baumgardt & Vasiliev tables",
            AllowMultipleArgumentsPerToken = false,
        };
        var sampler = new SamplerOptions();
        var (walkers, steps, burn) = (sampler.Walkers, sampler.Steps, sampler.Burn);
        var seed = new Option<long>("--seed")
        {
            Description = $"master seed of the fits and of the Monte-Carlo velocity errors (default {Defaults.Seed}); the same seed gives identical tables",
            DefaultValueFactory = _ => Defaults.Seed,
        };
        var set = new Option<string[]>("--set")
        {
            Description = "what-if: change a cut of both selections, Name=value (repeatable), e.g. --set FehMax=-1.0; `halo select --list-cuts` lists the " +
                "names. The report states the changes at the top",
            AllowMultipleArgumentsPerToken = false,
        };
        var preset = new Option<string>("--preset")
        {
            Description = "selection of Tables 1-2: paper (§2.3) or dipole (§4.4's error limits); Table 3 always uses §4.4's",
            DefaultValueFactory = _ => "paper",
        };
        var output = new Option<string>("--output")
        {
            Description = "results folder (replaced at the end of a successful run)",
            DefaultValueFactory = _ => "results",
        };
        var mock = new Option<string>("--mock")
        {
            Description = "folder of the default mock (generated there when absent)",
            DefaultValueFactory = _ => MockCatalog.DefaultDirectory,
        };
        var threads = new Option<int?>("--threads") { Description = "fits run at once (default: all cores; the results do not depend on it)" };
        var appendixStars = new Option<int>("--appendix-stars")
        {
            Description = "about how many stars of the calibrated default mock each Appendix A distance-error level fits (Fig. 10; the inner bins " +
                "are thinned, the outer ones kept whole); 0 skips it",
            DefaultValueFactory = _ => AppendixCalibratedMock.DefaultStars,
        };
        var noPng = new Option<bool>("--no-png") { Description = "write HTML figures only, even when Chromium is installed" };
        var noCache = new Option<bool>("--no-cache") { Description = "refit everything instead of reading fits done before from the fit cache " +
            "(`halo cache info`; HALO_CACHE=off does the same)" };
        var bhb = new Option<string?>("--bhb")
        {
            Description = "the DESI DR1 BHB stars of Byström et al. (2025), Bystrom_2025_BHB.csv: adds their dipole fit (§3.2) to the " +
                "report and to Figs. 6, 8, 9 (default: desi_dr1_bhb_bystrom2025/Bystrom_2025_BHB.csv in the --literature folder when " +
                "present; none: skip)",
        };
        var mockTruth = new Option<bool>("--mock-truth")
        {
            Description = "on the default mock, also compare with the truth of this realisation from re-observed replicas (separates realisation noise from " +
                "pipeline bias; about a fifth more CPU time)",
        };
        var literature = new Option<string?>("--literature")
        {
            Description = "folder of the public comparison catalogues (lamost_dr5_kgiants_halo/, segue_bhb_xue2011/, …): fitted in Table 1's bins into " +
                "tables/literature_fits.csv and Figs. 2, 5 (default: $HALO_SHARED/data/external or ../shared/data/external when present; none: skip)",
        };
        var command = new Command("reproduce", "Reproduce every table and figure of the paper and report how close each number is to the paper's");
        foreach (var o in new Option[] { catalogue, distances, distanceColumns, substructures, walkers, steps, burn, seed, set, preset, output, mock, threads,
            appendixStars, noPng, bhb, mockTruth, literature, noCache }) command.Options.Add(o);
        command.SetAction(parse => Execute(new ReproduceOptions(
            parse.GetValue(catalogue), parse.GetValue(distances), parse.GetValue(substructures) ?? [],
            parse.GetValue(walkers), parse.GetValue(steps), parse.GetValue(burn), parse.GetValue(seed),
            parse.GetValue(output)!, parse.GetValue(mock)!, parse.GetValue(threads), !parse.GetValue(noPng), parse.GetValue(appendixStars),
            parse.GetValue(set) ?? [], parse.GetValue(preset))
            {
                DistanceColumns = parse.GetValue(distanceColumns), Bhb = parse.GetValue(bhb), MockTruth = parse.GetValue(mockTruth),
                Literature = parse.GetValue(literature), NoCache = parse.GetValue(noCache),
            }));
        return command;
    }

    internal sealed record ReproduceOptions(string? Catalogue, string? Distances, string[] Substructures, int Walkers, int Steps, int Burn,
        long Seed, string Output, string MockDirectory, int? Threads, bool Png, int AppendixStars, string[]? Set = null, string? Preset = null,
        TextWriter? Log = null)
    {
        /// <summary><c>--distance-columns ID,DIST,DIST_ERR</c> of the distance catalogue (null: detected from the file).</summary>
        public string? DistanceColumns { get; init; }

        /// <summary><c>--bhb PATH</c>: the DESI DR1 BHB table (Catalogs.DesiBhbStars); null: the literature folder's copy
        /// when present; "none": skip.</summary>
        public string? Bhb { get; init; }

        /// <summary>The BHB table in effect, or null.</summary>
        public string? BhbFile => Bhb switch
        {
            "none" => null,
            null => LiteratureDirectory is string dir && File.Exists(Path.Combine(dir, DefaultBhbFile)) ? Path.Combine(dir, DefaultBhbFile) : null,
            _ => Bhb,
        };

        /// <summary>Where the shared catalogues keep Byström et al.'s table, relative to the literature folder.</summary>
        internal static readonly string DefaultBhbFile = Path.Combine("desi_dr1_bhb_bystrom2025", "Bystrom_2025_BHB.csv");

        /// <summary><c>--mock-truth</c>: the re-observed replicas' truth of Tables 1–3 (default mock only).</summary>
        public bool MockTruth { get; init; }

        /// <summary><c>--literature DIR</c> (null: the default folder when present; "none": skip).</summary>
        public string? Literature { get; init; }

        /// <summary>The literature folder in effect, or null.</summary>
        public string? LiteratureDirectory => Literature is "none" ? null : Literature ?? HaloNotebooks.Literature.LiteratureResult.DefaultDirectory();

        /// <summary><c>--no-cache</c>: every fit computed, none read from the fit cache (Analysis.FitCache).</summary>
        public bool NoCache { get; init; }
    }

    internal static int Execute(ReproduceOptions o) => CommandErrors.Run("reproduce", () =>
    {
        // Every option is checked before any work (a wrong --walkers used to surface after the selection, ~10 s in).
        if (o.Catalogue is null && (o.Distances is not null || o.Substructures.Length > 0))
            throw new UsageException("--distances and --substructures go with --catalogue; without it the default mock is used");
        if (o.DistanceColumns is not null && o.Distances is null) throw new UsageException("--distance-columns goes with --distances");
        try { SelectCommand.DistanceColumnsOf(o.DistanceColumns); }
        catch (ArgumentException e) { throw new UsageException(e.Message); }
        if (o.MockTruth && o.Catalogue is not null) throw new UsageException("--mock-truth goes with the default mock; a --catalogue has no truth");
        if (o.AppendixStars < 0) throw new UsageException($"--appendix-stars {o.AppendixStars}: must be 0 or more");
        var analysis = Check.Analysis(o.Walkers, o.Steps, o.Burn, o.Seed, o.Threads);
        var selection = SelectCommand.Settings(o.Preset, o.Set ?? [], o.Seed);
        var dipoleSelection = SelectCommand.Settings("dipole", o.Set ?? [], o.Seed);
        if (o.Catalogue is not null)
        {
            Check.InputFile(o.Catalogue, "--catalogue");
            if (o.Distances is not null) Check.InputFile(o.Distances, "--distances");
            foreach (var sub in o.Substructures) Check.InputPath(sub, "--substructures");
        }
        if (o.Bhb is not null and not "none") Check.InputFile(o.Bhb, "--bhb");
        if (o.Literature is not null and not "none") Check.InputPath(o.Literature, "--literature");
        Check.OutputFolder(Path.GetDirectoryName(Path.GetFullPath(o.Output)) ?? ".", "--output");
        if (File.Exists(o.Output)) throw new InputException($"--output {o.Output}: is a file, not a results folder");
        if (o.Catalogue is null) Check.OutputFolder(o.MockDirectory, "--mock");
        // Only the fits drawn as corner plots (and Eq. 7's dipole fits) keep their chains: ≈ 1 GB less at the paper's settings.
        return CacheCommand.WithCache(o.NoCache, () => Run(o, analysis with { KeepBinSamples = false }, selection, dipoleSelection));
    });

    static int Run(ReproduceOptions o, AnalysisSettings analysis, SelectionSettings selection, SelectionSettings dipoleSelection)
    {
        using var folder = ResultsFolder.Begin(o.Output);
        string output = folder.Output;
        {
            var distanceColumns = SelectCommand.DistanceColumnsOf(o.DistanceColumns);

            var earlier = new List<(string Stage, double Seconds)>();
            var warnings = new List<string>();
            // Every stage Reproduction.Run reports, in its order, so the counter reads [k/N] with one N throughout.
            var stages = ReproductionStages.For(o.Catalogue is null,
                o.AppendixStars > 0 && (o.Catalogue is null || MockCatalog.IsCurrent(o.MockDirectory)),
                o.BhbFile is not null, o.LiteratureDirectory is not null, o.Catalogue is null && o.MockTruth);
            var report = StageProgress.Run("reproduce", stages, progress =>
                {
                    void Report(string stage, double fraction, string detail = "") => progress.Report(stage, fraction, detail);
                    var clock = Stopwatch.StartNew();

                    string catalogue, input;
                    string? distances;
                    string[] subPaths;
                    StarTable? truth = null;
                    if (o.Catalogue is null)
                    {
                        string dir = o.MockDirectory;
                        bool present = MockCatalog.IsCurrent(dir);
                        Report(ReproductionStages.DefaultMock, 0);
                        MockCatalog.EnsureDefault(dir, new SyncProgress<double>(f => Report(ReproductionStages.DefaultMock, f)));
                        Report(ReproductionStages.DefaultMock, 1);
                        earlier.Add((present ? "mock (found)" : "mock (generated)", clock.Elapsed.TotalSeconds));
                        catalogue = Path.Combine(dir, MockCatalog.CatalogueFile);
                        distances = Path.Combine(dir, MockCatalog.DistancesFile);
                        subPaths = [Path.Combine(dir, MockCatalog.SubstructuresFile)];
                        input = $"the default mock in {dir}";
                    }
                    else
                    {
                        (catalogue, distances, subPaths) = (o.Catalogue, o.Distances, o.Substructures);
                        input = o.Catalogue + (o.Distances is null ? "" : " with distances " + o.Distances);
                    }

                    clock.Restart();
                    Report(ReproductionStages.ReadCatalogue, 0);
                    // The default mock is read whole once (its truth stage re-observes every row); a user's catalogue
                    // streams through each selection in row chunks, so memory grows with the survivors.
                    // The mock's truth (Parquet) is decoded on the second core while the catalogue (FITS) is read.
                    var truthRead = o.Catalogue is null ? Task.Run(() => ParquetTable.Read(Path.Combine(o.MockDirectory, MockCatalog.TruthFile))) : null;
                    var stars = o.Catalogue is null ? CatalogueChunks.FromTable(CatalogueOpener.Read(catalogue, distances, distanceColumns))
                        : CatalogueOpener.Open(catalogue, distances, distanceColumns);
                    var subs = subPaths.Length == 0 ? null : SubstructureCatalog.Combine(subPaths.Select(SubstructureCatalog.Read).ToArray());
                    if (truthRead is not null)
                    {
                        try { truth = truthRead.GetAwaiter().GetResult(); }
                        catch (CatalogException e)
                        {
                            warnings.Add("the mock's truth could not be read, so the tables are compared with the paper only: " + e.Message);
                        }
                    }
                    var bhbStars = o.BhbFile is null ? null : DesiBhbStars.Read(o.BhbFile);
                    Report(ReproductionStages.ReadCatalogue, 1);
                    earlier.Add(("read", clock.Elapsed.TotalSeconds));

                    var settings = new ReproductionSettings(analysis, o.Seed, input,
                    [
                        ("preset", o.Preset ?? "paper"),
                        ("catalogue", catalogue), ("distances", distances ?? "(in the catalogue)"),
                        ("distance_columns", distanceColumns?.ToString() ?? "(detected)"), ("substructures", string.Join("; ", subPaths)),
                        ("bhb", o.BhbFile ?? "(none)"), ("literature", o.LiteratureDirectory ?? "(none)"),
                        ("walkers", o.Walkers), ("steps", o.Steps), ("burn", o.Burn), ("seed", o.Seed),
                        ("radial_bins_kpc", analysis.RadialBins.ToString()), ("dipole_bins_kpc", analysis.DipoleRadialBins.ToString()),
                        ("sky_map_nside", analysis.SkyMapNside), ("sky_map_min_stars", analysis.SkyMapMinStars),
                        ("appendix_a_stars", o.AppendixStars),
                        ("appendix_a_distance_errors",
                            string.Join(", ", analysis.DistanceErrors.Select(e => e.ToString("0.##", CultureInfo.InvariantCulture)))),
                        ("threads", o.Threads?.ToString(CultureInfo.InvariantCulture) ?? "all cores"), ("png", o.Png), ("mock_truth", o.MockTruth),
                        ("output", output),
                        ("started_utc", DateTime.UtcNow.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)),
                    ], o.Png, o.AppendixStars, Selection: selection, DipoleSelection: dipoleSelection,
                        MockTruth: o.MockTruth) { LiteratureDirectory = o.LiteratureDirectory, AppendixSource = AppendixSource(o, warnings) };
                    return Reproduction.Run(stars, subs, truth, settings, folder.Partial,
                        new SyncProgress<ReproductionProgress>(p => Report(p.Stage, p.Fraction, p.Detail)), earlier, CatalogueChunks.DefaultChunkRows,
                        bhbStars);
                }, o.Log);

            folder.Commit();
            foreach (var w in warnings.Concat(FitWarnings.Warnings(Fits(report.Results)))) Terminal.Warn("reproduce", w);
            foreach (var n in FitWarnings.Notes(Fits(report.Results))) Terminal.Note("reproduce", n);
            if (report.SelectionChanges.Count > 0) AnsiConsole.MarkupLine($"[bold]what-if:[/] {Markup.Escape(string.Join("; ", report.SelectionChanges))}");
            foreach (var c in report.Results.CompareWithPaper()) AnsiConsole.WriteLine(c.Summary);
            foreach (var c in report.TruthComparisons) AnsiConsole.WriteLine(c.Summary);
            if (report.Bhb is not null) AnsiConsole.WriteLine(report.Bhb.ToString());
            double total = report.Timings.FirstOrDefault(t => t.Stage == "total").Seconds;
            AnsiConsole.MarkupLine($"wrote [bold]{Markup.Escape(Path.Combine(output, "index.html"))}[/] and summary.json in " +
                $"{total.ToString("F0", CultureInfo.InvariantCulture)} s");
            return 0;
        }
    }

    /// <summary>Appendix A runs on the calibrated default mock: with --catalogue, the one in --mock when present (else skipped, said).</summary>
    static (StarTable, StarTable, SubstructureCatalog?)? AppendixSource(ReproduceOptions o, List<string> warnings)
    {
        if (o.Catalogue is null || o.AppendixStars == 0) return null;
        if (!MockCatalog.IsCurrent(o.MockDirectory))
        {
            warnings.Add($"Appendix A skipped: it runs on the default mock, not found in {o.MockDirectory} (`halo mock` writes it)");
            return null;
        }
        string dir = o.MockDirectory;
        return (CatalogueOpener.Read(Path.Combine(dir, MockCatalog.CatalogueFile), Path.Combine(dir, MockCatalog.DistancesFile), null),
            ParquetTable.Read(Path.Combine(dir, MockCatalog.TruthFile)), SubstructureCatalog.Read(Path.Combine(dir, MockCatalog.SubstructuresFile)));
    }

    /// <summary>Every fit of Tables 1–3 with its label, for the terminal's warnings and notes.</summary>
    static List<(string Label, Inference.FitResult? Fit)> Fits(AnalysisResults results) =>
        new[] { ("Table 1", results.Single), ("Table 2", results.Double), ("Table 3", results.Dipole) }
            .SelectMany(t => t.Item2.Bins.Prepend(t.Item2.AllStars).Select(b => ($"{t.Item1} {b.Bin.Label}", b.Fit))).ToList();
}
