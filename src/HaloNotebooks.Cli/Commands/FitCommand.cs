using System.CommandLine;
using HaloNotebooks.Catalogs;
using HaloNotebooks.Inference;
using HaloNotebooks.Models;
using Spectre.Console;
using HaloNotebooks.Analysis;

namespace HaloNotebooks.Cli.Commands;

/// <summary>
/// `halo fit`: one MCMC fit of §3 on a table of stars (CSV, Parquet or FITS), written as the JSON of issue 4.
/// Columns are matched case-insensitively: v_r, v_phi, v_theta, feh, err_v_r, err_v_phi, err_v_theta, err_feh
/// (single, double) or l, b, v_r, err_v_r (dipole).
/// </summary>
public sealed class FitCommand : ICliCommand
{
    static readonly string[] KinematicColumns = ["v_r", "v_phi", "v_theta", "feh", "err_v_r", "err_v_phi", "err_v_theta", "err_feh"];
    static readonly string[] DipoleColumns = ["l", "b", "v_r", "err_v_r"];

    public Command Build()
    {
        var input = new Option<FileInfo>("--input") { Description = "table of stars (.csv, .parquet, .fits)", Required = true };
        var model = new Option<string>("--model") { Description = "single | double | dipole", Required = true };
        model.AcceptOnlyFromAmong("single", "double", "dipole");
        var walkers = new Option<int>("--walkers") { Description = "ensemble walkers", DefaultValueFactory = _ => 100 };
        var steps = new Option<int>("--steps") { Description = "steps per walker", DefaultValueFactory = _ => 1000 };
        var burn = new Option<int>("--burn") { Description = "steps discarded as burn-in", DefaultValueFactory = _ => 400 };
        var seed = new Option<long>("--seed") { Description = "random seed (same seed, same chain, any thread count)", DefaultValueFactory = _ => 1 };
        var threads = new Option<int?>("--threads") { Description = "threads (default: all cores)" };
        var output = new Option<FileInfo?>("--output") { Description = "summary JSON (default: printed to stdout)" };
        var chain = new Option<FileInfo?>("--chain") { Description = "also write the whole chain: .h5 (emcee's HDF5 backend layout) or .csv" };

        var cmd = new Command("fit", "Fit the single-, double-component or dipole model (§3) with the ensemble sampler and write a JSON summary");
        foreach (var o in new Option[] { input, model, walkers, steps, burn, seed, threads, output, chain }) cmd.Options.Add(o);
        cmd.SetAction(parse =>
        {
            try
            {
                var settings = new FitSettings(parse.GetValue(walkers), parse.GetValue(steps), parse.GetValue(burn), parse.GetValue(seed),
                                               parse.GetValue(threads));
                var chainFile = parse.GetValue(chain);
                if (chainFile is not null && chainFile.Extension.ToLowerInvariant() is not (".h5" or ".hdf5" or ".csv"))
                    throw new ArgumentException($"--chain {chainFile.Name}: use .h5 (emcee's HDF5 layout) or .csv");
                var result = Run(parse.GetValue(input)!.FullName, parse.GetValue(model)!, settings);
                if (chainFile is not null) result.SaveChain(chainFile.FullName);
                var json = result.ToJson();
                var outFile = parse.GetValue(output);
                if (outFile is null) Console.Out.WriteLine(json);
                else
                {
                    File.WriteAllText(outFile.FullName, json + "\n");
                    Console.Out.WriteLine(result.ToString().Replace("; ", Environment.NewLine));
                    Console.Out.WriteLine(FormattableString.Invariant($"acceptance {result.AcceptanceFraction:F3}, {result.WallTimeSeconds:F1} s; written {outFile.FullName}"));
                }
                return 0;
            }
            catch (Exception e) when (e is CatalogException or ArgumentException or IOException or InvalidOperationException)
            {
                Console.Error.WriteLine("halo fit: " + e.Message);
                return 1;
            }
        });
        return cmd;
    }

    /// <summary>Reads the table, runs the fit (with a progress bar on a terminal).</summary>
    public static FitResult Run(string path, string model, FitSettings settings)
    {
        var table = TableFile.Read(path);
        bool dipole = model == "dipole";
        var cols = (dipole ? DipoleColumns : KinematicColumns).Select(c => Column(table, c, path)).ToArray();
        Func<FitSettings, FitResult> fit = model switch
        {
            "single" => s => HaloFits.Single(Kinematic(cols), s),
            "double" => s => HaloFits.Double(Kinematic(cols), s),
            "dipole" => s => HaloFits.Dipole(new RadialVelocitySample(cols[0], cols[1], cols[2], cols[3]), s),
            _ => throw new ArgumentException($"unknown model '{model}' (single | double | dipole)"),
        };
        if (Console.IsOutputRedirected || settings.Progress is not null) return fit(settings);
        FitResult? result = null;
        AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .Start(ctx =>
            {
                var task = ctx.AddTask($"{model} fit, {table.RowCount} stars", maxValue: settings.Steps);
                result = fit(settings with { Progress = new BarProgress(task) });
                task.Value = settings.Steps;
            });
        return result!;
    }

    static KinematicSample Kinematic(double[][] c) => new(c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]);

    /// <summary>A column matched case-insensitively; a missing or non-finite value is an error naming file, row and column.</summary>
    static double[] Column(StarTable table, string name, string path)
    {
        // `halo select` writes the catalogue's canonical feh_err; accept it for err_feh so the two commands chain.
        var actual = table.ColumnNames.FirstOrDefault(c => string.Equals(c, name, StringComparison.OrdinalIgnoreCase))
            ?? (name == "err_feh" ? table.ColumnNames.FirstOrDefault(c => string.Equals(c, CanonicalColumns.FehErr, StringComparison.OrdinalIgnoreCase)) : null)
            ?? throw new CatalogException($"no such column (matched case-insensitively; table has: {string.Join(", ", table.ColumnNames)})", file: path, column: name);
        var values = table.GetDouble(actual);
        for (int i = 0; i < values.Length; i++)
            if (!double.IsFinite(values[i]))
                throw new CatalogException("value is missing or not finite; the fit needs every value", file: path, column: actual, row: i);
        return values;
    }

    sealed class BarProgress(ProgressTask task) : IProgress<SamplerProgress>
    {
        public void Report(SamplerProgress value) => task.Value = value.Step;
    }
}
