using Xunit;
using HaloNotebooks.Mocks;
using HaloNotebooks.Models;
using HaloNotebooks.Paper;
using HaloNotebooks.Truth;

namespace HaloNotebooks.Tests.Truth;

/// <summary>The honest selection-bias table: calibration noise, the constrained flag and the 3σ significance rule.</summary>
public class SelectionBiasSignificanceTests
{
    static readonly MixturePriors Priors = MixturePriors.Paper;

    [Fact]
    public void Reason_FlagsPriorBound_Uncalibrated_AndFehCut()
    {
        // σ_φ = 10.2 km/s is 0.2 above the footnote-11 floor of 10, within 1% of the prior's 190 km/s width.
        Assert.Equal("at a prior bound", SelectionBiasConstraint.Reason("sigma_phi", 10.2, 0.5, -1.2, 0.2, Priors, -0.85));
        // 15 km/s is 5 above it: constrained.
        Assert.Null(SelectionBiasConstraint.Reason("sigma_phi", 15, 0.5, -1.2, 0.2, Priors, -0.85));
        // A calibration noise larger than the distance to the bound also puts it on the bound.
        Assert.Equal("at a prior bound", SelectionBiasConstraint.Reason("sigma_phi", 15, 6, -1.2, 0.2, Priors, -0.85));
        // Beyond the upper bound of σ_[Fe/H] (0.6): the fit cannot return it.
        Assert.Equal("at a prior bound", SelectionBiasConstraint.Reason("feh_sigma", 0.73, 0.01, -1.28, 0.73, Priors, -0.85));
        Assert.Equal("not calibrated", SelectionBiasConstraint.Reason("vphi", 3, double.NaN, -1.2, 0.2, Priors, -0.85));
        // The cut 0.2 dex above a mean with σ 0.3 (z = 0.67 < 1) truncates the component: mean and spread are extrapolated.
        Assert.Equal("beyond the [Fe/H] cut", SelectionBiasConstraint.Reason("feh_sigma", 0.3, 0.01, -1.05, 0.3, Priors, -0.85));
        Assert.Equal("beyond the [Fe/H] cut", SelectionBiasConstraint.Reason("feh_mean", -1.05, 0.01, -1.05, 0.3, Priors, -0.85));
        // z = 2.4: constrained; the cut does not touch the velocities.
        Assert.Null(SelectionBiasConstraint.Reason("feh_sigma", 0.09, 0.01, -1.065, 0.09, Priors, -0.85));
        Assert.Null(SelectionBiasConstraint.Reason("vphi", 3, 1, -1.05, 0.3, Priors, -0.85));
    }

    [Fact]
    public void Significant_NeedsConstrained_AndThreeCombinedSigma()
    {
        // Paper σ 3, calibration σ 4: combined 5, so a bias of 14.9 is not significant and 15.1 is.
        var paper = new Measurement(100, 3, 3);
        var below = new SelectionBiasEntry("MR", 3, 9, "sigma_r", paper, 100 - 14.9) { CalibrationSigma = 4 };
        var above = below with { Intrinsic = 100 - 15.1 };
        Assert.Equal(5.0, below.CombinedSigma, 12);
        Assert.False(below.Significant);
        Assert.True(above.Significant);
        Assert.True(above.Constrained);
        // Beyond 3 paper σ but within 3 combined σ: the old table called this a bias.
        Assert.True(Math.Abs(below.BiasInSigma) > 3);
        // The same shift on an unconstrained entry is never a bias.
        Assert.False((above with { Unconstrained = "at a prior bound" }).Significant);
    }

    [Fact]
    public void From_MarksUncalibratedBins_AndCountsInTheCsv()
    {
        var bias = SelectionBias.Calibrated();
        // [80, 160) kpc has 164 stars in Table 1: the calibration keeps Table 2 there, so nothing in it is a bias.
        var outer = bias.Entries.Where(e => e.RMin == 80).ToList();
        Assert.NotEmpty(outer);
        Assert.All(outer, e => Assert.Equal("not calibrated", e.Unconstrained));
        // MR 60–80 kpc σ_φ = 10.2 km/s sits on the prior floor of 10.
        Assert.Equal("at a prior bound", bias.Entries.Single(e => e.Component == "MR" && e.RMin == 60 && e.Key == "sigma_phi").Unconstrained);
        var csv = bias.ToCsv().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(bias.Entries.Count(e => e.Significant), csv.Skip(1).Count(l => l.EndsWith(",true", StringComparison.Ordinal)));
        Assert.Contains($"{bias.SignificantCount} of {bias.Entries.Count} entries are significant biases", bias.ToMarkdown());
    }

    [Fact]
    public void SpreadFile_CoversEveryCalibratedEntry_AndNothingElse()
    {
        // Calibrated (mock_calibrated_halo.md: --min-stars 500): bins with ≥ 500 stars in Table 1, less the mean V_r and V_θ of
        // the bins centred beyond 50 kpc (the reflex motion's).
        bool Calibrated(SelectionBiasEntry e) =>
            PublishedTables.Table1.Rows.Single(r => r.RMin == e.RMin && r.RMax == e.RMax).N >= 500
            && !(e.Key is "vr" or "vtheta" && Math.Sqrt(e.RMin * e.RMax) > 50);
        var entries = SelectionBias.Calibrated().Entries;
        Assert.Contains(entries, e => !Calibrated(e));
        foreach (var e in entries)
            Assert.True(Calibrated(e) == CalibrationSpread.StepSpread.ContainsKey((e.Component, e.RMin, e.RMax, e.Key)),
                $"{e.Component} [{e.RMin}, {e.RMax}) {e.Key}");
        Assert.Equal(entries.Count(Calibrated), CalibrationSpread.StepSpread.Count);
        Assert.All(CalibrationSpread.StepSpread.Values, s => Assert.True(s > 0));
    }
}
