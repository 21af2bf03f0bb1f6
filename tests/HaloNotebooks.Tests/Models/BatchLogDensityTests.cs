using HaloNotebooks.Inference;
using HaloNotebooks.Models;
using Xunit;

namespace HaloNotebooks.Tests.Models;

/// <summary>
/// The mixture models' LogDensities (a half-ensemble at once, block-major over the stars) give LogDensity's bits at every point,
/// and the sampler's chain with them is the chain of one call per walker, on one thread and on two.
/// </summary>
public class BatchLogDensityTests
{
    static double[] Truth => ReferenceData.Vector(ReferenceData.MixtureJson.GetProperty("two_component").GetProperty("truth"),
        TwoComponent.ParameterNames, ReferenceData.OurMixtureName);

    static double[][] Points(double[] centre)
    {
        var points = Enumerable.Range(0, 7).Select(k => centre.Select((c, d) => c + 0.01 * k * (d + 1)).ToArray()).ToArray();
        points[2][1] = 1e6;   // outside the prior: −∞
        return points;
    }

    static void AssertSameBits(IBatchLogDensity model, double[][] points)
    {
        var walkers = Enumerable.Range(0, points.Length).Reverse().Where(k => k != 4).ToArray();   // any order, any subset
        var into = new double[points.Length];
        into[4] = 123;
        model.LogDensities(points, walkers, into);
        foreach (int k in walkers) Assert.Equal(BitConverter.DoubleToInt64Bits(model.LogDensity(points[k])), BitConverter.DoubleToInt64Bits(into[k]));
        Assert.Equal(123, into[4]);   // untouched
        Assert.Equal(double.NegativeInfinity, into[2]);
    }

    [Fact]
    public void TwoComponent_LogDensities_HaveLogDensitysBits_IncludingAWeightOfZeroOrOne()
    {
        var points = Points(Truth);
        points[5][0] = 0.0;   // p_MR = 0 and 1: the one-component path
        points[6][0] = 1.0;
        AssertSameBits(new TwoComponent(ReferenceData.Mixture), points);
    }

    [Fact]
    public void SingleComponent_LogDensities_HaveLogDensitysBits() =>
        AssertSameBits(new SingleComponent(ReferenceData.Mixture), Points(Truth[1..9]));

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Chain_IsTheChainOfOneCallPerWalker(int threads)
    {
        var model = new TwoComponent(ReferenceData.Mixture);
        var plain = new DelegateLogDensity(model.Dimension, model.LogDensity);   // not an IBatchLogDensity
        var start = WalkerBall.Around(Truth, Enumerable.Repeat(1e-3, 17).ToArray(), 34, model, seed: 5);
        var batched = new EnsembleSampler(34, model, seed: 9, maxDegreeOfParallelism: threads) { MinParallelSeconds = 0 };
        var single = new EnsembleSampler(34, plain, seed: 9, maxDegreeOfParallelism: threads) { MinParallelSeconds = 0 };
        batched.Run(start, 12);
        single.Run(start, 12);
        Assert.Equal(single.GetChain(), batched.GetChain());
        Assert.Equal(single.GetLogProb(), batched.GetLogProb());
    }
}
