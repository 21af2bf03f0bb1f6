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
}
