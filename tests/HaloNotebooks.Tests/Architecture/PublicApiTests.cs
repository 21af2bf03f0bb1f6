using System.Text.Json;
using System.Text.RegularExpressions;
using HaloNotebooks.Pipeline;
using Xunit;

namespace HaloNotebooks.Tests.Architecture;

/// <summary>
/// Issue 29: the public API is what a notebook user can hold. Public is what a notebook cell calls plus what those
/// members expose; the rest is internal. Limits: ≤ 100 types, ≤ 1,600 lines in the PublicAPI files.
/// </summary>
public class PublicApiTests
{
    const int MaxPublicTypes = 100;
    const int MaxPublicApiLines = 1600;

    static readonly Type[] Exported = typeof(NotebookSetup).Assembly.GetExportedTypes();

    [Fact]
    public void TheLibrary_HasAtMostTheLimitOfPublicTypes() =>
        Assert.True(Exported.Length <= MaxPublicTypes,
            $"{Exported.Length} public types (limit {MaxPublicTypes}); make internal what no notebook uses:\n" +
            string.Join("\n", Exported.Select(t => t.FullName).Order()));

    [Fact]
    public void ThePublicApiFiles_TogetherHaveAtMost1600Lines()
    {
        string dir = Path.Combine(TestPaths.RepoRoot, "src", "HaloNotebooks");
        int lines = File.ReadAllLines(Path.Combine(dir, "PublicAPI.Shipped.txt")).Length
            + File.ReadAllLines(Path.Combine(dir, "PublicAPI.Unshipped.txt")).Length;
        Assert.True(lines <= MaxPublicApiLines, $"PublicAPI.Shipped.txt + Unshipped.txt: {lines} lines (limit {MaxPublicApiLines})");
    }

    [Fact]
    public void EveryPublicType_IsUsedByANotebookOrListedInDocsApi()
    {
        string root = TestPaths.RepoRoot;
        var words = new HashSet<string>(Regex.Matches(NotebookCode(root), @"[A-Za-z_]\w*").Select(m => m.Value));
        string api = File.ReadAllText(Path.Combine(root, "docs", "api.md"));
        var orphans = Exported.Select(t => Regex.Replace(t.Name, "`.*$", ""))
            .Where(name => !words.Contains(name) && !api.Contains($"`{name}`", StringComparison.Ordinal))
            .Order().ToList();
        Assert.True(orphans.Count == 0,
            "public types neither named in a notebook code cell nor listed in docs/api.md:\n" + string.Join("\n", orphans));
    }

    [Fact]
    public void NotebookCode_ReadsOnlyCodeCells()
    {
        // The check above must not count a name that only appears in a markdown cell.
        string dir = Directory.CreateTempSubdirectory("halo-api").FullName;
        Directory.CreateDirectory(Path.Combine(dir, "notebooks"));
        File.WriteAllText(Path.Combine(dir, "notebooks", "x.ipynb"),
            """{"cells":[{"cell_type":"markdown","source":["OnlyProse"]},{"cell_type":"code","source":["var a = Used.Run();"]}]}""");
        string code = NotebookCode(dir);
        Assert.Contains("Used.Run", code);
        Assert.DoesNotContain("OnlyProse", code);
    }

    static string NotebookCode(string root)
    {
        var code = new System.Text.StringBuilder();
        foreach (var file in Directory.GetFiles(Path.Combine(root, "notebooks"), "*.ipynb").Order())
        {
            using var doc = JsonDocument.Parse(File.ReadAllText(file));
            foreach (var cell in doc.RootElement.GetProperty("cells").EnumerateArray())
            {
                if (cell.GetProperty("cell_type").GetString() != "code") continue;
                var source = cell.GetProperty("source");
                if (source.ValueKind == JsonValueKind.String) code.AppendLine(source.GetString());
                else foreach (var line in source.EnumerateArray()) code.Append(line.GetString());
                code.AppendLine();
            }
        }
        return code.ToString();
    }
}
