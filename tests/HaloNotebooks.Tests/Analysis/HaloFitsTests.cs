using System.Text.Json;
using HaloNotebooks.Inference;
using HaloNotebooks.Tests.Models;
using Xunit;
using Xunit.Abstractions;
using HaloNotebooks.Analysis;

namespace HaloNotebooks.Tests.Analysis;

/// <summary>
/// Posteriors against the emcee reference (shared/reference/README.md tolerances: medians within 0.3σ,
/// 1σ widths within 15%, acceptance within 0.05). The full-size fits (the reference's walkers, steps,
/// burn-in) are [Slow]; the default suite runs shorter chains on the same data with tolerances widened by
/// the Monte-Carlo error of the shorter chain, computed from its own autocorrelation time:
/// median ± 0.3σ + 4 × 1.25σ/√N_eff, width ± 15% + 4/√(2 N_eff) relative, N_eff = samples / τ.
/// </summary>
public class HaloFitsTests(ITestOutputHelper output)
{
    static readonly Dictionary<string, string> SingleNames = new()
    {
        ["vr"] = "mu_r", ["vphi"] = "mu_phi", ["vtheta"] = "mu_theta", ["sigma_r"] = "sig_r", ["sigma_phi"] = "sig_phi",
        ["sigma_theta"] = "sig_theta", ["feh_mean"] = "mu_feh", ["feh_sigma"] = "sig_feh",
    };

    static (double Median, double Sigma) Reference(JsonElement fit, string name)
    {
        var p = fit.GetProperty("posterior").TryGetProperty(name, out var x) ? x : fit.GetProperty("derived").GetProperty(name);
        return (p.GetProperty("median").GetDouble(), p.GetProperty("sigma").GetDouble());
    }

    void Compare(FitResult fit, JsonElement reference, Func<string, string> referenceName, bool fullSize)
    {
        double tau = fit.AutocorrTime.Values.Max();
        double nEff = fit.Samples(fit.ParameterNames[0]).Length / tau;
        double medianExtra = fullSize ? 0 : 4 * 1.25 / Math.Sqrt(nEff);
        double widthTol = fullSize ? 0.15 : 0.15 + 4 / Math.Sqrt(2 * nEff);
        output.WriteLine($"{fit.Model}: τ_max = {tau:F1}, N_eff = {nEff:F0}, median tol = {0.3 + medianExtra:F2}σ, width tol = {widthTol:P0}, acc = " +
            $"{fit.AcceptanceFraction:F3}, {fit.WallTimeSeconds:F1} s");
        foreach (var name in fit.ParameterNames.Concat(fit.DerivedNames))
        {
            var (refMedian, refSigma) = Reference(reference, referenceName(name));
            var ours = fit.Summary[name];
            // emcee's reference prints l_apex in [0°, 360°); ours follows Table 3's [−180°, 180°) (Angles.LongitudeCentre).
            if (name == "l_apex") refMedian = HaloNotebooks.Astrometry.Angles.NearestTurn(refMedian, ours.Median);
            output.WriteLine($"  {name,-16} {ours.Median,12:G6} ref {refMedian,12:G6}  Δ = {(ours.Median - refMedian) / refSigma,6:F2}σ   width ratio " +
                $"{ours.Sigma / refSigma:F3}");
            Assert.InRange((ours.Median - refMedian) / refSigma, -(0.3 + medianExtra), 0.3 + medianExtra);
            Assert.InRange(ours.Sigma / refSigma, 1 - widthTol, 1 + widthTol);
        }
        if (fullSize)
            Assert.Equal(reference.GetProperty("acceptance_fraction_mean").GetDouble(), fit.AcceptanceFraction, 0.05);
    }

    static string DoubleName(string ours) => ours switch
    {
        "p_mr" => "p_MR",
        "beta_mr" => "beta_MR",
        "beta_mp" => "beta_MP",
        _ => SingleNames[ours[..^3]] + (ours.EndsWith("_mr") ? "_MR" : "_MP"),
    };

    static string DipoleName(string ours) => ours switch { "l_apex" => "l_apex_deg", "b_apex" => "b_apex_deg", _ => ours };

    [Fact]
    public void Single_MatchesEmcee_ShortChain() =>
        Compare(HaloFits.Single(ReferenceData.Mixture, new FitSettings(new SamplerSettings(Walkers: 32, Steps: 400, Burn: 150, Seed: 11))),
                ReferenceData.MixtureJson.GetProperty("one_component"), n => n == "beta" ? "beta" : SingleNames[n], fullSize: false);

    [Fact]
    public void Double_MatchesEmcee_ShortChain() =>
        Compare(HaloFits.Double(ReferenceData.Mixture, new FitSettings(new SamplerSettings(Walkers: 40, Steps: 400, Burn: 150, Seed: 12))),
                ReferenceData.MixtureJson.GetProperty("two_component"), DoubleName, fullSize: false);

