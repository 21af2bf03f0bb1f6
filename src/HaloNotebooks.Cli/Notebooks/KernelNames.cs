namespace HaloNotebooks.Cli.Notebooks;

/// <summary>
/// The Polyglot kernel names a cell may carry (metadata or a first-line <c>#!name</c>), normalised to
/// the kernel's own spelling. Only "csharp" runs here; "markdown" is rendered; the rest are reported.
/// </summary>
public static class KernelNames
{
    static readonly Dictionary<string, string> Aliases = new(StringComparer.OrdinalIgnoreCase)
    {
        ["csharp"] = "csharp", ["c#"] = "csharp", ["C#"] = "csharp", [".net-csharp"] = "csharp",
        ["fsharp"] = "fsharp", ["f#"] = "fsharp", ["pwsh"] = "pwsh", ["powershell"] = "pwsh",
        ["markdown"] = "markdown", ["md"] = "markdown", ["javascript"] = "javascript", ["js"] = "javascript",
        ["html"] = "html", ["sql"] = "sql", ["kql"] = "kql", ["mermaid"] = "mermaid", ["http"] = "http",
        ["value"] = "value", ["meta"] = "meta",
    };

    /// <summary>The kernel name for a spelling, or null when it is not a kernel (then a <c>#!word</c> line is a magic command).</summary>
    public static string? Normalise(string? name) =>
        name is not null && Aliases.TryGetValue(name.Trim(), out var n) ? n : null;

    /// <summary>The kernel named by a first line <c>#!name</c>, or null.</summary>
    public static string? FromFirstLine(string source)
    {
        var end = source.IndexOf('\n');
        var first = (end < 0 ? source : source[..end]).Trim();
        return first.StartsWith("#!", StringComparison.Ordinal) ? Normalise(first[2..]) : null;
    }
}
