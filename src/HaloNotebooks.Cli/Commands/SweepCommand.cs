using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using HaloNotebooks.Cli.Plumbing;
using HaloNotebooks.Catalogs;
using HaloNotebooks.Pipeline;
using HaloNotebooks.Sweeps;
using HaloNotebooks.Selection;
using HaloNotebooks.Numerics;

namespace HaloNotebooks.Cli.Commands;

/// <summary>
/// `halo sweep plan|task|run|submit|status|merge`: ensembles of independent mocks (coverage of the error bars) and
/// grids of selection settings (systematics), run here or as a Slurm array job. The work is in HaloNotebooks.Sweeps;
/// this file parses options and prints.
/// </summary>
public sealed class SweepCommand : ICliCommand
{
    public Command Build()
    {
        var command =
            new Command(SweepTaskCommandLine.Command,
                "Coverage and systematics over independent mock realisations and selection settings, locally or as a Slurm array job");
        command.Subcommands.Add(BuildPlan());
        command.Subcommands.Add(BuildTask());
        command.Subcommands.Add(BuildRun());
        command.Subcommands.Add(BuildSubmit());
        command.Subcommands.Add(BuildStatus());
        command.Subcommands.Add(BuildMerge());
        return command;
    }

    static Argument<string> Dir() => new("DIR") { Description = "the sweep directory (written by `halo sweep plan`)" };

    static int Guard(string name, Func<int> action)
    {
        try { return action(); }
        catch (Exception e) when (e is ArgumentException or CatalogException or IOException or FormatException
            or UnauthorizedAccessException or InvalidOperationException)
        {
            Console.Error.WriteLine($"halo sweep {name}: {e.Message}");
            return 2;
        }
    }

    static Command BuildPlan()
    {
        var realisations = new Option<int>("--realisations") { Description = "independent mocks (new stars, new seeds) per variant", Required = true };
        var vary = new Option<string[]>("--vary")
        {
            Description = $"Name=v1,v2,… (repeatable) over a selection setting: {string.Join(", ", SelectionSettings.ParameterNames)}",
            AllowMultipleArgumentsPerToken = false,
        };
        var cross = new Option<bool>("--cross") { Description = "every combination of the --vary values (default: one setting at a time about the paper's)" };
        var sampler = new SamplerOptions();
        var (walkers, steps, burn) = (sampler.Walkers, sampler.Steps, sampler.Burn);
        var scale = new Option<double>("--scale")
        {
            Description = "mock size as a fraction of the paper's (1: 457k stars, 64k selected)",
            DefaultValueFactory = _ => 1.0,
        };
        var seed = new Option<long>("--seed") { Description = "master seed of the sweep", DefaultValueFactory = _ => 1 };
        var truthScale = new Option<double>("--truth-scale")
        {
            Description = "scale of the mock whose truth tables are the coverage's truth (0: no coverage; keep ≥ 10 × --scale)",
            DefaultValueFactory = _ => 1.0,
        };
        var output = new Option<string>("--output") { Description = "the sweep directory", Required = true };
        var cmd = new Command("plan", "Write DIR/tasks.jsonl (one task a line) and DIR/sweep.json (the plan)");
        foreach (var o in new Option[] { realisations, vary, cross, walkers, steps, burn, scale, seed, truthScale, output }) cmd.Options.Add(o);
        cmd.SetAction(parse => Guard("plan", () =>
        {
            var varied = (parse.GetValue(vary) ?? []).Select(ParseVary).ToList();
            var plan = new SweepPlan(parse.GetValue(realisations), varied, parse.GetValue(cross), parse.GetValue(walkers),
                parse.GetValue(steps), parse.GetValue(burn),
                parse.GetValue(scale), parse.GetValue(seed), parse.GetValue(truthScale)).Validate();
            string dir = parse.GetValue(output)!;
            plan.Write(dir);
            var tasks = plan.Tasks();
            Console.WriteLine($"planned {tasks.Count} tasks ({plan.Variants().Count} variant(s) × {plan.Realisations} realisations, " +
                $"{tasks.Count(t => t.Kind == SweepTask.TruthKind)} truth) in {Path.GetFullPath(dir)}");
            return 0;
        }));
        return cmd;
    }

