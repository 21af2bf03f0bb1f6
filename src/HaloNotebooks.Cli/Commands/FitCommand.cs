using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using HaloNotebooks.Analysis;
using HaloNotebooks.Catalogs;
using HaloNotebooks.Cli.Plumbing;
using HaloNotebooks.Inference;
using HaloNotebooks.Models;
using HaloNotebooks.Paper;
using HaloNotebooks.Pipeline;
using HaloNotebooks.Numerics;

namespace HaloNotebooks.Cli.Commands;

/// <summary>
/// `halo fit`: the MCMC fits of §3 on a table of stars (CSV, Parquet or FITS; `halo select` writes one). One fit of all
/// stars (optionally in --r-min..--r-max), or with --bins one fit per radial bin plus the all-stars row, written as one
/// JSON in the rows of Tables 1–3 — the same fits and seeds as `halo reproduce`, so the same numbers.
/// Columns are matched case-insensitively: v_r, v_phi, v_theta, feh, err_v_r, err_v_phi, err_v_theta, err_feh
/// (single, double) or l, b, v_r, err_v_r (dipole); r_gc for a radial range or bins.
/// </summary>
public sealed class FitCommand : ICliCommand
{
    static readonly string[] KinematicColumns = ["v_r", "v_phi", "v_theta", "feh", "err_v_r", "err_v_phi", "err_v_theta", "err_feh"];
    static readonly string[] DipoleColumns = ["l", "b", "v_r", "err_v_r"];

    /// <summary>§4.4: the dipole + contraction field is fitted to the stars at 50–120 kpc (Table 3's range).</summary>
    static readonly (double RMin, double RMax) DipoleRange = (RadialBins.PaperDipole.RMin, RadialBins.PaperDipole.RMax);

