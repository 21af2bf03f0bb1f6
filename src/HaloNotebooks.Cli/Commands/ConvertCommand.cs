using System.CommandLine;
using HaloNotebooks.Catalogs;
using HaloNotebooks.Cli.Plumbing;

namespace HaloNotebooks.Cli.Commands;

/// <summary>
/// <c>halo convert --input file.fits|.csv|.parquet [--hdu NAME|INDEX] [--columns a,b,c] --output file.csv|.parquet|.fits</c>:
/// every column of the chosen HDU by default (FITS vector columns as NAME_0, NAME_1, …), booleans
/// as true/false, missing values as empty cells, 64-bit integers exact. Bad input prints one line
/// naming the file, HDU, column or row and exits non-zero; the output is written through a
/// temporary file and a move, so a failure leaves no partial output.
/// </summary>
public sealed class ConvertCommand : ICliCommand
{
    public Command Build()
    {
        var input = new Option<string>("--input") { Description = "input table: .fits (a BINTABLE HDU), .csv or .parquet", Required = true };
        var hdu = new Option<string?>("--hdu") { Description = "FITS only: HDU by EXTNAME or index (default: the first binary table)" };
        var columns = new Option<string?>("--columns") { Description = "comma-separated columns to keep, in this order (default: all)" };
        var output = new Option<string>("--output") { Description = "output table: .csv, .parquet or .fits", Required = true };
        var cmd = new Command("convert", "Convert a catalogue between FITS, CSV and Parquet");
        cmd.Options.Add(input);
        cmd.Options.Add(hdu);
        cmd.Options.Add(columns);
        cmd.Options.Add(output);
        cmd.SetAction(r => CommandErrors.Run("convert", () =>
        {
            Check.InputFile(r.GetValue(input), "--input");
            Check.OutputFile(r.GetValue(output), "--output");
            return Run(r.GetValue(input)!, r.GetValue(hdu), r.GetValue(columns), r.GetValue(output)!, Console.Error);
        }));
        return cmd;
    }

    internal static int Run(string input, string? hdu, string? columns, string output, TextWriter error)
    {
        try
        {
            var wanted = columns?.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            if (wanted is { Length: 0 }) throw new CatalogException("--columns lists no column names");
            TableFile.Kind(output);   // fail on a bad output extension before reading anything
            StarTable table;
            if (TableFile.Kind(input) == "fits")
            {
                using var fits = FitsFile.Open(input);
                table = fits.ReadTable(hdu ?? fits.FirstTableIndex.ToString(System.Globalization.CultureInfo.InvariantCulture), wanted);
            }
            else
            {
                if (hdu is not null) throw new CatalogException("--hdu applies to FITS input only", input);
                table = TableFile.Read(input, wanted);
            }
            if (Path.GetFullPath(input) == Path.GetFullPath(output)) throw new CatalogException("output would overwrite the input", output);
            TableFile.Write(table, output);
            return 0;
        }
        catch (CatalogException e)
        {
            error.WriteLine("halo convert: " + e.Message.ReplaceLineEndings(" "));
            return 1;
        }
    }
}
