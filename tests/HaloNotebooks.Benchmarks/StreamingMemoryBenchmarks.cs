using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using HaloNotebooks.Catalogs;
using HaloNotebooks.Cli.Commands;
using HaloNotebooks.Mocks;
using HaloNotebooks.Selection;

namespace HaloNotebooks.Benchmarks;

/// <summary>
/// Peak memory and time of writing a mock and of the §2.3 selection read whole (the baseline: the catalogue as one table)
/// against read in row chunks (what <c>halo select</c> does), each case in a process of its own so that its peak resident
/// set (VmHWM) is its own, with the GC as configured by default and with <c>System.GC.ConserveMemory = 7</c> (what the
/// <c>halo</c> command sets). The two selections must write the same bytes. Scale: <c>HALO_BENCH_SCALE</c> (default 1;
/// 10 writes ≈ 1.1 GB of mock files into the temporary folder, deleted at the end).
/// </summary>
public sealed class StreamingMemoryBenchmarks : IBenchmark
{
    public string Name => "memory";

    const string Child = "--memory-case";

    public void Run(TextWriter output)
    {
        double scale = double.Parse(Environment.GetEnvironmentVariable("HALO_BENCH_SCALE") ?? "1", CultureInfo.InvariantCulture);
        var dir = Directory.CreateTempSubdirectory("halo-memory");
        try
        {
            output.WriteLine($"scale {scale.ToString(CultureInfo.InvariantCulture)}; load average at start: {LoadAverage()}");
            output.WriteLine();
            output.WriteLine("| case | GC | rows in | wall time | peak RSS | per input row | per star | output SHA-256 (first 12) |");
            output.WriteLine("| --- | --- | --- | --- | --- | --- | --- | --- |");
            int stars = 0;
            foreach (var conserve in new[] { false, true })
            {
                var mock = Case(dir.FullName, "mock", scale, conserve);
                stars = mock.Stars;
                Row(output, "halo mock (library)", conserve, mock, stars);
                foreach (var how in new[] { "whole", "streamed" })
                    Row(output, $"selection, catalogue {how}", conserve, Case(dir.FullName, how, scale, conserve), stars);
            }
            output.WriteLine($"load average at end: {LoadAverage()}");
        }
        finally { dir.Delete(true); }
    }

    sealed record Result(int Rows, int Stars, double Seconds, long PeakKb, string Hash);

    static void Row(TextWriter output, string label, bool conserve, Result r, int stars) =>
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {label} | {(conserve ? "ConserveMemory 7" : "default")} | {r.Rows:N0} | {r.Seconds:F1} s | {r.PeakKb / 1024.0:F0} MiB | " +
                $"{r.PeakKb * 1024.0 / r.Rows / 1000:F2} KB | {r.PeakKb * 1024.0 / stars / 1000:F2} KB | {r.Hash} |"));

    /// <summary>Runs one case in a child process of this harness and reads its last line.</summary>
    static Result Case(string dir, string what, double scale, bool conserve)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, UseShellExecute = false };
        start.ArgumentList.Add(typeof(StreamingMemoryBenchmarks).Assembly.Location);
        foreach (var a in new[] { Child, what, dir, scale.ToString(CultureInfo.InvariantCulture) }) start.ArgumentList.Add(a);
        if (conserve) start.Environment["DOTNET_GCConserveMemory"] = "7";
        using var p = Process.Start(start)!;
        var lines = p.StandardOutput.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        p.WaitForExit();
        if (p.ExitCode != 0 || lines.Length == 0) throw new InvalidOperationException($"case {what} failed (exit {p.ExitCode}): {string.Join(" / ", lines)}");
        var f = lines[^1].Split('\t');
        return new Result(int.Parse(f[0], CultureInfo.InvariantCulture), int.Parse(f[1], CultureInfo.InvariantCulture),
            double.Parse(f[2], CultureInfo.InvariantCulture), long.Parse(f[3], CultureInfo.InvariantCulture), f[4]);
    }

    /// <summary>The child's side: <c>--memory-case mock|whole|streamed DIR SCALE</c>; prints rows, stars, seconds, VmHWM (kB), hash.</summary>
    public static bool TryRunChild(string[] args)
    {
        if (args.Length != 4 || args[0] != Child) return false;
        string what = args[1], dir = args[2];
        double scale = double.Parse(args[3], CultureInfo.InvariantCulture);
        string mwsall = Path.Combine(dir, MockCatalog.CatalogueFile), distances = Path.Combine(dir, MockCatalog.DistancesFile);
        var clock = Stopwatch.StartNew();
        int rows, stars;
        string hash = "–";
        if (what == "mock")
        {
            var mock = MockCatalog.Generate(new MockSettings(Scale: scale));
            mock.Write(dir);
            (rows, stars) = (mock.Catalogue.RowCount, mock.Truth.RowCount);
        }
        else
        {
            var subs = SubstructureCatalog.Read(Path.Combine(dir, MockCatalog.SubstructuresFile));
            var sample = what == "whole"
                ? PaperSelection.Run(CatalogueOpener.Read(mwsall, distances), SelectionSettings.Paper, subs)
                : PaperSelection.RunInChunks(CatalogueOpener.Open(mwsall, distances), SelectionSettings.Paper, subs);
            string csv = Path.Combine(dir, $"sample-{what}.csv");
            TableFile.Write(sample.Stars, csv);
            hash = Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(csv)))[..12];
            rows = sample.Funnel.InputCount;
            stars = sample.Funnel.Steps.Single(s => s.Cut == "DESI: PRIMARY").Kept;
        }
        double seconds = clock.Elapsed.TotalSeconds;
        long hwm = File.ReadLines("/proc/self/status").Where(l => l.StartsWith("VmHWM:", StringComparison.Ordinal))
            .Select(l => long.Parse(l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture)).Single();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{rows}\t{stars}\t{seconds:F2}\t{hwm}\t{hash}"));
        return true;
    }

    static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
}
