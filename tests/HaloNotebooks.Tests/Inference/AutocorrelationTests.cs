using HaloNotebooks.Inference;
using HaloNotebooks.Numerics;
using Xunit;

namespace HaloNotebooks.Tests.Inference;

/// <summary>As emcee's tests/unit/test_autocorr.py: τ of an AR(1) process.</summary>
public class AutocorrelationTests
{
    /// <summary>x_t = φ x_{t−1} + ε_t has ρ(t) = φ^t, so τ = (1 + φ) / (1 − φ).</summary>
    static double[,,] Ar1(int steps, int walkers, double phi, long seed)
    {
        var x = new double[steps, walkers, 1];
        for (int k = 0; k < walkers; k++)
        {
            var rng = new SeededRandom(seed, k);
            double v = rng.NextGaussian() / Math.Sqrt(1 - phi * phi);
            for (int t = 0; t < steps; t++) { v = phi * v + rng.NextGaussian(); x[t, k, 0] = v; }
        }
        return x;
    }

    [Theory]
    [InlineData(0.9)]
    [InlineData(0.5)]
    public void IntegratedTime_RecoversAr1Tau_Within20Percent(double phi)
    {
        double truth = (1 + phi) / (1 - phi);
        var tau = Autocorrelation.IntegratedTime(Ar1(20000, 8, phi, 11), out var warning);
        Assert.Null(warning);
        Assert.InRange(tau[0], 0.8 * truth, 1.2 * truth);
    }

    [Fact]
    public void IntegratedTime_WarnsOrThrowsWhenTheChainIsShorterThan50Tau()
    {
        var x = Ar1(300, 4, 0.95, 3);   // τ ≈ 39 > 300 / 50
        var ex = Assert.Throws<AutocorrelationException>(() => Autocorrelation.IntegratedTime(x, out _));
        Assert.StartsWith("The chain is shorter than 50 times the integrated autocorrelation time for 1 parameter(s).", ex.Message);
        var tau = Autocorrelation.IntegratedTime(x, out var warning, quiet: true);
        Assert.Equal(ex.Tau, tau);
        Assert.Contains("N/50 = 6;", warning);
    }

    [Fact]
    public void Function1D_IsOneAtLagZeroAndMatchesTheDirectSum()
    {
        double[] x = [1, 3, 2, 5, 4, 4, 6, 2, 1, 0];
        var acf = Autocorrelation.Function1D(x);
        double m = x.Average();
        double c0 = x.Sum(v => (v - m) * (v - m));
        for (int lag = 0; lag < x.Length; lag++)
        {
            double c = 0;
            for (int t = 0; t + lag < x.Length; t++) c += (x[t] - m) * (x[t + lag] - m);
            Assert.Equal(c / c0, acf[lag], 12);
        }
    }

    [Fact]
    public void AutoWindow_IsTheFirstLagBeyondCTau()
    {
        Assert.Equal(3, Autocorrelation.AutoWindow([1, 0.5, 0.5, 0.5, 3], 5));
        Assert.Equal(2, Autocorrelation.AutoWindow([10, 10, 10], 5));  // never reached: last index
    }
}
