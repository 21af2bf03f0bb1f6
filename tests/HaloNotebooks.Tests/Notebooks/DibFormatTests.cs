using Xunit;
using HaloNotebooks.Cli.Notebooks;

namespace HaloNotebooks.Tests.Notebooks;

public sealed class DibFormatTests
{
    [Fact]
    public void Read_SplitsAtKernelLines_AndDropsTheMetaBlock()
    {
        var nb = Notebook.Read(TestPaths.Fixture("notebooks/plain.dib"));
        Assert.Equal(["markdown", "csharp", "csharp"], nb.Cells.Select(c => c.Language));
        Assert.Equal("squares.Sum()", nb.Cells[2].Source);
        Assert.StartsWith("# A .dib notebook", nb.Cells[0].Source);
    }

    [Fact]
    public void MagicLines_StayInsideTheCell()
    {
        var path = Path.Combine(Path.GetTempPath(), $"halo-dib-{Guid.NewGuid():N}.dib");
        File.WriteAllText(path, "#!csharp\n\n#!time\nvar a = 1;\n");
        try { Assert.Equal("#!time\nvar a = 1;", Assert.Single(Notebook.Read(path).Cells).Source); }
        finally { File.Delete(path); }
    }
}
