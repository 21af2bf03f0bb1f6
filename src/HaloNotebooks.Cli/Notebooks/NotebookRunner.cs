using System.Diagnostics;

namespace HaloNotebooks.Cli.Notebooks;

/// <summary>
/// Runs a notebook top to bottom in one kernel (<see cref="NotebookRunOptions.Kernel"/>): the released
/// .NET Interactive kernel over stdio, or the built-in <see cref="NotebookSession"/>. C# cells execute in order
/// with the notebook's folder as the working directory (as VS Code runs them), markdown and raw cells are
/// skipped, other languages fail as not supported. The first failing cell stops the run unless
/// <see cref="NotebookRunOptions.KeepGoing"/>. Each code cell's outputs and execution count are written into
/// the <see cref="Notebook"/> (replacing old ones), ready for <see cref="IpynbFormat.Write"/> and
/// <see cref="NotebookHtmlPage.Render"/>.
/// </summary>
public static class NotebookRunner
{
    /// <exception cref="NotebookKernelException">The real kernel was asked for and could not start.</exception>
    public static NotebookRunResult Run(Notebook notebook, NotebookRunOptions? options = null)
    {
        options ??= new NotebookRunOptions();
        var clock = Stopwatch.StartNew();
        using var kernel = StartKernel(notebook, options);
        var results = new List<CellResult>();
        bool stopped = false;
        for (int i = 0; i < notebook.Cells.Count; i++)
        {
            var cell = notebook.Cells[i];
            var result = stopped ? Skip(cell, i + 1, CellStatus.NotRun) : RunCell(kernel, cell, i + 1, options);
            results.Add(result);
            options.OnCell?.Invoke(result);
            if (result.Status == CellStatus.Failed && (!options.KeepGoing || kernel.Abandoned)) stopped = true;
        }
        return new NotebookRunResult(notebook, results, kernel.Warnings, clock.Elapsed, kernel.Description);
    }

    static INotebookKernel StartKernel(Notebook notebook, NotebookRunOptions options)
    {
        if (options.Kernel == NotebookKernelKind.DotnetInteractive)
        {
            var tool = options.Tool ?? DotnetInteractiveKernel.FindTool(notebook.Directory) ?? DotnetInteractiveKernel.FindTool(Directory.GetCurrentDirectory())
                       ?? throw new NotebookKernelException($"no .config/dotnet-tools.json pinning {DotnetInteractiveKernel.ToolPackage} above " +
                           $"{notebook.Directory} or the current folder");
            return DotnetInteractiveKernel.Start(tool, notebook.Directory, options.Environment);
        }
        return new BuiltinKernel(notebook, options.Environment);
    }

    static CellResult RunCell(INotebookKernel kernel, NotebookCell cell, int number, NotebookRunOptions options)
    {
        if (cell.Kind != CellKind.Code) return Skip(cell, number, CellStatus.Skipped);
        cell.Outputs.Clear();
        if (!cell.IsCSharp)
        {
            var message = $"cell {number}: language '{cell.Language}' is not supported by the headless runner (C# and markdown only)";
            cell.Outputs.Add(new ErrorOutput("NotSupported", message, [message]));
            cell.ExecutionCount = null;
            return new CellResult(number, cell.Language, CellStatus.Failed, TimeSpan.Zero, null, message);
        }
        var run = kernel.Execute(number, cell.Source, options.CellTimeout);
        cell.Outputs.AddRange(run.Outputs);
        cell.ExecutionCount = run.ExecutionCount;
        return new CellResult(number, cell.Language, run.Status, run.Elapsed, run.ExecutionCount, run.Message);
    }

    static CellResult Skip(NotebookCell cell, int number, CellStatus status)
    {
        if (cell.Kind == CellKind.Code) { cell.Outputs.Clear(); cell.ExecutionCount = null; }
        return new CellResult(number, cell.Language, status, TimeSpan.Zero, null, null);
    }

    /// <summary>
    /// The built-in runner in this process, set up as the real kernel's process would be: the notebook's folder as
    /// working directory, the extra environment variables set; both restored when the notebook ends.
    /// </summary>
    sealed class BuiltinKernel : INotebookKernel
    {
        readonly NotebookSession _session;
        readonly HaloNotebooks.Figures.FigurePage _figurePage = new();
        readonly string _savedDirectory = Directory.GetCurrentDirectory();
        readonly Dictionary<string, string?> _savedEnvironment;

        public BuiltinKernel(Notebook notebook, IReadOnlyDictionary<string, string?> environment)
        {
            _savedEnvironment = environment.Keys.ToDictionary(k => k, Environment.GetEnvironmentVariable);
            foreach (var (key, value) in environment) Environment.SetEnvironmentVariable(key, value);
            Directory.SetCurrentDirectory(notebook.Directory);
            _session = new NotebookSession(notebook.Directory, notebook.Name);
        }

        public string Description => _session.Description;
        public bool Abandoned => _session.Abandoned;
        public IReadOnlyList<string> Warnings => _session.Warnings;
        public CellExecution Execute(int cellNumber, string source, TimeSpan? timeout)
        {
            // Each notebook is a page of its own (its first figure carries plotly.js); the cells' formatter reads it.
            HaloNotebooks.Figures.FigurePage.Current = _figurePage;
            return _session.Execute(cellNumber, source, timeout);
        }

        public void Dispose()
        {
            Directory.SetCurrentDirectory(_savedDirectory);
            foreach (var (key, value) in _savedEnvironment) Environment.SetEnvironmentVariable(key, value);
        }
    }
}
