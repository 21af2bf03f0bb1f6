using Xunit;
using HaloNotebooks.Cli.Notebooks;

namespace HaloNotebooks.Tests.Notebooks;

public sealed class CellDirectivesTests
{
    [Fact]
    public void Directives_AreLiftedOut_KeepingLineNumbers()
    {
        var split = CellDirectives.Parse("var a = 1;\n#r \"nuget: Deedle, 8.1.0\"\n#r \"nuget:Plotly.NET\"\n#r \"../lib/X.dll\"\n#i \"nuget: " +
            "https://example.org/feed\"\n#!time\nvar b = a;");
        Assert.Equal("var a = 1;\n\n\n\n\n\nvar b = a;", split.Code);
        Assert.Equal(
            [new PackageReference(2, "Deedle", "8.1.0"), new PackageReference(3, "Plotly.NET", null), new AssemblyReference(4, "../lib/X.dll"),
             new SourceDirective(5, "nuget: https://example.org/feed"), new MagicCommand(6, "time", "")],
            split.Directives);
    }

    [Fact]
    public void StringsThatMerelyContainDirectives_AreCode()
    {
        var split = CellDirectives.Parse("var s = \"#r \\\"nuget: X\\\"\";");
        Assert.Empty(split.Directives);
    }
}
