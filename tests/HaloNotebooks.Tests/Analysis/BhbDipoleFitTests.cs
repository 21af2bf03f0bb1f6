using HaloNotebooks.Analysis;
using HaloNotebooks.Astrometry;
using HaloNotebooks.Catalogs;
using HaloNotebooks.Models;
using HaloNotebooks.Numerics;
using HaloNotebooks.Selection;
using HaloNotebooks.Tests.Selection;
using HaloNotebooks.Inference;
using Xunit;
using Xunit.Abstractions;

namespace HaloNotebooks.Tests.Analysis;

public class BhbDipoleFitTests(ITestOutputHelper output)
{
    static readonly AnalysisSettings Quick = new() { Sampler = new SamplerSettings(Walkers: 40, Steps: 500, Burn: 250, Seed: 3) };

    /// <summary>Outer-halo stars whose Galactocentric V_r follows Eq. 6 with <paramref name="truth"/> and σ_r = 100 km/s.</summary>
    internal static StarTable Synthetic(DipoleVelocityField truth, int n, long seed)
    {
        var cat = new SyntheticCatalogue();
        var sun = GalactocentricFrame.Paper.SunPosition;
        for (int i = 0; i < n; i++)
        {
            var rng = new SeededRandom(seed, i);
            double r = 55 + 60 * rng.NextDouble(), cosT = 2 * rng.NextDouble() - 1, phi = 2 * Math.PI * rng.NextDouble(), sinT = Math.Sqrt(1 - cosT * cosT);
            var p = new Vector3d(r * sinT * Math.Cos(phi), r * sinT * Math.Sin(phi), r * cosT);
            var o = GalactocentricFrame.Paper.ToObservables(new PhaseSpacePoint(p.X, p.Y, p.Z, 0, 0, 0));
            var (l, b) = GalacticCoordinates.FromIcrs(o.Ra, o.Dec);
            var rHat = (1 / r) * p;
            var t1 = rHat.Cross(new Vector3d(0, 0, 1)); t1 = (1 / t1.Norm) * t1;
            var t2 = rHat.Cross(t1);
            double vr = truth.MeanVr(l, b) + 100 * rng.NextGaussian();
            var v = vr * rHat + 100 * rng.NextGaussian() * t1 + 100 * rng.NextGaussian() * t2;
            cat.Add("bhb", p, v, distFracErr: 0.05, pmErr: 0.02, rvErr: 5);
        }
        return cat.ToTable();
    }

    [Fact]
    public void Fit_RecoversTheFieldOfASyntheticOuterHalo_WithBothModesAccountedFor()
    {
        var truth = new DipoleVelocityField(-20, -35, 280, -35);
        var selection = SelectionSettings.PaperDipole with { MaskSagittarius = false, McSamples = 100 };
        var fit = BhbDipoleFit.Run(Synthetic(truth, 3000, 11), Quick, selection);
        output.WriteLine(fit.ToString());
        foreach (var m in fit.Modes) output.WriteLine($"{m.Name}: {m.Samples} ({m.Fraction:P1})");
        var f = fit.Folded;
        Assert.InRange((f["mu_compr"].Value - truth.MuCompr) / f["mu_compr"].Sigma, -3, 3);
        Assert.InRange((f["mu_dipole"].Value - truth.MuDipole) / f["mu_dipole"].Sigma, -3, 3);
        Assert.InRange((f["sigma_r"].Value - 100) / f["sigma_r"].Sigma, -3, 3);
        // The apex within 3σ of the truth, on the sphere.
        double cosSep = ReflexMotion.CosTheta(f["l_apex"].Value, f["b_apex"].Value, truth.LApex, truth.BApex);
        double sep = Math.Acos(Math.Clamp(cosSep, -1, 1)) * Angles.RadToDeg;
        Assert.InRange(sep, 0, 3 * Math.Max(f["b_apex"].Sigma, f["l_apex"].Sigma * Math.Cos(truth.BApex * Angles.DegToRad)));
        // Fig. 9's per-radius fits: Table 3's three sub-bins partition the stars, and each recovers the (radius-independent) field.
        Assert.Equal(3, fit.SubBins.Count);
        Assert.Equal(fit.Sample.Count, fit.SubBins.Sum(b => b.Bin.Count));
        Assert.Equal([50.0, 60, 80], fit.SubBins.Select(b => b.Bin.RMin));
        foreach (var sub in fit.SubBins)
        {
            Assert.InRange((sub["mu_compr"].Value - truth.MuCompr) / sub["mu_compr"].Sigma, -3, 3);
            Assert.InRange((sub["mu_dipole"].Value - truth.MuDipole) / sub["mu_dipole"].Sigma, -3, 3);
        }
        Assert.Contains("folded 60-80 kpc,", fit.ToCsv());
        // Every post-burn-in sample is in exactly one mode; the folded result is the μ_dipole < 0 mode when the sampler stayed there.
        Assert.Equal(Quick.Sampler.Walkers * (Quick.Sampler.Steps - Quick.Sampler.Burn), fit.Modes.Sum(m => m.Samples));
        Assert.Equal(1.0, fit.Modes.Sum(m => m.Fraction), 12);
        // The funnel accounts for every star: none is lost without a named cut.
        Assert.Equal(3000, fit.Sample.Funnel.InputCount);
        Assert.Equal(fit.Sample.Count, fit.Sample.Funnel.FinalCount);
    }

