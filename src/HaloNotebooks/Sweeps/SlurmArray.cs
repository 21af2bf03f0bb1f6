using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace HaloNotebooks.Sweeps;

/// <summary>What `halo sweep submit` asks Slurm for (sbatch options; null leaves the cluster's default).</summary>
internal sealed record SlurmOptions(string? Partition = null, string? Time = null, int CpusPerTask = 1, int? MaxParallel = null, string? Memory = null);

/// <summary>
/// A sweep as a Slurm array job (the scheduler of DESI's clusters; no home-made scheduler): DIR/sweep.sbatch with one
/// array element per unfinished task, each calling `halo sweep task DIR --index $SLURM_ARRAY_TASK_ID`, submitted with
/// sbatch; the job ids are kept in DIR/slurm_jobs.txt for `halo sweep status`. Assumes DIR and the halo command are on a
/// filesystem every node sees at the same path.
/// </summary>
internal static class SlurmArray
{
    internal const string ScriptFile = "sweep.sbatch", JobsFile = "slurm_jobs.txt", LogDirectory = "logs";

    /// <summary>Array indices as Slurm writes them: "0-99", or "3,5,7-10" for what is left.</summary>
    internal static string IndexRanges(IReadOnlyList<int> indices)
    {
        var sorted = indices.Distinct().Order().ToList();
        var parts = new List<string>();
        for (int i = 0; i < sorted.Count;)
        {
            int j = i;
            while (j + 1 < sorted.Count && sorted[j + 1] == sorted[j] + 1) j++;
            parts.Add(i == j ? sorted[i].ToString(CultureInfo.InvariantCulture) : string.Create(CultureInfo.InvariantCulture, $"{sorted[i]}-{sorted[j]}"));
            i = j + 1;
        }
        return string.Join(',', parts);
    }

    /// <summary>The batch script for <paramref name="indices"/>; <paramref name="halo"/> is the command that runs halo (e.g. "dotnet
    /// /path/halo.dll").</summary>
    internal static string Script(string directory, IReadOnlyList<int> indices, SlurmOptions options, string halo)
    {
        if (indices.Count == 0) throw new ArgumentException("no task is left to submit");
        if (options.CpusPerTask < 1) throw new ArgumentException($"--cpus-per-task must be at least 1, got {options.CpusPerTask}");
        if (options.MaxParallel is < 1) throw new ArgumentException($"--max-parallel must be at least 1, got {options.MaxParallel}");
        string dir = Path.GetFullPath(directory);
        var sb = new StringBuilder("#!/bin/bash\n");
        sb.Append("#SBATCH --job-name=halo-sweep\n");
        sb.Append("#SBATCH --array=").Append(IndexRanges(indices)).Append(options.MaxParallel is int k ? "%" + k.ToString(CultureInfo.InvariantCulture) : "")
            .Append('\n');
        sb.Append(CultureInfo.InvariantCulture, $"#SBATCH --cpus-per-task={options.CpusPerTask}\n");
        sb.Append("#SBATCH --ntasks=1\n");
        if (options.Partition is not null) sb.Append("#SBATCH --partition=").Append(options.Partition).Append('\n');
        if (options.Time is not null) sb.Append("#SBATCH --time=").Append(options.Time).Append('\n');
        if (options.Memory is not null) sb.Append("#SBATCH --mem=").Append(options.Memory).Append('\n');
        sb.Append("#SBATCH --output=").Append(Path.Combine(dir, LogDirectory, "%A_%a.out")).Append('\n');
        sb.Append("# One element = one task of the sweep; a task whose result exists does nothing, so re-running is safe.\n");
        var task = SweepTaskCommandLine.Arguments($"'{dir}'", "\"$SLURM_ARRAY_TASK_ID\"", "\"${SLURM_CPUS_PER_TASK:-1}\"");
        sb.Append("exec ").Append(halo).Append(' ').Append(string.Join(' ', task)).Append('\n');
        return sb.ToString();
    }

    /// <summary>Writes DIR/sweep.sbatch for the tasks without a result and submits it; returns the job id.</summary>
    internal static string Submit(string directory, SlurmOptions options, string halo)
    {
        var left = SweepPlan.ReadTasks(directory).Where(t => !File.Exists(SweepPlan.ResultPath(directory, t.Index))).Select(t => t.Index).ToList();
        if (left.Count == 0) throw new InvalidOperationException("every task has a result; nothing to submit (run `halo sweep merge`)");
        Directory.CreateDirectory(Path.Combine(directory, LogDirectory));
        string script = Path.Combine(directory, ScriptFile);
        File.WriteAllText(script, Script(directory, left, options, halo));
        var (code, output, error) = Run("sbatch", "--parsable", script);
        if (code != 0) throw new InvalidOperationException("sbatch failed: " + (error.Length > 0 ? error : output).Trim());
        string id = output.Trim().Split(';')[0];
        File.AppendAllText(Path.Combine(directory, JobsFile), id + "\n");
        return id;
    }

    /// <summary>The job ids submitted for this sweep.</summary>
    internal static IReadOnlyList<string> Jobs(string directory)
    {
        string path = Path.Combine(directory, JobsFile);
        return File.Exists(path) ? File.ReadAllLines(path).Where(l => l.Length > 0).ToList() : [];
    }

    /// <summary>Per array element state from squeue (pending/running) and sacct (finished), where they exist; empty otherwise.</summary>
    internal static IReadOnlyList<string> SchedulerStatus(string directory)
    {
        var jobs = Jobs(directory);
        if (jobs.Count == 0) return [];
        var lines = new List<string>();
        string ids = string.Join(',', jobs);
        var q = TryRun("squeue", "-h", "-r", "-j", ids, "-o", "%i %T %M %R");
        if (q is not null) lines.AddRange(q.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => "squeue: " + l.Trim()));
        var a = TryRun("sacct", "-n", "-X", "-P", "-j", ids, "-o", "JobID,State,Elapsed");
        if (a is not null)
            foreach (var g in a.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split('|')).Where(f => f.Length >= 2).GroupBy(f => f[1]))
                lines.Add($"sacct: {g.Count()} element(s) {g.Key}");
        return lines;
    }

    static string? TryRun(string file, params string[] args)
    {
        try
        {
            var (code, output, _) = Run(file, args);
            return code == 0 ? output : null;
        }
        catch (System.ComponentModel.Win32Exception) { return null; }   // not installed
    }

    static (int Code, string Output, string Error) Run(string file, params string[] args)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args) info.ArgumentList.Add(a);
        using var p = Process.Start(info) ?? throw new InvalidOperationException($"cannot start {file}");
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        p.WaitForExit();
        return (p.ExitCode, stdout.Result, stderr.Result);
    }
}
