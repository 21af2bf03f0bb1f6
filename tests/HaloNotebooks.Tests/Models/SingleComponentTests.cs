using Xunit;
using HaloNotebooks.Models;

namespace HaloNotebooks.Tests.Models;

public class SingleComponentTests
{
    static string OurName(string reference) => reference switch
    {
        "mu_r" => "vr", "mu_phi" => "vphi", "mu_theta" => "vtheta", "mu_feh" => "feh_mean",
        "sig_r" => "sigma_r", "sig_phi" => "sigma_phi", "sig_theta" => "sigma_theta", "sig_feh" => "feh_sigma",
        _ => throw new ArgumentException(reference),
    };

    [Fact]
    public void LogLikelihood_MatchesEmceeReferenceChecks_To1e9()
    {
        var model = new SingleComponent(ReferenceData.Mixture);
        int n = 0;
        foreach (var check in ReferenceData.MixtureJson.GetProperty("one_component").GetProperty("loglike_checks").EnumerateArray())
        {
            var theta = ReferenceData.Vector(check.GetProperty("params"), SingleComponent.ParameterNames, OurName);
            double expected = check.GetProperty("loglike").GetDouble();
            Assert.InRange(Math.Abs(model.LogLikelihood(theta) - expected) / Math.Abs(expected), 0, 1e-9);
            n++;
        }
        Assert.Equal(2, n);
    }

    [Fact]
    public void LogPrior_UsesPaperBoundsInclusive()
    {
        var model = new SingleComponent(ReferenceData.Mixture);
        double[] t = [0, -15, 4, 130, 75, 70, -1.35, 0.37];
        Assert.Equal(0.0, model.LogPrior(t));
        t[6] = -0.85; Assert.Equal(0.0, model.LogPrior(t));
        t[6] = -0.84; Assert.Equal(double.NegativeInfinity, model.LogPrior(t));
        t[6] = -1.35; t[7] = 0.61; Assert.Equal(double.NegativeInfinity, model.LogDensity(t));
    }
}
