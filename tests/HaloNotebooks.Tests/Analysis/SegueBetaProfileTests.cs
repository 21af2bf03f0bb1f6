using HaloNotebooks.Tests.Selection;
using HaloNotebooks.Analysis;
using HaloNotebooks.Catalogs;
using HaloNotebooks.Selection;
using Xunit;
using Xunit.Abstractions;

namespace HaloNotebooks.Tests.Analysis;

/// <summary>
/// The β profile on real data: the single-component β profile of the SEGUE K giants (Xue et al. 2014 with Gaia DR2 proper
/// motions) in the paper's bins. Between 10 and 30 kpc the halo should be strongly radial, β ≈ 0.7–0.8 as Bird et al.
/// (2021) found for K giants; the test asks β &gt; 0.5 in every bin there with at least 100 stars.
/// </summary>
public class SegueBetaProfileTests(ITestOutputHelper output)
{
    [SkippableFact]
    [Trait("Category", "Slow")]
    public void SingleComponentBeta_IsStronglyRadialBetween10And30Kpc()
    {
        var subs = SharedCatalogs.PaperSubstructures();
        var sample = PaperSelection.Run(SharedCatalogs.SegueKGiantsTable(), SelectionSettings.Paper, subs);
        var profile = PaperAnalysis.FitProfile(FitModel.Single, sample, AnalysisSettings.Paper);

        output.WriteLine($"SEGUE K giants, {sample.Count} selected; single-component fits, 100 walkers × 1000 steps, seed 1");
        output.WriteLine("| r_GC [kpc] | N | median r | β | σ_r | σ_φ | σ_θ |");
        output.WriteLine("| --- | ---: | ---: | --- | --- | --- | --- |");
        foreach (var b in profile.Bins.Prepend(profile.AllStars))
            output.WriteLine($"| {b.Bin.Label} | {b.Bin.Count} | {b.Bin.RMedian:0.0} | {b["beta"].Format(3)} | {b["sigma_r"].Format(1)} | " +
                $"{b["sigma_phi"].Format(1)} | {b["sigma_theta"].Format(1)} |");

        var inner = profile.Bins.Where(b => b.Bin.RMin >= 9 && b.Bin.RMax <= 28.7 && b.Bin.Count >= 100).ToList();
        Assert.NotEmpty(inner);
        Assert.All(inner, b => Assert.True(b["beta"].Value > 0.5, $"{b.Bin.Label}: β = {b["beta"]}"));
    }
}
