using Xunit;
using HaloNotebooks.Models;

namespace HaloNotebooks.Tests.Models;

public class ExtremeDeconvolutionTests
{
    [Fact]
    public void TwoComponents_ReachTheReferenceMaximumLikelihood()
    {
        var xd = ExtremeDeconvolution.Fit(ReferenceData.Mixture, 2);
        var mle = ReferenceData.MixtureJson.GetProperty("two_component").GetProperty("mle");
        // EM maximises Eq. 3 exactly: its maximum must agree with scipy's (README: within 0.01).
        Assert.Equal(mle.GetProperty("max_loglike").GetDouble(), xd.LogLikelihood, 0.01);
        int mr = xd.Means[0][3] > xd.Means[1][3] ? 0 : 1;
        Assert.Equal(mle.GetProperty("params").GetProperty("p_MR").GetDouble(), xd.Weights[mr], 1e-3);
        Assert.Equal(mle.GetProperty("params").GetProperty("sig_phi_MP").GetDouble(), xd.Sigmas[1 - mr][1], 0.05);
    }

    [Fact]
    public void OneComponent_ReachesTheReferenceMaximumLikelihood()
    {
        var xd = ExtremeDeconvolution.Fit(ReferenceData.Mixture, 1);
        var mle = ReferenceData.MixtureJson.GetProperty("one_component").GetProperty("mle");
        Assert.Equal(mle.GetProperty("max_loglike").GetDouble(), xd.LogLikelihood, 0.01);
        Assert.Equal(mle.GetProperty("params").GetProperty("sig_r").GetDouble(), xd.Sigmas[0][0], 0.01);
    }

    [Fact]
    public void WithAPriorBox_GivesTheMaximumInsideTheBox()
    {
        // Equal errors e, ⟨V_r⟩ = 150 outside the box [−100, 100]: for any σ the likelihood in the mean is a concave
        // parabola peaking at 150, so the constrained maximum has the mean at the edge (100) and σ² = mean((x − 100)²) − e².
        // [Fe/H] with 0.01 dex spread and 0.001 dex errors: its σ is held at the box's floor, 0.05 dex.
        const int n = 400;
        const double e = 5.0;
        var vr = Enumerable.Range(0, n).Select(i => 150.0 + (i % 2 == 0 ? 40.0 : -40.0)).ToArray();
        var vphi = Enumerable.Range(0, n).Select(i => (i % 4 < 2 ? 60.0 : -60.0)).ToArray();
        var feh = Enumerable.Range(0, n).Select(i => -1.5 + (i % 2 == 0 ? 0.01 : -0.01)).ToArray();
        double[] Const(double v) => Enumerable.Repeat(v, n).ToArray();
        var data = new KinematicSample(vr, vphi, Const(0), feh, Const(e), Const(e), Const(e), Const(0.001));

        var free = ExtremeDeconvolution.Fit(data, 1);
        Assert.Equal(150.0, free.Means[0][0], 6);
        var boxed = ExtremeDeconvolution.Fit(data, 1, box: MixturePriors.Paper);
        Assert.Equal(100.0, boxed.Means[0][0], 9);
        Assert.Equal(Math.Sqrt(vr.Average(x => (x - 100) * (x - 100)) - e * e), boxed.Sigmas[0][0], 4);
        Assert.Equal(Math.Sqrt(60.0 * 60.0 - e * e), boxed.Sigmas[0][1], 4);   // inside the box: as the free fit
        Assert.Equal(10.0, boxed.Sigmas[0][2], 9);                             // no spread at all: σ at the floor
        Assert.Equal(0.05, boxed.Sigmas[0][3], 9);
        Assert.True(boxed.LogLikelihood < free.LogLikelihood);
    }
}
