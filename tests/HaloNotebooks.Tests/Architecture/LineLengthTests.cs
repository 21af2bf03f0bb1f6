using Xunit;

namespace HaloNotebooks.Tests.Architecture;

/// <summary>
/// The C# under src/ and tests/ keeps the line length .editorconfig states for *.cs (max_line_length), so the
/// limit and the code stay in step: raise or lower it there and this test follows.
/// </summary>
public class LineLengthTests
{
    [Fact]
    public void EveryCSharpLine_IsWithinTheEditorConfigLimit()
    {
        string root = TestPaths.RepoRoot;
        int limit = MaxLineLength(File.ReadAllText(Path.Combine(root, ".editorconfig")));
        var tooLong = new List<string>();
        foreach (var file in CSharpFiles(root))
        {
            string relative = Path.GetRelativePath(root, file).Replace('\\', '/');
            tooLong.AddRange(LongLines(File.ReadAllLines(file), limit).Select(l => $"{relative}:{l.Line}: {l.Length} characters"));
        }
        Assert.True(tooLong.Count == 0, $"{tooLong.Count} line(s) over max_line_length = {limit} (.editorconfig, [*.cs]):\n" + string.Join("\n", tooLong));
    }

    [Fact]
    public void LongLines_FlagsOnlyLinesOverTheLimit()
    {
        // Characters, not bytes: "σ" is one character however it is encoded.
        string[] lines = [new string('x', 10), new string('y', 11), "σ" + new string('z', 9), ""];
        Assert.Equal(new[] { (2, 11) }, LongLines(lines, 10).ToArray());
    }

    [Fact]
    public void MaxLineLength_IsReadFromTheCSharpSection()
    {
        const string config = "root = true\n\n[*]\nmax_line_length = 80\n\n" +
            "[*.cs]\nindent_size = 4\nmax_line_length = 120 # wide\n\n" +
            "[*.md]\nmax_line_length = 99\n";
        Assert.Equal(120, MaxLineLength(config));
        Assert.Throws<InvalidOperationException>(() => MaxLineLength("[*]\nmax_line_length = 80\n"));
    }

    /// <summary>max_line_length of the [*.cs] section of an .editorconfig.</summary>
    static int MaxLineLength(string editorConfig)
    {
        bool inCSharp = false;
        foreach (var raw in editorConfig.Split('\n'))
        {
            string line = raw.Trim();
            if (line.StartsWith('[')) inCSharp = line == "[*.cs]";
            else if (inCSharp && line.StartsWith("max_line_length", StringComparison.Ordinal))
            {
                string value = line[(line.IndexOf('=') + 1)..].Split('#', ';')[0].Trim();
                return int.Parse(value, System.Globalization.CultureInfo.InvariantCulture);
            }
        }
        throw new InvalidOperationException(".editorconfig has no max_line_length in its [*.cs] section");
    }

    /// <summary>The 1-based line numbers and lengths (in Unicode characters) of the lines longer than <paramref name="limit"/>.</summary>
    static IEnumerable<(int Line, int Length)> LongLines(IReadOnlyList<string> lines, int limit)
    {
        for (int i = 0; i < lines.Count; i++)
        {
            int length = lines[i].EnumerateRunes().Count();
            if (length > limit) yield return (i + 1, length);
        }
    }

    /// <summary>Every *.cs under src/ and tests/, build output (bin/, obj/) excluded.</summary>
    static IEnumerable<string> CSharpFiles(string root) =>
        new[] { "src", "tests" }.SelectMany(top => Directory.EnumerateFiles(Path.Combine(root, top), "*.cs", SearchOption.AllDirectories))
            .Where(f => !Path.GetRelativePath(root, f).Split(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar)
                .Any(part => part is "bin" or "obj"))
            .Order(StringComparer.Ordinal);
}
