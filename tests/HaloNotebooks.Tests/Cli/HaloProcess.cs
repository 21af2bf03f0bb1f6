using System.Diagnostics;

namespace HaloNotebooks.Tests.Cli;

/// <summary>Runs the built `halo` as a separate process, as a user or a Slurm job would: its exit code, stdout and
/// stderr as they really come out (not a terminal, so progress is in log lines).</summary>
public static class HaloProcess
{
    public sealed record Outcome(int ExitCode, string Stdout, string Stderr)
    {
        /// <summary>The non-empty lines of stderr.</summary>
        public string[] ErrorLines => Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }

    static string Dll => Path.Combine(AppContext.BaseDirectory, "halo.dll");

    public static Outcome Run(string workingDirectory, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Dll);
        foreach (var a in args) start.ArgumentList.Add(a);
        start.Environment["NO_COLOR"] = "1";
        using var p = Process.Start(start)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(TimeSpan.FromMinutes(5))) { p.Kill(true); throw new TimeoutException($"halo {string.Join(' ', args)} did not finish in 5 min"); }
        return new Outcome(p.ExitCode, stdout.Result, stderr.Result);
    }
}
