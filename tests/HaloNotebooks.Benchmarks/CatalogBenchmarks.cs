using System.Buffers.Binary;
using System.Diagnostics;
using System.Globalization;
using HaloNotebooks.Catalogs;

namespace HaloNotebooks.Benchmarks;

/// <summary>
/// FITS column projection: read 5 double columns from a generated 2,000,000-row × 50-column
/// BINTABLE (800 MB). Reports throughput as file bytes scanned per second (the reader streams
/// whole rows in 4 MB chunks) and as requested bytes per second, plus managed allocation and the
/// process's peak working set, which should stay near 5 × 16 MB of output, not the file size.
/// </summary>
public sealed class CatalogBenchmarks : IBenchmark
{
    const int Rows = 2_000_000, Columns = 50, Repeats = 3;
    static readonly string[] Read5 = ["C03", "C11", "C24", "C37", "C48"];

    public string Name => "catalogs";

    public void Run(TextWriter output)
    {
        var dir = Directory.CreateTempSubdirectory("halo-bench-catalogs");
        try
        {
            var path = Path.Combine(dir.FullName, "wide.fits");
            var clock = Stopwatch.StartNew();
            Generate(path);
            long fileBytes = new FileInfo(path).Length;
            output.WriteLine($"generated {Rows:N0} rows × {Columns} D columns = {fileBytes / 1e6:F0} MB in {clock.Elapsed.TotalSeconds:F1} s");
            long workingSetBefore = Process.GetCurrentProcess().WorkingSet64;
            output.WriteLine("| run | seconds | file MB/s | requested MB/s | allocated MB | peak working set MB |");
            output.WriteLine("|---|---|---|---|---|---|");
            var times = new List<double>();
            double checksum = 0;
            for (int run = 0; run < Repeats; run++)
            {
                GC.Collect();
                long allocatedBefore = GC.GetTotalAllocatedBytes(true);
                clock.Restart();
                StarTable table;
                using (var fits = FitsFile.Open(path)) table = fits.ReadTable("WIDE", Read5);
                double seconds = clock.Elapsed.TotalSeconds;
                long allocated = GC.GetTotalAllocatedBytes(true) - allocatedBefore;
                checksum += table.GetDouble("C48")[Rows - 1];
                times.Add(seconds);
                var process = Process.GetCurrentProcess();
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {run + 1} | {seconds:F2} | {fileBytes / 1e6 / seconds:F0} | {5.0 * 8 * Rows / 1e6 / seconds:F0} | {allocated / 1e6:F0} | " +
                        $"{process.PeakWorkingSet64 / 1e6:F0} |"));
            }
            times.Sort();
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"median {times[Repeats / 2]:F2} s → {fileBytes / 1e6 / times[Repeats / 2]:F0} MB/s of file (target ≥ 300); working set before reading " +
                    $"{workingSetBefore / 1e6:F0} MB; check value {checksum}"));
        }
        finally { dir.Delete(true); }
    }

    /// <summary>Streams the table to disk (header by the library's writer conventions, rows in chunks),
    /// so generating 800 MB needs only a few MB of memory. Value in column c, row r = r + c / 100.</summary>
    static void Generate(string path)
    {
        var h = new FitsHeaderBuilder().Add("XTENSION", "BINTABLE").Add("BITPIX", 8L).Add("NAXIS", 2L)
            .Add("NAXIS1", 8L * Columns).Add("NAXIS2", (long)Rows).Add("PCOUNT", 0L).Add("GCOUNT", 1L).Add("TFIELDS", (long)Columns);
        for (int c = 0; c < Columns; c++)
            h.Add("TTYPE" + (c + 1), "C" + c.ToString("D2", CultureInfo.InvariantCulture)).Add("TFORM" + (c + 1), "D");
        h.Add("EXTNAME", "WIDE");
        using var s = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20);
        s.Write(new FitsHeaderBuilder().Add("SIMPLE", true).Add("BITPIX", 8L).Add("NAXIS", 0L).Add("EXTEND", true).ToBytes());
        s.Write(h.ToBytes());
        const int chunk = 10_000;
        var buffer = new byte[chunk * Columns * 8];
        for (int first = 0; first < Rows; first += chunk)
        {
            for (int r = 0; r < chunk; r++)
                for (int c = 0; c < Columns; c++)
                    BinaryPrimitives.WriteDoubleBigEndian(buffer.AsSpan((r * Columns + c) * 8), first + r + c / 100.0);
            s.Write(buffer);
        }
        long data = 8L * Columns * Rows;
        s.Write(new byte[(2880 - data % 2880) % 2880]);
    }
}
