using Xunit;
using HaloNotebooks.Cli.Notebooks;

namespace HaloNotebooks.Tests.Notebooks;

/// <summary>
/// The fixture notebooks, each run once per test session (Roslyn's cold start costs a second or two,
/// so the runner tests share these runs instead of running a notebook per test).
/// </summary>
public sealed class ExecutedNotebooks
{
    public Notebook State { get; } = Notebook.Read(TestPaths.Fixture("notebooks/state.ipynb"));
    public NotebookRunResult StateRun { get; }
    public Notebook Failing { get; } = Notebook.Read(TestPaths.Fixture("notebooks/failing.ipynb"));
    public NotebookRunResult FailingRun { get; }
    public Notebook FailingKeepGoing { get; } = Notebook.Read(TestPaths.Fixture("notebooks/failing.ipynb"));
    public NotebookRunResult FailingKeepGoingRun { get; }
    public Notebook Dib { get; } = Notebook.Read(TestPaths.Fixture("notebooks/plain.dib"));
    public NotebookRunResult DibRun { get; }

    public ExecutedNotebooks()
    {
        StateRun = NotebookRunner.Run(State, new NotebookRunOptions { Environment = new Dictionary<string, string?> { ["HALO_FAST"] = "1" } });
        FailingRun = NotebookRunner.Run(Failing);
        FailingKeepGoingRun = NotebookRunner.Run(FailingKeepGoing, new NotebookRunOptions { KeepGoing = true });
        DibRun = NotebookRunner.Run(Dib);
    }

    /// <summary>The MIME bundles a cell (1-based, as editors number them) displayed or returned.</summary>
    public static List<DisplayOutput> Displays(Notebook notebook, int cellNumber) =>
        notebook.Cells[cellNumber - 1].Outputs.OfType<DisplayOutput>().ToList();

    public static string Stream(Notebook notebook, int cellNumber, string name) =>
        string.Concat(notebook.Cells[cellNumber - 1].Outputs.OfType<StreamOutput>().Where(s => s.Name == name).Select(s => s.Text));
}

[CollectionDefinition("notebooks")]
public sealed class NotebookCollection : ICollectionFixture<ExecutedNotebooks>;
