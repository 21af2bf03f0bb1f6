using System.CommandLine;
using System.Globalization;
using HaloNotebooks.Cli.Plumbing;
using HaloNotebooks.Pipeline;
using Spectre.Console;

namespace HaloNotebooks.Cli.Commands;

/// <summary>
/// `halo compare RESULTS_A RESULTS_B`: the what-if answer — every entry of Tables 1–3 in B (e.g. `halo reproduce
/// --set FehMax=-1.0`) against the same entry in A (e.g. the paper's cuts), as (B − A) in units of the combined σ.
/// Writes shifts.csv, shifts.md and index.html (the comparison tables and the profiles of both runs overplotted) through
/// Pipeline.ResultsComparison; this command parses the arguments and prints the shifts.
/// </summary>
public sealed class CompareCommand : ICliCommand
{
    public Command Build()
    {
        var a = new Argument<string>("RESULTS_A") { Description = "the reference results folder (halo reproduce --output), e.g. the paper's cuts" };
        var b = new Argument<string>("RESULTS_B") { Description = "the results folder compared with it, e.g. a run with --set FehMax=-1.0" };
        var output = new Option<string?>("--output") { Description = "folder for shifts.csv, shifts.md and index.html (default: RESULTS_B/compare)" };
        var top = new Option<int>("--top") { Description = "largest shifts printed in the terminal", DefaultValueFactory = _ => 12 };
        var cmd = new Command("compare", "Shift of every Table 1-3 entry between two halo reproduce results folders, in units of the combined σ");
        cmd.Arguments.Add(a);
        cmd.Arguments.Add(b);
        cmd.Options.Add(output);
        cmd.Options.Add(top);
        cmd.SetAction(parse => CommandErrors.Run("compare", () =>
        {
            string dirA = parse.GetValue(a)!, dirB = parse.GetValue(b)!;
            if (parse.GetValue(top) < 0) throw new UsageException($"--top {parse.GetValue(top)}: must be 0 or more");
            var comparison = ResultsComparison.Read(dirA, dirB);
            string outDir = Check.OutputFolder(parse.GetValue(output) ?? Path.Combine(dirB, "compare"), "--output");
            comparison.WriteAll(outDir);

            string labelA = comparison.LabelA, labelB = comparison.LabelB;
            foreach (var (label, changes) in new[] { (labelA, comparison.ChangesA), (labelB, comparison.ChangesB) })
                AnsiConsole.WriteLine($"{label}: {ResultsComparison.Describe(changes)}");
            foreach (var c in comparison.Shifts) AnsiConsole.WriteLine(c.Summary.Replace(" vs ", $" ({labelB}) vs ", StringComparison.Ordinal));
            var largest = comparison.Largest(parse.GetValue(top));
            if (largest.Count > 0)
            {
                var t = new Spectre.Console.Table().Title($"Largest shifts, {Markup.Escape(labelB)} − {Markup.Escape(labelA)}");
                foreach (var h in new[] { "table", "row", "parameter", labelA, labelB, "shift [σ]" }) t.AddColumn(Markup.Escape(h));
                foreach (var e in largest)
                    t.AddRow(e.Table.ToString(CultureInfo.InvariantCulture), Markup.Escape(e.Row), Markup.Escape(e.Parameter), Markup.Escape(e.A),
                             Markup.Escape(e.B), e.Shift.ToString("+0.0;-0.0;0.0", CultureInfo.InvariantCulture));
                AnsiConsole.Write(t);
            }
            AnsiConsole.MarkupLine($"wrote [bold]{Markup.Escape(Path.Combine(outDir, "index.html"))}[/], shifts.csv, shifts.md, profiles.html");
            return ExitCode.Ok;
        }));
        return cmd;
    }
}
