using Xunit;
using HaloNotebooks.Models;

namespace HaloNotebooks.Tests.Models;

public class TwoComponentTests
{
    [Fact]
    public void LogLikelihood_MatchesEmceeReferenceChecks_To1e9()
    {
        var model = new TwoComponent(ReferenceData.Mixture);
        int n = 0;
        foreach (var check in ReferenceData.MixtureJson.GetProperty("two_component").GetProperty("loglike_checks").EnumerateArray())
        {
            var theta = ReferenceData.Vector(check.GetProperty("params"), TwoComponent.ParameterNames, ReferenceData.OurMixtureName);
            double expected = check.GetProperty("loglike").GetDouble();
            Assert.InRange(Math.Abs(model.LogLikelihood(theta) - expected) / Math.Abs(expected), 0, 1e-9);
            n++;
        }
        Assert.Equal(4, n);
    }

    [Fact]
    public void LogLikelihood_DoesNotDependOnStarParallelism()
    {
        var data = ReferenceData.Mixture;
        var theta = ReferenceData.Vector(ReferenceData.MixtureJson.GetProperty("two_component").GetProperty("truth"),
            TwoComponent.ParameterNames, ReferenceData.OurMixtureName);
        double serial = new TwoComponent(data).LogLikelihood(theta);
        double parallel = new TwoComponent(data) { StarParallelism = 2 }.LogLikelihood(theta);
        Assert.Equal(serial, parallel);
    }

    [Fact]
    public void LogLikelihood_EqualsScalarSumOfEq3_OnAnOddNumberOfStars()
    {
        // 13 stars: exercises the vector body and the scalar tail against a direct Eq. 2–3 sum.
        var all = ReferenceData.Mixture;
        var keep = new bool[all.Count];
        for (int i = 0; i < 13; i++) keep[i * 7] = true;
        var data = all.Where(keep);
        double[] t = [0.3, 5, -20, 3, 120, 40, 50, -1.1, 0.2, -3, -15, 2, 140, 90, 80, -1.7, 0.4];
        double expected = 0;
        for (int i = 0; i < data.Count; i++)
        {
            double la = Math.Log(t[0]), lb = Math.Log(1 - t[0]);
            double[] x = [data.Vr[i], data.VPhi[i], data.VTheta[i], data.Feh[i]], e = [data.ErrVr[i], data.ErrVPhi[i], data.ErrVTheta[i], data.ErrFeh[i]];
            int[] mean = [0, 1, 2, 6], sig = [3, 4, 5, 7];
            for (int d = 0; d < 4; d++)
            {
                la += GaussianWithErrors.LogDensity(x[d], t[1 + mean[d]], t[1 + sig[d]], e[d]);
                lb += GaussianWithErrors.LogDensity(x[d], t[9 + mean[d]], t[9 + sig[d]], e[d]);
            }
            expected += Math.Log(Math.Exp(la) + Math.Exp(lb));
        }
        Assert.Equal(expected, new TwoComponent(data).LogLikelihood(t), 1e-9);
    }

    [Fact]
    public void LogPrior_RejectsSwappedMetallicityOrderingAndOutOfBounds()
    {
        var model = new TwoComponent(ReferenceData.Mixture);
        double[] t = [0.54, 0, -7, 4, 131, 31, 35, -1.15, 0.17, -2, -23, 4, 131, 103, 92, -1.58, 0.43];
        Assert.Equal(0.0, model.LogPrior(t));
        var swapped = (double[])t.Clone();
        (swapped[7], swapped[15]) = (swapped[15], swapped[7]);
        Assert.Equal(double.NegativeInfinity, model.LogPrior(swapped));
        var outside = (double[])t.Clone(); outside[4] = 9.99;
        Assert.Equal(double.NegativeInfinity, model.LogDensity(outside));
        var edge = (double[])t.Clone(); edge[4] = 10; edge[0] = 1;
        Assert.Equal(0.0, model.LogPrior(edge));   // bounds inclusive
    }

    [Fact]
    public void MembershipProbability_Eq4_SeparatesTheMockComponents()
    {
        var data = ReferenceData.Mixture;
        double[] t = [0.54, 0, -7, 4, 131, 31, 35, -1.15, 0.17, -2, -23, 4, 131, 103, 92, -1.58, 0.43];
        var p = new TwoComponent(data).MembershipProbabilityMR(t);
        // The expected number of MR stars under the true model is p_MR N within Poisson-like scatter,
        // and the true MR stars must on average have a higher probability than the true MP stars.
        var lines = File.ReadAllLines(TestPaths.Fixture("reference/mixture_mock.csv")).Skip(1).Select(l => l.Split(',')[^1] == "1").ToArray();
        double meanMr = p.Where((_, i) => lines[i]).Average(), meanMp = p.Where((_, i) => !lines[i]).Average();
        Assert.InRange(p.Sum() / data.Count, 0.53, 0.555);
        Assert.True(meanMr > meanMp + 0.3, $"mean P(MR) of true MR {meanMr}, of true MP {meanMp}");
        Assert.All(p, v => Assert.InRange(v, 0, 1));
    }
}
