using System.Diagnostics;
using HaloNotebooks.Cli.Notebooks;

namespace HaloNotebooks.Benchmarks;

/// <summary>
/// Notebook runner: cold start to the first cell's result (target &lt; 3 s), measured in a
/// fresh `halo` process and in-process for the first session; then the per-cell overhead of a warm
/// session (trivial cells, so the time is compile + emit + load + run of one submission).
/// </summary>
public sealed class NotebookRunnerBenchmarks : IBenchmark
{
    public string Name => "runner";

    public void Run(TextWriter output)
    {
        var dir = Directory.CreateTempSubdirectory("halo-bench-").FullName;
        try
        {
            var tiny = Path.Combine(dir, "tiny.dib");
            File.WriteAllText(tiny, "#!csharp\n\nvar x = 6 * 7;\nx\n");

            // 1. In-process: the process's first Roslyn submission (compiler, scripting and JIT all cold).
            var cpu0 = Process.GetCurrentProcess().TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            var session = new NotebookSession(dir, "bench");
            var first = session.Execute(1, "var x = 6 * 7;\nx");
            var firstInProcess = clock.Elapsed;
            var firstCpu = Process.GetCurrentProcess().TotalProcessorTime - cpu0;
            if (first.Status != CellStatus.Succeeded) throw new InvalidOperationException("first cell failed: " + first.Message);

            // 2. Per-cell overhead in the warm session.
            const int cells = 40;
            var cellCpu0 = Process.GetCurrentProcess().TotalProcessorTime;
            clock.Restart();
            for (int i = 0; i < cells; i++) session.Execute(i + 2, $"var v{i} = x + {i};\nv{i}");
            var perCell = clock.Elapsed / cells;
            var perCellCpu = (Process.GetCurrentProcess().TotalProcessorTime - cellCpu0) / cells;

            // 3. A new session in a warm process (what the second notebook of a `halo notebooks run` pays).
            clock.Restart();
            new NotebookSession(dir, "bench2").Execute(1, "var y = 1;\ny");
            var secondSession = clock.Elapsed;

            // 4. A fresh process: `halo notebooks run tiny.dib` end to end (process start, first cell, outputs written).
            var halo = FindHalo();
            var processTimes = new List<double>();

            for (int r = 0; r < 3; r++)
            {
                var psi = new ProcessStartInfo("dotnet", [halo, "notebooks", "run", tiny, "--output", Path.Combine(dir, "out")])
                    { RedirectStandardOutput = true, RedirectStandardError = true };
                clock.Restart();
                using var p = Process.Start(psi)!;
                p.StandardOutput.ReadToEnd();
                p.WaitForExit();
                if (p.ExitCode != 0) throw new InvalidOperationException("halo notebooks run failed: " + p.StandardError.ReadToEnd());
                processTimes.Add(clock.Elapsed.TotalSeconds);

            }
            processTimes.Sort();


            output.WriteLine("| measurement | value |");
            output.WriteLine("|---|---|");
            // CPU time (user + sys, all threads) does not grow with other processes' load, wall time does.
            output.WriteLine($"| first cell, in-process cold (new session + compile + run): wall | {firstInProcess.TotalSeconds:F2} s |");
            output.WriteLine($"| first cell, in-process cold: CPU time | {firstCpu.TotalSeconds:F2} s |");
            output.WriteLine($"| `halo notebooks run tiny.dib`, fresh process, median of 3: wall | {processTimes[1]:F2} s (min {processTimes[0]:F2}, " +
                $"max {processTimes[2]:F2}) |");
            output.WriteLine($"| first cell of a new session, warm process | {secondSession.TotalMilliseconds:F0} ms |");
            output.WriteLine($"| per-cell overhead, warm session, mean of {cells} trivial cells: wall | {perCell.TotalMilliseconds:F1} ms |");
            output.WriteLine($"| per-cell overhead, warm session: CPU time | {perCellCpu.TotalMilliseconds:F1} ms |");
        }
        finally { Directory.Delete(dir, recursive: true); }
    }

    static string FindHalo()
    {
        var beside = Path.Combine(AppContext.BaseDirectory, "halo.dll");
        if (File.Exists(beside) && File.Exists(Path.Combine(AppContext.BaseDirectory, "halo.runtimeconfig.json"))) return beside;
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
        {
            var built = Path.Combine(d.FullName, "src", "HaloNotebooks.Cli", "bin", "Release", "net10.0", "halo.dll");
            if (File.Exists(built)) return built;
        }
        throw new FileNotFoundException("halo.dll not found; build src/HaloNotebooks.Cli -c Release first");
    }
}
