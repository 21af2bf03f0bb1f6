using HaloNotebooks.Astrometry;
using HaloNotebooks.Cli.Commands;
using HaloNotebooks.Tests.Astrometry;
using Xunit;

namespace HaloNotebooks.Tests.Cli;

public sealed class TransformCommandTests : IDisposable
{
    readonly string folder = Directory.CreateTempSubdirectory("halo-transform-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    string Write(string name, string text)
    {
        var path = Path.Combine(folder, name);
        File.WriteAllText(path, text);
        return path;
    }

    const string Header = "name,ra,dec,distance,pmra,pmdec,rv";
    const string GoodRow = "star a,10.5,-20.25,12.0,1.5,-0.5,120.0";

    [Fact]
    public void ExampleFile_RecoversTheTrueGalactocentricValues()
    {
        var input = Path.Combine(TestPaths.RepoRoot, "data", "examples", "stars.csv");
        var output = Path.Combine(folder, "out.csv");
        Assert.Equal(0,
            HaloNotebooks.Cli.Program.Run(["transform", "--input", input, "--output", output, "--healpix", "8", "--mc-samples", "200", "--seed", "3"]));
        var result = ReferenceCsv.Load(output);
        var truth = ReferenceCsv.Load(TestPaths.Fixture("astro/stars_truth.csv"));
        Assert.Equal(20, result.Count);
        var hp = new HealPix(8);
        for (int i = 0; i < truth.Count; i++)
        {
            Assert.Equal(truth[i, "source_id"], result[i, "source_id"]);   // input columns are carried through
            foreach (var (column, truthColumn) in new[] { ("x", "x"), ("y", "y"), ("z", "z"), ("vx", "vx"), ("vy", "vy"), ("vz", "vz") })
                Assert.True(Math.Abs(result[i, column] - truth[i, truthColumn]) < 1e-8 * Math.Max(1, Math.Abs(truth[i, truthColumn])),
                    $"star {i} {column}: {result[i, column]} vs {truth[i, truthColumn]}");
            var p = new PhaseSpacePoint(truth[i, "x"], truth[i, "y"], truth[i, "z"], truth[i, "vx"], truth[i, "vy"], truth[i, "vz"]);
            Assert.Equal(p.Vr, result[i, "v_r"], 6);
            Assert.Equal(p.VPhi, result[i, "v_phi"], 6);
            Assert.Equal(p.VTheta, result[i, "v_theta"], 6);
            Assert.Equal(p.RGc, result[i, "r_gc"], 8);
            Assert.Equal(p.R, result[i, "R"], 8);
            Assert.Equal(hp.Ang2PixRing(result[i, "l"], result[i, "b"]), (long)result[i, "hpx_ring"]);
            Assert.Equal(hp.Ang2PixNest(result[i, "l"], result[i, "b"]), (long)result[i, "hpx_nest"]);
            var (lambda, beta) = SagittariusFrame.FromGalactic(result[i, "l"], result[i, "b"]);
            Assert.Equal(lambda, result[i, "sgr_lambda"], 8);
            Assert.Equal(beta, result[i, "sgr_beta"], 8);
            Assert.InRange(result[i, "err_v_r"], 0.1, 100);
            Assert.InRange(result[i, "err_v_phi"], 0.1, 200);
        }
    }

    [Fact]
    public void WithoutErrorColumns_WritesNoErrorColumns_AndKeepsQuotedText()
    {
        var input = Write("in.csv", Header + "\n\"star, with comma\",10.5,-20.25,12.0,1.5,-0.5,120.0\n");
        var output = Path.Combine(folder, "out.csv");
        Assert.Equal(0, HaloNotebooks.Cli.Program.Run(["transform", "--input", input, "--output", output]));
        var lines = File.ReadAllLines(output);
        Assert.Equal("name,ra,dec,distance,pmra,pmdec,rv,l,b,x,y,z,R,r_gc,vx,vy,vz,v_r,v_phi,v_theta,sgr_lambda,sgr_beta", lines[0]);
        // CsvTable carries the input through: text quoted, numbers in shortest round-trip form (12.0 → 12).
        Assert.StartsWith("\"star, with comma\",10.5,-20.25,12,", lines[1]);
        var p = GalactocentricFrame.Paper.ToGalactocentric(10.5, -20.25, 12, 1.5, -0.5, 120);
        Assert.Equal(p.VTheta.ToString("R", System.Globalization.CultureInfo.InvariantCulture), lines[1].Split(',')[20]);
    }

    [Theory]
    [InlineData("name,ra,dec,pmra,pmdec,rv\nstar a,10.5,-20.25,1.5,-0.5,120.0\n", "column 'distance' is missing")]
    [InlineData(Header + "\n" + GoodRow + "\nstar b,10.5,-20.25,twelve,1.5,-0.5,120.0\n", "row 2 (line 3), column 'distance': 'twelve' is not a number")]
    [InlineData(Header + "\n" + GoodRow + "\nstar b,10.5,-20.25,12,NaN,-0.5,120.0\n", "row 2 (line 3), column 'pmra': NaN (or empty) is not finite")]
    [InlineData(Header + "\n" + GoodRow + "\n" + GoodRow + "\nstar c,10.5,-20.25,-3,1.5,-0.5,120.0\n",
        "row 3 (line 4), column 'distance': -3 is not a positive")]
    [InlineData(Header + "\nstar b,10.5,-90.5,12,1.5,-0.5,120.0\n", "row 1 (line 2), column 'dec': -90.5 is not in [-90, 90]")]
    [InlineData(Header + "\nstar b,10.5,-20,12,1.5,-0.5\n", "row 1 (line 2), row has 6 cells but the header has 7")]
    [InlineData(Header + ",distance_err\n" + GoodRow + ",1\n", "'pmra_error', 'pmdec_error', 'rv_err' missing")]
    [InlineData(Header + ",distance_err,pmra_error,pmdec_error,rv_err\n" + GoodRow + ",1,0.1,0.1,-2\n",
        "row 1 (line 2), column 'rv_err': -2 is not a non-negative")]
    public void BadInput_FailsWithFileRowAndColumn_AndWritesNoOutput(string csv, string expected)
    {
        var input = Write("bad.csv", csv);
        var output = Path.Combine(folder, "out.csv");
        var ex = Assert.Throws<TransformCommand.TransformInputException>(() => TransformCommand.Run(input, output, null, null, 42));
        Assert.Contains(input, ex.Message);
        Assert.Contains(expected, ex.Message);
        Assert.NotEqual(0, HaloNotebooks.Cli.Program.Run(["transform", "--input", input, "--output", output]));
        Assert.False(File.Exists(output));
        Assert.Empty(Directory.GetFiles(folder, "*.tmp"));
    }

    [Fact]
    public void FailedRun_LeavesAnExistingOutputUntouched()
    {
        var input = Write("bad.csv", Header + "\nstar b,10.5,95,12,1.5,-0.5,120.0\n");
        var output = Write("out.csv", "previous result\n");
        Assert.Equal(1, HaloNotebooks.Cli.Program.Run(["transform", "--input", input, "--output", output]));
        Assert.Equal("previous result\n", File.ReadAllText(output));
    }

    [Fact]
    public void BadOptions_AndAMissingFile_AreReported()
    {
        var input = Write("in.csv", Header + "\n" + GoodRow + "\n");
        var output = Path.Combine(folder, "out.csv");
        Assert.Contains("--healpix 12",
            Assert.Throws<TransformCommand.TransformInputException>(() => TransformCommand.Run(input, output, 12, null, 1)).Message);
        Assert.Contains("--mc-samples needs the error columns",
            Assert.Throws<TransformCommand.TransformInputException>(() => TransformCommand.Run(input, output, null, 100, 1)).Message);
        var missing = Path.Combine(folder, "nope.csv");
        Assert.Contains(missing, Assert.Throws<TransformCommand.TransformInputException>(() => TransformCommand.Run(missing, output, null, null, 1)).Message);
        Assert.NotEqual(0, HaloNotebooks.Cli.Program.Run(["transform", "--output", output]));   // --input is required
        Assert.False(File.Exists(output));
    }
}
