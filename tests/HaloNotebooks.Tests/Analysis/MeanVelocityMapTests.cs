using HaloNotebooks.Analysis;
using Xunit;

namespace HaloNotebooks.Tests.Analysis;

public class MeanVelocityMapTests
{
    [Fact]
    public void Build_KeepsPixelsWithEnoughStars_AndWeightsByInverseVariance()
    {
        long[] pixel = [7, 7, 7, 3, 3];
        double[] vr = [10, 40, -20, 5, 5];
        double[] err = [1, 2, 2, 1, 1];
        var model = new DipoleVelocityField(-18, -24, -35, -38);
        var map = MeanVelocityMap.Build(4, pixel, vr, err, p => (p * 10.0, 5.0), model, minStars: 3);
        var kept = Assert.Single(map.Pixels);
        Assert.Equal(7, kept.Index);
        Assert.Equal(3, kept.Count);
        // weights 1, 1/4, 1/4: (10 + 10 − 5) / 1.5 = 10; error 1/√1.5.
        Assert.Equal(10, kept.MeanVr, 12);
        Assert.Equal(1 / Math.Sqrt(1.5), kept.ErrMeanVr, 12);
        Assert.Equal(model.MeanVr(70, 5), kept.ModelVr, 12);
    }

    [Fact]
    public void Build_RejectsNonPositiveErrors() =>
        Assert.Throws<ArgumentException>(() => MeanVelocityMap.Build(4, [1], [1], [0], _ => (0, 0), new DipoleVelocityField(0, 0, 0, 0)));
}
