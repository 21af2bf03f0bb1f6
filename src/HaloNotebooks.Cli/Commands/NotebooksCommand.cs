using System.CommandLine;
using HaloNotebooks.Cli.Notebooks;

namespace HaloNotebooks.Cli.Commands;

/// <summary>
/// <c>halo notebooks run [paths…] [--kernel dotnet-interactive|builtin] [--output dir] [--timeout-per-cell s] [--keep-going] [--env K=V]</c>:
/// executes Polyglot notebooks headlessly, in the released .NET Interactive kernel over stdio (the default when
/// the tool manifest's kernel is restored) or the built-in runner, and writes, per notebook, the executed
/// <c>.ipynb</c> and a static <c>.html</c> page; exit code 1 if any cell failed, 2 for a usage error.
/// <c>halo notebooks export --to cs [paths…] [--output dir]</c>: each notebook as a .NET 10 file-based app.
/// A directory argument means every .ipynb/.dib in it.
/// </summary>
public sealed class NotebooksCommand : ICliCommand
{
    public Command Build()
    {
        var command = new Command("notebooks", "Run Polyglot notebooks headlessly, or export them as file-based C# apps");
        command.Subcommands.Add(BuildRun());
        command.Subcommands.Add(BuildExport());
        return command;
    }

    static Argument<string[]> PathsArgument() => new("paths")
    {
        Description = "Notebook files (.ipynb, .dib) or folders holding them (default: notebooks/)",
        Arity = ArgumentArity.ZeroOrMore,
    };

    static Command BuildRun()
    {
        var paths = PathsArgument();
        var output = new Option<string>("--output")
        {
            Description = "Folder for the executed .ipynb and .html (default: notebooks/executed)",
            DefaultValueFactory = _ => Path.Combine("notebooks", "executed"),
        };
        var timeout = new Option<double?>("--timeout-per-cell") { Description = "Seconds a cell may run before the notebook fails" };
        var keepGoing = new Option<bool>("--keep-going") { Description = "Run the remaining cells after a failing cell" };
        var kernel = new Option<string?>("--kernel")
        {
            Description = "dotnet-interactive (the released kernel VS Code runs, pinned in .config/dotnet-tools.json) or builtin (the project's Roslyn " +
                "runner). Default: dotnet-interactive when restored, else builtin",
        };
        var env = new Option<string[]>("--env")
        {
            Description = "KEY=VALUE set while the notebooks run (e.g. HALO_FAST=1); the process environment passes through",
            AllowMultipleArgumentsPerToken = false,
        };
        var cmd = new Command("run", "Execute notebooks cell by cell and write executed copies with their outputs");
        cmd.Arguments.Add(paths);
        cmd.Options.Add(output);
        cmd.Options.Add(kernel);
        cmd.Options.Add(timeout);
        cmd.Options.Add(keepGoing);
        cmd.Options.Add(env);
        cmd.SetAction(parse =>
        {
            List<string> files;
            Dictionary<string, string?> environment;
            try
            {
                files = ExpandPaths(parse.GetValue(paths));
                environment = ParseEnvironment(parse.GetValue(env));
            }
            catch (ArgumentException e) { Console.Error.WriteLine("error: " + e.Message); return 2; }
            var seconds = parse.GetValue(timeout);
            if (seconds is <= 0) { Console.Error.WriteLine("error: --timeout-per-cell must be positive"); return 2; }
            var (kind, tool, note) = ChooseKernel(parse.GetValue(kernel), files[0]);
            if (note.StartsWith("error:", StringComparison.Ordinal)) { Console.Error.WriteLine(note); return 2; }
            Console.WriteLine(note);
            var options = new NotebookRunOptions
            {
                Kernel = kind,
                Tool = tool,
                CellTimeout = seconds is { } s ? TimeSpan.FromSeconds(s) : null,
                KeepGoing = parse.GetValue(keepGoing),
                Environment = environment,
                OnCell = r => { if (r.Status != CellStatus.Skipped) Console.WriteLine("  " + r); },
            };
            return RunAll(files, parse.GetValue(output)!, options);
        });
        return cmd;
    }

    static int RunAll(IReadOnlyList<string> files, string outputDir, NotebookRunOptions options)
    {
        Directory.CreateDirectory(outputDir);
        int failedNotebooks = 0;
        foreach (var file in files)
        {
            Console.WriteLine(file);
            Notebook notebook;
            try { notebook = Notebook.Read(file); }
            catch (NotebookFormatException e) { Console.Error.WriteLine("error: " + e.Message); failedNotebooks++; continue; }
            NotebookRunResult result;
            try { result = NotebookRunner.Run(notebook, options); }
            catch (NotebookKernelException e) { Console.Error.WriteLine("error: " + e.Message); failedNotebooks++; continue; }
            var ipynb = Path.Combine(outputDir, notebook.Name + ".ipynb");
            var html = Path.Combine(outputDir, notebook.Name + ".html");
            File.WriteAllText(ipynb, IpynbFormat.Write(notebook));
            File.WriteAllText(html, NotebookHtmlPage.Render(notebook));
            foreach (var w in result.Warnings) Console.WriteLine("  warning: " + w);
            var failed = result.Cells.FirstOrDefault(c => c.Status == CellStatus.Failed);
            Console.WriteLine(result.Succeeded
                ? $"  ok in {result.Elapsed.TotalSeconds:F2} s → {ipynb}, {html}"
                : $"  FAILED ({result.FailedCount} cell(s)); first: {failed?.Message} → {ipynb}");
            if (!result.Succeeded) failedNotebooks++;
        }
        Console.WriteLine($"{files.Count - failedNotebooks}/{files.Count} notebook(s) ran without errors");
        return failedNotebooks == 0 ? 0 : 1;
    }

