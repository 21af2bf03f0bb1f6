using Xunit;
using HaloNotebooks.Cli.Notebooks;

namespace HaloNotebooks.Tests.Notebooks;

public sealed class PackageClosureTests
{
    static readonly PackageClosure Closure = PackageClosure.ForCurrentProcess();

    [Fact]
    public void Resolve_IncludesDependencies_AndWarnsOnAnotherVersion()
    {
        var deedle = Closure.Resolve("deedle", "8.0.0");
        Assert.Equal("8.1.0", deedle.Package.Version);
        Assert.Contains(deedle.Assemblies, a => a.GetName().Name == "Deedle");
        Assert.Contains(deedle.Assemblies, a => a.GetName().Name == "FSharp.Core");   // Deedle's dependency
        Assert.Contains("provides Deedle 8.1.0", deedle.Warning);
        Assert.Null(Closure.Resolve("Deedle", "8.1").Warning);
        Assert.Null(Closure.Resolve("Deedle", null).Warning);
    }

    [Fact]
    public void Resolve_UnknownPackage_NamesIt()
    {
        var e = Assert.Throws<NotebookDirectiveException>(() => Closure.Resolve("Newtonsoft.Jsonx", "1.0"));
        Assert.Contains("'Newtonsoft.Jsonx'", e.Message);
        Assert.Contains("Plotly.NET", e.Message);
    }
}
