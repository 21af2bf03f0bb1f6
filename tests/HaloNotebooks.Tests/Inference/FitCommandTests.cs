using System.Text.Json;
using HaloNotebooks.Analysis;
using HaloNotebooks.Cli.Commands;
using HaloNotebooks.Inference;
using Xunit;

namespace HaloNotebooks.Tests.Inference;

public class FitCommandTests
{
    [Fact]
    public void Fit_ReadsTheReferenceCsvAsIs_AndWritesIssue4Json()
    {
        // mixture_mock.csv spells V_r, err_V_r …: matched case-insensitively. 300 stars keep it fast.
        var dir = Directory.CreateTempSubdirectory("halo-fit-");
        var csv = Path.Combine(dir.FullName, "stars.csv");
        File.WriteAllLines(csv, File.ReadLines(TestPaths.Fixture("reference/mixture_mock.csv")).Take(301));
        var json = Path.Combine(dir.FullName, "summary.json");
        int rc = HaloNotebooks.Cli.Program.Run(["fit", "--input", csv, "--model", "single", "--walkers", "20", "--steps", "120",
                                                "--burn", "40", "--seed", "3", "--threads", "1", "--output", json]);
        Assert.Equal(0, rc);
        var root = JsonDocument.Parse(File.ReadAllText(json)).RootElement;
        Assert.Equal("single", root.GetProperty("model").GetString());
        Assert.Equal(300, root.GetProperty("n_stars").GetInt32());
        var pars = root.GetProperty("parameters");
        foreach (var name in new[] { "vr", "vphi", "vtheta", "sigma_r", "sigma_phi", "sigma_theta", "feh_mean", "feh_sigma", "beta" })
        {
            var p = pars.GetProperty(name);
            Assert.True(p.GetProperty("p16").GetDouble() <= p.GetProperty("median").GetDouble());
            Assert.True(p.GetProperty("median").GetDouble() <= p.GetProperty("p84").GetDouble());
        }
        // 300 stars from a population with σ_r = 131 km/s: the fit must land near it.
        Assert.InRange(pars.GetProperty("sigma_r").GetProperty("median").GetDouble(), 110, 150);
        Assert.InRange(root.GetProperty("acceptance_fraction").GetDouble(), 0.1, 0.9);
        Assert.Equal(8, root.GetProperty("autocorr_time").EnumerateObject().Count());
        Assert.True(root.GetProperty("wall_time_s").GetDouble() > 0);
        Assert.Equal(120, root.GetProperty("settings").GetProperty("steps").GetInt32());
        dir.Delete(true);
    }

    [Fact]
    public void Fit_SameSeed_SameJsonParameters_ForOneAndTwoThreads()
    {
        var path = TestPaths.Fixture("reference/dipole_mock.csv");
        var settings = new HaloNotebooks.Inference.FitSettings(new SamplerSettings(Walkers: 16, Steps: 60, Burn: 20, Seed: 9), MaxDegreeOfParallelism: 1);
        var one = FitCommand.Run(path, FitModel.Dipole, settings);
        var two = FitCommand.Run(path, FitModel.Dipole, settings with { MaxDegreeOfParallelism = 2 });
        Assert.Equal(one.Samples("l_apex"), two.Samples("l_apex"));
        Assert.Equal(one.Summary["mu_dipole"], two.Summary["mu_dipole"]);
    }

    [Fact]
    public void Fit_AcceptsFehErr_AsWrittenByHaloSelect()
    {
        // `halo select` writes the canonical feh_err; the fit must read it as err_feh (same numbers, same result).
        var dir = Directory.CreateTempSubdirectory("halo-fit-");
        var lines = File.ReadLines(TestPaths.Fixture("reference/mixture_mock.csv")).Take(201).ToArray();
        var original = Path.Combine(dir.FullName, "original.csv");
        var renamed = Path.Combine(dir.FullName, "renamed.csv");
        File.WriteAllLines(original, lines);
        File.WriteAllLines(renamed, [lines[0].Replace("err_feh", "feh_err"), .. lines[1..]]);
        Assert.Contains("feh_err", File.ReadLines(renamed).First());
        var settings = new HaloNotebooks.Inference.FitSettings(new SamplerSettings(Walkers: 20, Steps: 40, Burn: 10, Seed: 5), MaxDegreeOfParallelism: 1);
        Assert.Equal(FitCommand.Run(original, FitModel.Single, settings).Samples("feh_sigma"),
            FitCommand.Run(renamed, FitModel.Single, settings).Samples("feh_sigma"));
        dir.Delete(true);
    }

    [Fact]
    public void Fit_MissingColumn_FailsWithAMessageNamingIt()
    {
        var dir = Directory.CreateTempSubdirectory("halo-fit-");
        var csv = Path.Combine(dir.FullName, "bad.csv");
        File.WriteAllLines(csv, ["l,b,v_r", "1,2,3", "4,5,6"]);
        var ex = Assert.Throws<HaloNotebooks.Cli.Plumbing.InputException>(() => FitCommand.Run(csv, FitModel.Dipole, new()));
        Assert.Contains("'err_v_r'", ex.Message);
        Assert.Contains("halo select", ex.Message);
        Assert.Equal(1, HaloNotebooks.Cli.Program.Run(["fit", "--input", csv, "--model", "dipole"]));
        dir.Delete(true);
    }

    [Fact]
    public void Fit_WritesTheChain_WhenAsked_AndRefusesAnUnknownChainFormat()
    {
        var dir = Directory.CreateTempSubdirectory("halo-fit-");
        var csv = Path.Combine(dir.FullName, "stars.csv");
        File.WriteAllLines(csv, File.ReadLines(TestPaths.Fixture("reference/mixture_mock.csv")).Take(201));
        var chain = Path.Combine(dir.FullName, "chain.h5");
        var json = Path.Combine(dir.FullName, "summary.json");
        int rc = HaloNotebooks.Cli.Program.Run(["fit", "--input", csv, "--model", "single", "--walkers", "16", "--steps", "30",
                                                "--burn", "10", "--seed", "3", "--output", json, "--chain", chain]);
        Assert.Equal(0, rc);
        var back = HaloNotebooks.Inference.HdfChainBackend.Read(chain);
        Assert.Equal((30, 16, 8), (back.Iterations, back.Walkers, back.Dimension));
        // The summary's median of sigma_r is the median of the file's post-burn-in sigma_r column.
        var median = JsonDocument.Parse(File.ReadAllText(json)).RootElement.GetProperty("parameters").GetProperty("sigma_r").GetProperty("median").GetDouble();
        Assert.Equal(median, HaloNotebooks.Inference.PosteriorSummary.FromSamples(back.GetFlatSamples(3, discard: 10)).Median);
        Assert.Equal(2, HaloNotebooks.Cli.Program.Run(   // an unknown --chain format is usage (README, exit codes)
            ["fit", "--input", csv, "--model", "single", "--walkers", "16", "--steps", "30",
                                                       "--burn", "10", "--chain", Path.Combine(dir.FullName, "chain.npy")]));
        dir.Delete(true);
    }
}
