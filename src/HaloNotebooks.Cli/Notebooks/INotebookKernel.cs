namespace HaloNotebooks.Cli.Notebooks;

/// <summary>Which kernel executes a notebook's cells.</summary>
public enum NotebookKernelKind
{
    /// <summary>The released .NET Interactive kernel (<c>dotnet-interactive stdio</c>), the process VS Code's Polyglot Notebooks runs.</summary>
    DotnetInteractive,
    /// <summary>The project's own Roslyn scripting runner (<see cref="NotebookSession"/>): the path after the kernel's deprecation.</summary>
    Builtin,
}

/// <summary>One cell's outcome in a kernel.</summary>
public sealed record CellExecution(CellStatus Status, IReadOnlyList<CellOutput> Outputs, int? ExecutionCount, TimeSpan Elapsed, string? Message);

/// <summary>
/// A kernel holding one notebook's state: C# cells run in order, each seeing what the previous ones declared,
/// with the notebook's folder as the working directory.
/// </summary>
public interface INotebookKernel : IDisposable
{
    /// <summary>One line for the user: which kernel ran (name and version).</summary>
    string Description { get; }

    /// <summary>True once a cell timed out or the kernel died: nothing more can run in it.</summary>
    bool Abandoned { get; }

    /// <summary>Warnings collected while running (ignored directives, package versions).</summary>
    IReadOnlyList<string> Warnings { get; }

    /// <summary>Runs one C# cell; <paramref name="cellNumber"/> counts every cell from 1, as editors show them.</summary>
    CellExecution Execute(int cellNumber, string source, TimeSpan? timeout);
}