    /// <summary>
    /// The kernel to run in, and the one line that says which: the released kernel when asked or, by default, when the
    /// repository's tool manifest pins it and <c>dotnet tool restore</c> has run; otherwise the built-in runner.
    /// </summary>
    internal static (NotebookKernelKind Kind, DotnetInteractiveKernel.Tool? Tool, string Note) ChooseKernel(string? requested, string firstNotebook)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(firstNotebook))!;
        var tool = DotnetInteractiveKernel.FindTool(folder) ?? DotnetInteractiveKernel.FindTool(Directory.GetCurrentDirectory());
        switch (requested?.Trim().ToLowerInvariant())
        {
            case "builtin" or "built-in":
                return (NotebookKernelKind.Builtin, tool, "kernel: built-in runner (--kernel builtin)");
            case "dotnet-interactive":
                if (tool is null) return (NotebookKernelKind.Builtin, null, $"error: --kernel dotnet-interactive: no .config/dotnet-tools.json pins " +
                    $"{DotnetInteractiveKernel.ToolPackage} (run from the repository)");
                if (!tool.IsRestored) return (NotebookKernelKind.Builtin, tool, $"error: --kernel dotnet-interactive: {DotnetInteractiveKernel.ToolPackage} " +
                    $"{tool.Version} is not restored; run `dotnet tool restore` in {tool.ManifestRoot}");
                return (NotebookKernelKind.DotnetInteractive, tool, $"kernel: dotnet-interactive {tool.Version} over stdio (the released kernel VS Code runs)");
            case null or "":
                return tool is { IsRestored: true }
                    ? (NotebookKernelKind.DotnetInteractive, tool, $"kernel: dotnet-interactive {tool.Version} over stdio (the released kernel VS Code runs; " +
                        $"--kernel builtin for the built-in runner)")
                    : (NotebookKernelKind.Builtin, tool, "kernel: built-in runner (dotnet-interactive is not restored; " +
                        "`dotnet tool restore` makes it the default)");
            default:
                return (NotebookKernelKind.Builtin, tool, $"error: --kernel {requested}: expected dotnet-interactive or builtin");
        }
    }

    static Command BuildExport()
    {
        var paths = PathsArgument();
        var to = new Option<string>("--to") { Description = "Target format: cs (a .NET 10 file-based app)", DefaultValueFactory = _ => "cs" };
        var output = new Option<string?>("--output") { Description = "Folder for the exported files (default: beside each notebook)" };
        var cmd = new Command("export", "Export notebooks as .NET 10 file-based apps (`dotnet run notebook.cs`)");
        cmd.Arguments.Add(paths);
        cmd.Options.Add(to);
        cmd.Options.Add(output);
        cmd.SetAction(parse =>
        {
            if (!string.Equals(parse.GetValue(to), "cs", StringComparison.OrdinalIgnoreCase))
            {
                Console.Error.WriteLine($"error: --to {parse.GetValue(to)} is not supported (only: cs)");
                return 2;
            }
            List<string> files;
            try { files = ExpandPaths(parse.GetValue(paths)); }
            catch (ArgumentException e) { Console.Error.WriteLine("error: " + e.Message); return 2; }
            int status = 0;
            foreach (var file in files)
            {
                try
                {
                    var notebook = Notebook.Read(file);
                    var dir = parse.GetValue(output) ?? notebook.Directory;
                    var export = FileBasedAppExport.Export(notebook, dir);
                    Directory.CreateDirectory(dir);
                    var target = Path.Combine(dir, notebook.Name + ".cs");
                    File.WriteAllText(target, export.Source);
                    Console.WriteLine($"{file} → {target}");
                    foreach (var w in export.Warnings) Console.WriteLine("  warning: " + w);
                }
                catch (NotebookFormatException e) { Console.Error.WriteLine("error: " + e.Message); status = 1; }
            }
            return status;
        });
        return cmd;
    }

    /// <summary>Files as given; folders expand to their .ipynb and .dib files in name order.</summary>
    internal static List<string> ExpandPaths(string[]? paths)
    {
        if (paths is null || paths.Length == 0) paths = ["notebooks"];
        var files = new List<string>();
        foreach (var p in paths)
        {
            if (Directory.Exists(p))
                files.AddRange(Directory.EnumerateFiles(p)
                    .Where(f => f.EndsWith(".ipynb", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".dib", StringComparison.OrdinalIgnoreCase))
                    .Order(StringComparer.Ordinal));
            else if (File.Exists(p)) files.Add(p);
            else throw new ArgumentException($"{p}: no such file or folder");
        }
        if (files.Count == 0) throw new ArgumentException($"no .ipynb or .dib files in {string.Join(", ", paths)}");
        return files;
    }

    static Dictionary<string, string?> ParseEnvironment(string[]? pairs)
    {
        var env = new Dictionary<string, string?>();
        foreach (var pair in pairs ?? [])
        {
            var eq = pair.IndexOf('=');
            if (eq <= 0) throw new ArgumentException($"--env {pair}: expected KEY=VALUE");
            env[pair[..eq]] = pair[(eq + 1)..];
        }
        return env;
    }
}
