using HaloNotebooks.Catalogs;
using HaloNotebooks.Mocks;
using Xunit;
using C = HaloNotebooks.Catalogs.CanonicalColumns;

namespace HaloNotebooks.Tests.Mocks;

public class AppendixMockTests
{
    static readonly AppendixMockSettings Settings = new(Seed: 9, Stars: 60_000);
    static readonly Lazy<StarTable> Perfect = new(() => AppendixMock.Generate(Settings, 0.0));
    static readonly AppendixMockSettings Small = Settings with { Stars = 20_000 };

    [Fact]
    public void PerfectDistances_ReproduceTheInputProfiles()
    {
        var t = Perfect.Value;
        Assert.Equal(t.GetDouble("true_r_gc"), t.GetDouble(C.RGc), new ToleranceComparer(1e-9));
        var r = t.GetDouble(C.RGc);
        var mr = t.GetString("population").Select(p => p == "halo_mr").ToArray();
        double[] vr = t.GetDouble(C.VR), vphi = t.GetDouble(C.VPhi), vtheta = t.GetDouble(C.VTheta);
        foreach (var (a, b) in new[] { (3.0, 9.0), (9.0, 15.9), (15.9, 28.7), (28.7, 60.0) })
        {
            var rows = Enumerable.Range(0, r.Length).Where(i => r[i] >= a && r[i] < b).ToArray();
            // MR fraction: binomial, 4σ.
            double expected = rows.Sum(i => Settings.MetalRichFraction(r[i])),
                var = rows.Sum(i => Settings.MetalRichFraction(r[i]) * (1 - Settings.MetalRichFraction(r[i])));
            Assert.True(Math.Abs(rows.Count(i => mr[i]) - expected) < 4 * Math.Sqrt(var), $"[{a}, {b}) MR count {rows.Count(i => mr[i])} vs {expected:F0}");
            // β of each population: 1 − (⟨v_φ²⟩ + ⟨v_θ²⟩)/(2⟨v_r²⟩) (zero means) against the input averaged the same way.
            foreach (bool metalRich in new[] { true, false })
            {
                var p = rows.Where(i => mr[i] == metalRich).ToArray();
                double sr2 = p.Average(i => vr[i] * vr[i]), st2 = p.Average(i => 0.5 * (vphi[i] * vphi[i] + vtheta[i] * vtheta[i]));
                double inSr2 = p.Average(i => Math.Pow(Settings.SigmaR(metalRich, r[i]), 2));
                double inSt2 = p.Average(i =>
                    Math.Pow(Settings.SigmaR(metalRich, r[i]), 2) * (1 - (metalRich ? Settings.BetaMetalRich(r[i]) : Settings.BetaMetalPoor(r[i]))));
                double beta = 1 - st2 / sr2, betaIn = 1 - inSt2 / inSr2;
                // σ(β̂) ≈ (1 − β) √(2/n + 1/n) for Gaussian second moments (n stars).
                double tol = 4 * (1 - betaIn) * Math.Sqrt(3.0 / p.Length) + 1e-3;
                Assert.True(Math.Abs(beta - betaIn) < tol, $"[{a}, {b}) {(metalRich ? "MR" : "MP")}: β {beta:F3} vs {betaIn:F3} ± {tol:F3} (n {p.Length})");
            }
        }
    }

    [Fact]
    public void Radii_FollowTheTriplePowerLaw()
    {
        // Fraction of the perfect-distance sample in [12, 28) relative to [3, 12): ∫ρ r² dr ratio, binomial 4σ.
        var r = Perfect.Value.GetDouble("true_r_gc");
        var d = Settings.Density;
        double Integral(double a, double b)
        {
            double s = 0; int n = 4000; double h = (b - a) / n;
            for (int k = 0; k < n; k++) { double x = a + (k + 0.5) * h; s += d.Density(x) * x * x * h; }
            return s;
        }
        double p = Integral(12, 28) / (Integral(3, 12) + Integral(12, 28));
        int inner = r.Count(x => x >= 3 && x < 12), middle = r.Count(x => x >= 12 && x < 28), n2 = inner + middle;
        Assert.True(Math.Abs(middle - p * n2) < 4 * Math.Sqrt(n2 * p * (1 - p)), $"{middle} of {n2} in [12, 28) vs {p * n2:F0}");
        Assert.Equal(1.0, d.Density(12), 12);
        Assert.Equal(Math.Pow(28.0 / 12, -3.1), d.Density(28), 12);    // continuous at the breaks
    }