    [Fact]
    public void Dipole_MatchesEmcee_ShortChain()
    {
        var fit = HaloFits.Dipole(ReferenceData.Dipole, new FitSettings(new SamplerSettings(Walkers: 32, Steps: 800, Burn: 200, Seed: 13)));
        Compare(fit, ReferenceData.DipoleJson.GetProperty("fit"), DipoleName, fullSize: false);
        Assert.All(fit.Samples("mu_dipole"), m => Assert.True(m <= 0));
        Assert.Contains(fit.Notes, n => n.Contains("folded", StringComparison.Ordinal));
    }

    [Fact, Trait("Category", "Slow")]
    public void Single_MatchesEmcee_AtReferenceSettings() =>
        Compare(HaloFits.Single(ReferenceData.Mixture, new FitSettings(new SamplerSettings(100, 1000, 400, Seed: 21))),
                ReferenceData.MixtureJson.GetProperty("one_component"), n => n == "beta" ? "beta" : SingleNames[n], fullSize: true);

    [Fact, Trait("Category", "Slow")]
    public void Double_MatchesEmcee_AtReferenceSettings() =>
        Compare(HaloFits.Double(ReferenceData.Mixture, new FitSettings(new SamplerSettings(100, 1000, 400, Seed: 22))),
                ReferenceData.MixtureJson.GetProperty("two_component"), DoubleName, fullSize: true);

    [Fact, Trait("Category", "Slow")]
    public void Dipole_MatchesEmcee_AtReferenceSettings() =>
        Compare(HaloFits.Dipole(ReferenceData.Dipole, new FitSettings(new SamplerSettings(64, 2000, 500, Seed: 23))),
                ReferenceData.DipoleJson.GetProperty("fit"), DipoleName, fullSize: true);

    [Fact]
    public void Dipole_FoldsAPositiveDipoleStartToTheCanonicalForm()
    {
        // Start the walkers in the mirror mode (μ_dipole > 0, apex at the antipode): the reported samples
        // must still be μ_dipole ≤ 0 with the apex near the reference's (319°, −43.5°).
        var start = new[] { -16.4, 22.5, 101.5, 139.2, Math.Sin(43.5 * Math.PI / 180) };
        var fit = HaloFits.Dipole(ReferenceData.Dipole, new FitSettings(new SamplerSettings(Walkers: 16, Steps: 300, Burn: 100, Seed: 4)), start: start);
        Assert.All(fit.Samples("mu_dipole"), m => Assert.True(m <= 0));
        Assert.InRange(fit.Summary["l_apex"].Median, 319.2 - 360 - 3 * 11.9, 319.2 - 360 + 3 * 11.9);   // Table 3's [−180°, 180°)
        Assert.InRange(fit.Summary["b_apex"].Median, -43.5 - 3 * 8.2, -43.5 + 3 * 8.2);
        Assert.Contains(fit.Notes, n => n.Contains("100.0%", StringComparison.Ordinal) || n.Contains("had mu_dipole > 0", StringComparison.Ordinal));
    }

    [Fact]
    public void Dipole_ApexNearLongitudeZero_IsSummarisedAsOneInterval()
    {
        // Mock of Eq. 6 with the apex at (l, b) = (2°, −30°): the l_apex samples straddle 0°/360°.
        var fit = HaloFits.Dipole(SyntheticHalo.DipoleSky(4000, 2, -30, seed: 77),
            new FitSettings(new SamplerSettings(Walkers: 16, Steps: 500, Burn: 200, Seed: 8)));
        var s = fit.Summary["l_apex"];
        output.WriteLine($"l_apex {s.Median:F1} [{s.P16:F1}, {s.P84:F1}], b_apex {fit.Summary["b_apex"].Median:F1}");
        Assert.InRange(s.P84 - s.P16, 1, 40);                 // one narrow interval, not a 0–360 spread
        Assert.InRange(((s.Median - 2) % 360 + 540) % 360 - 180, -15, 15);
        Assert.InRange(fit.Summary["mu_dipole"].Median, -75, -45);
    }

    [Fact]
    public void MembershipProbabilityMR_UsesThePosteriorMedian_AndMatchesTheTruthOnAverage()
    {
        var fit = HaloFits.Double(ReferenceData.Mixture, new FitSettings(new SamplerSettings(Walkers: 40, Steps: 60, Burn: 30, Seed: 5)));
        var p = HaloFits.MembershipProbabilityMR(ReferenceData.Mixture, fit);
        Assert.Equal(ReferenceData.Mixture.Count, p.Length);
        Assert.Equal(fit.Summary["p_mr"].Median, p.Average(), 0.01);   // Σ_i P(MR|i)/N = p_MR at the ML point
        Assert.Throws<ArgumentException>(() => HaloFits.MembershipProbabilityMR(ReferenceData.Mixture,
            HaloFits.Dipole(ReferenceData.Dipole, new FitSettings(new SamplerSettings(Walkers: 10, Steps: 20, Burn: 5)))));
    }

