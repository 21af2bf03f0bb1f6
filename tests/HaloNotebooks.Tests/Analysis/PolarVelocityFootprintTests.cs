using Xunit;
using HaloNotebooks.Analysis;
using HaloNotebooks.Astrometry;
using HaloNotebooks.Numerics;

namespace HaloNotebooks.Tests.Analysis;

public class PolarVelocityFootprintTests
{
    static readonly Vector3d U = ReflexMotion.TravelVelocity(-24.0, -34.8, -37.87);

    /// <summary>n seeded points uniform in the shell 50–120 kpc, kept where <paramref name="keep"/>(direction) holds.</summary>
    static (double[] X, double[] Y, double[] Z) Points(int n, Func<Vector3d, bool> keep)
    {
        var rng = new SeededRandom(11);
        List<double> x = [], y = [], z = [];
        while (x.Count < n)
        {
            double cz = 2 * rng.NextDouble() - 1, phi = 2 * Math.PI * rng.NextDouble(), rho = Math.Sqrt(1 - cz * cz);
            var d = new Vector3d(rho * Math.Cos(phi), rho * Math.Sin(phi), cz);
            double r = 50 + 70 * rng.NextDouble();
            if (!keep(d)) continue;
            x.Add(r * d.X); y.Add(r * d.Y); z.Add(r * d.Z);
        }
        return (x.ToArray(), y.ToArray(), z.ToArray());
    }

    [Fact]
    public void OverTheWholeSky_TheReflexMeanPolarVelocityIsEq7()
    {
        var (x, y, z) = Points(200_000, _ => true);
        var f = PolarVelocityFootprint.Measure(x, y, z, _ => U, RadialBins.PaperDipole);
        Assert.Equal(4, f.Bins.Count);
        var all = f.Bins[0];
        Assert.Equal(200_000, all.Count);
        double eq7 = ReflexMotion.SkyMeanPolarVelocity(-24.0, -37.87);
        Assert.Equal(eq7, all.SkyMean, 9);
        // Monte-Carlo error of the mean of U·θ̂ (sd ≲ |U|/√2 ≈ 17 km/s over 200,000 points): ≈ 0.04 km/s; 4σ.
        Assert.True(Math.Abs(all.FootprintMean - eq7) < 0.16, $"{all.FootprintMean} vs {eq7}");
    }

    [Fact]
    public void OverAFootprintAsymmetricInLongitude_ItIsNot()
    {
        // Northern quarter 0 < φ < π: ⟨U·θ̂⟩ = (π/4) U_z − U_y/π (⟨sin β⟩ = 1/2, ⟨sin φ⟩ = 2/π).
        var (x, y, z) = Points(200_000, d => d.Z > 0 && d.Y > 0);
        var all = PolarVelocityFootprint.Measure(x, y, z, _ => U, RadialBins.PaperDipole).Bins[0];
        double expected = Math.PI / 4 * U.Z - U.Y / Math.PI;
        Assert.True(Math.Abs(all.FootprintMean - expected) < 0.16, $"{all.FootprintMean} vs {expected}");
        Assert.True(Math.Abs(all.Ratio - 1) > 0.2, $"ratio {all.Ratio}");
    }

    [Fact]
    public void MismatchedColumns_AreRefused() =>
        Assert.Throws<ArgumentException>(() => PolarVelocityFootprint.Measure([1.0], [1.0, 2.0], [1.0], _ => U, RadialBins.PaperDipole));
}
