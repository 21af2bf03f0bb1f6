using HaloNotebooks.Astrometry;
using HaloNotebooks.Numerics;
using HaloNotebooks.Tests.Astrometry;
using HaloNotebooks.Uncertainties;
using Xunit;

namespace HaloNotebooks.Tests.Uncertainties;

public class MonteCarloErrorsTests
{
    static readonly ReferenceCsv Reference = ReferenceCsv.Load(TestPaths.Fixture("reference/mc_errors.csv"));

    static (ObservableColumns Obs, ObservableErrors Err) ReferenceStars() => (
        new ObservableColumns(Reference.Column("ra"), Reference.Column("dec"), Reference.Column("distance"),
                              Reference.Column("pmra"), Reference.Column("pmdec"), Reference.Column("rv")),
        new ObservableErrors(Reference.Column("distance_err"), Reference.Column("pmra_err"), Reference.Column("pmdec_err"),
                             Reference.Column("pm_corr"), Reference.Column("rv_err")));

    [Fact]
    public void Propagate_MatchesAstropyMonteCarlo_On50Stars()
    {
        // README tolerance: std within 3% relative (with >= 20000 draws), means within 0.04 std. The reference
        // std itself carries 0.5-0.8% MC noise; 50 000 draws keep ours at ~0.45%, so 3% is a ~3.5σ band of the difference.
        var (obs, err) = ReferenceStars();
        var moments = MonteCarloErrors.PropagateMoments(GalactocentricFrame.Paper, obs, err, new MonteCarloSettings(Samples: 50_000, Seed: 3));
        Assert.Equal(50, obs.Count);
        foreach (var (name, mean, std) in new[]
                 {
                     ("V_r", moments.MeanVr, moments.StdDev.Vr), ("V_phi", moments.MeanVPhi, moments.StdDev.VPhi),
                     ("V_theta", moments.MeanVTheta, moments.StdDev.VTheta),
                 })
            for (int i = 0; i < obs.Count; i++)
            {
                double refStd = Reference[i, $"std_{name}"], refMean = Reference[i, $"mean_{name}"];
                Assert.True(Math.Abs(std[i] / refStd - 1) < 0.03, $"star {i} std {name}: {std[i]} vs {refStd}");
                Assert.True(Math.Abs(mean[i] - refMean) < 0.04 * refStd, $"star {i} mean {name}: {mean[i]} vs {refMean}");
            }
    }

    [Fact]
    public void NominalVelocities_OfTheMcStars_MatchTheReference()
    {
        var (obs, _) = ReferenceStars();
        for (int i = 0; i < obs.Count; i++)
        {
            var p = GalactocentricFrame.Paper.ToGalactocentric(obs.Ra[i], obs.Dec[i], obs.Distance[i], obs.Pmra[i], obs.Pmdec[i], obs.Rv[i]);
            ReferenceCsv.AssertClose(Reference[i, "V_r"], p.Vr, $"star {i} V_r");
            ReferenceCsv.AssertClose(Reference[i, "V_phi"], p.VPhi, $"star {i} V_phi");
            ReferenceCsv.AssertClose(Reference[i, "V_theta"], p.VTheta, $"star {i} V_theta");
        }
    }

    [Fact]
    public void Propagate_IsBitIdentical_ForAnyThreadCount()
    {
        var (ra, dec, d, pmra, pmdec, rv) = GalactocentricFrameTests.RandomStars(1000, seed: 77);
        var obs = new ObservableColumns(ra, dec, d, pmra, pmdec, rv);
        var err = new ObservableErrors(d.Select(x => 0.15 * x).ToArray(), Enumerable.Repeat(0.1, 1000).ToArray(),
                                       Enumerable.Repeat(0.2, 1000).ToArray(), Enumerable.Repeat(-0.3, 1000).ToArray(),
                                       Enumerable.Repeat(5.0, 1000).ToArray());
        var one = MonteCarloErrors.Propagate(GalactocentricFrame.Paper, obs, err, new MonteCarloSettings(Samples: 100, Seed: 9, MaxDegreeOfParallelism: 1));
        var two = MonteCarloErrors.Propagate(GalactocentricFrame.Paper, obs, err, new MonteCarloSettings(Samples: 100, Seed: 9, MaxDegreeOfParallelism: 2));
        var all = MonteCarloErrors.Propagate(GalactocentricFrame.Paper, obs, err, new MonteCarloSettings(Samples: 100, Seed: 9, MaxDegreeOfParallelism: 7));
        Assert.Equal(one.Vr, two.Vr);
        Assert.Equal(one.VPhi, two.VPhi);
        Assert.Equal(one.VTheta, all.VTheta);
        var otherSeed = MonteCarloErrors.Propagate(GalactocentricFrame.Paper, obs, err, new MonteCarloSettings(Samples: 100, Seed: 10));
        Assert.NotEqual(one.Vr, otherSeed.Vr);
    }

