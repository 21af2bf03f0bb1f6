using System.Diagnostics;
using System.Text.Json;
using HaloNotebooks.Inference;
using Xunit;

namespace HaloNotebooks.Tests.Cli;

/// <summary>
/// `halo fit --chain FILE.h5` writes the chain every --flush-every steps while it runs; `halo fit --resume FILE.h5 --steps N`
/// continues it by N steps. A run killed with SIGKILL leaves a readable chain that continues to one run's chain.
/// </summary>
public sealed class FitResumeTests : IDisposable
{
    readonly string folder = Directory.CreateTempSubdirectory("halo-fit-resume-").FullName;
    readonly string stars;

    public FitResumeTests()
    {
        stars = Path.Combine(folder, "stars.csv");
        File.WriteAllLines(stars, File.ReadLines(TestPaths.Fixture("reference/mixture_mock.csv")).Take(201));
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);

    string[] Fit(params string[] more) =>
        ["fit", "--input", stars, "--model", "single", "--walkers", "16", "--burn", "10", "--seed", "8", "--threads", "1", .. more];

    [Fact]
    public void Resume_GivesTheChainAndSummaryOfOneRun()
    {
        string a = Path.Combine(folder, "a.h5"), b = Path.Combine(folder, "b.h5");
        Assert.Equal(0, HaloNotebooks.Cli.Program.Run(Fit("--steps", "50", "--chain", b, "--output", Path.Combine(folder, "b.json"))));
        Assert.Equal(0, HaloNotebooks.Cli.Program.Run(Fit("--steps", "30", "--chain", a, "--flush-every", "7")));
        Assert.Equal(0, HaloNotebooks.Cli.Program.Run(["fit", "--input", stars, "--model", "single", "--burn", "10", "--threads", "2",
            "--resume", a, "--steps", "20", "--output", Path.Combine(folder, "a.json")]));

        var (one, two) = (HdfChainBackend.Read(b), HdfChainBackend.Read(a));
        Assert.Equal(50, two.Iterations);
        Assert.Equal(one.GetChain(), two.GetChain());
        Assert.Equal(one.GetLogProb(), two.GetLogProb());
        Assert.Equal(one.Accepted, two.Accepted);
        Assert.Equal(Summary(Path.Combine(folder, "b.json")), Summary(Path.Combine(folder, "a.json")));
    }

    [Fact]
    public void Resume_RefusesWhatCannotContinue_WithOneLine()
    {
        string a = Path.Combine(folder, "a.h5");
        Assert.Equal(0, HaloNotebooks.Cli.Program.Run(Fit("--steps", "12", "--chain", a)));
        Assert.Equal(2, HaloNotebooks.Cli.Program.Run(Fit("--steps", "5", "--resume", a, "--seed", "9")));          // not the file's seed
        Assert.Equal(2, HaloNotebooks.Cli.Program.Run(["fit", "--input", stars, "--model", "single", "--walkers", "20", "--burn", "2",
            "--resume", a, "--steps", "5"]));
        Assert.Equal(2, HaloNotebooks.Cli.Program.Run(Fit("--steps", "5", "--resume", a, "--chain", Path.Combine(folder, "b.h5"))));
        Assert.Equal(1, HaloNotebooks.Cli.Program.Run(Fit("--steps", "5", "--resume", Path.Combine(folder, "absent.h5"))));
        Assert.Equal(1, HaloNotebooks.Cli.Program.Run(["fit", "--input", stars, "--model", "single", "--burn", "2", "--seed", "6",
            "--resume", TestPaths.Fixture("chains/emcee_hdf_backend.h5"), "--steps", "5"]));                     // no walker streams
        // Another model (dipole's 5 parameters against the file's 8): refused before any step.
        Assert.NotEqual(0, HaloNotebooks.Cli.Program.Run(["fit", "--input", stars, "--model", "double", "--burn", "2", "--resume", a, "--steps", "5"]));
        Assert.Equal(12, HdfChainBackend.Read(a).Iterations);                                                       // left as it was
    }

    [Fact]
    public void KilledRun_LeavesAReadableChain_ThatContinuesToOneRunsChain()
    {
        string killed = Path.Combine(folder, "killed.h5");
        const int flushEvery = 20;
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in (string[])[Path.Combine(AppContext.BaseDirectory, "halo.dll"), .. Fit("--steps", "1000000", "--chain", killed,
                     "--flush-every", flushEvery.ToString(System.Globalization.CultureInfo.InvariantCulture), "--output", Path.Combine(folder, "x.json"))])
            start.ArgumentList.Add(arg);
        using (var child = Process.Start(start)!)
        {
            _ = child.StandardOutput.ReadToEndAsync();
            _ = child.StandardError.ReadToEndAsync();
            var clock = Stopwatch.StartNew();
            while (!File.Exists(killed) && !child.HasExited && clock.Elapsed < TimeSpan.FromMinutes(4)) Thread.Sleep(50);
            Assert.False(child.HasExited, "the run ended before its first write");
            Assert.True(File.Exists(killed), "no chain written within 4 min");
            Thread.Sleep(300);                                  // let it get into later writes, so a kill may land mid-write
            child.Kill();                                       // SIGKILL on Linux: no finally, no flush
            child.WaitForExit();
        }

        var left = HdfChainBackend.Read(killed);
        Assert.True(left.Iterations >= flushEvery, $"{left.Iterations} steps");
        Assert.Equal(0, left.Iterations % flushEvery);          // only whole writes: a temporary file, then a rename
        Assert.Equal((16, 8), (left.Walkers, left.Dimension));

        // Continue by 10 steps: the chain of one uninterrupted run of the same total length.
        int total = left.Iterations + 10;
        Assert.Equal(0, HaloNotebooks.Cli.Program.Run(["fit", "--input", stars, "--model", "single", "--burn", "10", "--resume", killed,
            "--steps", "10"]));
        string one = Path.Combine(folder, "one.h5");
        Assert.Equal(0, HaloNotebooks.Cli.Program.Run(Fit("--steps", total.ToString(System.Globalization.CultureInfo.InvariantCulture), "--chain", one)));
        Assert.Equal(HdfChainBackend.Read(one).GetChain(), HdfChainBackend.Read(killed).GetChain());
    }

    /// <summary>The summary JSON without its wall time (the one number two runs may differ in).</summary>
    static string Summary(string path)
    {
        var root = JsonDocument.Parse(File.ReadAllText(path)).RootElement;
        return string.Join("\n", root.EnumerateObject().Where(p => p.Name is not ("wall_time_s" or "settings")).Select(p => p.ToString()))
            + root.GetProperty("settings").GetProperty("steps");
    }
}
