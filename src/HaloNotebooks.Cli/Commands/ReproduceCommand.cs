using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using HaloNotebooks.Analysis;
using HaloNotebooks.Catalogs;
using HaloNotebooks.Mocks;
using HaloNotebooks.Selection;
using Spectre.Console;
using HaloNotebooks.Pipeline;

namespace HaloNotebooks.Cli.Commands;

/// <summary>
/// `halo reproduce`: the whole paper from one command (issue 11) — the default mock (generated if absent) or the user's
/// catalogue → §2.3 / §4.4 selections → every fit → figures → tables → results/index.html and results/summary.json.
/// Results are written into a hidden sibling folder and moved into place at the end, so an interrupted run leaves the
/// previous results untouched and nothing half-written.
/// </summary>
public sealed class ReproduceCommand : ICliCommand
{
    public Command Build()
    {
        var catalogue = new Option<string?>("--catalogue") { Description = "a DESI MWS-like FITS (RVTAB/FIBERMAP/GAIA) or a table with canonical columns; default: the mock in --mock" };
        var distances = new Option<string?>("--distances") { Description = "distance catalogue joined on TARGETID (DIST, DIST_ERR) or targetid (distance, distance_err)" };
        var distanceColumns = SelectCommand.DistanceColumnsOption();
        var substructures = new Option<string[]>("--substructures") { Description = "substructure list(s) to mask (repeatable): the mock's substructures.csv, an LVDB folder, Baumgardt & Vasiliev tables", AllowMultipleArgumentsPerToken = false };
        var walkers = new Option<int>("--walkers") { Description = "ensemble walkers per fit (paper: 100)", DefaultValueFactory = _ => 100 };
        var steps = new Option<int>("--steps") { Description = "steps per walker (paper: 1000)", DefaultValueFactory = _ => 1000 };
        var burn = new Option<int>("--burn") { Description = "burn-in steps discarded (paper: 400)", DefaultValueFactory = _ => 400 };
        var seed = new Option<long>("--seed") { Description = "master seed of the fits and of the Monte-Carlo velocity errors; the same seed gives identical tables", DefaultValueFactory = _ => 1 };
        var output = new Option<string>("--output") { Description = "results folder (replaced at the end of a successful run)", DefaultValueFactory = _ => "results" };
        var mock = new Option<string>("--mock") { Description = "folder of the default mock (generated there when absent)", DefaultValueFactory = _ => MockCatalog.DefaultDirectory };
        var threads = new Option<int?>("--threads") { Description = "fits run at once (default: all cores; the results do not depend on it)" };
        var appendixStars = new Option<int>("--appendix-stars") { Description = "stars drawn for the Appendix A mock (distance-error test, Fig. 10); 0 skips it", DefaultValueFactory = _ => 30_000 };
        var noPng = new Option<bool>("--no-png") { Description = "write HTML figures only, even when Chromium is installed" };
        var command = new Command("reproduce", "Reproduce every table and figure of the paper and report how close each number is to the paper's");
        foreach (var o in new Option[] { catalogue, distances, distanceColumns, substructures, walkers, steps, burn, seed, output, mock, threads, appendixStars, noPng }) command.Options.Add(o);
        command.SetAction(parse => Execute(new ReproduceOptions(
            parse.GetValue(catalogue), parse.GetValue(distances), parse.GetValue(substructures) ?? [],
            parse.GetValue(walkers), parse.GetValue(steps), parse.GetValue(burn), parse.GetValue(seed),
            parse.GetValue(output)!, parse.GetValue(mock)!, parse.GetValue(threads), !parse.GetValue(noPng), parse.GetValue(appendixStars))
            { DistanceColumns = parse.GetValue(distanceColumns) }));
        return command;
    }

    internal sealed record ReproduceOptions(string? Catalogue, string? Distances, string[] Substructures, int Walkers, int Steps, int Burn,
        long Seed, string Output, string MockDirectory, int? Threads, bool Png, int AppendixStars)
    {
        /// <summary><c>--distance-columns ID,DIST,DIST_ERR</c> of the distance catalogue (null: detected from the file).</summary>
        public string? DistanceColumns { get; init; }
    }

