using HaloNotebooks.Mocks;
using Xunit;

namespace HaloNotebooks.Tests.Cli;

/// <summary>A small mock (scale 0.02, ~8,700 stars) written once for the command tests.</summary>
public sealed class SmallMockFixture : IDisposable
{
    public string Root { get; } = Directory.CreateTempSubdirectory("halo-cli-").FullName;
    public string Mock => Path.Combine(Root, "mock");
    public string Catalogue => Path.Combine(Mock, MockCatalog.CatalogueFile);
    public string Distances => Path.Combine(Mock, MockCatalog.DistancesFile);
    public string Substructures => Path.Combine(Mock, MockCatalog.SubstructuresFile);

    public SmallMockFixture() => MockCatalog.Generate(new MockSettings(Seed: 42, Scale: 0.02)).Write(Mock);

    public void Dispose() => Directory.Delete(Root, true);
}

/// <summary>
/// Every command at the door (STYLE.md, "Fail at the door"): a missing file, a wrong column, bad options and an output
/// that cannot be written each give one line on stderr naming the problem, the documented exit code (1 bad input or
/// data, 2 usage), and no work before it — stdout stays empty (no stage started, no funnel, no fit) and no file appears.
/// A missing output folder is not an error: it is created.
/// </summary>
public class CommandBoundaryTests(SmallMockFixture mock) : IClassFixture<SmallMockFixture>
{
    string Dir() => Directory.CreateTempSubdirectory("halo-door-").FullName;

    /// <summary>The run failed at the door: code, one stderr line "halo CMD: …" containing every expected fragment, nothing on stdout.</summary>
    static void AssertRejected(HaloProcess.Outcome r, string command, int code, params string[] fragments)
    {
        Assert.True(code == r.ExitCode, $"exit {r.ExitCode}, expected {code}; stderr: {r.Stderr}");
        var line = Assert.Single(r.ErrorLines);
        Assert.StartsWith(command.Length == 0 ? "halo: " : $"halo {command}: ", line);
        foreach (var f in fragments) Assert.Contains(f, line);
        Assert.DoesNotContain("   at ", r.Stderr);   // never a stack trace
        Assert.Equal("", r.Stdout.Trim());        // nothing ran first
    }

    /// <summary>A path that cannot be created: a folder "inside" an existing file.</summary>
    static string Unwritable(string dir, string name)
    {
        var file = Path.Combine(dir, "a-file");
        File.WriteAllText(file, "");
        return Path.Combine(file, "sub", name);
    }

    [Fact]
    public void Select_AtTheDoor()
    {
        var dir = Dir();
        AssertRejected(HaloProcess.Run(dir, "select", "--input", "absent.fits", "--output", "s.csv"), "select", 1,
            "--input absent.fits", "no such file", "halo mock");
        AssertRejected(HaloProcess.Run(dir, "select", "--input", mock.Catalogue, "--output", Unwritable(dir, "s.csv")), "select",
            1, "--output", "cannot write");
        AssertRejected(HaloProcess.Run(dir, "select", "--input", mock.Catalogue, "--set", "FehMax=abc", "--output", "s.csv"), "select", 2, "FehMax", "abc");
        AssertRejected(HaloProcess.Run(dir, "select", "--input", mock.Catalogue, "--set", "Nonsense=1", "--output", "s.csv"), "select",
            2, "Nonsense", "--list-cuts");
        AssertRejected(HaloProcess.Run(dir, "select", "--input", mock.Catalogue, "--preset", "nope", "--output", "s.csv"), "select", 2, "--preset nope");
        AssertRejected(HaloProcess.Run(dir, "select", "--input", mock.Catalogue, "--output", "s.csv", "--seed", "x"), "select", 2, "--seed");
        Assert.False(File.Exists(Path.Combine(dir, "s.csv")));

        // A wrong column is found once the catalogue is read: still one line, naming the option that supplies it.
        var noDistance = HaloProcess.Run(dir, "select", "--input", mock.Catalogue, "--output", "s.csv");
        Assert.Equal(1, noDistance.ExitCode);
        var line = Assert.Single(noDistance.ErrorLines);
        Assert.Contains("'distance'", line);
        Assert.Contains("--distances", line);
        Assert.DoesNotContain("selection: started", noDistance.Stdout);
        Assert.False(File.Exists(Path.Combine(dir, "s.csv")));

        // A missing output folder is created.
        var ok = HaloProcess.Run(dir, "select", "--input", mock.Catalogue, "--distances", mock.Distances, "--output", Path.Combine("new", "deeper", "s.csv"));
        Assert.Equal(0, ok.ExitCode);
        Assert.True(File.Exists(Path.Combine(dir, "new", "deeper", "s.csv")));
        Directory.Delete(dir, true);
    }

