using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using HaloNotebooks.Mocks;

namespace HaloNotebooks.Cli.Commands;

/// <summary>
/// `halo mock [--seed 42] [--scale 1.0] [--output data/mock/]`: writes the DESI-like mock catalogue (issue 5):
/// mwsall-mock.fits, distances-mock.fits, substructures.csv and truth.parquet.
/// </summary>
public sealed class MockCommand : ICliCommand
{
    public Command Build()
    {
        var seed = new Option<long>("--seed") { Description = "master seed; the same seed writes the same files byte for byte", DefaultValueFactory = _ => 42 };
        var scale = new Option<double>("--scale") { Description = "fraction of the paper-size catalogue (1.0 ≈ 440k stars, 64.6k after the §2.3 selection; 0.05 for a quick test mock)", DefaultValueFactory = _ => 1.0 };
        var output = new Option<string>("--output") { Description = "folder to write the four files into", DefaultValueFactory = _ => MockCatalog.DefaultDirectory };
        var threads = new Option<int?>("--threads") { Description = "worker threads (default: all cores; the output does not depend on it)" };
        var command = new Command("mock", "Write the DESI-like mock catalogue of the stellar halo forward-modelled from the paper (the project's default data)");
        command.Options.Add(seed);
        command.Options.Add(scale);
        command.Options.Add(output);
        command.Options.Add(threads);
        command.SetAction(parse =>
        {
            var settings = new MockSettings(parse.GetValue(seed), parse.GetValue(scale)) { MaxDegreeOfParallelism = parse.GetValue(threads) };
            string dir = parse.GetValue(output)!;
            try
            {
                settings.Validate();
                var watch = Stopwatch.StartNew();
                var mock = MockCatalog.Generate(settings);
                mock.Write(dir);
                var survive = mock.Truth.GetString("forecast_cut").Count(c => c == "none");
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"wrote {mock.Catalogue.RowCount:N0} rows, {mock.Truth.RowCount:N0} stars ({survive:N0} forecast to pass the §2.3 selection) to {Path.GetFullPath(dir)} in {watch.Elapsed.TotalSeconds:F1} s: {MockCatalog.CatalogueFile}, {MockCatalog.DistancesFile}, {MockCatalog.SubstructuresFile}, {MockCatalog.TruthFile}"));
                return 0;
            }
            catch (Exception e) when (e is ArgumentException or IOException or UnauthorizedAccessException)
            {
                Console.Error.WriteLine("halo mock: " + e.Message);
                return 1;
            }
        });
        return command;
    }
}