    [Fact]
    public void Result_ExposesBetaPerSample_JsonAndHtml()
    {
        var fit = HaloFits.Single(ReferenceData.Mixture, new FitSettings(new SamplerSettings(Walkers: 16, Steps: 40, Burn: 10, Seed: 2)));
        var sr = fit.Samples("sigma_r"); var sp = fit.Samples("sigma_phi"); var st = fit.Samples("sigma_theta"); var b = fit.Samples("beta");
        for (int i = 0; i < b.Length; i += 37) Assert.Equal(1 - (sp[i] * sp[i] + st[i] * st[i]) / (2 * sr[i] * sr[i]), b[i], 14);
        Assert.Equal(16 * 30, b.Length);
        var root = JsonDocument.Parse(fit.ToJson()).RootElement;
        Assert.Equal(fit.Summary["beta"].Median, root.GetProperty("parameters").GetProperty("beta").GetProperty("median").GetDouble());
        Assert.Contains("<table>", fit.ToHtml());
        Assert.Contains("beta (derived)", fit.ToHtml());
        Assert.Throws<KeyNotFoundException>(() => fit.Samples("p_mr"));
        Assert.Throws<ArgumentException>(() => HaloFits.Single(ReferenceData.Mixture, new FitSettings(new SamplerSettings(Walkers: 10))));
    }

    [Fact]
    public void Result_RecordsTheMovesUsed_AndKeepsTheWholeChain()
    {
        var stretch = HaloFits.Single(ReferenceData.Mixture, new FitSettings(new SamplerSettings(Walkers: 16, Steps: 40, Burn: 10, Seed: 2)));
        Assert.Equal("stretch (a = 2)", stretch.Moves);
        Assert.Equal("stretch (a = 2)", JsonDocument.Parse(stretch.ToJson()).RootElement.GetProperty("settings").GetProperty("move").GetString());
        // The chain holds the burn-in too; the reported samples are its post-burn-in part.
        Assert.Equal(40, stretch.Chain!.Iterations);
        Assert.Equal(stretch.ParameterNames, stretch.ChainParameterNames);
        Assert.Equal(stretch.Chain.GetFlatSamples(3, discard: 10), stretch.Samples("sigma_r"));

        var mixed = HaloFits.Single(ReferenceData.Mixture,
            new FitSettings(new SamplerSettings(Walkers: 16, Steps: 40, Burn: 10, Seed: 2)) { Moves = [(new StretchMove(), 0.8), (new DEMove(), 0.2)] });
        Assert.Equal("0.8 × stretch (a = 2) + 0.2 × differential evolution (γ0 = 2.38/sqrt(2 ndim), σ = 1E-05)",
            JsonDocument.Parse(mixed.ToJson()).RootElement.GetProperty("settings").GetProperty("move").GetString());
        Assert.NotEqual(stretch.Samples("sigma_r"), mixed.Samples("sigma_r"));
    }

    [Fact]
    public void WithoutSamples_KeepsTheSummaries_AndSaysWhyTheSamplesAreGone()
    {
        var fit = HaloFits.Single(ReferenceData.Mixture, new FitSettings(new SamplerSettings(Walkers: 16, Steps: 40, Burn: 10, Seed: 2)));
        var summary = fit.WithoutSamples();
        Assert.True(fit.HasSamples);
        Assert.False(summary.HasSamples);
        Assert.Null(summary.Chain);
        Assert.Equal(fit.ToJson(), summary.ToJson());
        Assert.Equal(fit.Medians, summary.Medians);
        Assert.Contains("dropped", Assert.Throws<InvalidOperationException>(() => summary.Samples("sigma_r")).Message);
        Assert.Contains("dropped", Assert.Throws<InvalidOperationException>(() => summary.SaveChain("x.h5")).Message);
        Assert.Same(summary, summary.WithoutSamples());
    }

    [Fact]
    public void SaveChain_WritesTheSampledCoordinates_AsHdf5OrCsv()
    {
        var fit = HaloFits.Dipole(ReferenceData.Dipole, new FitSettings(new SamplerSettings(Walkers: 12, Steps: 30, Burn: 10, Seed: 4)));
        var dir = Directory.CreateTempSubdirectory("halo-savechain-");
        try
        {
            var h5 = Path.Combine(dir.FullName, "dipole.h5");
            fit.SaveChain(h5);
            var back = HdfChainBackend.Read(h5);
            // The dipole samples sin b_apex and reports the folded angles: the file holds what was sampled.
            Assert.Equal(["mu_compr", "mu_dipole", "sigma_r", "l_apex", "sin_b_apex"], back.ParameterNames);
            Assert.Equal(fit.Chain!.GetChain(), back.GetChain());
            Assert.Equal(fit.Samples("sigma_r"), back.GetFlatSamples(2, discard: 10));
            var csv = Path.Combine(dir.FullName, "dipole.csv");
            fit.SaveChain(csv);
            Assert.Equal("walker,step,mu_compr,mu_dipole,sigma_r,l_apex,sin_b_apex,log_prob", File.ReadLines(csv).First());
            Assert.Equal(1 + 30 * 12, File.ReadLines(csv).Count());
            var bad = Assert.Throws<ArgumentException>(() => fit.SaveChain(Path.Combine(dir.FullName, "chain.txt")));
            Assert.Contains(".h5", bad.Message);
        }
        finally { dir.Delete(true); }
    }
}