    [Fact]
    public void Fit_AtTheDoor()
    {
        var dir = Dir();
        string stars = TestPaths.Fixture("reference/mixture_mock.csv");
        AssertRejected(HaloProcess.Run(dir, "fit", "--input", "absent.csv", "--model", "single"), "fit", 1, "--input absent.csv", "halo select");
        AssertRejected(HaloProcess.Run(dir, "fit", "--input", stars, "--model", "double", "--walkers", "20"), "fit", 2, "--walkers 20", "34");
        AssertRejected(HaloProcess.Run(dir, "fit", "--input", stars, "--model", "single", "--steps", "100", "--burn", "100"), "fit", 2, "--burn 100");
        AssertRejected(HaloProcess.Run(dir, "fit", "--input", stars, "--model", "triple"), "fit", 2, "triple");
        AssertRejected(HaloProcess.Run(dir, "fit", "--input", stars, "--model", "single", "--bins", "3,2,1"), "fit", 2, "--bins", "increase");
        AssertRejected(HaloProcess.Run(dir, "fit", "--input", stars, "--model", "single", "--r-min", "50", "--r-max", "20"), "fit", 2, "empty");
        // The case: the output folder cannot be made; this used to surface after the whole MCMC.
        AssertRejected(HaloProcess.Run(dir, "fit", "--input", stars, "--model", "single", "--output", Unwritable(dir, "fit.json")), "fit",
            1, "--output", "cannot write");
        // A raw catalogue has no Galactocentric velocities: the message says which command makes them.
        AssertRejected(HaloProcess.Run(dir, "fit", "--input", mock.Catalogue, "--model", "single"), "fit", 1, "v_r", "halo select");

        // A missing output folder is created (reduced settings: 300 stars, 20 walkers × 40 steps).
        var small = Path.Combine(dir, "stars.csv");
        File.WriteAllLines(small, File.ReadLines(stars).Take(301));
        var ok = HaloProcess.Run(dir, "fit", "--input", small, "--model", "single", "--walkers", "20", "--steps", "40", "--burn", "20",
                                 "--output", Path.Combine("nodir", "sub", "fit.json"));
        Assert.Equal(0, ok.ExitCode);
        Assert.True(File.Exists(Path.Combine(dir, "nodir", "sub", "fit.json")));
        // Its autocorrelation warning reaches the terminal, not only the JSON.
        Assert.Contains("halo fit: warning:", ok.Stderr);
        Assert.Contains("autocorrelation", ok.Stderr);
        Directory.Delete(dir, true);
    }

    [Fact]
    public void Reproduce_AtTheDoor()
    {
        var dir = Dir();
        string m = Path.Combine(dir, "m");
        AssertRejected(HaloProcess.Run(dir, "reproduce", "--walkers", "20", "--mock", m), "reproduce", 2, "--walkers 20", "34");
        AssertRejected(HaloProcess.Run(dir, "reproduce", "--steps", "100", "--burn", "100", "--mock", m), "reproduce", 2, "--burn 100");
        AssertRejected(HaloProcess.Run(dir, "reproduce", "--set", "FehMax=minus-one", "--mock", m), "reproduce", 2, "FehMax");
        AssertRejected(HaloProcess.Run(dir, "reproduce", "--appendix-stars", "-1", "--mock", m), "reproduce", 2, "--appendix-stars");
        AssertRejected(HaloProcess.Run(dir, "reproduce", "--distances", mock.Distances, "--mock", m), "reproduce", 2, "--catalogue");
        AssertRejected(HaloProcess.Run(dir, "reproduce", "--catalogue", mock.Catalogue, "--mock-truth"), "reproduce", 2, "--mock-truth");
        AssertRejected(HaloProcess.Run(dir, "reproduce", "--catalogue", "absent.fits"), "reproduce", 1, "absent.fits", "no such file");
        AssertRejected(HaloProcess.Run(dir, "reproduce", "--catalogue", mock.Catalogue, "--distances", mock.Distances, "--output", Unwritable(dir, "results")),
                       "reproduce", 1, "--output", "cannot write");
        Assert.False(Directory.Exists(m), "options are checked before any mock is generated");
        Directory.Delete(dir, true);
    }

    [Fact]
    public void Mock_Transform_Convert_Compare_AtTheDoor()
    {
        var dir = Dir();
        AssertRejected(HaloProcess.Run(dir, "mock", "--scale", "-1", "--output", "m"), "mock", 2, "--scale");
        AssertRejected(HaloProcess.Run(dir, "mock", "--scale", "0.01", "--output", Unwritable(dir, "m")), "mock", 1, "--output", "cannot write");
        Assert.False(Directory.Exists(Path.Combine(dir, "m")));

        var stars = Path.Combine(dir, "stars.csv");
        File.WriteAllLines(stars, ["ra,dec,distance,pmra,pmdec,rv", "10,20,5,1,2,30"]);
        AssertRejected(HaloProcess.Run(dir, "transform", "--input", "absent.csv", "--output", "o.csv"), "transform", 1, "--input absent.csv");
        AssertRejected(HaloProcess.Run(dir, "transform", "--input", stars, "--output", "o.csv", "--healpix", "12"), "transform", 2, "--healpix 12");
        AssertRejected(HaloProcess.Run(dir, "transform", "--input", stars, "--output", Unwritable(dir, "o.csv")), "transform", 1, "--output");
        var wrongColumn = Path.Combine(dir, "wrong.csv");
        File.WriteAllLines(wrongColumn, ["ra,dec,dist,pmra,pmdec,rv", "10,20,5,1,2,30"]);
        AssertRejected(HaloProcess.Run(dir, "transform", "--input", wrongColumn, "--output", "o.csv"), "transform", 1, "'distance'");

        AssertRejected(HaloProcess.Run(dir, "convert", "--input", "absent.fits", "--output", "o.csv"), "convert", 1, "absent.fits");
        AssertRejected(HaloProcess.Run(dir, "convert", "--input", stars, "--columns", "ra,nope", "--output", "o.csv"), "convert", 1, "nope");
        AssertRejected(HaloProcess.Run(dir, "convert", "--input", stars, "--output", Unwritable(dir, "o.csv")), "convert", 1, "--output");
        Assert.False(File.Exists(Path.Combine(dir, "o.csv")));

        AssertRejected(HaloProcess.Run(dir, "compare", "absentA", "absentB"), "compare", 1, "absentA", "halo reproduce");
        AssertRejected(HaloProcess.Run(dir, "compare", "onlyone"), "compare", 2, "argument missing");
        AssertRejected(HaloProcess.Run(dir, "nonsense"), "", 2, "nonsense");
        Directory.Delete(dir, true);
    }
}
