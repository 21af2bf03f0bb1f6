using System.CommandLine;
using System.Diagnostics;
using HaloNotebooks.Catalogs;
using HaloNotebooks.Selection;
using HaloNotebooks.Cli.Plumbing;
using HaloNotebooks.Numerics;
using Spectre.Console;
using C = HaloNotebooks.Catalogs.CanonicalColumns;

namespace HaloNotebooks.Cli.Commands;

/// <summary>
/// <c>halo select</c>: the K-giant selection of §2.3 on a catalogue, printing the funnel and writing the sample.
/// </summary>
public sealed class SelectCommand : ICliCommand
{
    public Command Build()
    {
        var input = new Option<string?>("--input")
        {
            Description = "catalogue: a DESI MWS-like FITS (RVTAB/FIBERMAP/GAIA HDUs) or a table (.csv/.parquet/.fits) with canonical columns",
        };
        var distances = new Option<string?>("--distances")
        {
            Description = "distance catalogue joined on TARGETID (DIST, DIST_ERR) or targetid (distance, distance_err)",
        };
        var distanceColumns = DistanceColumnsOption();
        var substructures = new Option<string[]>("--substructures")
        {
            Description = "substructure list (repeatable): the mock's substructures.csv, an LVDB folder (Pace et al. 2022), or orbits_table.txt / " +
                "GCs_VB21.txt (Baumgardt & Vasiliev 2021)",
            AllowMultipleArgumentsPerToken = false,
        };
        var preset = new Option<string>("--preset")
        {
            Description = "paper (§2.3, Tables 1-2) or dipole (§4.4: |δV_r| < 50 km/s, no tangential cut)",
            DefaultValueFactory = _ => "paper",
        };
        var set = new Option<string[]>("--set") { Description = SetDescription, AllowMultipleArgumentsPerToken = false };
        var seed = new Option<long>("--seed")
        {
            Description = $"seed of the Monte-Carlo velocity errors (default {Defaults.Seed}, as halo reproduce)",
            DefaultValueFactory = _ => Defaults.Seed,
        };
        var output = new Option<string?>("--output") { Description = "where to write the selected stars (.csv, .parquet or .fits); its folder is created" };
        var funnelOut = new Option<string?>("--funnel") { Description = "also write the funnel as a Markdown table to this file" };
        var listCuts = new Option<bool>("--list-cuts") { Description = "list every name --set accepts with the paper's value, unit and section, and exit" };

        var cmd = new Command("select", "Select halo K giants as in §2.3 of the paper and print the funnel of cuts");
        foreach (var o in new Option[] { input, distances, distanceColumns, substructures, preset, set, seed, output, funnelOut, listCuts }) cmd.Options.Add(o);
        cmd.SetAction(parse => CommandErrors.Run("select", () =>
        {
            if (parse.GetValue(listCuts)) { PrintCuts(); return ExitCode.Ok; }
            // Everything is checked before the catalogue is read.
            var settings = Settings(parse.GetValue(preset), parse.GetValue(set) ?? [], parse.GetValue(seed));
            string catalogue = Check.InputFile(parse.GetValue(input) ?? throw new UsageException("--input is required (or --list-cuts)"), "--input",
                "the default mock is written by `halo mock`");
            string? distancesFile = parse.GetValue(distances) is string d ? Check.InputFile(d, "--distances") : null;
            var subPaths = (parse.GetValue(substructures) ?? []).Select(p => Check.InputPath(p, "--substructures")).ToArray();
            string outFile = Check.OutputFile(parse.GetValue(output) ?? throw new UsageException("--output is required"), "--output");
            TableFile.Kind(outFile);
            string? md = parse.GetValue(funnelOut) is string f ? Check.OutputFile(f, "--funnel") : null;
            if (parse.GetValue(distanceColumns) is not null && distancesFile is null) throw new UsageException("--distance-columns goes with --distances");
            DistanceColumns? columns;
            try { columns = DistanceColumnsOf(parse.GetValue(distanceColumns)); }
            catch (ArgumentException e) { throw new UsageException(e.Message); }

            var (sample, seconds) = StageProgress.Run("select", ["read catalogue", "selection"], progress =>
            {
                progress.Report("read catalogue", 0);
                // Read in row chunks through the cuts: memory grows with the survivors, not with the file.
                var stars = CatalogueOpener.Open(catalogue, distancesFile, columns);
                RequireSelectionColumns(stars.ColumnNames, catalogue, distancesFile);
                var subs = subPaths.Select(SubstructureCatalog.Read).ToArray();
                var catalog = subs.Length == 0 ? null : SubstructureCatalog.Combine(subs);
                progress.Report("read catalogue", 1);
                var clock = Stopwatch.StartNew();
                var selected = PaperSelection.RunInChunks(stars, settings, catalog, new SyncProgress<double>(f => progress.Report("selection", f)));
                progress.Report("selection", 1);
                return (selected, clock.Elapsed.TotalSeconds);
            });

            Print(sample.Funnel, seconds);
            TableFile.Write(sample.Stars, outFile);
            if (md is not null) File.WriteAllText(md, sample.Funnel.ToMarkdown());
            AnsiConsole.MarkupLine($"wrote [bold]{sample.Count:N0}[/] stars to {Markup.Escape(outFile)} (seed {settings.Seed})");
            return ExitCode.Ok;
        }));
        return cmd;
    }