    [Fact]
    public void StreamIds_MakeAStarsErrors_IndependentOfTheOtherRows()
    {
        var (ra, dec, d, pmra, pmdec, rv) = GalactocentricFrameTests.RandomStars(200, seed: 78);
        double[] Pick(double[] a, int[] rows) => rows.Select(r => a[r]).ToArray();
        long[] ids = Enumerable.Range(0, 200).Select(i => 1_000_000L + 7 * i).ToArray();
        int[] all = Enumerable.Range(0, 200).ToArray(), odd = all.Where(i => i % 2 == 1).ToArray();
        VelocityErrors Run(int[] rows, bool keyed) => MonteCarloErrors.Propagate(GalactocentricFrame.Paper,
            new ObservableColumns(Pick(ra, rows), Pick(dec, rows), Pick(d, rows), Pick(pmra, rows), Pick(pmdec, rows), Pick(rv, rows)),
            new ObservableErrors(Pick(d, rows).Select(x => 0.12 * x).ToArray(), Enumerable.Repeat(0.1, rows.Length).ToArray(),
                                 Enumerable.Repeat(0.1, rows.Length).ToArray(), new double[rows.Length], Enumerable.Repeat(3.0, rows.Length).ToArray()),
            new MonteCarloSettings(Samples: 50, Seed: 4, StreamIds: keyed ? rows.Select(r => ids[r]).ToArray() : null));
        // Keyed by id: dropping the even rows leaves every odd star's errors bit for bit as they were.
        Assert.Equal(Pick(Run(all, keyed: true).Vr, odd), Run(odd, keyed: true).Vr);
        // Keyed by row index (the fallback): the same subset draws other numbers.
        Assert.NotEqual(Pick(Run(all, keyed: false).Vr, odd), Run(odd, keyed: false).Vr);
    }

    [Fact]
    public void ZeroErrors_GiveZeroSpread_AndTheNominalVelocity()
    {
        var obs = new ObservableColumns([10.0], [20.0], [30.0], [1.0], [-2.0], [100.0]);
        var zero = new ObservableErrors([0.0], [0.0], [0.0], [0.0], [0.0]);
        var m = MonteCarloErrors.PropagateMoments(GalactocentricFrame.Paper, obs, zero, new MonteCarloSettings(Samples: 50));
        var p = GalactocentricFrame.Paper.ToGalactocentric(10, 20, 30, 1, -2, 100);
        Assert.Equal(0.0, m.StdDev.Vr[0]);
        Assert.Equal(0.0, m.StdDev.VTheta[0]);
        Assert.Equal(p.Vr, m.MeanVr[0], 9);
        Assert.Equal(p.VPhi, m.MeanVPhi[0], 9);
    }

    [Fact]
    public void RvErrorOnly_OnALineOfSightThroughTheCentre_GivesSigmaVrEqualToTheRvError()
    {
        // Towards the Galactic centre and beyond it, the line of sight is radial: δV_r = δrv, to the tiny tilt of the Sun's height.
        var obs = new ObservableColumns([GalactocentricFrame.GalacticCentreRa], [GalactocentricFrame.GalacticCentreDec], [20.0], [0.0], [0.0], [0.0]);
        var err = new ObservableErrors([0.0], [0.0], [0.0], [0.0], [7.0]);
        var e = MonteCarloErrors.Propagate(GalactocentricFrame.Paper, obs, err, new MonteCarloSettings(Samples: 40_000, Seed: 1));
        Assert.True(Math.Abs(e.Vr[0] / 7.0 - 1) < 0.02, $"sigma V_r = {e.Vr[0]}");
        Assert.True(e.VTheta[0] < 0.01 && e.VPhi[0] < 0.01, $"{e.VPhi[0]}, {e.VTheta[0]}");
    }

