using HaloNotebooks.Analysis;
using HaloNotebooks.Astrometry;
using HaloNotebooks.Inference;
using HaloNotebooks.Numerics;
using HaloNotebooks.Paper;
using Xunit;
using Xunit.Abstractions;

namespace HaloNotebooks.Tests.Analysis;

/// <summary>
/// One l_apex convention from fit to table (Angles.LongitudeCentre): a posterior is unwrapped around its mode and its
/// median lies in [−180°, 180°), as Table 3 prints l_apex = −34.8°; the fit's summary, its BinFit, the Table 3 row and
/// that row read back from CSV all carry the same numbers.
/// </summary>
public class ApexConventionTests(ITestOutputHelper output)
{
    /// <summary>Gaussian longitudes N(<paramref name="mean"/>, <paramref name="sigma"/>) wrapped into [0°, 360°).</summary>
    static double[] WrappedGaussian(double mean, double sigma, int n, long seed)
    {
        var rng = new SeededRandom(seed);
        return Enumerable.Range(0, n).Select(_ => Angles.Wrap360(mean + sigma * rng.NextGaussian())).ToArray();
    }

    [Theory]
    [InlineData(355.0, -5.0)]     // straddles 0°/360°: the raw median of [0, 360) values would be near 180°
    [InlineData(181.0, -179.0)]   // straddles ±180°: the window is moved a turn so that the median is in [−180, 180)
    [InlineData(-34.8, -34.8)]    // Table 3's first row
    public void WrappedPosterior_IsSummarisedAfterUnwrappingAroundItsMode(double mean, double expectedMedian)
    {
        // 20,000 draws of σ = 10°: the sample median and 16/84th percentiles scatter by ≈ 0.1°.
        var m = BinFit.CircularLongitude(WrappedGaussian(mean, 10, 20_000, seed: 3));
        output.WriteLine($"N({mean}, 10) wrapped → {m.Value:F2} [{m.P16:F2}, {m.P84:F2}]");
        Assert.InRange(m.Value, -180, 180 - 1e-12);
        Assert.Equal(expectedMedian, m.Value, 0.5);
        Assert.Equal(expectedMedian - 9.94, m.P16, 0.5);   // the 16th percentile of a Gaussian is −0.994σ
        Assert.Equal(expectedMedian + 9.94, m.P84, 0.5);
    }

    [Fact]
    public void UnwrapLongitudes_IsIdempotent_BitForBit()
    {
        var once = Angles.UnwrapLongitudes(WrappedGaussian(179, 30, 5000, seed: 4));
        Assert.Equal(once, Angles.UnwrapLongitudes(once));
    }

    [Theory]
    [InlineData(-34.8, -38.0)]    // the paper's apex (Table 3, 50-120 kpc)
    [InlineData(180.0, -30.0)]    // on the ±180° wrap of the convention itself
    public void DipoleFit_SummaryBinFitAndTable3RowAgree(double lApex, double bApex)
    {
        var fit = HaloFits.Dipole(SyntheticHalo.DipoleSky(4000, lApex, bApex, seed: 77), 
            new FitSettings(new SamplerSettings(Walkers: 16, Steps: 500, Burn: 200, Seed: 8)));
        var s = fit.Summary["l_apex"];
        output.WriteLine($"apex l = {lApex}: fit summary {s.Median:F2} [{s.P16:F2}, {s.P84:F2}]");
        Assert.InRange(s.Median, -180, 180 - 1e-12);
        Assert.InRange(Angles.Wrap180(s.Median - lApex), -15, 15);   // 4,000 stars: σ(l_apex) ≈ 5°
        Assert.InRange(s.P84 - s.P16, 1, 40);                          // one interval, not split by the wrap

        var bin = BinFit.FromFit(new RadialBin(50, 120, 4000, 70), fit);
        var table = PaperTables.Table3(new RadialProfile(FitModel.Dipole, bin, [bin]));
        var readBack = PaperTable.Parse(3, table.ToCsv(), "table3.csv");
        foreach (var entry in new[] { bin["l_apex"] }.Concat(table.Rows.Concat(readBack.Rows).Select(r => r.Values["l_apex"])))
        {
            Assert.Equal(s.Median, entry.Value);
            Assert.Equal(s.P16, entry.P16, 1e-9);
            Assert.Equal(s.P84, entry.P84, 1e-9);
        }
    }
}