    /// <summary>The preset, then each --set in order, then the seed (unless --set Seed= was given).</summary>
    internal static SelectionSettings Settings(string? preset, IReadOnlyList<string> assignments, long seed)
    {
        var settings = preset?.ToLowerInvariant() switch
        {
            "paper" or null => SelectionSettings.Paper,
            "dipole" => SelectionSettings.PaperDipole,
            var p => throw new UsageException($"--preset {p}: use paper or dipole"),
        };
        settings = settings with { Seed = seed };
        try { return settings.With(assignments); }
        catch (ArgumentException e) { throw new UsageException("--set: " + e.Message); }
    }

    /// <summary>--set's help: every settable name with the paper's value.</summary>
    static string SetDescription =>
        "change a cut, Name=value (repeatable), e.g. --set FehMax=-1.0 --set MaskSagittarius=false. Names (paper value): "
        + string.Join(", ", SelectionParameter.All.Select(p => $"{p.Name} ({p.PaperValue}{(p.Unit.Length > 0 && p.PaperValue != "none" ? " " + p.Unit : "")})"))
        + "; --list-cuts describes each";

    static void PrintCuts()
    {
        var table = new Table().Title("Cuts --set can change (halo select, halo reproduce)");
        foreach (var h in new[] { "name", "paper value", "unit", "section", "meaning" }) table.AddColumn(h);
        foreach (var p in SelectionParameter.All)
            table.AddRow(Markup.Escape(p.Name), Markup.Escape(p.PaperValue), Markup.Escape(p.Unit), Markup.Escape(p.Section), Markup.Escape(p.Meaning));
        table.Caption("--set Name=value; names are case-insensitive, '_' ignored; none lifts an optional limit");
        AnsiConsole.Write(table);
    }

    /// <summary>The columns the selection reads, each missing one named with the option or command that supplies it.</summary>
    internal static void RequireSelectionColumns(StarTable stars, string catalogue, string? distances) =>
        RequireSelectionColumns(stars.ColumnNames, catalogue, distances);

    internal static void RequireSelectionColumns(IReadOnlyList<string> columns, string catalogue, string? distances)
    {
        foreach (var c in PaperCuts.RequiredColumns)
        {
            if (columns.Contains(c)) continue;
            if (c is C.Distance or C.DistanceErr && distances is null)
                throw new InputException($"{catalogue}: no '{c}' column; give the distance catalogue with --distances (TARGETID, DIST, DIST_ERR), e.g. the " +
                    $"mock's distances-mock.fits from `halo mock`");
            throw new InputException($"{catalogue}: no '{c}' column; the selection needs {string.Join(", ", PaperCuts.RequiredColumns)} (the canonical names " +
                $"listed in the README, section Your own catalogue)");
        }
    }

    /// <summary>The funnel as a console table (counts), then each cut's wording from the paper, numbered to match.</summary>
    static void Print(Funnel funnel, double seconds)
    {
        var table = new Table().Title($"{funnel.Title}, {seconds:F1} s");
        int[] shown = [0, 1, 3, 4, 5, 6, 7];   // #, cut, parameters, in, kept, removed, kept %
        foreach (int c in shown)
            table.AddColumn(new Spectre.Console.TableColumn(Markup.Escape(Funnel.Header[c])) { Alignment = c >= 4 ? Justify.Right : Justify.Left });
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
}
