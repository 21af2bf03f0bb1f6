using System.Diagnostics;

namespace HaloNotebooks.Cli.Notebooks;

/// <summary>
/// Runs a notebook top to bottom in one <see cref="NotebookSession"/>: C# cells execute in order,
/// markdown and raw cells are skipped, other languages fail as not supported. The first failing
/// cell stops the run unless <see cref="NotebookRunOptions.KeepGoing"/>. Each code cell's outputs and
/// execution count are written into the <see cref="Notebook"/> (replacing old ones), ready for
/// <see cref="IpynbFormat.Write"/> and <see cref="NotebookHtmlPage.Render"/>.
/// </summary>
public static class NotebookRunner
{
    public static NotebookRunResult Run(Notebook notebook, NotebookRunOptions? options = null)
    {
        options ??= new NotebookRunOptions();
        var clock = Stopwatch.StartNew();
        var saved = options.Environment.Keys.ToDictionary(k => k, Environment.GetEnvironmentVariable);
        foreach (var (key, value) in options.Environment) Environment.SetEnvironmentVariable(key, value);
        try
        {
            var session = new NotebookSession(notebook.Directory, notebook.Name);
            var results = new List<CellResult>();
            bool stopped = false;
            for (int i = 0; i < notebook.Cells.Count; i++)
            {
                var cell = notebook.Cells[i];
                var result = stopped ? Skip(cell, i + 1, CellStatus.NotRun) : RunCell(session, cell, i + 1, options);
                results.Add(result);
                options.OnCell?.Invoke(result);
                if (result.Status == CellStatus.Failed && (!options.KeepGoing || session.Abandoned)) stopped = true;
            }
            return new NotebookRunResult(notebook, results, session.Warnings, clock.Elapsed);
        }
        finally
        {
            foreach (var (key, value) in saved) Environment.SetEnvironmentVariable(key, value);
        }
    }

    static CellResult RunCell(NotebookSession session, NotebookCell cell, int number, NotebookRunOptions options)
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
        var run = session.Execute(number, cell.Source, options.CellTimeout);
        cell.Outputs.AddRange(run.Outputs);
        cell.ExecutionCount = run.ExecutionCount;
        return new CellResult(number, cell.Language, run.Status, run.Elapsed, run.ExecutionCount, run.Message);
    }

    static CellResult Skip(NotebookCell cell, int number, CellStatus status)
    {
        if (cell.Kind == CellKind.Code) { cell.Outputs.Clear(); cell.ExecutionCount = null; }
        return new CellResult(number, cell.Language, status, TimeSpan.Zero, null, null);
    }
}
