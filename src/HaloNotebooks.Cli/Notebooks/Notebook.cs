using System.Text.Json.Nodes;

namespace HaloNotebooks.Cli.Notebooks;

/// <summary>What a cell holds, as the Polyglot kernel sees it.</summary>
public enum CellKind { Code, Markdown, Raw }

/// <summary>
/// One notebook cell. <see cref="Language"/> is the kernel name ("csharp", "fsharp", "markdown", …);
/// <see cref="Source"/> is the text exactly as stored (a first-line <c>#!csharp</c> included), so that
/// writing the notebook back changes nothing but outputs and execution counts.
/// </summary>
public sealed class NotebookCell(CellKind kind, string language, string source)
{
    public CellKind Kind { get; } = kind;
    public string Language { get; } = language;
    public string Source { get; } = source;
    /// <summary>The cell as read from an .ipynb (metadata, id, …); null for .dib cells.</summary>
    public JsonObject? Json { get; init; }
    public List<CellOutput> Outputs { get; } = [];
    public int? ExecutionCount { get; set; }
    public bool IsCSharp => Kind == CellKind.Code && Language == "csharp";
}

/// <summary>A notebook read from .ipynb or .dib: its cells in order and, for .ipynb, the document it came from.</summary>
public sealed class Notebook(string path, IReadOnlyList<NotebookCell> cells, JsonObject? json)
{
    /// <summary>Full path of the file the notebook was read from (directives resolve relative to it).</summary>
    public string Path { get; } = System.IO.Path.GetFullPath(path);
    public string Directory => System.IO.Path.GetDirectoryName(Path)!;
    public string Name => System.IO.Path.GetFileNameWithoutExtension(Path);
    public IReadOnlyList<NotebookCell> Cells { get; } = cells;
    /// <summary>The .ipynb document (metadata kept on write); null for .dib files.</summary>
    public JsonObject? Json { get; } = json;

    /// <summary>Reads an .ipynb or .dib file by extension.</summary>
    public static Notebook Read(string path)
    {
        if (!File.Exists(path)) throw new NotebookFormatException(path, "file not found");
        return System.IO.Path.GetExtension(path).ToLowerInvariant() switch
        {
            ".ipynb" => IpynbFormat.Read(path),
            ".dib" => DibFormat.Read(path),
            var ext => throw new NotebookFormatException(path, $"unknown notebook extension '{ext}' (expected .ipynb or .dib)"),
        };
    }
}

/// <summary>One output of a code cell, in nbformat 4 terms.</summary>
public abstract record CellOutput;
/// <summary>stdout or stderr text written while the cell ran.</summary>
public sealed record StreamOutput(string Name, string Text) : CellOutput;
/// <summary>A MIME bundle from <c>display(…)</c> (IsResult false) or the cell's trailing expression (IsResult true).</summary>
public sealed record DisplayOutput(IReadOnlyDictionary<string, string> Data, bool IsResult) : CellOutput;
/// <summary>A compile error, an exception or a timeout, located in the notebook.</summary>
public sealed record ErrorOutput(string Name, string Value, IReadOnlyList<string> Traceback) : CellOutput;

/// <summary>A notebook file that cannot be read: the message names the file (and cell when known).</summary>
public sealed class NotebookFormatException(string path, string message)
    : Exception($"{path}: {message}")
{
    public string File { get; } = path;
}
