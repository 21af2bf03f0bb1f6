using System.Numerics;
using HaloNotebooks.Inference;
using HaloNotebooks.Numerics;
using MathNet.Numerics.IntegralTransforms;
using Xunit;

namespace HaloNotebooks.Tests.Inference;

/// <summary>Radix2Fft is Math.NET's radix-2 transform written out: the same bits as Fourier.Forward / Inverse (no scaling).</summary>
public class Radix2FftTests
{
    static Complex[] Random(int n, long seed)
    {
        var rng = new SeededRandom(seed);
        return Enumerable.Range(0, n).Select(_ => new Complex(rng.NextGaussian() * 1e3, rng.NextGaussian())).ToArray();
    }

    static void AssertSameBits(Complex[] expected, Complex[] actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
        {
            Assert.Equal(BitConverter.DoubleToInt64Bits(expected[i].Real), BitConverter.DoubleToInt64Bits(actual[i].Real));
            Assert.Equal(BitConverter.DoubleToInt64Bits(expected[i].Imaginary), BitConverter.DoubleToInt64Bits(actual[i].Imaginary));
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(8)]
    [InlineData(512)]
    [InlineData(1024)]   // Math.NET's parallel path starts here
    [InlineData(2048)]   // a 600-step chain's transform
    [InlineData(8192)]
    public void ForwardAndInverse_HaveMathNetsBits(int n)
    {
        var x = Random(n, n);
        var expected = (Complex[])x.Clone();
        Fourier.Forward(expected, FourierOptions.NoScaling);
        var actual = (Complex[])x.Clone();
        Radix2Fft.For(n).Forward(actual);
        AssertSameBits(expected, actual);

        Fourier.Inverse(expected, FourierOptions.NoScaling);
        Radix2Fft.For(n).Inverse(actual);
        AssertSameBits(expected, actual);
    }

    [Fact]
    public void Forward_OfAnImpulse_IsFlat()
    {
        var x = new Complex[16];
        x[0] = 1;
        Radix2Fft.For(16).Forward(x);
        Assert.All(x, v => { Assert.Equal(1.0, v.Real); Assert.Equal(0.0, v.Imaginary); });
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    [InlineData(1000)]
    public void For_RefusesALengthThatIsNotAPowerOfTwo(int n) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Radix2Fft.For(n));

    [Fact]
    public void Transform_RefusesTheWrongLength() =>
        Assert.Throws<ArgumentException>(() => Radix2Fft.For(8).Forward(new Complex[4]));

    /// <summary>emcee's function_1d as it was written on Math.NET's Fourier: Autocorrelation.Function1D gives the same bits.</summary>
    [Fact]
    public void Function1D_HasTheBitsOfTheMathNetForm()
    {
        var rng = new SeededRandom(5);
        double v = 0;
        var x = Enumerable.Range(0, 600).Select(_ => v = 0.9 * v + rng.NextGaussian()).ToArray();
        int n = 1024;
        double mean = 0;
        foreach (var value in x) mean += value;
        mean /= x.Length;
        var f = new Complex[2 * n];
        for (int i = 0; i < x.Length; i++) f[i] = new Complex(x[i] - mean, 0);
        Fourier.Forward(f, FourierOptions.NoScaling);
        for (int i = 0; i < f.Length; i++) f[i] = new Complex(f[i].Real * f[i].Real + f[i].Imaginary * f[i].Imaginary, 0);
        Fourier.Inverse(f, FourierOptions.NoScaling);
        var acf = Autocorrelation.Function1D(x);
        for (int i = 0; i < x.Length; i++)
            Assert.Equal(BitConverter.DoubleToInt64Bits(f[i].Real / f[0].Real), BitConverter.DoubleToInt64Bits(acf[i]));
    }
}
