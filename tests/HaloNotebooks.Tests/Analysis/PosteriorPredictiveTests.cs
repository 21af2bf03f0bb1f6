using HaloNotebooks.Analysis;
using HaloNotebooks.Inference;
using HaloNotebooks.Models;
using HaloNotebooks.Numerics;
using Xunit;

namespace HaloNotebooks.Tests.Analysis;

/// <summary>
/// The posterior predictive check passes data drawn from the model it checks and fails data that are not Gaussian: a
/// PIT of a correct model is uniform (p not small, distance within a few 1/√N), a Student-t with 3 degrees of freedom has
/// heavier tails (more than the 10 % of stars in the outer 10 % of the predictive distribution the model expects).
/// </summary>
public class PosteriorPredictiveTests
{
    static readonly FitSettings Short = new(new SamplerSettings(Walkers: 40, Steps: 300, Burn: 150, Seed: 3), MaxDegreeOfParallelism: 1);

    static KinematicSample Draw(int n, long seed, bool heavyTails)
    {
        var rng = new SeededRandom(seed);
        double[] vr = new double[n], vphi = new double[n], vtheta = new double[n], feh = new double[n];
        double[] ev = new double[n], ef = new double[n];
        for (int i = 0; i < n; i++)
        {
            ev[i] = 5 + 25 * rng.NextDouble(); ef[i] = 0.05;
            // Student-t, ν = 3, scaled to the same variance (σ² = 3 s²) when heavy-tailed.
            double t = heavyTails ? rng.NextGaussian() / Math.Sqrt((Square(rng.NextGaussian()) + Square(rng.NextGaussian()) + Square(rng.NextGaussian())) / 3)
                / Math.Sqrt(3) : rng.NextGaussian();
            vr[i] = 10 + 150 * t + ev[i] * rng.NextGaussian();
            vphi[i] = 20 + 110 * rng.NextGaussian() + ev[i] * rng.NextGaussian();
            vtheta[i] = -5 + 100 * rng.NextGaussian() + ev[i] * rng.NextGaussian();
            feh[i] = -1.5 + 0.4 * rng.NextGaussian() + ef[i] * rng.NextGaussian();
        }
        return new KinematicSample(vr, vphi, vtheta, feh, ev, (double[])ev.Clone(), (double[])ev.Clone(), ef);
    }

    static double Square(double x) => x * x;

    static RadialBin Bin(int n) => new(0, 1, n, 0.5);

    [Fact]
    public void SingleComponent_DataFromTheModel_Pass()
    {
        var data = Draw(3000, 11, heavyTails: false);
        var fit = HaloFits.Single(data, Short);
        var check = PosteriorPredictive.Check(data, fit, Bin(data.Count), 5, PosteriorPredictive.DefaultDraws);
        Assert.Equal(4, check.Dimensions.Count);
        foreach (var d in check.Dimensions)
        {
            // A uniform PIT: χ² p above 10⁻³ and a distance of the order of the multinomial noise (≈ √(K/N)/2 ≈ 0.04).
            Assert.True(d.PValue > 1e-3, $"{d.Dimension}: p = {d.PValue}");
            Assert.True(d.Distance < 0.06, $"{d.Dimension}: distance {d.Distance}");
            Assert.InRange(ModelChecks.Tail(d), 0.07, 0.13);
            Assert.NotNull(d.Histogram);
            Assert.Equal(PosteriorPredictive.HistogramBins, d.Histogram!.Data.Length);
        }
    }

    [Fact]
    public void SingleComponent_HeavyTailedVr_Fails_InVrOnly()
    {
        var data = Draw(3000, 12, heavyTails: true);
        var fit = HaloFits.Single(data, Short);
        var check = PosteriorPredictive.Check(data, fit, Bin(data.Count), 5, PosteriorPredictive.DefaultDraws);
        var vr = check["all", "v_r"];
        Assert.True(vr.PValue < 1e-6, $"v_r: p = {vr.PValue}");
        // A t₃ scaled to the Gaussian's variance is peaked with heavy tails: its PIT histogram is far from flat.
        Assert.True(vr.Distance > 0.05, $"v_r distance {vr.Distance}");
        Assert.True(check["all", "v_phi"].PValue > 1e-3, $"v_phi: p = {check["all", "v_phi"].PValue}");
    }

    [Fact]
    public void TwoComponent_MembershipWeightedPit_IsFlat_ForAMixture()
    {
        var rng = new SeededRandom(21);
        int n = 3000;
        double[] vr = new double[n], vphi = new double[n], vtheta = new double[n], feh = new double[n], ev = new double[n], ef = new double[n];
        for (int i = 0; i < n; i++)
        {
            bool mr = rng.NextDouble() < 0.4;
            ev[i] = 10; ef[i] = 0.05;
            vr[i] = (mr ? 200 : 130) * rng.NextGaussian() + ev[i] * rng.NextGaussian();
            vphi[i] = (mr ? 30 : 0) + (mr ? 70 : 120) * rng.NextGaussian() + ev[i] * rng.NextGaussian();
            vtheta[i] = (mr ? 60 : 110) * rng.NextGaussian() + ev[i] * rng.NextGaussian();
            feh[i] = (mr ? -1.2 : -2.0) + (mr ? 0.2 : 0.35) * rng.NextGaussian() + ef[i] * rng.NextGaussian();
        }
        var data = new KinematicSample(vr, vphi, vtheta, feh, ev, (double[])ev.Clone(), (double[])ev.Clone(), ef);
        var fit = HaloFits.Double(data, Short with { Sampler = Short.Sampler with { Steps = 400, Burn = 200 } });
        var check = PosteriorPredictive.Check(data, fit, Bin(n), 5, PosteriorPredictive.DefaultDraws);
        Assert.Equal(12, check.Dimensions.Count);
        foreach (var d in check.Dimensions)
            Assert.True(d.PValue > 1e-3, $"{d.Component} {d.Dimension}: p = {d.PValue}, distance {d.Distance}");
        // The MR weights sum to ≈ p_MR × N.
        Assert.InRange(check["MR", "feh"].EffectiveCount, 0.25 * n, 0.5 * n);
    }

