using System.Diagnostics;

namespace HaloNotebooks.Sweeps;

/// <summary>
/// `halo sweep run`: every unfinished task on this machine, <c>jobs</c> at a time, each in its own `halo sweep task`
/// process (so each task's peak memory is its own, and a crash loses one task). Resumable: finished tasks are skipped.
/// </summary>
internal static class SweepLocal
{
    /// <summary>
    /// Runs the tasks without a result; <paramref name="taskProcess"/> makes the process of one task index. Returns the
    /// number of tasks that failed (their output is reported through <paramref name="progress"/>).
    /// </summary>
    public static int Run(string directory, int jobs, Func<int, ProcessStartInfo> taskProcess, IProgress<string>? progress = null)
    {
        if (jobs < 1) throw new ArgumentException($"--jobs must be at least 1, got {jobs}");
        var tasks = SweepPlan.ReadTasks(directory);
        var left = tasks.Where(t => !File.Exists(SweepPlan.ResultPath(directory, t.Index))).Select(t => t.Index).ToList();
        progress?.Report($"{tasks.Count - left.Count} of {tasks.Count} tasks already finished; running {left.Count}, {jobs} at a time");
        int done = 0, failed = 0;
        var clock = Stopwatch.StartNew();
        int next = -1;
        // Tasks in index order, each picked when a slot frees (a result that appeared meanwhile is skipped).
        Parallel.For(0, jobs, new ParallelOptions { MaxDegreeOfParallelism = jobs }, _ =>
        {
            for (int k = Interlocked.Increment(ref next); k < left.Count; k = Interlocked.Increment(ref next))
                RunOne(left[k]);
        });
        return failed;

        void RunOne(int index)
        {
            if (File.Exists(SweepPlan.ResultPath(directory, index))) { Interlocked.Increment(ref done); return; }
            var info = taskProcess(index);
            info.RedirectStandardOutput = true;
            info.RedirectStandardError = true;
            info.UseShellExecute = false;
            using var p = Process.Start(info) ?? throw new InvalidOperationException($"cannot start the process of task {index}");
            var stdout = p.StandardOutput.ReadToEndAsync();
            var stderr = p.StandardError.ReadToEndAsync();
            p.WaitForExit();
            int n = Interlocked.Increment(ref done);
            if (p.ExitCode != 0)
            {
                Interlocked.Increment(ref failed);
                progress?.Report($"task {index} failed (exit {p.ExitCode}): {stderr.Result.Trim()}");
            }
            else
                progress?.Report($"[{n}/{left.Count}, {clock.Elapsed.TotalMinutes:0.0} min] {stdout.Result.Trim().Split('\n').LastOrDefault()}");
        }
    }
}