    /// <summary>"FehMax=-0.7,-0.85" → the setting (name checked against SelectionSettings.ParameterNames) and its values.</summary>
    internal static VariedSetting ParseVary(string text)
    {
        int eq = text.IndexOf('=');
        if (eq <= 0) throw new ArgumentException($"--vary '{text}' is not Name=v1,v2,…; names: {string.Join(", ", SelectionSettings.ParameterNames)}");
        string name = text[..eq].Trim();
        string canonical = SelectionSettings.ParameterNames.FirstOrDefault(n => string.Equals(n, name.Replace("_", ""), StringComparison.OrdinalIgnoreCase))
            ?? throw new ArgumentException($"--vary: unknown selection setting '{name}'; names: {string.Join(", ", SelectionSettings.ParameterNames)}");
        var values = text[(eq + 1)..].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(v =>
            double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out double x) ? x
                : v.ToLowerInvariant() is "true" ? 1 : v.ToLowerInvariant() is "false" ? 0
                : throw new ArgumentException($"--vary {canonical}: '{v}' is not a number")).ToList();
        return new VariedSetting(canonical, values);
    }

    static Command BuildTask()
    {
        var dir = Dir();
        var index = new Option<int>(SweepTaskCommandLine.IndexOption)
        {
            Description = "the task (a line of tasks.jsonl; $SLURM_ARRAY_TASK_ID)", Required = true,
        };
        var threads = new Option<int>(SweepTaskCommandLine.ThreadsOption)
        {
            Description = "threads for this task (the result does not depend on it)", DefaultValueFactory = _ => 1,
        };
        var cmd = new Command(SweepTaskCommandLine.Subcommand, "Run one task and write DIR/tasks/I.json atomically (nothing to do when it exists)");
        cmd.Arguments.Add(dir);
        cmd.Options.Add(index);
        cmd.Options.Add(threads);
        cmd.SetAction(parse => Guard("task", () =>
        {
            int t = parse.GetValue(threads);
            if (t < 1) throw new ArgumentException($"--threads must be at least 1, got {t}");
            SweepTaskRun.Run(parse.GetValue(dir)!, parse.GetValue(index), t, new SyncProgress<string>(Console.WriteLine));
            return 0;
        }));
        return cmd;
    }

    /// <summary>How to start this halo again: the apphost, or `dotnet halo.dll`.</summary>
    static (string File, string[] Prefix) Self()
    {
        string process = Environment.ProcessPath ?? "dotnet";
        string dll = typeof(SweepCommand).Assembly.Location;
        return Path.GetFileNameWithoutExtension(process) == "dotnet" ? (process, [dll]) : (process, []);
    }

    static Command BuildRun()
    {
        var dir = Dir();
        var jobs = new Option<int>("--jobs") { Description = "tasks at once (default: all cores)", DefaultValueFactory = _ => Environment.ProcessorCount };
        var cmd = new Command("run", "Run every unfinished task on this machine, J at a time (resumable)");
        cmd.Arguments.Add(dir);
        cmd.Options.Add(jobs);
        cmd.SetAction(parse => Guard("run", () =>
        {
            string d = Path.GetFullPath(parse.GetValue(dir)!);
            SweepPlan.Read(d);
            var (file, prefix) = Self();
            var clock = Stopwatch.StartNew();
            int failed = SweepLocal.Run(d, parse.GetValue(jobs), index =>
            {
                var info = new ProcessStartInfo(file);
                foreach (var a in prefix) info.ArgumentList.Add(a);
                foreach (var a in SweepTaskCommandLine.Arguments(d, index, threads: 1))
                    info.ArgumentList.Add(a);
                return info;
            }, new SyncProgress<string>(Console.WriteLine));
            Console.WriteLine($"wall time {clock.Elapsed.TotalSeconds:0} s; {failed} task(s) failed");
            return failed == 0 ? 0 : 1;
        }));
        return cmd;
    }

    static Command BuildSubmit()
    {
        var dir = Dir();
        var partition = new Option<string?>("--partition") { Description = "Slurm partition (default: the cluster's)" };
        var time = new Option<string?>("--time") { Description = "time limit per task, e.g. 00:10:00 (size it from sweep.json's cost)" };
        var cpus = new Option<int>("--cpus-per-task") { Description = "cores per task (its fits run in parallel)", DefaultValueFactory = _ => 1 };
        var maxParallel = new Option<int?>("--max-parallel") { Description = "at most K tasks at once (--array=…%K)" };
        var mem = new Option<string?>("--mem") { Description = "memory per task, e.g. 2G" };
        var cmd = new Command("submit", "Write DIR/sweep.sbatch (a Slurm array of the unfinished tasks) and submit it with sbatch");
        cmd.Arguments.Add(dir);
        foreach (var o in new Option[] { partition, time, cpus, maxParallel, mem }) cmd.Options.Add(o);
        cmd.SetAction(parse => Guard("submit", () =>
        {
            string d = Path.GetFullPath(parse.GetValue(dir)!);
            SweepPlan.Read(d);
            var (file, prefix) = Self();
            string halo = string.Join(' ', prefix.Prepend(file).Select(a => "'" + a + "'"));
            var slurm = new SlurmOptions(parse.GetValue(partition), parse.GetValue(time), parse.GetValue(cpus), parse.GetValue(maxParallel),
                parse.GetValue(mem));
            string id = SlurmArray.Submit(d, slurm, halo);
            Console.WriteLine(id);
            return 0;
        }));
        return cmd;
    }

    static Command BuildStatus()
    {
        var dir = Dir();
        var cmd = new Command("status", "Finished task files, and the Slurm jobs' state from squeue/sacct where available");
        cmd.Arguments.Add(dir);
        cmd.SetAction(parse => Guard("status", () =>
        {
            string d = parse.GetValue(dir)!;
            SweepPlan.Read(d);
            var tasks = SweepPlan.ReadTasks(d);
            var finished = SweepMerge.Finished(d);
            Console.WriteLine($"{finished.Count} of {tasks.Count} tasks finished");
            if (finished.Count > 0)
                Console.WriteLine($"per task: {finished.Average(r => r.Seconds):0.0} s mean, {finished.Max(r => r.Seconds):0.0} s max, peak memory " +
                    $"{finished.Max(r => r.PeakMemoryMb):0} MB max");
            foreach (var line in SlurmArray.SchedulerStatus(d)) Console.WriteLine(line);
            return 0;
        }));
        return cmd;
    }

    static Command BuildMerge()
    {
        var dir = Dir();
        var cmd = new Command("merge", "Merge the finished tasks into coverage.csv, systematics.csv, figures, index.html and summary.json");
        cmd.Arguments.Add(dir);
        cmd.SetAction(parse => Guard("merge", () =>
        {
            string d = parse.GetValue(dir)!;
            var s = SweepMerge.Run(d);
            Console.WriteLine($"merged {s.Cost.Finished} of {s.Cost.Total} tasks");
            foreach (var (variant, list) in s.Coverage.OrderBy(kv => kv.Key))
                foreach (var t in SweepMerge.TableSummaries(list))
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"{s.Variants[variant].Label}: Table {t.Table}: {t.Entries} entries, mean 68% coverage {100 * t.Mean68:0.0}%, 95% " +
                            $"{100 * t.Mean95:0.0}%, {t.Outside.Count} outside 68 ± 5%"));
            foreach (var (variant, columns) in s.ColumnCoverage.OrderBy(kv => kv.Key))
                foreach (var c in columns.Where(c => c.OutsideNominal68()))
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"{s.Variants[variant].Label}: Table {c.Table} {c.Row} {c.Parameter}: 68% coverage {100 * c.Within68.Fraction:0.0} ± " +
                            $"{100 * c.Within68.Error:0.0}% (outside 68 ± 5%), mean z {c.ZMean:+0.00;-0.00;0.00}, rms z {c.ZRms:0.00}"));
            Console.WriteLine($"{s.Systematics.Count} systematics entries; wrote {Path.Combine(d, "index.html")}");
            return 0;
        }));
        return cmd;
    }
}
