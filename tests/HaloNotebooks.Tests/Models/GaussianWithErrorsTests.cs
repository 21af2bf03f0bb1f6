using Xunit;
using HaloNotebooks.Models;
using MathNet.Numerics.Distributions;

namespace HaloNotebooks.Tests.Models;

public class GaussianWithErrorsTests
{
    [Theory]
    [InlineData(10.0, -3.0, 131.0, 25.0)]
    [InlineData(-1.2, -1.15, 0.17, 0.05)]
    [InlineData(0.0, 0.0, 10.0, 0.0)]
    public void LogDensity_IsNormalWithVarianceSigmaSquaredPlusErrorSquared(double x, double mu, double sigma, double err) =>
        Assert.Equal(Normal.PDFLn(mu, Math.Sqrt(sigma * sigma + err * err), x), GaussianWithErrors.LogDensity(x, mu, sigma, err), 12);
}
