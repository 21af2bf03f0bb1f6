using System.CommandLine;
using System.Reflection;

namespace HaloNotebooks.Cli;

public static class Program
{
    public static int Main(string[] args) => Run(args);

    /// <summary>Entry point shared by the executable and the tests.</summary>
    public static int Run(string[] args)
    {
        Notebooks.ConsoleCapture.Install();   // before any output: see ConsoleCapture on lock order
        var root = new RootCommand("halo — reproduce the DESI DR2 stellar-halo velocity-field analysis");
        foreach (var command in DiscoverCommands().OrderBy(c => c.Name, StringComparer.Ordinal))
            root.Subcommands.Add(command);
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            // One line and exit 2 for every usage mistake, with where to look (System.CommandLine would print the help).
            string command = parse.CommandResult.Command == root ? "halo" : "halo " + parse.CommandResult.Command.Name;
            var errors = parse.Errors.Select(e =>
                string.Join(" ", e.Message.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).TrimEnd('.'));
            Console.Error.WriteLine($"{command}: {string.Join("; ", errors)} (see {command} --help)");
            return Plumbing.ExitCode.Usage;
        }
        return parse.Invoke();
    }

    static IEnumerable<Command> DiscoverCommands() =>
        typeof(Program).Assembly.GetTypes()
            .Where(t => typeof(ICliCommand).IsAssignableFrom(t) && t is { IsAbstract: false, IsInterface: false })
            .Select(t => ((ICliCommand)Activator.CreateInstance(t)!).Build());
}
