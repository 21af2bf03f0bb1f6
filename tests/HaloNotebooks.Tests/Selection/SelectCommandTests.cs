using Xunit;
using HaloNotebooks.Catalogs;
using HaloNotebooks.Mocks;
using HaloNotebooks.Selection;
using C = HaloNotebooks.Catalogs.CanonicalColumns;

namespace HaloNotebooks.Tests.Selection;

public class SelectCommandTests
{
    static (int Code, string Error) Run(params string[] args)
    {
        var err = new StringWriter();
        var previous = Console.Error;
        Console.SetError(err);
        try { return (HaloNotebooks.Cli.Program.Run(args), err.ToString()); }
        finally { Console.SetError(previous); }
    }

    [Fact]
    public void UnknownSetName_FailsWithTheValidNames()
    {
        var dir = Directory.CreateTempSubdirectory("halo-select-").FullName;
        try
        {
            var input = Path.Combine(dir, "in.csv");
            CsvTable.Write(StarTable.FromColumns([(C.TargetId, new long[] { 1 }), (C.Ra, new[] { 10.0 })]), input);
            var (code, error) = Run("select", "--input", input, "--set", "DiscFeh=-1", "--output", Path.Combine(dir, "out.csv"));
            Assert.Equal(2, code);
            Assert.Contains("DiscFeh", error);
            Assert.Contains("FehMax", error);
            Assert.Contains("SgrBWidth", error);
            Assert.False(File.Exists(Path.Combine(dir, "out.csv")));
        }
        finally { Directory.Delete(dir, true); }
    }

    [Fact]
    public void Select_OnAWrittenMock_WritesTheSameSampleAsTheLibrary()
    {
        var dir = Directory.CreateTempSubdirectory("halo-select-").FullName;
        try
        {
            var mock = MockCatalog.Generate(new MockSettings(Seed: 5, Scale: 0.005));
            mock.Write(dir);
            var output = Path.Combine(dir, "sample.csv");
            var funnel = Path.Combine(dir, "funnel.md");
            var (code, error) = Run("select", "--input", Path.Combine(dir, MockCatalog.CatalogueFile),
                "--distances", Path.Combine(dir, MockCatalog.DistancesFile), "--substructures", Path.Combine(dir, MockCatalog.SubstructuresFile),
                "--set", "McSamples=200", "--set", "FehMax=-1.0", "--output", output, "--funnel", funnel);
            Assert.True(code == 0, error);

            var expected = PaperSelection.Run(mock.Catalogue.Join(mock.Distances, C.TargetId, C.TargetId),
                // `halo select` seeds the Monte-Carlo errors with the CLI's one default seed, as `halo reproduce` does.
                SelectionSettings.Paper with { McSamples = 200, FehMax = -1.0, Seed = HaloNotebooks.Cli.Plumbing.Defaults.Seed },
                SubstructureCatalog.FromTable(mock.Substructures, "mock"));
            var written = CsvTable.Read(output);
            Assert.Equal(expected.Count, written.RowCount);
            Assert.Equal(expected.Stars.GetInt64(C.TargetId), written.GetInt64(C.TargetId));
            Assert.Equal(expected.Stars.GetDouble(C.ErrVPhi), written.GetDouble(C.ErrVPhi));
            Assert.Contains("FehMax = -1 dex", File.ReadAllText(funnel));
        }
        finally { Directory.Delete(dir, true); }
    }
}