    [Fact]
    public void Dipole_DataFromEq6_Pass_AndAreDeterministic()
    {
        var rng = new SeededRandom(31);
        int n = 2000;
        double[] l = new double[n], b = new double[n], vr = new double[n], err = new double[n];
        var field = new DipoleVelocityField(-15, -30, -40, -35);
        for (int i = 0; i < n; i++)
        {
            l[i] = 360 * rng.NextDouble(); b[i] = Math.Asin(2 * rng.NextDouble() - 1) * 180 / Math.PI; err[i] = 5 + 40 * rng.NextDouble();
            vr[i] = field.MeanVr(l[i], b[i]) + 100 * rng.NextGaussian() + err[i] * rng.NextGaussian();
        }
        var data = new RadialVelocitySample(l, b, vr, err);
        var fit = HaloFits.Dipole(data, Short);
        var a = PosteriorPredictive.Check(data, fit, Bin(n), 9, 16);
        var again = PosteriorPredictive.Check(data, fit, Bin(n), 9, 16);
        var d = Assert.Single(a.Dimensions);
        Assert.True(d.PValue > 1e-3, $"p = {d.PValue}");
        Assert.Equal(d.ChiSquare, again.Dimensions[0].ChiSquare);
        Assert.Equal(d.Histogram!.Low, again.Dimensions[0].Histogram!.Low);
        Assert.Equal(16, a.Draws);
    }

    [Fact]
    public void ConvergenceRow_EffectiveSamples_IsWalkersTimesKeptStepsOverTau()
    {
        var data = Draw(500, 13, heavyTails: false);
        var fit = HaloFits.Single(data, Short);
        var row = ConvergenceRow.Of("test/single/all", fit);
        double tau = fit.AutocorrTime.Values.Max();
        Assert.Equal(tau, row.MaxTau);
        Assert.Equal(fit.AutocorrTime.MaxBy(kv => kv.Value).Key, row.SlowestParameter);
        Assert.Equal(40 * 150 / tau, row.EffectiveSamples, 9);
        Assert.Equal(150 / tau, row.StepsPerTau, 9);
        Assert.Equal(fit.AcceptanceFraction, row.MeanAcceptance);
        Assert.Contains("stretch", row.Move, StringComparison.OrdinalIgnoreCase);
        // The same diagnostics survive dropping the chain (what a run keeps of most fits).
        Assert.Equal(row with { }, ConvergenceRow.Of("test/single/all", fit.WithoutSamples()));
    }
    /// <summary>The cache of `halo reproduce` (PredictiveCheckCache.cs): a hit is the same check, every value bit for bit, computed
    /// once; another seed is another key; a damaged entry is computed again with one warning.</summary>
    [Fact]
    public void Cache_HitIsTheSameCheck_ComputedOnce_DamagedEntryRecomputed()
    {
        var root = Directory.CreateTempSubdirectory("halo-ppc-cache-").FullName;
        try
        {
            var warnings = new List<string>();
            var cache = new FitCache(root) { Warn = warnings.Add };
            var data = Draw(500, 13, heavyTails: false);
            var fit = HaloFits.Double(data, Short, null, null, null);
            double[][] columns = [data.Vr, data.VPhi, data.VTheta, data.Feh, data.ErrVr, data.ErrVPhi, data.ErrVTheta, data.ErrFeh];
            int computed = 0;
            PredictiveCheck Get(long seed) => PredictiveCheckCache.GetOrCompute(cache, columns, fit, Bin(data.Count), seed, 8, () =>
            {
                computed++;
                return PosteriorPredictive.Check(data, fit, Bin(data.Count), seed, 8);
            });
            var first = Get(5);
            var second = Get(5);
            Assert.Equal(1, computed);
            Assert.Equal(PredictiveCheckCache.Write(first), PredictiveCheckCache.Write(second));
            Assert.Equal(first.CsvRows("t", "r"), second.CsvRows("t", "r"));
            Assert.Equal(first.Dimensions.Count, second.Dimensions.Count);
            Get(6);
            Assert.Equal(2, computed);
            Assert.Empty(warnings);

            foreach (var entry in Directory.GetFiles(root, "*.ppcc"))
            {
                var bytes = File.ReadAllBytes(entry);
                bytes[^40] ^= 0x01;
                File.WriteAllBytes(entry, bytes);
            }
            var third = Get(5);
            Assert.Equal(3, computed);
            Assert.Single(warnings);
            Assert.Equal(PredictiveCheckCache.Write(first)[12..], PredictiveCheckCache.Write(third)[12..]);   // all but the seconds
        }
        finally { Directory.Delete(root, true); }
    }

    /// <summary>A p-value of exactly 0 from the upper regularised gamma means below ≈ 1E-308, and is shown so (not "0E+0").</summary>
    [Fact]
    public void PValues_AreShownWithTheirFloor()
    {
        Assert.Equal("< 1E-300", PredictiveCheck.FormatP(0));
        Assert.Equal("2.3E-7", PredictiveCheck.FormatP(2.3e-7));
        Assert.Equal("5.4E-1", PredictiveCheck.FormatP(0.54));
    }
}
