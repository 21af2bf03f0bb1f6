using HaloNotebooks.Inference;
using HaloNotebooks.Numerics;
using Xunit;

namespace HaloNotebooks.Tests.Inference;

public class WalkerIndependenceTests
{
    [Fact]
    public void ConditionNumber_IsOneForOrthonormalColumns_AndInfiniteForAConstantColumn()
    {
        // Centred columns (±1 patterns) that are orthogonal: condition number 1.
        double[][] w = [[1, 1], [1, -1], [-1, 1], [-1, -1]];
        Assert.Equal(1.0, WalkerIndependence.ConditionNumber(w), 10);
        Assert.Equal(double.PositiveInfinity, WalkerIndependence.ConditionNumber([[1, 2], [3, 2], [5, 2]]));
        Assert.Equal(double.PositiveInfinity, WalkerIndependence.ConditionNumber([[1, 2], [double.NaN, 3], [5, 2]]));
    }

    [Fact]
    public void SmallGaussianBall_IsIndependent_ButTwoNearlyEqualColumnsAreNot()
    {
        var rng = new SeededRandom(5, 0);
        var ball = Enumerable.Range(0, 20).Select(_ => new[] { 1 + 1e-4 * rng.NextGaussian(), 100 + 1e-4 * rng.NextGaussian(), rng.NextGaussian() }).ToArray();
        Assert.True(WalkerIndependence.AreIndependent(ball));
        var dependent = ball.Select(r => new[] { r[0], r[0] * 2 + 1e-12 * r[2], r[2] }).ToArray();
        Assert.False(WalkerIndependence.AreIndependent(dependent));
    }
}
