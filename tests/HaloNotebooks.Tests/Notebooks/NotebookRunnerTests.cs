using Xunit;
using System.Globalization;
using HaloNotebooks.Cli.Notebooks;

namespace HaloNotebooks.Tests.Notebooks;

[Collection("notebooks")]
public sealed class NotebookRunnerTests(ExecutedNotebooks runs)
{
    [Fact]
    public void StateNotebook_RunsEveryCSharpCell_AndSkipsMarkdown()
    {
        Assert.True(runs.StateRun.Succeeded, string.Join("\n", runs.StateRun.Cells.Select(c => c.ToString())));
        Assert.Equal(CellStatus.Skipped, runs.StateRun.Cells[0].Status);
        Assert.Equal("markdown", runs.StateRun.Cells[0].Language);
        Assert.Equal([1, 2, 3, 4, 5, 6, 7], runs.StateRun.Cells.Skip(1).Select(c => c.ExecutionCount ?? -1));
    }

    [Fact]
    public void State_CarriesAcrossCells_AndTrailingExpressionIsTheResult()
    {
        Assert.Equal("hello from cell 2\n", ExecutedNotebooks.Stream(runs.State, 2, "stdout"));
        var result = Assert.Single(ExecutedNotebooks.Displays(runs.State, 3), d => d.IsResult);
        Assert.Equal("42", result.Data["text/plain"]);   // y = x + 22 with x = 20 from cell 2
    }

    [Fact]
    public void NugetReferenceAfterCode_IsLiftedAndResolvedFromTheRunnersPackages()
    {
        var gamma = ExecutedNotebooks.Displays(runs.State, 3).First(d => !d.IsResult);
        Assert.Equal(24.0, double.Parse(gamma.Data["text/plain"], CultureInfo.InvariantCulture), 1e-9);   // Γ(5) = 4!
    }

    [Fact]
    public void AssemblyReferenceByPath_UsesTheRunnersLoadedCopy()
    {
        var displays = ExecutedNotebooks.Displays(runs.State, 8);
        Assert.Equal(typeof(HaloNotebooks.Paper.Measurement).Assembly.Location, displays[0].Data["text/plain"]);
        Assert.Equal(12.0 - 7.25, double.Parse(displays[1].Data["text/plain"], CultureInfo.InvariantCulture));   // p84 − median
    }

    [Fact]
    public void EnvironmentAndStderr_ArePassedThroughAndCaptured()
    {
        Assert.Equal("note on stderr\n", ExecutedNotebooks.Stream(runs.State, 7, "stderr"));
        Assert.Equal("1", ExecutedNotebooks.Displays(runs.State, 7).Single().Data["text/plain"]);   // HALO_FAST=1 from the options
        Assert.StartsWith("Wall time:", ExecutedNotebooks.Stream(runs.State, 7, "stdout"));          // #!time
        Assert.Null(Environment.GetEnvironmentVariable("HALO_FAST"));                                // restored after the run
    }

    [Fact]
    public void FailingCell_StopsTheRun_ReportingCellAndLine()
    {
        var cells = runs.FailingRun.Cells;
        Assert.False(runs.FailingRun.Succeeded);
        Assert.Equal(CellStatus.Failed, cells[2].Status);
        Assert.StartsWith("cell 3, line 3: System.InvalidOperationException: boom", cells[2].Message);
        Assert.All(cells.Skip(3), c => Assert.Equal(CellStatus.NotRun, c.Status));
        var error = Assert.Single(runs.Failing.Cells[2].Outputs.OfType<ErrorOutput>());
        Assert.Equal("System.InvalidOperationException", error.Name);
    }

    [Fact]
    public void KeepGoing_ReportsTheCompileErrorWithItsLine_AndRunsLaterCells()
    {
        var cells = runs.FailingKeepGoingRun.Cells;
        Assert.Equal(2, runs.FailingKeepGoingRun.FailedCount);
        Assert.StartsWith("cell 4, line 2, column 9: CS0103", cells[3].Message);
        Assert.Equal(CellStatus.Succeeded, cells[4].Status);
        Assert.Equal("100\n", ExecutedNotebooks.Stream(runs.FailingKeepGoing, 5, "stdout"));
    }

    [Fact]
    public void DibNotebook_RunsWithStateAcrossCells()
    {
        Assert.True(runs.DibRun.Succeeded);
        Assert.Equal("30", ExecutedNotebooks.Displays(runs.Dib, 3).Single(d => d.IsResult).Data["text/plain"]);   // 1+4+9+16
    }

    [Fact]
    public void UnsupportedLanguage_And_UnknownPackage_FailWithClearMessages()
    {
        var path = Path.Combine(Path.GetTempPath(), $"halo-runner-{Guid.NewGuid():N}.dib");
        File.WriteAllText(path, "#!fsharp\n\nlet x = 1\n\n#!csharp\n\n#r \"nuget: NoSuch.Package, 1.0.0\"\n");
        try
        {
            var run = NotebookRunner.Run(Notebook.Read(path), new NotebookRunOptions { KeepGoing = true });
            Assert.Contains("language 'fsharp' is not supported", run.Cells[0].Message);
            Assert.Contains("package 'NoSuch.Package' is not available", run.Cells[1].Message);
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void CellOverTheTimeLimit_FailsAndStopsTheRun_EvenWithKeepGoing()
    {
        var path = Path.Combine(Path.GetTempPath(), $"halo-timeout-{Guid.NewGuid():N}.dib");
        File.WriteAllText(path, "#!csharp\n\nSystem.Threading.Thread.Sleep(3000);\n\n#!csharp\n\nvar after = 1;\n");
        try
        {
            var run = NotebookRunner.Run(Notebook.Read(path), new NotebookRunOptions { CellTimeout = TimeSpan.FromMilliseconds(200), KeepGoing = true });
            Assert.Equal(CellStatus.Failed, run.Cells[0].Status);
            Assert.Contains("did not finish within 0.2 s", run.Cells[0].Message);
            Assert.Equal(CellStatus.NotRun, run.Cells[1].Status);
        }
        finally { File.Delete(path); }
    }
}
