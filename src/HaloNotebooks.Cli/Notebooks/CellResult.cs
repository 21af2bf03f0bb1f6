namespace HaloNotebooks.Cli.Notebooks;

/// <summary>What happened to a cell.</summary>
public enum CellStatus
{
    /// <summary>C# that compiled and ran.</summary>
    Succeeded,
    /// <summary>Compile error, exception, time-out, bad directive or unsupported language.</summary>
    Failed,
    /// <summary>Markdown or raw: nothing to run.</summary>
    Skipped,
    /// <summary>After a failure without --keep-going (or after a time-out).</summary>
    NotRun,
}

/// <summary>One cell's outcome. <see cref="CellNumber"/> counts every cell from 1, as editors show them.</summary>
public sealed record CellResult(int CellNumber, string Language, CellStatus Status, TimeSpan Elapsed, int? ExecutionCount, string? Message)
{
    public override string ToString() =>
        $"cell {CellNumber,3} {Language,-9} {Status,-9} {Elapsed.TotalSeconds,8:F3} s{(Message is null ? "" : "  " + Message)}";
}

/// <summary>A whole notebook's run: cell outcomes in order, warnings (package versions, ignored directives), which kernel ran it.</summary>
public sealed record NotebookRunResult(Notebook Notebook, IReadOnlyList<CellResult> Cells, IReadOnlyList<string> Warnings, TimeSpan Elapsed, string Kernel)
{
    public bool Succeeded => Cells.All(c => c.Status is CellStatus.Succeeded or CellStatus.Skipped);
    public int FailedCount => Cells.Count(c => c.Status == CellStatus.Failed);
}

/// <summary>How to run: which kernel, time limit per cell, whether to continue after a failure, extra environment variables.</summary>
public sealed record NotebookRunOptions
{
    /// <summary>The kernel; the built-in runner unless asked (the command picks the real kernel when it is restored).</summary>
    public NotebookKernelKind Kernel { get; init; } = NotebookKernelKind.Builtin;
    /// <summary>The pinned real kernel; null: the manifest nearest the notebook (or the current folder).</summary>
    public DotnetInteractiveKernel.Tool? Tool { get; init; }
    /// <summary>Wall-clock limit per cell; a cell over it fails and the run stops (the real kernel is killed; the built-in runner's thread cannot be stopped
    /// safely).</summary>
    public TimeSpan? CellTimeout { get; init; }
    /// <summary>Run the remaining cells after a failing one (state from the failed cell is whatever it reached).</summary>
    public bool KeepGoing { get; init; }
    /// <summary>Variables set for the run and restored afterwards (e.g. HALO_FAST=1); the process environment passes through.</summary>
    public IReadOnlyDictionary<string, string?> Environment { get; init; } = new Dictionary<string, string?>();
    /// <summary>Called after each cell (outside the console capture), e.g. to print timings.</summary>
    public Action<CellResult>? OnCell { get; init; }
}