    [Fact]
    public void SplitModes_MirrorsTheApexOfTheSamplesWithPositiveAmplitude()
    {
        // A chain started at the mirror image (μ_dipole > 0, apex at the antipode) stays there: its mode is the fold of the other.
        var truth = new DipoleVelocityField(-20, -35, 280, -35);
        var sample = BhbSelection.Run(Synthetic(truth, 2000, 12), SelectionSettings.PaperDipole with { MaskSagittarius = false, McSamples = 100 });
        var data = sample.InRadialRange(50, 120).ToRadialVelocitySample();
        var settings = new HaloNotebooks.Inference.FitSettings(new SamplerSettings(40, 400, 200, 5));
        var positive = HaloFits.Dipole(data, settings, start: [-20, 35, 100, 100, Math.Sin(35 * Angles.DegToRad)]);
        var modes = BhbDipoleFit.SplitModes(positive);
        var plus = modes.Single(m => m.Name.Contains('>'));
        Assert.True(plus.Fraction > 0.99, $"the chain left the positive mode: {plus.Fraction:P1}");
        Assert.InRange(plus.Parameters["mu_dipole"].Value, 20, 50);
        Assert.Equal(Angles.Wrap180(truth.LApex + 180), plus.Parameters["l_apex"].Value, tolerance: 15.0);
        Assert.Equal(-truth.BApex, plus.Parameters["b_apex"].Value, tolerance: 15.0);
        // HaloFits folds the same samples onto the canonical form: the apex back at the truth.
        Assert.Equal(Angles.Wrap180(truth.LApex), HaloNotebooks.Analysis.BinFit.CircularLongitude(positive.Samples("l_apex")).Value, tolerance: 15.0);
    }

    [Fact]
    public void Run_IsBitIdentical_ForAnyThreadCount()
    {
        var stars = Synthetic(new DipoleVelocityField(-20, -35, 280, -35), 600, 13);
        var selection = SelectionSettings.PaperDipole with { MaskSagittarius = false, McSamples = 50 };
        var settings = new AnalysisSettings { Sampler = new SamplerSettings(Walkers: 20, Steps: 60, Burn: 30, Seed: 9) };
        var one = BhbDipoleFit.Run(stars, settings with { MaxDegreeOfParallelism = 1 }, selection with { MaxDegreeOfParallelism = 1 });
        var all = BhbDipoleFit.Run(stars, settings, selection);
        Assert.Equal(one.ToCsv(), all.ToCsv());
        Assert.Equal(one.Sample.Stars.GetDouble("err_v_r"), all.Sample.Stars.GetDouble("err_v_r"));
    }

    [SkippableFact]
    public void Run_OnTheDesiDr1BhbStars_AccountsForEveryStar()
    {
        var path = TestPaths.RequireShared("data/external/desi_dr1_bhb_bystrom2025/Bystrom_2025_BHB.csv");
        var fit = BhbDipoleFit.Run(DesiBhbStars.Read(path), Quick);
        output.WriteLine(fit.ToString());
        foreach (var m in fit.Modes) output.WriteLine($"{m.Name}: {m.Samples} ({m.Fraction:P1}) " +
            string.Join(", ", m.Parameters.Select(p => $"{p.Key} {p.Value}")));
        output.WriteLine(fit.Sample.Funnel.ToMarkdown());
        var funnel = fit.Sample.Funnel;
        Assert.Equal(DesiBhbStars.DocumentedRowCount, funnel.InputCount);
        // 13 rows lack a position, proper motion or its errors (counted with Python's csv module).
        Assert.Equal(DesiBhbStars.DocumentedRowCount - 13, funnel.Steps[0].Kept);
        var r = fit.Sample.Stars.GetDouble("r_gc");
        Assert.All(r, x => Assert.InRange(x, 50, 120));
        Assert.All(fit.Sample.Stars.GetDouble("err_v_r"), e => Assert.InRange(e, 0, 50));
        Assert.Equal(fit.Sample.Count, fit.Folded.Bin.Count);
    }
}
