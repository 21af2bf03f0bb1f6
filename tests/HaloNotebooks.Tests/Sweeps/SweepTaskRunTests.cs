using System.Diagnostics;
using System.Text.Json;
using HaloNotebooks.Sweeps;
using Xunit;

namespace HaloNotebooks.Tests.Sweeps;

public class SweepTaskRunTests
{
    static SweepPlan Small(double truthScale = 0) => new(2, [], false, 34, 40, 20, 0.02, 11, truthScale);

    /// <summary>A realisation is bit-identical on one thread and on two: every draw comes from the task's seeds.</summary>
    [Fact]
    public void Realisation_IsIdentical_WhateverTheThreadCount()
    {
        var plan = Small();
        var task = plan.Tasks()[0];
        var variant = plan.Variants()[0];
        var one = SweepTaskRun.Realisation(plan, variant, task, 1);
        var two = SweepTaskRun.Realisation(plan, variant, task, 2);
        Assert.Equal(one.Stars, two.Stars);
        Assert.Equal(one.Entries, two.Entries);
        // Every entry of the three tables is there, with ordered percentiles.
        Assert.Contains(one.Entries, e => e.Table == 1 && e.Parameter == "beta" && e.RMin == 3 && e.RMax == 160);
        Assert.Contains(one.Entries, e => e.Table == 2 && e.Parameter == "p_mr");
        Assert.Contains(one.Entries, e => e.Table == 3 && e.Parameter == "mu_dipole");
        Assert.All(one.Entries, e => Assert.True(e.P2_5 <= e.P16 && e.P16 <= e.Median && e.Median <= e.P84 && e.P84 <= e.P97_5, e.Key));
    }

    [Fact]
    public void Run_DoesNothing_WhenTheResultExists_AndRejectsAnIndexOutsideThePlan()
    {
        var dir = Directory.CreateTempSubdirectory("halo-sweep-task-").FullName;
        try
        {
            Small().Write(dir);
            File.WriteAllText(SweepPlan.ResultPath(dir, 1), "{}");
            Assert.False(SweepTaskRun.Run(dir, 1));
            Assert.Equal("{}", File.ReadAllText(SweepPlan.ResultPath(dir, 1)));
            var e = Assert.Throws<ArgumentException>(() => SweepTaskRun.Run(dir, 2));
            Assert.Contains("outside the sweep's 2 tasks", e.Message);
        }
        finally { Directory.Delete(dir, true); }
    }

    /// <summary>
    /// A small sweep (two realisations and the truth, scale 0.02) through a real Slurm: sbatch array → task files →
    /// merge. Needs `sbatch` and a partition that answers (environment/slurm-local.sh starts one); skipped otherwise.
    /// </summary>
    [SkippableFact]
    public void Submit_RunsTheSweepAsASlurmArray_ThenMerges()
    {
        Skip.IfNot(SlurmAnswers(), "no Slurm here (sbatch absent or no partition up; start one with environment/slurm-local.sh); test skipped.");
        string dll = Path.Combine(AppContext.BaseDirectory, "halo.dll");
        Skip.IfNot(File.Exists(dll), $"{dll} is not beside the tests; test skipped.");
        var dir = Directory.CreateTempSubdirectory("halo-sweep-slurm-").FullName;
        try
        {
            var plan = Small(truthScale: 0.05);
            plan.Write(dir);
            string dotnet = Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet" ? Environment.ProcessPath! : "dotnet";
            string id = SlurmArray.Submit(dir, new SlurmOptions(CpusPerTask: 1, MaxParallel: 2), $"'{dotnet}' '{dll}'");
            Assert.Matches("^[0-9]+$", id);
            Assert.Contains("#SBATCH --array=0-2%2", File.ReadAllText(Path.Combine(dir, SlurmArray.ScriptFile)));
            var clock = Stopwatch.StartNew();
            while (Directory.GetFiles(Path.Combine(dir, SweepPlan.TasksDirectory), "*.json").Length < 3)
            {
                if (clock.Elapsed > TimeSpan.FromMinutes(20)) Assert.Fail($"the Slurm array {id} did not finish in 20 min; logs in {dir}/logs");
                Thread.Sleep(1000);
            }
            var s = SweepMerge.Run(dir);
            Assert.Equal(3, s.Cost.Finished);
            var coverage = s.Coverage[0];
            Assert.Contains(coverage, c => c.Table == 1 && c.Parameter == "vr" && c.Within68.Trials == 2);
            Assert.Contains(coverage, c => c.Table == 3);
            Assert.All(coverage, c => Assert.InRange(c.Within68.Fraction, 0, 1));
            // The array's results are the in-process ones: same seeds, same numbers.
            var first = JsonSerializer.Deserialize<SweepTaskResult>(File.ReadAllText(SweepPlan.ResultPath(dir, 0)), SweepPlan.Json)!;
            Assert.Equal(SweepTaskRun.Realisation(plan, plan.Variants()[0], plan.Tasks()[0], 2).Entries, first.Entries);
            Assert.Throws<InvalidOperationException>(() => SlurmArray.Submit(dir, new SlurmOptions(), "halo"));   // nothing left
        }
        finally { Directory.Delete(dir, true); }
    }

    static bool SlurmAnswers()
    {
        try
        {
            using var p = Process.Start(new ProcessStartInfo("sinfo", "-h -o %a") { RedirectStandardOutput = true, RedirectStandardError = true });
            if (p is null) return false;
            string output = p.StandardOutput.ReadToEnd();
            return p.WaitForExit(10_000) && p.ExitCode == 0 && output.Contains("up");
        }
        catch (System.ComponentModel.Win32Exception) { return false; }
    }
}
