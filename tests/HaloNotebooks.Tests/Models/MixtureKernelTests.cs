using System.Runtime.Intrinsics;
using HaloNotebooks.Models;
using Xunit;

namespace HaloNotebooks.Tests.Models;

public class MixtureKernelTests
{
    static readonly StarKinematics Stars = new(ReferenceData.Mixture);

    [Theory]
    [InlineData(0.54, 0.0, 131.0)]
    [InlineData(0.05, 60.0, 15.0)]     // a poor fit: large q differences exercise the exp clamp
    [InlineData(0.999, -90.0, 200.0)]
    public void VectorPaths_AgreeWithTheScalarReferenceForm(double p, double vr, double sigmaR)
    {
        var a = new ComponentParameters([vr, -7, 4, -1.15], [sigmaR, 31, 35, 0.17], Math.Log(p));
        var b = new ComponentParameters([-2, -23, 4, -1.58], [131, 103, 92, 0.43], Math.Log(1 - p));
        int end = Stars.Count - 3;   // an odd range: vector body + scalar tail
        double scalar2 = MixtureKernel.TwoComponentsScalar(Stars, a, b, 1, end);
        double scalar1 = MixtureKernel.OneComponentScalar(Stars, a, 1, end);
        if (Vector256.IsHardwareAccelerated)
        {
            Assert.Equal(1.0, MixtureKernel.TwoComponents256(Stars, a, b, 1, end) / scalar2, 1e-12);
            Assert.Equal(1.0, MixtureKernel.OneComponent256(Stars, a, 1, end) / scalar1, 1e-12);
        }
        if (Vector512.IsHardwareAccelerated)
        {
            Assert.Equal(1.0, MixtureKernel.TwoComponents512(Stars, a, b, 1, end) / scalar2, 1e-12);
            Assert.Equal(1.0, MixtureKernel.OneComponent512(Stars, a, 1, end) / scalar1, 1e-12);
        }
    }
}
