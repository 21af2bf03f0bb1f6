using System.Reflection;

namespace HaloNotebooks.Benchmarks;

/// <summary>
/// A plain timed harness (BenchmarkDotNet would take minutes per case on 2 cores). Each benchmark
/// is a class implementing <see cref="IBenchmark"/> in a file of its own; run one with
/// `dotnet run -c Release --project tests/HaloNotebooks.Benchmarks -- &lt;name&gt;` or all with no argument.
/// Results are printed as Markdown rows to paste into benchmarks/README.md.
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        if (StreamingMemoryBenchmarks.TryRunChild(args)) return 0;   // one measured case in a process of its own
        var all = typeof(Program).Assembly.GetTypes()
            .Where(t => typeof(IBenchmark).IsAssignableFrom(t) && t is { IsAbstract: false, IsInterface: false })
            .Select(t => (IBenchmark)Activator.CreateInstance(t)!)
            .OrderBy(b => b.Name, StringComparer.Ordinal).ToList();
        var chosen = args.Length == 0 ? all : all.Where(b => args.Contains(b.Name, StringComparer.OrdinalIgnoreCase)).ToList();
        if (chosen.Count == 0)
        {
            Console.Error.WriteLine("unknown benchmark; available: " + string.Join(", ", all.Select(b => b.Name)));
            return 2;
        }
        Console.WriteLine($"machine: {Environment.ProcessorCount} cores, .NET {Environment.Version}, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
        foreach (var b in chosen)
        {
            Console.WriteLine($"## {b.Name}");
            b.Run(Console.Out);
        }
        return 0;
    }
}

/// <summary>One benchmark: does its own warm-up and repetitions, writes Markdown lines.</summary>
public interface IBenchmark
{
    string Name { get; }
    void Run(TextWriter output);
}
