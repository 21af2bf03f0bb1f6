using Xunit;
using HaloNotebooks.Cli.Notebooks;

namespace HaloNotebooks.Tests.Notebooks;

/// <summary>
/// The released .NET Interactive kernel (the tool pinned in .config/dotnet-tools.json), driven over stdio as VS Code
/// drives it. Skipped with a message where the tool is not restored (`dotnet tool restore`); CI restores it.
/// </summary>
public sealed class DotnetInteractiveKernelTests
{
    static DotnetInteractiveKernel.Tool? RestoredTool()
    {
        var tool = DotnetInteractiveKernel.FindTool(TestPaths.RepoRoot);
        return tool is { IsRestored: true } ? tool : null;
    }

    [SkippableFact]
    public void FixtureNotebook_ShowsTablesAndFigures_ReportsTheFailingCell_AndKeepsGoing()
    {
        var tool = RestoredTool();
        Skip.If(tool is null, "dotnet-interactive is not restored: run `dotnet tool restore` in the repository");
        var notebook = Notebook.Read(TestPaths.Fixture("notebooks/kernel.ipynb"));
        var run = NotebookRunner.Run(notebook, new NotebookRunOptions
        {
            Kernel = NotebookKernelKind.DotnetInteractive, Tool = tool, KeepGoing = true,
            Environment = new Dictionary<string, string?> { ["HALO_FAST"] = "1" },
        });
        var cells = run.Cells;
        string Describe() => string.Join("\n", cells.Select(c => c.ToString()));
        Assert.StartsWith("dotnet-interactive " + tool!.Version, run.Kernel);

        // Set-up: the library loads, its HTML display goes through the TypeFormatterSource convention, cells run in
        // the notebook's folder, and the environment passes through.
        Assert.Equal(CellStatus.Succeeded, cells[1].Status);
        var setup = ExecutedNotebooks.Displays(notebook, 2);
        Assert.Contains(setup, d => !d.IsResult && d.Data.TryGetValue("text/html", out var h)
            && h.Contains("HALO_FAST=1: a quick look", StringComparison.Ordinal));
        var cwd = Assert.Single(setup, d => d.IsResult);
        Assert.Contains(notebook.Directory, cwd.Data["text/plain"], StringComparison.Ordinal);

        // A Deedle frame (F#, built for FSharp.Core 10.1 in a kernel that holds 10.0): the same HTML table as the
        // built-in runner shows, registered with the kernel's formatter when the library loaded (not its object tree).
        Assert.True(cells[2].Status == CellStatus.Succeeded, Describe());
        var table = Assert.Single(ExecutedNotebooks.Displays(notebook, 3)).Data["text/html"];
        Assert.StartsWith("<table class=\"deedle-frame\">", table, StringComparison.Ordinal);
        Assert.Contains("<td>-3.25</td>", table, StringComparison.Ordinal);
        Assert.Contains("2 rows × 2 columns", table, StringComparison.Ordinal);

        // A Plotly.NET figure: plotly.js embedded (no CDN), the chart's data in the page.
        Assert.True(cells[3].Status == CellStatus.Succeeded, Describe());
        var figure = Assert.Single(ExecutedNotebooks.Displays(notebook, 4)).Data["text/html"];
        Assert.Contains("Plotly.newPlot", figure, StringComparison.Ordinal);
        Assert.Contains("6.5", figure, StringComparison.Ordinal);
        Assert.Contains("plotly.js v", figure, StringComparison.Ordinal);   // the first figure of a page carries the library
        Assert.DoesNotContain("src=\"https://cdn", figure, StringComparison.Ordinal);

        // The failing cell: its output so far, then the exception, named with the cell.
        Assert.Equal(CellStatus.Failed, cells[4].Status);
        Assert.StartsWith("cell 5: System.InvalidOperationException: boom in the kernel", cells[4].Message);
        Assert.Equal("before the failure\n", ExecutedNotebooks.Stream(notebook, 5, "stdout"));
        Assert.IsType<ErrorOutput>(notebook.Cells[4].Outputs[^1]);

        // --keep-going: the next cell still runs in the same kernel.
        Assert.Equal(CellStatus.Succeeded, cells[5].Status);
        Assert.Equal("after the failure\n", ExecutedNotebooks.Stream(notebook, 6, "stderr"));
        Assert.Equal("1", ExecutedNotebooks.Displays(notebook, 6).Single(d => d.IsResult).Data["text/plain"]);
        Assert.False(run.Succeeded);
        Assert.Equal(1, run.FailedCount);
    }

    [SkippableFact]
    public void CellOverItsTimeLimit_FailsAndTheKernelProcessIsKilled()
    {
        var tool = RestoredTool();
        Skip.If(tool is null, "dotnet-interactive is not restored: run `dotnet tool restore` in the repository");
        using var kernel = DotnetInteractiveKernel.Start(tool!, Path.GetTempPath(), new Dictionary<string, string?>());
        var warm = kernel.Execute(1, "1 + 1", TimeSpan.FromMinutes(2));
        Assert.Equal(CellStatus.Succeeded, warm.Status);
        Assert.Contains("<pre>2</pre>", Assert.Single(warm.Outputs.OfType<DisplayOutput>()).Data["text/html"], StringComparison.Ordinal);

        var slow = kernel.Execute(2, "System.Threading.Thread.Sleep(600_000);", TimeSpan.FromSeconds(3));
        Assert.Equal(CellStatus.Failed, slow.Status);
        Assert.StartsWith("cell 2: did not finish within 3 s", slow.Message);
        Assert.True(kernel.Abandoned);
        Assert.True(kernel.HasExited);
        Assert.Throws<InvalidOperationException>(() => kernel.Execute(3, "1", null));
    }

    [Fact]
    public void FindTool_ReadsThePinnedVersionFromTheManifest()
    {
        var tool = DotnetInteractiveKernel.FindTool(Path.Combine(TestPaths.RepoRoot, "notebooks"));
        Assert.NotNull(tool);
        Assert.Equal(TestPaths.RepoRoot, tool!.ManifestRoot);
        Assert.Equal("1.0.712001", tool.Version);
    }
}
