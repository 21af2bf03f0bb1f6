using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using HaloNotebooks.Cli.Plumbing;
using HaloNotebooks.Mocks;
using HaloNotebooks.Pipeline;
using HaloNotebooks.Truth;

namespace HaloNotebooks.Cli.Commands;

/// <summary>
/// `halo mock [--seed 42] [--scale 1.0] [--output data/mock/]`: writes the DESI-like mock catalogue:
/// mwsall-mock.fits, distances-mock.fits, substructures.csv and truth.parquet.
/// </summary>
public sealed class MockCommand : ICliCommand
{
    public Command Build()
    {
        var seed = new Option<long>("--seed")
        {
            Description = "seed that names the catalogue (42 is the default mock every command reads; not the analysis seed, which defaults to 1); the same " +
                "seed writes the same files byte for byte",
            DefaultValueFactory = _ => 42,
        };
        var scale = new Option<double>("--scale")
        {
            Description = "fraction of the paper-size catalogue (1.0 ≈ 440k stars, 64.6k after the §2.3 selection; 0.05 for a quick test mock)",
            DefaultValueFactory = _ => 1.0,
        };
        var output = new Option<string>("--output")
        {
            Description = "folder to write the four files into",
            DefaultValueFactory = _ => MockCatalog.DefaultDirectory,
        };
        var threads = new Option<int?>("--threads") { Description = "worker threads (default: all cores; the output does not depend on it)" };
        var command =
            new Command("mock", "Write the DESI-like mock catalogue of the stellar halo forward-modelled from the paper (the project's default data)");
        command.Options.Add(seed);
        command.Options.Add(scale);
        command.Options.Add(output);
        command.Options.Add(threads);
        command.Subcommands.Add(Calibrate());
        command.SetAction(parse => CommandErrors.Run("mock", () =>
        {
            var settings = new MockSettings(parse.GetValue(seed), parse.GetValue(scale)) { MaxDegreeOfParallelism = parse.GetValue(threads) };
            string dir = parse.GetValue(output)!;
            try { settings.Validate(); }
            catch (ArgumentException e)
            {
                throw new UsageException(e.Message.Replace("MockSettings.Scale", "--scale")
                    .Replace("MockSettings.MaxDegreeOfParallelism", "--threads").TrimEnd('.'));
            }
            Check.OutputFolder(dir, "--output");
            var watch = Stopwatch.StartNew();
            var mock = MockCatalog.Generate(settings);
            mock.Write(dir);
            var survive = mock.Truth.GetString("forecast_cut").Count(c => c == "none");
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"wrote {mock.Catalogue.RowCount:N0} rows, {mock.Truth.RowCount:N0} stars ({survive:N0} forecast to pass the §2.3 selection) to " +
                    $"{Path.GetFullPath(dir)} in {watch.Elapsed.TotalSeconds:F1} s: {MockCatalog.CatalogueFile}, {MockCatalog.DistancesFile}, " +
                    $"{MockCatalog.SubstructuresFile}, {MockCatalog.TruthFile}"));
            return ExitCode.Ok;
        }));
        return command;
    }

    /// <summary>`halo mock calibrate`: the forward-model inversion that writes data/reference/mock_calibrated_halo.{csv,md}.</summary>
    static Command Calibrate()
    {
        var defaults = new MockCalibrationSettings();
        var iterations = new Option<int>("--iterations")
        {
            Description = "fixed-point steps, each on a fresh mock",
            DefaultValueFactory = _ => defaults.Iterations,
        };
        var average = new Option<int>("--average")
        {
            Description = "average the inputs of the last N steps (noise of one mock / √N)",
            DefaultValueFactory = _ => defaults.Averaged,
        };
        var scale = new Option<double>("--scale")
        {
            Description = "mock scale of every step (1 = the paper's counts)",
            DefaultValueFactory = _ => defaults.Scale,
        };
        var seed = new Option<long>("--seed") { Description = "base seed: step i draws the mock with seed + i − 1", DefaultValueFactory = _ => defaults.Seed };
        var minStars = new Option<int>("--min-stars")
        {
            Description = "bins with fewer stars in Table 1 keep Table 2's values",
            DefaultValueFactory = _ => defaults.MinStars,
        };
        var output = new Option<string>("--output")
        {
            Description = "folder for mock_calibrated_halo.csv and its provenance .md",
            DefaultValueFactory = _ => "data/reference",
        };
        var start = new Option<string?>("--start")
        {
            Description = "halo-input CSV to start from (e.g. an earlier mock_calibrated_halo.csv; default: Table 2)",
        };
        var threads = new Option<int?>("--threads") { Description = "worker threads (default: all cores; the result does not depend on it)" };
        var command = new Command("calibrate", "Find the halo inputs for which the paper's selection and fits return Table 2 on the mock (writes " +
            "mock_calibrated_halo.csv + .md)");
        foreach (var o in new Option[] { iterations, average, scale, seed, minStars, output, start, threads }) command.Options.Add(o);
        command.SetAction(parse =>
        {
            var settings = new MockCalibrationSettings(parse.GetValue(iterations), parse.GetValue(average), parse.GetValue(scale),
                parse.GetValue(seed), parse.GetValue(minStars))
                { MaxDegreeOfParallelism = parse.GetValue(threads), Start = parse.GetValue(start) ?? "Table 2" };
            string dir = parse.GetValue(output)!;
            try
            {
                string csv = MockCalibration.RunAndWrite(parse.GetValue(start), dir, settings, new Progress<string>(Console.WriteLine));
                string md = Path.ChangeExtension(csv, ".md");
                Console.WriteLine($"wrote {Path.GetFullPath(csv)} and {Path.GetFileName(md)}; rebuild so that `halo mock` embeds the new inputs");
                return 0;
            }
            catch (Exception e) when (e is ArgumentException or IOException or UnauthorizedAccessException or FormatException)
            {
                Console.Error.WriteLine("halo mock calibrate: " + e.Message);
                return 1;
            }
        });
        return command;
    }
}
