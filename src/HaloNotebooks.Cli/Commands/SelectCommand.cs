using System.CommandLine;
using System.Diagnostics;
using HaloNotebooks.Catalogs;
using HaloNotebooks.Selection;
using Spectre.Console;

namespace HaloNotebooks.Cli.Commands;

/// <summary>
/// <c>halo select</c>: the K-giant selection of §2.3 on a catalogue, printing the funnel and writing the sample.
/// </summary>
public sealed class SelectCommand : ICliCommand
{
    public Command Build()
    {
        var input = new Option<string>("--input") { Description = "catalogue: a DESI MWS-like FITS (RVTAB/FIBERMAP/GAIA HDUs) or a table (.csv/.parquet/.fits) with canonical columns", Required = true };
        var distances = new Option<string?>("--distances") { Description = "distance catalogue joined on TARGETID (DIST, DIST_ERR) or targetid (distance, distance_err)" };
        var distanceColumns = DistanceColumnsOption();
        var substructures = new Option<string[]>("--substructures")
        {
            Description = "substructure list (repeatable): the mock's substructures.csv, an LVDB folder (Pace et al. 2022), or orbits_table.txt / GCs_VB21.txt (Baumgardt & Vasiliev 2021)",
            AllowMultipleArgumentsPerToken = false,
        };
        var preset = new Option<string>("--preset") { Description = "paper (§2.3, Tables 1-2) or dipole (§4.4: |δV_r| < 50 km/s, no tangential cut)", DefaultValueFactory = _ => "paper" };
        var set = new Option<string[]>("--set") { Description = "change a threshold, name=value (repeatable), e.g. --set FehMax=-1.0 --set MaskSagittarius=false", AllowMultipleArgumentsPerToken = false };
        var output = new Option<string>("--output") { Description = "where to write the selected stars (.csv, .parquet or .fits)", Required = true };
        var funnelOut = new Option<string?>("--funnel") { Description = "also write the funnel as a Markdown table to this file" };

        var cmd = new Command("select", "Select halo K giants as in §2.3 of the paper and print the funnel of cuts");
        foreach (var o in new Option[] { input, distances, distanceColumns, substructures, preset, set, output, funnelOut }) cmd.Options.Add(o);
        cmd.SetAction(parse =>
        {
            try
            {
                var settings = parse.GetValue(preset)?.ToLowerInvariant() switch
                {
                    "paper" or null => SelectionSettings.Paper,
                    "dipole" => SelectionSettings.PaperDipole,
                    var p => throw new ArgumentException($"unknown preset '{p}'; use paper or dipole"),
                };
                settings = settings.With(parse.GetValue(set) ?? []);
                var catalogue = ReadCatalogue(parse.GetValue(input)!, parse.GetValue(distances), DistanceColumnsOf(parse.GetValue(distanceColumns)));
                var subs = (parse.GetValue(substructures) ?? []).Select(SubstructureCatalog.Read).ToArray();
                var catalog = subs.Length == 0 ? null : SubstructureCatalog.Combine(subs);

                var clock = Stopwatch.StartNew();
                var sample = PaperSelection.Run(catalogue, settings, catalog);
                clock.Stop();

                Print(sample.Funnel, clock.Elapsed.TotalSeconds);
                TableFile.Write(sample.Stars, parse.GetValue(output)!);
                if (parse.GetValue(funnelOut) is string md) File.WriteAllText(md, sample.Funnel.ToMarkdown());
                AnsiConsole.MarkupLine($"wrote [bold]{sample.Count:N0}[/] stars to {Markup.Escape(parse.GetValue(output)!)}");
                return 0;
            }
            catch (Exception e) when (e is ArgumentException or CatalogException or IOException or FormatException)
            {
                Console.Error.WriteLine("halo select: " + e.Message);
                return 2;
            }
        });
        return cmd;
    }

    /// <summary>The funnel as a console table (counts), then each cut's wording from the paper, numbered to match.</summary>
    static void Print(Funnel funnel, double seconds)
    {
        var table = new Table().Title($"Selection funnel (§2.3), {seconds:F1} s");
        int[] shown = [0, 1, 3, 4, 5, 6, 7];   // #, cut, parameters, in, kept, removed, kept %
        foreach (int c in shown)
            table.AddColumn(new TableColumn(Markup.Escape(Funnel.Header[c])) { Alignment = c >= 4 ? Justify.Right : Justify.Left });
        var rows = funnel.Rows();
        foreach (var row in rows) table.AddRow(shown.Select(c => Markup.Escape(row[c])).ToArray());
        table.Caption($"{funnel.InputCount:N0} stars in, {funnel.FinalCount:N0} selected");
        AnsiConsole.Write(table);
        foreach (var row in rows) AnsiConsole.MarkupLine($"  {row[0],2}. {Markup.Escape(row[1])}: {Markup.Escape(row[2])}");
    }

    /// <summary><c>--distance-columns ID,DIST,DIST_ERR</c>, shared by every command that takes <c>--distances</c>.</summary>
    internal static Option<string?> DistanceColumnsOption() => new("--distance-columns")
    {
        Description = "the distance catalogue's columns ID,DIST,DIST_ERR (kpc); an ID named SOURCE_ID joins on Gaia SOURCE_ID, any other on TARGETID " +
                      "(default: TARGETID or SOURCE_ID, DIST, DIST_ERR, else targetid, distance, distance_err)",
    };

    internal static DistanceColumns? DistanceColumnsOf(string? text) => text is null ? null : DistanceColumns.Parse(text);

    /// <summary>A DESI MWS-like FITS through <see cref="DesiMwsCatalog"/>; any other table as is, with the distances
    /// joined (<see cref="DistanceJoin"/>: by TARGETID or SOURCE_ID, every star kept and its matches counted) when given.</summary>
    internal static StarTable ReadCatalogue(string input, string? distances, DistanceColumns? distanceColumns = null)
    {
        if (!File.Exists(input)) throw new FileNotFoundException($"{input}: catalogue not found", input);
        if (distances is not null && !File.Exists(distances)) throw new FileNotFoundException($"{distances}: distance catalogue not found", distances);
        if (distances is null && distanceColumns is not null) throw new ArgumentException("--distance-columns goes with --distances");
        bool isFits = input.EndsWith(".fits", StringComparison.OrdinalIgnoreCase) || input.EndsWith(".fits.gz", StringComparison.OrdinalIgnoreCase);
        if (isFits)
        {
            bool mws;
            using (var f = FitsFile.Open(input)) mws = f.Hdus.Any(h => string.Equals(h.ExtName, "RVTAB", StringComparison.OrdinalIgnoreCase));
            if (mws) return DesiMwsCatalog.Read(input, distances, distanceColumns);
        }
        var table = TableFile.Read(input);
        return distances is null ? table : DistanceJoin.Join(table, distances, distanceColumns);
    }
}
