using Xunit;
using HaloNotebooks.Analysis;
using HaloNotebooks.Paper;
using HaloNotebooks.Mocks;
using HaloNotebooks.Truth;

namespace HaloNotebooks.Tests.Truth;

public class SelectionBiasTests
{
    [Fact]
    public void Calibrated_CoversEveryTable2BinEntry_AndBiasIsPaperMinusIntrinsic()
    {
        var bias = SelectionBias.Calibrated();
        var inputs = MockInputTables.CalibratedHalo;
        // 26 bin rows × 8 moments + 13 p_MR (the all-stars rows are not inputs), less ⟨V_r⟩ and ⟨V_θ⟩ of the 6 rows centred
        // beyond 50 kpc ([47.5, 60), [60, 80), [80, 160)): there the mean is the reflex motion and contraction, not an input.
        Assert.Equal(inputs.RowCount * 8 + inputs.RowCount / 2 - 6 * 2, bias.Entries.Count);
        Assert.DoesNotContain(bias.Entries, x => x.Key is "vr" or "vtheta" && x.RMin >= 47.5);
        var e = bias.Entries.Single(x => x.Component == "MR" && x.RMin == 9 && x.RMax == 11.5 && x.Key == "feh_sigma");
        int row = Enumerable.Range(0, inputs.RowCount).Single(i => inputs.Labels![i] == "MR" && inputs[i, "r_min_kpc"] == 9);
        Assert.Equal(0.182, e.Paper.Value, 12);                    // Table 2, MR [9, 11.5) σ_[Fe/H]
        Assert.Equal(inputs[row, "feh_sigma"], e.Intrinsic, 12);
        Assert.Equal((0.182 - inputs[row, "feh_sigma"]) / e.Paper.Sigma, e.BiasInSigma, 9);
    }

    [Fact]
    public void From_PaperInputs_HasNoBias()
    {
        var bias = SelectionBias.From(MockCalibration.PaperInputs(), PublishedTables.Table2);
        Assert.NotEmpty(bias.Entries);
        Assert.All(bias.Entries, e => Assert.Equal(0.0, e.Bias, 12));
    }

    [Fact]
    public void Writers_GiveOneLinePerEntry_AndOneRowPerBin()
    {
        var bias = SelectionBias.Calibrated();
        var csv = bias.ToCsv().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("component,r_min_kpc,r_max_kpc,parameter,paper,paper_sigma,intrinsic,bias,bias_sigma," +
            "calibration_sigma,combined_sigma,bias_combined_sigma,constrained,reason,significant", csv[0]);
        Assert.Equal(bias.Entries.Count + 1, csv.Length);
        int bins = MockInputTables.CalibratedHalo.RowCount;
        Assert.Equal(bins, bias.ToMarkdown().Split('\n')
            .Count(l => l.StartsWith("| MR ", StringComparison.Ordinal) || l.StartsWith("| MP ", StringComparison.Ordinal)));
        string tex = bias.ToLatex();
        Assert.Contains(@"\begin{deluxetable*}", tex);
        Assert.Equal(bins, tex.Split('\n').Count(l => l.EndsWith(@"\\", StringComparison.Ordinal)));
        Assert.Contains("Under the mock&#39;s assumptions only", bias.ToHtml());
    }
}