    [Fact]
    public void TruncatedGaussianDistance_HasTheAnalyticMean()
    {
        // d ~ N(1, 1) truncated at d > 0: mean = 1 + φ(1)/Φ(1) = 1.287600; never non-positive.
        var rng = new SeededRandom(5);
        double sum = 0, min = double.MaxValue;
        const int n = 400_000;
        for (int k = 0; k < n; k++)
        {
            double d = MonteCarloErrors.DrawDistance(rng, 1.0, 1.0, DistanceErrorModel.GaussianDistance);
            sum += d;
            min = Math.Min(min, d);
        }
        Assert.True(min > 0);
        Assert.Equal(1.287600, sum / n, 2);   // std of the mean ≈ 1.2e-3
    }

    [Fact]
    public void DistanceModulusModel_DrawsALogNormal_WithMedianAtTheDistance()
    {
        // 20% distance error → σ_μ = 5/ln10 · 0.2 = 0.4343 mag; log10 d ~ N(log10 30, σ_μ / 5).
        var rng = new SeededRandom(6);
        const int n = 200_000;
        double sum = 0, sum2 = 0;
        for (int k = 0; k < n; k++)
        {
            double mu = 5 * Math.Log10(MonteCarloErrors.DrawDistance(rng, 30, 6, DistanceErrorModel.GaussianDistanceModulus));
            sum += mu;
            sum2 += mu * mu;
        }
        double mean = sum / n, sd = Math.Sqrt(sum2 / n - mean * mean);
        Assert.Equal(5 * Math.Log10(30), mean, 2);
        Assert.True(Math.Abs(sd / (5 / Math.Log(10) * 0.2) - 1) < 0.01, $"sd(5 log10 d) = {sd}");
    }

    [Fact]
    public void DistanceModel_ChangesTheResult_OnlyThroughTheDistanceDraws()
    {
        var (obs, err) = ReferenceStars();
        var gauss = MonteCarloErrors.Propagate(GalactocentricFrame.Paper, obs, err, new MonteCarloSettings(Samples: 4000, Seed: 2));
        var modulus = MonteCarloErrors.Propagate(GalactocentricFrame.Paper, obs, err,
            new MonteCarloSettings(Samples: 4000, Seed: 2, DistanceModel: DistanceErrorModel.GaussianDistanceModulus));
        Assert.NotEqual(gauss.VPhi, modulus.VPhi);
        // At 12% distance errors the two models agree to first order: within 15% on every star.
        for (int i = 0; i < obs.Count; i++)
            Assert.True(Math.Abs(modulus.VPhi[i] / gauss.VPhi[i] - 1) < 0.15, $"star {i}: {modulus.VPhi[i]} vs {gauss.VPhi[i]}");
    }

    [Fact]
    public void NaNInput_GivesNaNErrors_AndBadErrorsAreRejected()
    {
        var obs = new ObservableColumns([10.0, 11.0], [20.0, 21.0], [30.0, 31.0], [1.0, double.NaN], [-2.0, -2.0], [100.0, 100.0]);
        var err = new ObservableErrors([3.0, 3.0], [0.1, 0.1], [0.1, 0.1], [0.0, 0.0], [5.0, 5.0]);
        var e = MonteCarloErrors.Propagate(GalactocentricFrame.Paper, obs, err, new MonteCarloSettings(Samples: 10));
        Assert.True(double.IsFinite(e.Vr[0]));
        Assert.True(double.IsNaN(e.Vr[1]) && double.IsNaN(e.VPhi[1]) && double.IsNaN(e.VTheta[1]));

        var negative = err with { Rv = [5.0, -1.0] };
        Assert.Contains("star 1: errors.Rv", Assert.Throws<ArgumentException>(() =>
            MonteCarloErrors.Propagate(GalactocentricFrame.Paper, obs, negative, new MonteCarloSettings())).Message);
        var badCorr = err with { PmCorr = [1.5, 0.0] };
        Assert.Contains("PmCorr", Assert.Throws<ArgumentException>(() =>
            MonteCarloErrors.Propagate(GalactocentricFrame.Paper, obs, badCorr, new MonteCarloSettings())).Message);
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            MonteCarloErrors.Propagate(GalactocentricFrame.Paper, obs, err, new MonteCarloSettings(Samples: 1)));
    }

    [Fact]
    public void Progress_ReachesOne()
    {
        var (obs, err) = ReferenceStars();
        var reports = new List<double>();
        var progress = new SynchronousProgress(reports);
        MonteCarloErrors.Propagate(GalactocentricFrame.Paper, obs, err, new MonteCarloSettings(Samples: 10), progress);
        Assert.NotEmpty(reports);
        Assert.Equal(1.0, reports.Max());
    }

    sealed class SynchronousProgress(List<double> reports) : IProgress<double>
    {
        public void Report(double value) { lock (reports) reports.Add(value); }
    }
}
