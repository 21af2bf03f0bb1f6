using HaloNotebooks.Analysis;
using Xunit;
using HaloNotebooks.Paper;

namespace HaloNotebooks.Tests.Analysis;

public class PolarVelocityCheckTests
{
    [Fact]
    public void Predict_IsEquation7()
    {
        // Table 3, 50–120 kpc: μ_dipole = −24.0, b_apex = −37.87 → (π/4)(−24)(sin −37.87°) = 11.5712 km/s (python math).
        Assert.Equal(11.571214, PolarVelocityCheck.Predict(-24.0, -37.87), 5);
    }

    [Fact]
    public void Predict_FromSamples_SummarisesThePerSampleProduct()
    {
        // b_apex = 90° on every sample: the prediction is (π/4) μ_dipole, so its percentiles are μ_dipole's scaled.
        double[] mu = Enumerable.Range(0, 101).Select(i => -50.0 + i * 0.5).ToArray();
        double[] b = Enumerable.Repeat(90.0, mu.Length).ToArray();
        var m = PolarVelocityCheck.Predict(mu, b);
        var expected = Measurement.FromSamples(mu);
        Assert.Equal(Math.PI / 4 * expected.Value, m.Value, 10);
        Assert.Equal(Math.PI / 4 * expected.ErrPlus, m.ErrPlus, 10);
    }
}
