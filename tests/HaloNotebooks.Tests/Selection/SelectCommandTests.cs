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

    [Fact]
    public void DistanceColumns_JoinASourceIdKeyedCatalogue_AndTheFunnelCountsMissingAndRepeatedIds()
    {
        var dir = Directory.CreateTempSubdirectory("halo-select-").FullName;
        try
        {
            var mock = MockCatalog.Generate(new MockSettings(Seed: 5, Scale: 0.005));
            mock.Write(dir);
            // A SpecDis-like file keyed by Gaia SOURCE_ID under its own names: the first star missing, the second twice.
            var stars = mock.Catalogue.Take(Enumerable.Range(0, mock.Truth.RowCount).ToArray());
            var source = stars.GetInt64(C.SourceId);
            var d = mock.Distances;
            var rows = Enumerable.Range(1, d.RowCount - 1).Append(1).ToArray();
            var specdis = Path.Combine(dir, "specdis.csv");
            CsvTable.Write(StarTable.FromColumns([("SOURCE_ID", rows.Select(i => source[i]).ToArray()),
                ("D_KPC", rows.Select(i => d.GetDouble(C.Distance)[i]).ToArray()),
                ("E_D_KPC", rows.Select(i => d.GetDouble(C.DistanceErr)[i]).ToArray())]), specdis);
            var funnel = Path.Combine(dir, "funnel.md");
            string[] args = ["select", "--input", Path.Combine(dir, MockCatalog.CatalogueFile), "--distances", specdis,
                "--distance-columns", "SOURCE_ID,D_KPC,E_D_KPC", "--set", "McSamples=20", "--output", Path.Combine(dir, "s.csv"), "--funnel", funnel];
            var (code, error) = Run(args);
            Assert.True(code == 0, error);
            int Removed(string cut) => int.Parse(File.ReadLines(funnel).Single(l => l.Split('|')[2].Trim() == cut).Split('|')[7].Trim().Replace(",", ""));
            Assert.Equal(1, Removed("distances: ID found"));          // star 0's PRIMARY row (its repeats went to the DESI cuts)
            Assert.Equal(1, Removed("distances: one row per ID"));    // star 1's
            Assert.True(Removed("DESI: PRIMARY") > 0);

            var (noDist, message) = Run(["select", "--input", Path.Combine(dir, MockCatalog.CatalogueFile), "--distance-columns", "SOURCE_ID,D,E",
                "--output", Path.Combine(dir, "t.csv")]);
            Assert.Equal(2, noDist);
            Assert.Contains("--distance-columns goes with --distances", message);
        }
        finally { Directory.Delete(dir, true); }
    }
}
