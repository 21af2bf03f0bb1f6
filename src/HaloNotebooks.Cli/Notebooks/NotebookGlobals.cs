namespace HaloNotebooks.Cli.Notebooks;

/// <summary>
/// The script globals: what a notebook sees as global functions. In the .NET Interactive kernel
/// <c>display(value)</c> is a global function, so notebooks written for the kernel call it bare;
/// the runner gives them the same name (lower case on purpose).
/// </summary>
public sealed class NotebookGlobals
{
    // Per execution flow: the work of an interrupted cell that goes on in the background keeps displaying into its own cell.
    readonly AsyncLocal<CellOutputSink?> _sink = new();
    internal CellOutputSink? Sink { get => _sink.Value; set => _sink.Value = value; }

    /// <summary>Shows a value below the cell (text/html by the kernel's formatter convention, else text/plain).</summary>
    public void display(object? value) => Emit(value, null);

    /// <summary>Shows a value restricted to the given MIME types (e.g. "text/plain"), as the kernel's overload does.</summary>
    public void display(object? value, params string[] mimeTypes) => Emit(value, mimeTypes);

    void Emit(object? value, string[]? mimeTypes)
    {
        var sink = Sink ?? throw new InvalidOperationException("display() called outside a running cell");
        sink.Add(new DisplayOutput(DisplayFormatter.Format(value, mimeTypes), IsResult: false));
    }
}
