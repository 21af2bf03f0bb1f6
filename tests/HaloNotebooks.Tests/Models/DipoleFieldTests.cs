using Xunit;
using HaloNotebooks.Models;

namespace HaloNotebooks.Tests.Models;

public class DipoleFieldTests
{
    /// <summary>Reference (l_apex [rad], sin_b_apex) → our sampled (l_apex [deg], sin b_apex).</summary>
    static double[] Ours(System.Text.Json.JsonElement p) =>
    [
        p.GetProperty("mu_compr").GetDouble(), p.GetProperty("mu_dipole").GetDouble(), p.GetProperty("sigma_r").GetDouble(),
        p.GetProperty("l_apex").GetDouble() * 180 / Math.PI, p.GetProperty("sin_b_apex").GetDouble(),
    ];

    [Fact]
    public void LogLikelihood_MatchesEmceeReferenceChecks_To1e9()
    {
        var model = new DipoleField(ReferenceData.Dipole);
        int n = 0;
        foreach (var check in ReferenceData.DipoleJson.GetProperty("fit").GetProperty("loglike_checks").EnumerateArray())
        {
            double expected = check.GetProperty("loglike").GetDouble();
            Assert.InRange(Math.Abs(model.LogLikelihood(Ours(check.GetProperty("params"))) - expected) / Math.Abs(expected), 0, 1e-9);
            n++;
        }
        Assert.Equal(4, n);
    }

    [Fact]
    public void Fold_LeavesTheLikelihoodUnchanged()
    {
        var model = new DipoleField(ReferenceData.Dipole);
        double mu = 30, l = 100, b = 20;
        double before = model.LogLikelihood([-10, mu, 90, l, Math.Sin(b * Math.PI / 180)]);
        Assert.True(DipoleField.Fold(ref mu, ref l, ref b));
        Assert.Equal((-30.0, 280.0, -20.0), (mu, l, b));
        double after = model.LogLikelihood([-10, mu, 90, l, Math.Sin(b * Math.PI / 180)]);
        Assert.Equal(before, after, 1e-8);
        Assert.False(DipoleField.Fold(ref mu, ref l, ref b));
    }

    [Fact]
    public void LogPrior_ApexUniformOnTheSphere_LongitudeHalfOpen()
    {
        var model = new DipoleField(ReferenceData.Dipole);
        Assert.Equal(0.0, model.LogPrior([0, 0, 100, 0, -1]));
        Assert.Equal(double.NegativeInfinity, model.LogPrior([0, 0, 100, 360, 0]));
        Assert.Equal(double.NegativeInfinity, model.LogPrior([0, 0, 100, 10, 1.0001]));
        Assert.Equal(double.NegativeInfinity, model.LogPrior([0, 0, 9, 10, 0]));
    }

    [Fact]
    public void PointEstimate_IsCloseToTheReferenceMaximumLikelihood()
    {
        // Weighted least squares + σ_r iteration is the exact MLE; the reference MLE is from scipy.
        var est = DipolePointEstimate.Fit(ReferenceData.Dipole);
        var mle = ReferenceData.DipoleJson.GetProperty("fit").GetProperty("mle");
        var model = new DipoleField(ReferenceData.Dipole);
        double ll = model.LogLikelihood([est[0], est[1], est[2], est[3], Math.Sin(est[4] * Math.PI / 180)]);
        Assert.Equal(mle.GetProperty("max_loglike").GetDouble(), ll, 0.01);
    }
}