    [Fact]
    public void PerturbedDistances_ScaleOneDeviatePerStar_AndMoveStarsOutward()
    {
        var t0 = AppendixMock.Generate(Small, 0.0);
        var t18 = AppendixMock.Generate(Small, 0.18);
        var t30 = AppendixMock.Generate(Small, 0.30);
        var e18 = Relative(t18);
        var e30 = Relative(t30);
        // Same z per star for every f: (d/d_true − 1) scales with f exactly.
        foreach (var (id, x) in e18)
            if (e30.TryGetValue(id, out var y)) Assert.Equal(x * 0.30 / 0.18, y, 9);
        double sd = Math.Sqrt(e18.Values.Select(v => v * v).Average());
        Assert.InRange(sd, 0.17, 0.19);
        // With a falling density, errors scatter more stars outward than inward: more stars beyond 60 kpc (Appendix A).
        int Far(StarTable t) => t.GetDouble(C.RGc).Count(r => r > 60);
        Assert.True(Far(t30) > Far(t18) && Far(t18) > Far(t0), $"beyond 60 kpc: {Far(t0)}, {Far(t18)}, {Far(t30)}");
        // Velocities keep their true proper motions, so the perturbed sample differs from the perfect one.
        Assert.NotEqual(t0.GetDouble(C.VPhi).Take(50), t18.GetDouble(C.VPhi).Take(50));
    }

    /// <summary>
    /// §2.3 propagates distance errors into δV; so must Appendix A's mock. The same star with a perfect distance gives the
    /// truth its perturbed copy scatters about: (v(f) − v(0)) / err_v(f) must have unit spread (the Monte-Carlo errors are
    /// quoted at the measured distance, as SpecDis2 does, so the tangential pulls are near, not exactly, 1), and without
    /// propagation (the what-if) err_v is the bare velocity error.
    /// </summary>
    [Fact]
    public void PerturbedDistances_ArePropagatedIntoTheVelocityErrors()
    {
        var s = Small with { Stars = 8000, McSamples = 200 };
        var t0 = AppendixMock.Generate(s, 0.0);
        var t30 = AppendixMock.Generate(s, 0.30);
        var row0 = t0.GetInt64(C.TargetId).Select((id, i) => (id, i)).ToDictionary(p => p.id, p => p.i);
        var ids = t30.GetInt64(C.TargetId);
        foreach (var (v, e) in new[] { (C.VPhi, C.ErrVPhi), (C.VTheta, C.ErrVTheta) })
        {
            double[] v30 = t30.GetDouble(v), v0 = t0.GetDouble(v), err = t30.GetDouble(e);
            var pulls = Enumerable.Range(0, ids.Length).Where(i => row0.ContainsKey(ids[i]))
                .Select(i => (v30[i] - v0[row0[ids[i]]]) / err[i]).ToArray();
            Assert.True(pulls.Length > 3000);
            var sorted = pulls.Order().ToArray();
            double halfWidth = 0.5 * (sorted[(int)(0.84 * sorted.Length)] - sorted[(int)(0.16 * sorted.Length)]);
            Assert.InRange(halfWidth, 0.8, 1.25);
            Assert.True(err.Average() > 10, $"{e}: mean {err.Average():F1} km/s");
        }
        Assert.All(AppendixMock.Generate(s with { PropagateDistanceErrors = false, VelocityError = 2 }, 0.30).GetDouble(C.ErrVPhi), x => Assert.Equal(2.0, x));
        Assert.All(t0.GetDouble(C.ErrVR), x => Assert.Equal(0.0, x));
    }

    static Dictionary<long, double> Relative(StarTable t)
    {
        var id = t.GetInt64(C.TargetId);
        double[] d = t.GetDouble(C.Distance), d0 = t.GetDouble("true_distance");
        return Enumerable.Range(0, id.Length).ToDictionary(i => id[i], i => d[i] / d0[i] - 1);
    }

    [Fact]
    public void SameSeed_SameTable_OnAnyThreadCount()
    {
        var s = Settings with { Stars = 5000 };
        var a = AppendixMock.Generate(s, 0.18, maxDegreeOfParallelism: 1);
        var b = AppendixMock.Generate(s, 0.18);
        foreach (var c in a.ColumnNames.Where(c => a.GetColumnType(c) == ColumnType.Double))
            Assert.True(a.GetDouble(c).AsSpan().SequenceEqual(b.GetDouble(c)), c);
        foreach (var c in new[] { C.ErrVR, C.ErrVPhi, C.ErrVTheta, C.Feh, C.FehErr, C.VR, C.VPhi, C.VTheta, C.RGc }) Assert.True(a.Contains(c), c);
    }

    [Fact]
    public void BadInput_IsRejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => AppendixMock.Generate(Settings, -0.1));
        Assert.Contains("Stars", Assert.Throws<ArgumentException>(() => AppendixMock.Generate(Settings with { Stars = 0 }, 0)).Message);
        Assert.Contains("InnerBreak",
            Assert.Throws<ArgumentException>(() => AppendixMock.Generate(Settings with { Density = new TriplePowerLaw(30, 20) }, 0)).Message);
    }

    sealed class ToleranceComparer(double tol) : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Abs(x - y) <= tol * Math.Max(1, Math.Abs(x));
        public int GetHashCode(double obj) => 0;
    }
}