    public Command Build()
    {
        var input = new Option<string>("--input") { Description = "table of stars (.csv, .parquet, .fits), e.g. written by halo select", Required = true };
        var model = new Option<string>("--model") { Description = "single | double | dipole", Required = true };
        model.AcceptOnlyFromAmong([.. FitModel.All.Select(m => m.Name)]);
        var sampler = new SamplerOptions();
        var (walkers, steps, burn) = (sampler.Walkers, sampler.Steps, sampler.Burn);
        var seed = new Option<long>("--seed")
        {
            Description = $"random seed (default {Defaults.Seed}, as halo reproduce; same seed, same chain, any thread count)",
            DefaultValueFactory = _ => Defaults.Seed,
        };
        var threads = new Option<int?>("--threads") { Description = "threads (default: all cores)" };
        var output = new Option<string?>("--output") { Description = "summary JSON (default: printed to stdout); its folder is created" };
        var rMin = new Option<double?>("--r-min") { Description = "fit only stars with r_gc ≥ this [kpc] (dipole default: 50, §4.4)" };
        var rMax = new Option<double?>("--r-max") { Description = "fit only stars with r_gc < this [kpc] (dipole default: 120, §4.4)" };
        var chain = new Option<string?>("--chain")
        {
            Description = "also write the whole chain: .h5 (emcee's HDF5 backend layout, written every --flush-every steps while the fit runs) or " +
                ".csv (at the end); one fit, not with --bins",
        };
        var resume = new Option<string?>("--resume")
        {
            Description = "continue the .h5 chain a `--chain` run wrote (or left when killed) by --steps more steps, in the same file: the same " +
                "chain as one run of the total length (walkers and seed are the file's; give the same --input and --model)",
        };
        var flushEvery = new Option<int>("--flush-every")
        {
            Description = $"with an .h5 --chain or --resume: steps between two writes of the file (0: only at the end; a killed run loses at most " +
                $"this many; default {HdfChainBackend.DefaultFlushEvery})",
            DefaultValueFactory = _ => HdfChainBackend.DefaultFlushEvery,
        };
        var bins = new Option<string?>("--bins")
        {
            Description = "paper (Table 1's bins; Table 3's for dipole) or edges in kpc, e.g. 3,20,50,160: one fit per bin plus all stars, one " +
                "JSON in the tables' row format",
        };

        var cmd = new Command("fit", "Fit the single-, double-component or dipole model (§3) with the ensemble sampler and write a JSON summary");
        foreach (var o in new Option[] { input, model, walkers, steps, burn, seed, threads, output, chain, resume, flushEvery, rMin, rMax, bins })
            cmd.Options.Add(o);
        cmd.SetAction(parse => CommandErrors.Run("fit", () =>
        {
            var m = Check.Model(parse.GetValue(model)!);
            if (parse.GetValue(flushEvery) < 0) throw new UsageException($"--flush-every {parse.GetValue(flushEvery)}: need ≥ 0 (0: only at the end)");
            var continued = parse.GetValue(resume) is string r ? Resume(r, parse.GetValue(flushEvery), parse.GetValue(chain), parse.GetValue(bins)) : null;
            // A continued chain keeps its walkers and seed; --steps counts the steps to add (emcee's run_mcmc(None, n)).
            if (continued is not null && parse.GetResult(walkers) is { Implicit: false } && parse.GetValue(walkers) != continued.Walkers)
                throw new UsageException($"--walkers {parse.GetValue(walkers)}: the chain in --resume has {continued.Walkers} walkers; leave --walkers out");
            if (continued is not null && parse.GetResult(seed) is { Implicit: false } && parse.GetValue(seed) != continued.Seed)
                throw new UsageException($"--seed {parse.GetValue(seed)}: the chain in --resume was run with seed {continued.Seed}; leave --seed out");
            if (continued is not null && continued.Dimension != m.ParameterNames.Count)
                throw new UsageException($"--resume: the chain has {continued.Dimension} parameters, the {m} model {m.ParameterNames.Count}; give its --model");
            var settings = continued is null
                ? Check.Fit(parse.GetValue(walkers), parse.GetValue(steps), parse.GetValue(burn), parse.GetValue(seed), parse.GetValue(threads), m)
                : Check.Fit(continued.Walkers, continued.Iterations + parse.GetValue(steps), parse.GetValue(burn), continued.Seed!.Value,
                    parse.GetValue(threads), m) with { Chain = continued };
            double? lo = parse.GetValue(rMin), hi = parse.GetValue(rMax);
            Check.RadialRange(lo, hi);
            var radialBins = parse.GetValue(bins) is string b ? Check.Bins(b, m) : null;
            string path = Check.InputFile(parse.GetValue(input), "--input", "`halo select --output FILE` writes one");
            string? outFile = parse.GetValue(output) is string o ? Check.OutputFile(o, "--output") : null;
            string? chainFile = parse.GetValue(chain);
            if (chainFile is not null)
            {
                if (Path.GetExtension(chainFile).ToLowerInvariant() is not (".h5" or ".hdf5" or ".csv"))
                    throw new UsageException($"--chain {chainFile}: use .h5 (emcee's HDF5 layout) or .csv");
                if (radialBins is not null) throw new UsageException("--chain writes one fit's chain; it does not go with --bins");
                Check.OutputFile(chainFile, "--chain");
                // .h5: written while the fit runs, so a crash leaves the chain up to the last write.
                if (Path.GetExtension(chainFile).ToLowerInvariant() is ".h5" or ".hdf5")
                    settings = settings with { Chain = new HdfChainBackend(Path.GetFullPath(chainFile), parse.GetValue(flushEvery)) };
            }
            // JSON on stdout must stay parseable: progress lines then go to stderr.
            var log = outFile is null && !StageProgress.IsTerminal ? Console.Error : null;

            if (radialBins is not null)
            {
                var profile = RunBins(path, m, settings, radialBins, lo, hi, log);
                var table = m == FitModel.Single ? PaperTables.Table1(profile) : m == FitModel.Double ? PaperTables.Table2(profile)
                    : PaperTables.Table3(profile);
                string json = BinsJson(profile, table, settings);
                WarnAll(profile.Bins.Prepend(profile.AllStars).Select(f => (f.Bin.Label, f.Fit)));
                if (outFile is null) { Console.Out.WriteLine(json); return ExitCode.Ok; }
                File.WriteAllText(outFile, json + "\n");
                Console.Out.WriteLine(table.ToMarkdown());
                Console.Out.WriteLine($"written {Path.GetFullPath(outFile)} ({profile.Bins.Count + 1} fits, seeds as halo reproduce's)");
                return ExitCode.Ok;
            }

            var result = Run(path, m, settings, lo, hi, log);
            if (chainFile is not null && settings.Chain is null) result.SaveChain(Path.GetFullPath(chainFile));
            WarnAll([("all stars", result)]);
            if (outFile is null) { Console.Out.WriteLine(result.ToJson()); return ExitCode.Ok; }
            File.WriteAllText(outFile, result.ToJson() + "\n");
            Console.Out.WriteLine(result.ToString().Replace("; ", Environment.NewLine));
            Console.Out.WriteLine(FormattableString.Invariant($"acceptance {result.AcceptanceFraction:F3}, {result.WallTimeSeconds:F1} s; written ") +
                Path.GetFullPath(outFile));
            return ExitCode.Ok;
        }));
        return cmd;
    }

