using System.Globalization;
using HaloNotebooks.Inference;
using HaloNotebooks.Numerics;
using Xunit;

namespace HaloNotebooks.Tests.Inference;

public sealed class ChainCsvTests : IDisposable
{
    readonly string folder = Directory.CreateTempSubdirectory("halo-chaincsv-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void Csv_HasOneRowPerWalkerAndStep_WithRoundTripValues()
    {
        var target = new DelegateLogDensity(2, x => -0.5 * (x[0] * x[0] + x[1] * x[1]));
        var rng = new SeededRandom(3, 0);
        var start = Enumerable.Range(0, 4).Select(_ => new[] { rng.NextGaussian(), rng.NextGaussian() }).ToArray();
        var sampler = new EnsembleSampler(4, target, seed: 8);
        sampler.Backend.ParameterNames = ["a", "b"];
        sampler.Run(start, 7);
        var path = Path.Combine(folder, "chain.csv");
        ChainCsv.Write(sampler.Backend, path);
        var lines = File.ReadAllLines(path);
        Assert.Equal("walker,step,a,b,log_prob", lines[0]);
        Assert.Equal(1 + 7 * 4, lines.Length);
        var chain = sampler.GetChain();
        var logProb = sampler.GetLogProb();
        for (int t = 0; t < 7; t++)
            for (int k = 0; k < 4; k++)
            {
                var cells = lines[1 + t * 4 + k].Split(',');
                Assert.Equal(k, int.Parse(cells[0], CultureInfo.InvariantCulture));
                Assert.Equal(t, int.Parse(cells[1], CultureInfo.InvariantCulture));
                Assert.Equal(chain[t, k, 0], double.Parse(cells[2], CultureInfo.InvariantCulture));
                Assert.Equal(chain[t, k, 1], double.Parse(cells[3], CultureInfo.InvariantCulture));
                Assert.Equal(logProb[t, k], double.Parse(cells[4], CultureInfo.InvariantCulture));
            }
    }
}
