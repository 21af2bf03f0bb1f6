using HaloNotebooks.Analysis;
using HaloNotebooks.Numerics;
using Xunit;

namespace HaloNotebooks.Tests.Analysis;

public class HemisphereProfileTests
{
    [Fact]
    public void Fit_SeparatesNorthAndSouthMeans()
    {
        // North moves out at +10 km/s, south in at −30 km/s; 2000 stars per hemisphere in one bin, a few outside.
        var rng = new SeededRandom(21);
        var b = new List<double>(); var r = new List<double>(); var vr = new List<double>(); var err = new List<double>();
        for (int i = 0; i < 4000; i++)
        {
            bool north = i % 2 == 0;
            b.Add(north ? 10 + 70 * rng.NextDouble() : -10 - 70 * rng.NextDouble());
            r.Add(50 + 70 * rng.NextDouble());
            err.Add(10);
            vr.Add(rng.NextGaussian(north ? 10 : -30, Math.Sqrt(100 * 100 + 100)));
        }
        b.Add(0); r.Add(55); vr.Add(1e4); err.Add(1); // b = 0 belongs to neither hemisphere
        var p = HemisphereProfile.Fit(b.ToArray(), r.ToArray(), vr.ToArray(), err.ToArray(), new RadialBins([50, 120]));
        Assert.Single(p.North);
        Assert.Single(p.South);
        Assert.Equal(2000, p.North[0].Bin.Count);
        Assert.InRange((p.North[0].MeanVr.Value - 10) / p.North[0].MeanVr.Sigma, -3, 3);
        Assert.InRange((p.South[0].MeanVr.Value + 30) / p.South[0].MeanVr.Sigma, -3, 3);
        Assert.InRange(p.North[0].MeanVr.Sigma, 100 / Math.Sqrt(2000) * 0.9, 100 / Math.Sqrt(2000) * 1.1);
    }

    [Fact]
    public void Fit_LeavesOutBinsWithTooFewStars()
    {
        double[] b = [10, 20, 30, -10, -20];
        double[] r = [55, 56, 57, 58, 59];
        double[] vr = [1, 2, 3, 4, 5];
        double[] err = [1, 1, 1, 1, 1];
        var p = HemisphereProfile.Fit(b, r, vr, err, new RadialBins([50, 60]), minStars: 3);
        Assert.Single(p.North);
        Assert.Empty(p.South);
    }
}