    /// <summary>`--resume FILE`: the chain to continue, checked at the door.</summary>
    static HdfChainBackend Resume(string path, int flushEvery, string? chain, string? bins)
    {
        if (chain is not null) throw new UsageException("--resume continues the chain in its own file; it does not go with --chain");
        if (bins is not null) throw new UsageException("--resume continues one fit's chain; it does not go with --bins");
        if (Path.GetExtension(path).ToLowerInvariant() is not (".h5" or ".hdf5"))
            throw new UsageException($"--resume {path}: give the .h5 chain a `halo fit --chain FILE.h5` run wrote");
        Check.InputFile(path, "--resume", "`halo fit --chain FILE.h5` writes one");
        try { return HdfChainBackend.Open(Path.GetFullPath(path), flushEvery); }
        catch (Exception e) when (e is InvalidDataException or IOException or ArgumentException or InvalidOperationException)
        {
            throw new InputException($"--resume {path}: {e.Message}");
        }
    }

    /// <summary>One fit of the stars in [rMin, rMax) (all stars without a range; §4.4's 50–120 kpc for the dipole).</summary>
    public static FitResult Run(string path, FitModel model, FitSettings settings, double? rMin = null, double? rMax = null, TextWriter? log = null)
    {
        var table = TableFile.Read(path);
        var cols = (model.FitsRadialVelocity ? DipoleColumns : KinematicColumns).Select(c => Column(table, c, path)).ToArray();
        bool[]? keep = null;
        if (model.FitsRadialVelocity && rMin is null && rMax is null)
        {
            if (Find(table, CanonicalColumns.RGc) is null)
                Terminal.Warn("fit", $"{path} has no r_gc column, so all its stars are fitted; §4.4 fits the dipole at " +
                    $"{DipoleRange.RMin:0}–{DipoleRange.RMax:0} kpc");
            else
            {
                (rMin, rMax) = DipoleRange;
                Console.Error.WriteLine($"halo fit: the dipole model is fitted at {DipoleRange.RMin:0}–{DipoleRange.RMax:0} kpc as in §4.4 (--r-min/--r-max " +
                    $"to change; select with --preset dipole for §4.4's sample)");
            }
        }
        if (rMin is not null || rMax is not null)
        {
            var r = Column(table, CanonicalColumns.RGc, path);
            double lo = rMin ?? 0, hi = rMax ?? double.PositiveInfinity;
            keep = r.Select(x => x >= lo && x < hi).ToArray();
        }
        int n = keep?.Count(k => k) ?? table.RowCount;
        if (n < 2) throw new InputException($"{path}: {n} stars in the radial range [{rMin ?? 0}, {rMax ?? double.PositiveInfinity}) kpc; nothing to fit");
        if (keep is not null) cols = cols.Select(c => c.Where((_, i) => keep[i]).ToArray()).ToArray();
        Func<FitSettings, FitResult> fit =
            model == FitModel.Single ? s => HaloFits.Single(Kinematic(cols), s)
            : model == FitModel.Double ? s => HaloFits.Double(Kinematic(cols), s)
            : s => HaloFits.Dipole(new RadialVelocitySample(cols[0], cols[1], cols[2], cols[3]), s);
        if (settings.Progress is not null) return fit(settings);
        string stage = $"{model} fit, {n:N0} stars";
        return StageProgress.Run("fit", [stage], progress =>
            fit(settings with { Progress = new SyncProgress<SamplerProgress>(p => progress.Report(stage, p.Iteration / (double)settings.Sampler.Steps)) }),
            log);
    }

