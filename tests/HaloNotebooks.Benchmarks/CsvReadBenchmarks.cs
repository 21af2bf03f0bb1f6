using System.Diagnostics;
using System.Globalization;
using System.Text;
using HaloNotebooks.Catalogs;

namespace HaloNotebooks.Benchmarks;

/// <summary>
/// CsvTable.Read, the one CSV reader (catalogues, the paper's tables): a generated 300,000-row table of 12 columns in the
/// layout of a selected sample written by `halo select` (8 doubles in round-trip form, an int64 id, a quoted string,
/// a boolean, a column with missing cells), read whole 5 times. Reports wall and CPU seconds per read and the allocation;
/// a check value proves the same table was read. Compare two builds by running each in turn on the same machine.
/// </summary>
public sealed class CsvReadBenchmarks : IBenchmark
{
    const int Rows = 300_000, Repeats = 5;

    public string Name => "csv";

    public void Run(TextWriter output)
    {
        var dir = Directory.CreateTempSubdirectory("halo-bench-csv");
        try
        {
            var path = Path.Combine(dir.FullName, "sample.csv");
            Generate(path);
            output.WriteLine($"generated {Rows:N0} rows × 12 columns = {new FileInfo(path).Length / 1e6:F1} MB");
            output.WriteLine("| run | wall s | CPU s | allocated MB |");
            output.WriteLine("|---|---|---|---|");
            var cpu = new List<double>();
            double check = 0;
            for (int run = 0; run < Repeats; run++)
            {
                GC.Collect();
                long allocatedBefore = GC.GetTotalAllocatedBytes(true);
                var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
                var clock = Stopwatch.StartNew();
                var table = CsvTable.Read(path);
                double wall = clock.Elapsed.TotalSeconds;
                double cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalSeconds;
                long allocated = GC.GetTotalAllocatedBytes(true) - allocatedBefore;
                check += table.GetDouble("rv")[Rows - 1] + table.GetInt64("targetid")[Rows - 1] + table.GetString("name")[7].Length;
                cpu.Add(cpuSeconds);
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {run + 1} | {wall:F2} | {cpuSeconds:F2} | {allocated / 1e6:F0} |"));
            }
            cpu.Sort();
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"median CPU {cpu[Repeats / 2]:F2} s per read; check value {check}"));
        }
        finally { dir.Delete(true); }
    }

    /// <summary>A deterministic table (no random generator: the same bytes in every build).</summary>
    static void Generate(string path)
    {
        using var w = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 16) { NewLine = "\n" };
        w.WriteLine("targetid,ra,dec,distance,pmra,pmdec,rv,feh,teff,name,primary,ebv");
        var inv = CultureInfo.InvariantCulture;
        for (int i = 0; i < Rows; i++)
        {
            double x = i * 0.6180339887498949;
            string ebv = i % 7 == 0 ? "" : (0.01 + (x % 1) * 0.2).ToString("R", inv);
            w.WriteLine(string.Create(inv,
                $"{39_627_000_000_000_000L + i},{(x * 360) % 360:R},{Math.Sin(x) * 80:R},{5 + (x % 1) * 100:R},{Math.Cos(x) * 3:R},{Math.Sin(2 * x):R}," +
                    $"{Math.Cos(3 * x) * 150:R},{-3 + (x % 1) * 2.5:R},{4000 + (x % 1) * 2000:R},\"star {i}\",{(i % 3 == 0 ? "true" : "false")},{ebv}"));
        }
    }
}
