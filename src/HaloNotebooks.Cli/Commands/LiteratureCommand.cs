using System.CommandLine;
using System.Globalization;
using System.Text;
using HaloNotebooks.Analysis;
using HaloNotebooks.Cli.Plumbing;
using HaloNotebooks.Literature;
using HaloNotebooks.Paper;
using HaloNotebooks.Pipeline;
using HaloNotebooks.Selection;

namespace HaloNotebooks.Cli.Commands;

/// <summary>
/// `halo literature segue --external DIR --output FILE`: the comparison profiles of Figs. 2 and 5. Bird et al. (2021)
/// and Medina et al. (2025) publish their β profiles only as figures, so this fits the public SEGUE K giants
/// (Xue et al. 2014 × Gaia DR2) with the paper's selection and models instead (<see cref="SegueComparison"/>) and writes
/// the CSV the figures read (data/reference/segue_kgiants_ours.csv) with its provenance beside it (.md).
/// </summary>
public sealed class LiteratureCommand : ICliCommand
{
    public Command Build()
    {
        var sample = new Argument<string>("SAMPLE")
        {
            Description = "segue: the SEGUE K giants of Xue et al. (2014) with Gaia DR2 at the paper's sampler in coarse bins; all: every " +
                "catalogue of literature_fits.csv (LAMOST DR5 K giants, SEGUE BHB, SEGUE K giants, Yaaqib+2024, DESI DR1 BHB) in Table 1's bins, " +
                "reduced sampler (40 × 400, 150 burn-in)",
        };
        sample.AcceptOnlyFromAmong("segue", "all");
        var external = new Option<string>("--external")
        {
            Description = "folder holding segue_kgiants_xue2014/ (and gc_baumgardt_orbits/, gc_vasiliev_baumgardt2021_pm/, lvdb_pace2022/ for the §2.3 masks)",
            Required = true,
        };
        var output = new Option<string>("--output")
        {
            Description = "CSV to write (the figures read data/reference/segue_kgiants_ours.csv); a .md with the provenance is written beside it",
            Required = true,
        };
        var sampler = new SamplerOptions();
        var (walkers, steps, burn) = (sampler.Walkers, sampler.Steps, sampler.Burn);
        var seed = new Option<long>("--seed")
        {
            Description = $"seed of the Monte-Carlo errors and the fits (default {Defaults.Seed})",
            DefaultValueFactory = _ => Defaults.Seed,
        };
        var threads = new Option<int?>("--threads") { Description = "threads (default: all cores)" };
        var cmd = new Command("literature", "Fit a public comparison sample with the paper's selection and models (the comparison profiles of Figs. 2 and 5)");
        cmd.Arguments.Add(sample);
        foreach (var o in new Option[] { external, output, walkers, steps, burn, seed, threads }) cmd.Options.Add(o);
        cmd.SetAction(parse => CommandErrors.Run("literature", () =>
        {
            var analysis = Check.Analysis(parse.GetValue(walkers), parse.GetValue(steps), parse.GetValue(burn), parse.GetValue(seed), parse.GetValue(threads));
            string dir = Check.InputPath(parse.GetValue(external)!, "--external");
            string csv = Check.OutputFile(parse.GetValue(output), "--output");
            var selection = SelectionSettings.Paper with { Seed = parse.GetValue(seed), MaxDegreeOfParallelism = parse.GetValue(threads) };
            var notes = new List<string>();
            if (parse.GetValue(sample) == "all")
            {
                var fits = LiteratureFits.Run(dir, null, analysis, selection.Seed, null, notes.Add);
                foreach (var n in notes) Console.Error.WriteLine($"halo literature: {n}");
                File.WriteAllText(csv, LiteratureFits.ToCsv(fits));
                foreach (var f in fits)
                    Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{f.Catalogue.Name}: {f.Selected} stars selected, {f.WallSeconds:0} s"));
                Console.Out.WriteLine($"written {Path.GetFullPath(csv)}");
                return ExitCode.Ok;
            }
            var result = StageProgress.Run("literature", ["fits"], progress =>
                SegueComparison.Run(dir, analysis, selection, new Progress<AnalysisProgress>(p => progress.Report("fits", p.Fraction, p.LastFinished)),
                    notes.Add));
            foreach (var n in notes) Console.Error.WriteLine($"halo literature: {n}");
            File.WriteAllText(csv, ComparisonProfiles.ToCsv(result.Points));
            string md = Path.ChangeExtension(csv, ".md");
            File.WriteAllText(md, Provenance(result, analysis, selection.Seed, notes, Environment.GetCommandLineArgs().Skip(1)));
            Console.Out.WriteLine(result.Sample.Funnel.ToMarkdown());
            foreach (var p in result.Points.Where(p => p.Parameter is "beta" or "beta_mr" or "beta_mp"))
                Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{p.Model,-6} [{p.RMin:0.#}, {p.RMax:0.#}) N={p.N,5} " +
                    $"{p.Parameter,-7} {p.Value}"));
            Console.Out.WriteLine($"written {Path.GetFullPath(csv)} and {Path.GetFullPath(md)}");
            return ExitCode.Ok;
        }));
        return cmd;
    }

    static string Provenance(SegueComparison.Result r, AnalysisSettings a, long seed, IReadOnlyList<string> notes, IEnumerable<string> args)
    {
        var sb = new StringBuilder();
        sb.AppendLine("# segue_kgiants_ours.csv — provenance").AppendLine();
        sb.AppendLine("Written by `halo literature segue` (src/HaloNotebooks/Pipeline/SegueComparison.cs):").AppendLine();
        sb.AppendLine("    halo " + string.Join(' ', args)).AppendLine();
        sb.AppendLine("What it is: this project's single- and double-component fits (§3.1, the paper's models, priors and sampler) of the");
        sb.AppendLine("public SEGUE K giants of Xue et al. (2014, ApJ 784, 170, Table 4) with Gaia DR2 proper motions, after the paper's");
        sb.AppendLine("§2.3 selection. Figs. 2 and 5 draw its β profiles where the paper draws Bird et al. (2021) and Medina et al. (2025),");
        sb.AppendLine("whose profiles are published only as figures. It is not their measurement: Bird et al. (2021) combined LAMOST and");
        sb.AppendLine("SEGUE K giants with their own distances and substructure removal; Medina et al. (2025) used DESI RR Lyrae.").AppendLine();
        sb.AppendLine(string.Create(CultureInfo.InvariantCulture,
            $"Sampler: {a.Sampler.Walkers} walkers × {a.Sampler.Steps} steps, {a.Sampler.Burn} burn-in; seed {seed} (Monte-Carlo errors and fits). " +
                $"Bins [kpc]: " +
                $"{string.Join(", ", SegueComparison.Bins.Edges)}."));
        foreach (var n in notes) sb.AppendLine().Append("Note: ").AppendLine(n);
        sb.AppendLine().AppendLine("## Selection").AppendLine().AppendLine(r.Sample.Funnel.ToMarkdown());
        sb.AppendLine().AppendLine("## β per bin").AppendLine().AppendLine("| model | bin [kpc] | N | parameter | value |")
            .AppendLine("|---|---|---:|---|---|");
        foreach (var p in r.Points.Where(p => p.Parameter is "beta" or "beta_mr" or "beta_mp" or "p_mr"))
            sb.AppendLine(string.Create(CultureInfo.InvariantCulture, $"| {p.Model} | [{p.RMin:0.#}, {p.RMax:0.#}) | {p.N} | {p.Parameter} | {p.Value} |"));
        return sb.ToString();
    }
}
