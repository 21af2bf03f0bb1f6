using Xunit;
using HaloNotebooks.Cli.Notebooks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace HaloNotebooks.Tests.Notebooks;

public sealed class FileBasedAppExportTests
{
    [Fact]
    public void Export_TranslatesDirectivesMarkdownAndTrailingExpressions_IntoAValidProgram()
    {
        var export = FileBasedAppExport.Export(Notebook.Read(TestPaths.Fixture("notebooks/state.ipynb")));
        var src = export.Source;
        Assert.Contains("#:package MathNet.Numerics@5.0.0\n", src);
        Assert.Contains("#:package Plotly.NET.CSharp@0.14.0\n", src);
        Assert.Contains("// # Runner fixture\n", src);
        Assert.Contains("display(y);", src);
        Assert.Contains("static void display(object? value", src);
        // Types follow every top-level statement; directives precede all code.
        Assert.True(src.IndexOf("class Funnel", StringComparison.Ordinal) > src.IndexOf("static void display", StringComparison.Ordinal));
        Assert.True(src.LastIndexOf("#:", StringComparison.Ordinal) < src.IndexOf("using ", StringComparison.Ordinal));
        // The fixture's #r of a bare DLL has no project beside it: reported, not silently dropped.
        Assert.Contains(export.Warnings, w => w.Contains("HaloNotebooks.dll"));

        var program = string.Join('\n', src.Split('\n').Select(l => l.StartsWith("#:", StringComparison.Ordinal) ? "" : l));
        var errors = CSharpSyntaxTree.ParseText(program, new CSharpParseOptions(LanguageVersion.Latest)).GetDiagnostics()
            .Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.Empty(errors);
    }

    [Fact]
    public void Export_MapsTheLibraryDllToItsProject()
    {
        var dir = Directory.CreateTempSubdirectory("halo-export-").FullName;
        try
        {
            var dll = Path.Combine(TestPaths.RepoRoot, "src", "HaloNotebooks", "bin", "Release", "net10.0", "HaloNotebooks.dll");
            var path = Path.Combine(dir, "lib.dib");
            File.WriteAllText(path, $"#!csharp\n\n#r \"{dll}\"\nvar r = 1;\n");
            var export = FileBasedAppExport.Export(Notebook.Read(path));
            var expected = Path.GetRelativePath(dir, Path.Combine(TestPaths.RepoRoot, "src", "HaloNotebooks", "HaloNotebooks.csproj"));
            Assert.Contains("#:project " + expected + "\n", export.Source);
            Assert.Empty(export.Warnings);
            // Inside the repository central package management would reject #:package versions (NU1008).
            Assert.Contains("#:property ManagePackageVersionsCentrally=false\n", export.Source);

            // Exported elsewhere: the project path and the folder the program runs in are relative to the output.
            var elsewhere = Path.Combine(dir, "apps", "deeper");
            var moved = FileBasedAppExport.Export(Notebook.Read(path), elsewhere);
            var project = Path.GetRelativePath(elsewhere, Path.Combine(TestPaths.RepoRoot, "src", "HaloNotebooks", "HaloNotebooks.csproj"));
            Assert.Contains("#:project " + project + "\n", moved.Source);
            Assert.Contains("\"../..\")));\n", moved.Source);   // apps/deeper → the notebook's folder
        }
        finally { Directory.Delete(dir, recursive: true); }
    }
}
