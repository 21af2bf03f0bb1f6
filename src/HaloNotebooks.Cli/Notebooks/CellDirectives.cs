using System.Text;
using System.Text.RegularExpressions;

namespace HaloNotebooks.Cli.Notebooks;

/// <summary>A kernel directive found in a cell, with its 1-based line in the cell.</summary>
public abstract record Directive(int Line);
/// <summary><c>#r "path.dll"</c>: an assembly file, relative to the notebook.</summary>
public sealed record AssemblyReference(int Line, string Path) : Directive(Line);
/// <summary><c>#r "nuget: Id, Version"</c> (version optional).</summary>
public sealed record PackageReference(int Line, string Id, string? Version) : Directive(Line);
/// <summary><c>#i "…"</c>: a package source or include path.</summary>
public sealed record SourceDirective(int Line, string Value) : Directive(Line);
/// <summary><c>#!name …</c>: a magic command (or a kernel switch inside a cell).</summary>
public sealed record MagicCommand(int Line, string Name, string Arguments) : Directive(Line);

/// <summary>
/// Splits a C# cell into its kernel directives and the code Roslyn compiles. The kernel accepts
/// <c>#r</c> anywhere in a cell, Roslyn only before the first statement, so every directive line is
/// lifted out and replaced by a blank line: the code keeps its line numbers and compile errors point
/// at the line the user sees.
/// </summary>
public static partial class CellDirectives
{
    [GeneratedRegex("""^\s*#r\s+"(?<v>[^"]*)"\s*(//.*)?$""")] private static partial Regex RefLine();
    [GeneratedRegex("""^\s*#i\s+"(?<v>[^"]*)"\s*(//.*)?$""")] private static partial Regex IncludeLine();
    [GeneratedRegex("""^\s*#!(?<n>[A-Za-z0-9_#.-]+)\s*(?<a>.*)$""")] private static partial Regex MagicLine();

    public sealed record Split(string Code, IReadOnlyList<Directive> Directives);

    public static Split Parse(string source)
    {
        var lines = source.Replace("\r\n", "\n").Split('\n');
        var directives = new List<Directive>();
        var code = new StringBuilder();
        for (int i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            Directive? d = null;
            if (RefLine().Match(line) is { Success: true } r) d = Reference(i + 1, r.Groups["v"].Value);
            else if (IncludeLine().Match(line) is { Success: true } inc) d = new SourceDirective(i + 1, inc.Groups["v"].Value.Trim());
            else if (MagicLine().Match(line) is { Success: true } m) d = new MagicCommand(i + 1, m.Groups["n"].Value, m.Groups["a"].Value.Trim());
            if (d is not null) directives.Add(d);
            if (i > 0) code.Append('\n');
            if (d is null) code.Append(line);
        }
        return new Split(code.ToString(), directives);
    }

    static Directive Reference(int line, string value)
    {
        const string nuget = "nuget:";
        if (!value.TrimStart().StartsWith(nuget, StringComparison.OrdinalIgnoreCase)) return new AssemblyReference(line, value.Trim());
        var spec = value.TrimStart()[nuget.Length..];
        var comma = spec.IndexOf(',');
        var id = (comma < 0 ? spec : spec[..comma]).Trim();
        var version = comma < 0 ? null : spec[(comma + 1)..].Trim();
        return new PackageReference(line, id, string.IsNullOrEmpty(version) ? null : version);
    }
}