    /// <summary>The all-stars fit and one fit per bin, seeded as
    /// <see cref="PaperAnalysis.Run(Selection.HaloSample, Selection.HaloSample, AnalysisSettings, AppendixInput?, IProgress{AnalysisProgress}?)"/> seeds
    /// them.</summary>
    public static RadialProfile RunBins(string path, FitModel model, FitSettings fit, RadialBins bins, double? rMin, double? rMax, TextWriter? log = null)
    {
        var table = TableFile.Read(path);
        var cols = (model.FitsRadialVelocity ? DipoleColumns : KinematicColumns).Select(c => Column(table, c, path)).ToArray();
        var r = Column(table, CanonicalColumns.RGc, path);
        bool paper = ReferenceEquals(bins, RadialBins.Paper) || ReferenceEquals(bins, RadialBins.PaperDipole);
        // Table 1/2's first row spans 3–160 kpc (§4.1), Table 3's the bins' 50–120 kpc; custom edges span themselves.
        var settings = new AnalysisSettings(MaxDegreeOfParallelism: fit.MaxDegreeOfParallelism,
            Bins: model.FitsRadialVelocity ? null : bins, DipoleBins: model.FitsRadialVelocity ? bins : null,
            RMin: rMin ?? (paper ? AnalysisSettings.Paper.RMin : bins.RMin), RMax: rMax ?? (paper ? AnalysisSettings.Paper.RMax : bins.RMax))
        {
            Sampler = fit.Sampler,
        };
        var kinematic = model.FitsRadialVelocity ? null : Kinematic(cols);
        var radial = model.FitsRadialVelocity ? new RadialVelocitySample(cols[0], cols[1], cols[2], cols[3]) : null;
        const string stage = "fits";
        return StageProgress.Run("fit", [stage], progress =>
            PaperAnalysis.FitProfile(model, kinematic, radial, r, settings,
                new SyncProgress<AnalysisProgress>(p => progress.Report(stage, p.Fraction, $"{p.FitsDone}/{p.FitsTotal} fits"))), log);
    }

    /// <summary>One JSON: the table's rows (summary.json's format) and each fit's full summary.</summary>
    static string BinsJson(RadialProfile profile, PaperTable table, FitSettings settings)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteString("model", profile.Model.Name);
            w.WriteNumber("table", table.Number);
            w.WriteStartObject("settings");
            w.WriteNumber("walkers", settings.Sampler.Walkers); w.WriteNumber("steps", settings.Sampler.Steps);
            w.WriteNumber("burn", settings.Sampler.Burn); w.WriteNumber("seed", settings.Sampler.Seed);
            w.WriteEndObject();
            w.WriteStartObject("rows");
            ReproductionReport.WriteTable(w, table);
            w.WriteEndObject();
            w.WriteStartArray("fits");
            foreach (var f in profile.Bins.Prepend(profile.AllStars))
            {
                w.WriteStartObject();
                w.WriteString("bin", f.Bin.Label);
                w.WriteNumber("seed", f.Seed);
                if (f.Fit is not null) { w.WritePropertyName("fit"); w.WriteRawValue(f.Fit.ToJson()); }
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>Every warning and note a fit carries, on the terminal (the JSON keeps them too).</summary>
    static void WarnAll(IEnumerable<(string Label, FitResult? Fit)> fits)
    {
        var list = fits.ToList();
        foreach (var w in FitWarnings.Warnings(list)) Terminal.Warn("fit", w);
        foreach (var n in FitWarnings.Notes(list)) Terminal.Note("fit", n);
    }

    static KinematicSample Kinematic(double[][] c) => new(c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]);

    static string? Find(StarTable table, string name) =>
        table.ColumnNames.FirstOrDefault(c => string.Equals(c, name, StringComparison.OrdinalIgnoreCase))
        // `halo select` writes the catalogue's canonical feh_err; accept it for err_feh so the two commands chain.
        ?? (name == "err_feh" ? table.ColumnNames.FirstOrDefault(c => string.Equals(c, CanonicalColumns.FehErr, StringComparison.OrdinalIgnoreCase)) : null);

    /// <summary>A column matched case-insensitively; a missing or non-finite value is an error naming file, row and
    /// column, and the command that writes such columns.</summary>
    static double[] Column(StarTable table, string name, string path)
    {
        var actual = Find(table, name)
            ?? throw new InputException($"{path}: no column '{name}' (table has: {Preview(table.ColumnNames)}); " +
                                        "Galactocentric velocities, their errors and r_gc come from `halo select` (or `halo transform`): " +
                                            "run it on the catalogue first");
        var values = table.GetDouble(actual);
        for (int i = 0; i < values.Length; i++)
            if (!double.IsFinite(values[i]))
                throw new CatalogException("value is missing or not finite; the fit needs every value", file: path, column: actual, row: i);
        return values;
    }

    static string Preview(IReadOnlyList<string> names) => names.Count <= 12 ? string.Join(", ", names) : string.Join(", ", names.Take(12)) +
        $", … ({names.Count} columns)";
}
