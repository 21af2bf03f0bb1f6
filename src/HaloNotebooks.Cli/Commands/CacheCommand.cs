using System.CommandLine;
using HaloNotebooks.Analysis;
using HaloNotebooks.Cli.Plumbing;

namespace HaloNotebooks.Cli.Commands;

/// <summary>
/// `halo cache info|clear`: the fit cache (<see cref="FitCache"/>) that `halo reproduce` and the notebooks
/// use: where it is, how many fits it holds and how large it is; or empty it.
/// </summary>
public sealed class CacheCommand : ICliCommand
{
    public Command Build()
    {
        var info = new Command("info", "Where the fit cache is ($HALO_CACHE, else ~/.cache/halonotebooks/fits), its entries and size");
        info.SetAction(_ => CommandErrors.Run("cache info", () =>
        {
            var cache = FitCache.FromEnvironment();
            Console.WriteLine(cache is null ? "fit cache: off (HALO_CACHE=off)" : cache.Info().ToString());
            return ExitCode.Ok;
        }));
        var clear = new Command("clear", "Remove every entry of the fit cache");
        clear.SetAction(_ => CommandErrors.Run("cache clear", () =>
        {
            var cache = FitCache.FromEnvironment() ?? new FitCache(FitCache.DefaultFolder);
            int removed = cache.Clear();
            Console.WriteLine($"fit cache {cache.Folder}: removed {removed} entr{(removed == 1 ? "y" : "ies")}");
            return ExitCode.Ok;
        }));
        var cmd = new Command("cache", "The fit cache: each MCMC fit keyed by a SHA-256 of its stars, model, priors, sampler settings, seed and code");
        cmd.Subcommands.Add(info);
        cmd.Subcommands.Add(clear);
        return cmd;
    }

    /// <summary>Runs <paramref name="work"/> with <see cref="FitCache.Current"/> set to the environment's cache (null with
    /// <paramref name="noCache"/>), and puts the previous value back afterwards.</summary>
    internal static T WithCache<T>(bool noCache, Func<T> work)
    {
        var previous = FitCache.Current;
        FitCache.Current = noCache ? null : FitCache.FromEnvironment();
        try { return work(); }
        finally { FitCache.Current = previous; }
    }
}