    internal static int Execute(ReproduceOptions o)
    {
        string output = Path.GetFullPath(o.Output);
        string parent = Path.GetDirectoryName(output) ?? ".";
        string name = Path.GetFileName(output);
        string partial = Path.Combine(parent, $".{name}.partial-{Environment.ProcessId}");
        ConsoleCancelEventHandler onCancel = (_, _) => TryDelete(partial);
        Console.CancelKeyPress += onCancel;
        try
        {
            if (o.Catalogue is null && (o.Distances is not null || o.Substructures.Length > 0))
                throw new ArgumentException("--distances and --substructures go with --catalogue; without it the default mock is used");
            if (o.DistanceColumns is not null && o.Distances is null) throw new ArgumentException("--distance-columns goes with --distances");
            var distanceColumns = SelectCommand.DistanceColumnsOf(o.DistanceColumns);
            if (o.AppendixStars < 0) throw new ArgumentException($"--appendix-stars must be 0 or more, got {o.AppendixStars}");
            var analysis = new AnalysisSettings(o.Walkers, o.Steps, o.Burn, o.Seed, MaxDegreeOfParallelism: o.Threads).Validate();
            Directory.CreateDirectory(parent);
            RemoveStalePartials(parent, name);
            TryDelete(partial);

            var earlier = new List<(string Stage, double Seconds)>();
            var warnings = new List<string>();
            ReproductionReport? report = null;
            AnsiConsole.Progress()
                .AutoClear(false)
                .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
                .Start(ctx =>
                {
                    var tasks = new Dictionary<string, ProgressTask>();
                    ProgressTask Task(string stage)
                    {
                        lock (tasks)
                        {
                            if (!tasks.TryGetValue(stage, out var t)) tasks[stage] = t = ctx.AddTask(Markup.Escape(stage), maxValue: 1.0);
                            return t;
                        }
                    }
                    void Report(string stage, double fraction) { var t = Task(stage); t.Value = Math.Clamp(fraction, 0, 1); if (fraction >= 1) t.StopTask(); }
                    var clock = Stopwatch.StartNew();

                    string catalogue, input;
                    string? distances;
                    string[] subPaths;
                    StarTable? truth = null;
                    if (o.Catalogue is null)
                    {
                        string dir = o.MockDirectory;
                        bool present = File.Exists(Path.Combine(dir, MockCatalog.CatalogueFile));
                        Report("default mock", 0);
                        MockCatalog.EnsureDefault(dir, new Forward<double>(f => Report("default mock", f)));
                        Report("default mock", 1);
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
                    Report("read catalogue", 0);
                    var stars = SelectCommand.ReadCatalogue(catalogue, distances, distanceColumns);
                    var subs = subPaths.Length == 0 ? null : SubstructureCatalog.Combine(subPaths.Select(SubstructureCatalog.Read).ToArray());
                    if (o.Catalogue is null)
                    {
                        try { truth = ParquetTable.Read(Path.Combine(o.MockDirectory, MockCatalog.TruthFile)); }
                        catch (CatalogException e) { warnings.Add("the mock's truth could not be read, so the tables are compared with the paper only: " + e.Message); }
                    }
                    Report("read catalogue", 1);
                    earlier.Add(("read", clock.Elapsed.TotalSeconds));

                    var settings = new ReproductionSettings(analysis, o.Seed, input,
                    [
                        ("catalogue", catalogue), ("distances", distances ?? "(in the catalogue)"), ("distance_columns", distanceColumns?.ToString() ?? "(detected)"), ("substructures", string.Join("; ", subPaths)),
                        ("walkers", o.Walkers), ("steps", o.Steps), ("burn", o.Burn), ("seed", o.Seed),
                        ("radial_bins_kpc", analysis.RadialBins.ToString()), ("dipole_bins_kpc", analysis.DipoleRadialBins.ToString()),
                        ("sky_map_nside", analysis.SkyMapNside), ("sky_map_min_stars", analysis.SkyMapMinStars),
                        ("appendix_a_stars", o.AppendixStars), ("appendix_a_distance_errors", string.Join(", ", analysis.DistanceErrors.Select(e => e.ToString("0.##", CultureInfo.InvariantCulture)))),
                        ("threads", o.Threads?.ToString(CultureInfo.InvariantCulture) ?? "all cores"), ("png", o.Png), ("output", output),
                        ("started_utc", DateTime.UtcNow.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)),
                    ], o.Png, o.AppendixStars);
                    report = Reproduction.Run(stars, subs, truth, settings, partial,
                        new Forward<ReproductionProgress>(p => Report(p.Stage, p.Fraction)), earlier);
                });

            MoveIntoPlace(partial, output);
            foreach (var w in warnings) Console.Error.WriteLine("halo reproduce: warning: " + w);
            foreach (var c in report!.Results.CompareWithPaper()) AnsiConsole.WriteLine(c.Summary);
            foreach (var c in report.TruthComparisons) AnsiConsole.WriteLine(c.Summary);
            double total = report.Timings.FirstOrDefault(t => t.Stage == "total").Seconds;
            AnsiConsole.MarkupLine($"wrote [bold]{Markup.Escape(Path.Combine(output, "index.html"))}[/] and summary.json in {total.ToString("F0", CultureInfo.InvariantCulture)} s");
            return 0;
        }
        catch (Exception e) when (e is ArgumentException or CatalogException or IOException or FormatException or UnauthorizedAccessException or InvalidOperationException)
        {
            TryDelete(partial);
            Console.Error.WriteLine("halo reproduce: " + e.Message);
            return 2;
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
        }
    }

    /// <summary>Replaces <paramref name="output"/> by the finished <paramref name="partial"/> folder (two renames).</summary>
    static void MoveIntoPlace(string partial, string output)
    {
        string? old = null;
        if (Directory.Exists(output))
        {
            old = output + $".old-{Environment.ProcessId}";
            TryDelete(old);
            Directory.Move(output, old);
        }
        else if (File.Exists(output)) throw new IOException($"{output} exists and is a file, not a results folder");
        Directory.Move(partial, output);
        if (old is not null) TryDelete(old);
    }

    /// <summary>Partial folders of earlier runs that were killed (their process is gone).</summary>
    static void RemoveStalePartials(string parent, string name)
    {
        foreach (var dir in Directory.EnumerateDirectories(parent, $".{name}.partial-*"))
        {
            var suffix = dir[(dir.LastIndexOf('-') + 1)..];
            if (!int.TryParse(suffix, NumberStyles.None, CultureInfo.InvariantCulture, out int pid) || pid == Environment.ProcessId) continue;
            bool alive;
            try { using var p = Process.GetProcessById(pid); alive = !p.HasExited; } catch (ArgumentException) { alive = false; }
            if (!alive) TryDelete(dir);
        }
    }

    static void TryDelete(string dir)
    {
        try { if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }

    /// <summary>Reports on the calling thread (System.Progress would post to a synchronisation context).</summary>
    sealed class Forward<T>(Action<T> action) : IProgress<T>
    {
        public void Report(T value) => action(value);
    }
}
