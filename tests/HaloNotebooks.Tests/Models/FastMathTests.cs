using System.Runtime.Intrinsics;
using HaloNotebooks.Models;
using HaloNotebooks.Numerics;
using Xunit;

namespace HaloNotebooks.Tests.Models;

public class FastMathTests
{
    [Fact]
    public void ExpNonPositive_IsWithin3UlpOfMathExp()
    {
        var rng = new SeededRandom(17, 0);
        for (int i = 0; i < 20000; i++)
        {
            double x = -700 * rng.NextDouble() * rng.NextDouble();
            double e512 = FastMath.ExpNonPositive(Vector512.Create(x))[3];
            double e256 = FastMath.ExpNonPositive(Vector256.Create(x))[1];
            Assert.InRange(Math.Abs(e512 / Math.Exp(x) - 1), 0, 7e-16);
            Assert.Equal(e512, e256);
        }
        Assert.Equal(1.0, FastMath.ExpNonPositive(Vector512<double>.Zero)[0]);
        Assert.InRange(FastMath.ExpNonPositive(Vector512.Create(-1e6))[0] / Math.Exp(-700) - 1, -1e-15, 1e-15);
    }

    [Fact]
    public void RunningProduct_GivesTheSumOfLogs_WithoutOverflow()
    {
        var rng = new SeededRandom(3, 0);
        var product = Vector512.Create(1.0);
        var exponent = Vector512<long>.Zero;
        double expected = 0;
        for (int k = 0; k < 5000; k++)
        {
            // Values from 1e-30 to 1e30: the plain product would leave double range after a few dozen.
            var y = Vector512.Create(Enumerable.Range(0, 8).Select(_ => Math.Pow(10, 60 * rng.NextDouble() - 30)).ToArray());
            for (int j = 0; j < 8; j++) expected += Math.Log(y[j]);
            FastMath.MultiplyInto(ref product, ref exponent, y);
        }
        Assert.InRange(FastMath.LogOfProduct(product, exponent) - expected, -1e-8, 1e-8);
    }
}
