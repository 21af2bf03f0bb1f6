using System.Globalization;
using HaloNotebooks.Analysis;
using HaloNotebooks.Inference;
using HaloNotebooks.Models;

namespace HaloNotebooks.Cli.Plumbing;

/// <summary>
/// Validation at the door: every option of every command is checked here before any work starts (astropy rejects a
/// quantity with the wrong unit where it enters, not deep in a computation), so a mistake costs a second, not a run.
/// </summary>
public static class Check
{
    /// <summary>An input file that must exist; <paramref name="producedBy"/> says which command writes one.</summary>
    public static string InputFile(string? path, string option, string? producedBy = null)
    {
        if (string.IsNullOrWhiteSpace(path)) throw new UsageException($"{option} needs a file");
        if (Directory.Exists(path)) throw new InputException($"{option} {path}: is a folder, not a file");
        if (!File.Exists(path))
            throw new InputException($"{option} {path}: no such file" + (producedBy is null ? "" : $" ({producedBy})"));
        return path;
    }

    /// <summary>An input that may be a file or a folder (an LVDB substructure folder).</summary>
    public static string InputPath(string path, string option)
    {
        if (!File.Exists(path) && !Directory.Exists(path)) throw new InputException($"{option} {path}: no such file or folder");
        return path;
    }

    /// <summary>
    /// An output file: its folder is created when missing and proved writable (a probe file written and removed) before
    /// any computation, so a long fit never ends in "could not find a part of the path".
    /// </summary>
    public static string OutputFile(string? path, string option)
    {
        if (string.IsNullOrWhiteSpace(path)) throw new UsageException($"{option} needs a file name");
        string full = Path.GetFullPath(path);
        if (Directory.Exists(full)) throw new InputException($"{option} {path}: is a folder; give a file name");
        WritableFolder(Path.GetDirectoryName(full) ?? ".", option, path);
        return path;
    }

    /// <summary>An output folder (created when missing, proved writable); an existing file of that name is an error.</summary>
    public static string OutputFolder(string? path, string option)
    {
        if (string.IsNullOrWhiteSpace(path)) throw new UsageException($"{option} needs a folder");
        string full = Path.GetFullPath(path);
        if (File.Exists(full)) throw new InputException($"{option} {path}: is a file, not a folder");
        WritableFolder(full, option, path);
        return path;
    }

    static void WritableFolder(string folder, string option, string given)
    {
        try
        {
            Directory.CreateDirectory(folder);
            string probe = Path.Combine(folder, $".halo-write-test-{Environment.ProcessId}");
            File.WriteAllText(probe, "");
            File.Delete(probe);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputException($"{option} {given}: cannot write there ({e.Message.TrimEnd('.')})");
        }
    }

    /// <summary>
    /// Sampler options for a model with <paramref name="parameters"/> parameters: <see cref="SamplerSettings.Validate"/>'s rules
    /// and message (which names the setting first, "walkers 30: …", so "--" makes it the option), and --threads.
    /// </summary>
    public static SamplerSettings Sampler(int walkers, int steps, int burn, long seed, int? threads, int parameters, string what)
    {
        if (threads is < 1) throw new UsageException($"--threads {threads}: need at least 1");
        try { return new SamplerSettings(walkers, steps, burn, seed).Validate(parameters, what); }
        catch (ArgumentException e) { throw new UsageException("--" + e.Message); }
    }

    /// <summary>`--model`: single, double or dipole.</summary>
    public static FitModel Model(string name) =>
        FitModel.All.FirstOrDefault(m => m.Name == name) ?? throw new UsageException($"--model {name}: use single, double or dipole");

    /// <summary>A radial range in kpc: 0 ≤ min &lt; max.</summary>
    public static void RadialRange(double? rMin, double? rMax)
    {
        if (rMin is double a && !(a >= 0 && double.IsFinite(a))) throw new UsageException($"--r-min {a}: need a finite distance ≥ 0 kpc");
        if (rMax is double b && !(b > 0)) throw new UsageException($"--r-max {b}: need a distance > 0 kpc");
        if (rMin is double lo && rMax is double hi && !(hi > lo)) throw new UsageException($"--r-min {lo} --r-max {hi}: the range is empty");
    }

    /// <summary>`--bins paper` (Table 1's, or Table 3's for the dipole) or comma-separated increasing edges in kpc.</summary>
    public static RadialBins Bins(string text, FitModel model)
    {
        if (text.Equals("paper", StringComparison.OrdinalIgnoreCase)) return model.FitsRadialVelocity ? RadialBins.PaperDipole : RadialBins.Paper;
        var parts = text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var edges = new double[parts.Length];
        for (int i = 0; i < parts.Length; i++)
            if (!double.TryParse(parts[i], NumberStyles.Float, CultureInfo.InvariantCulture, out edges[i]) || !double.IsFinite(edges[i]))
                throw new UsageException($"--bins {text}: '{parts[i]}' is not a number; give paper or edges in kpc such as 3,20,50,160");
        if (edges.Length < 2) throw new UsageException($"--bins {text}: need at least two edges (one bin), e.g. 3,20,50,160, or paper");
        for (int i = 1; i < edges.Length; i++)
            if (!(edges[i] > edges[i - 1])) throw new UsageException($"--bins {text}: edges must increase");
        if (edges[0] < 0) throw new UsageException($"--bins {text}: edges must be ≥ 0 kpc");
        return new RadialBins(edges);
    }

    /// <summary>Validates the analysis settings a whole reproduction uses (the double model has the most parameters).</summary>
    public static AnalysisSettings Analysis(int walkers, int steps, int burn, long seed, int? threads)
    {
        var sampler = Sampler(walkers, steps, burn, seed, threads, TwoComponent.ParameterNames.Count, "the double-component model (Table 2)");
        return new AnalysisSettings(MaxDegreeOfParallelism: threads) { Sampler = sampler }.Validate();
    }

    internal static FitSettings Fit(int walkers, int steps, int burn, long seed, int? threads, FitModel model)
    {
        return new FitSettings(Sampler(walkers, steps, burn, seed, threads, model.ParameterNames.Count, $"the {model} model"), threads);
    }
}
