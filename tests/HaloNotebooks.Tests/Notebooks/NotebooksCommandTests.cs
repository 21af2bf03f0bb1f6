using Xunit;
using HaloNotebooks.Cli;

namespace HaloNotebooks.Tests.Notebooks;

[Collection("notebooks")]
public sealed class NotebooksCommandTests
{
    [Fact]
    public void Run_WritesExecutedCopies_AndExitsNonZeroWhenACellFails()
    {
        var output = Directory.CreateTempSubdirectory("halo-nb-").FullName;
        try
        {
            Assert.Equal(0, Program.Run(["notebooks", "run", TestPaths.Fixture("notebooks/plain.dib"), "--output", output]));
            Assert.True(File.Exists(Path.Combine(output, "plain.ipynb")));
            Assert.True(File.Exists(Path.Combine(output, "plain.html")));
            Assert.Equal(1, Program.Run(["notebooks", "run", TestPaths.Fixture("notebooks/failing.ipynb"), "--output", output, "--keep-going"]));
            Assert.Contains("boom", File.ReadAllText(Path.Combine(output, "failing.ipynb")));
            Assert.Equal(2, Program.Run(["notebooks", "run", Path.Combine(output, "absent.ipynb")]));
        }
        finally { Directory.Delete(output, recursive: true); }
    }
}
