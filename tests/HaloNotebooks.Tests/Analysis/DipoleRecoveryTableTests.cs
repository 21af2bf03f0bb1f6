using Xunit;
using HaloNotebooks.Analysis;

namespace HaloNotebooks.Tests.Analysis;

/// <summary>The report's Table 3 recovery paragraph is computed from data/reference/dipole_recovery.csv (issue 28).</summary>
public class DipoleRecoveryTableTests
{
    const string Header = "variant,r_min_kpc,r_max_kpc,parameter,realisations,input_centre,input_star_mean,fit_minus_centre,fit_minus_centre_se," +
        "fit_minus_stars,fit_minus_stars_se,posterior_sigma\n";

    [Fact]
    public void TheShippedTable_HoldsTenRealisationsOfThePaperVariant_InEveryBin()
    {
        var paper = DipoleRecoveryTable.Rows.Where(r => r.Variant == "paper").ToList();
        Assert.Equal(16, paper.Count);   // 4 ranges (50–120 and its 3 sub-bins) × μ_compr, μ_dipole, l_apex, b_apex
        Assert.All(paper, r => Assert.True(r.Realisations >= 10, $"{r.Bin} {r.Parameter}: {r.Realisations}"));
        var (title, _, html) = DipoleRecoveryTable.Section();
        Assert.Contains("10 independent mocks", title);
        // μ_dipole at 80–120 kpc against the star-weighted field, from the file's row (−0.8838 ± 1.2633), minus sign and all.
        Assert.Contains("−0.9 &plusmn; 1.3 (80&ndash;120 kpc)", html);
    }

    [Fact]
    public void TheVerdict_CountsOffsetsBeyondThreeStandardErrors_FromTheTable()
    {
        var rows = DipoleRecoveryTable.Parse(Header +
            "paper,50,120,mu_dipole,12,-27,-18,9.8,0.5,0.4,0.5,2.2\n" +      // 0.8 s.e. from the star-weighted field: recovered
            "paper,50,120,mu_compr,12,-18,-15.6,5.2,0.3,2.9,0.25,1.2\n" +    // 11.6 s.e.: an offset
            "true_vr,50,120,mu_compr,5,-18,-15.6,5.0,0.5,2.6,0.5,1.2\n");    // 5.2 s.e.: it stays with noise-free V_r
        var (title, verdict, html) = DipoleRecoveryTable.Section(rows);
        Assert.Equal("Table 3 recovery over 12 independent mocks", title);
        Assert.Contains("within 3 s.e. of the field the mock gives its stars in 1 of 1 bins", verdict);
        Assert.Contains("offset beyond 3 s.e. in 1 of 1 (by +2.9 to +2.9 km/s)", verdict);
        Assert.Contains("+9.8 to +9.8 km/s", verdict);
        Assert.Contains("It stays beyond 3 s.e. in every bin", html);
        Assert.Contains("-18.0 against -27.0 km/s", html);   // the field its stars carry is weaker than at the bin centre
    }

    const string DecompositionHeader = "r_min_kpc,r_max_kpc,realisations,ls_field,ls_field_se,ls_true,ls_true_se,ls_halo_true,ls_halo_true_se," +
        "ls_halo_mean,ls_halo_mean_se,halo_component_vr,halo_inside_53kpc,paired,fit_minus_stars,fit_minus_stars_se," +
        "fit_minus_stars_and_components,fit_minus_stars_and_components_se,sampler_minus_ls,sampler_minus_ls_se,sampler_minus_ls_n,left,left_se\n";

    /// <summary>The cause paragraph: the noise-free field's least squares, the components' ⟨V_r⟩, and the paired offset that is
    /// left, each read from the decomposition's rows; "explained" only when every bin is within 3 s.e.</summary>
    [Fact]
    public void TheDecomposition_NamesTheCause_OnlyWhenThePairedOffsetIsWithinThreeStandardErrors()
    {
        var rows = DipoleRecoveryTable.Parse(Header + "paper,50,120,mu_dipole,10,-27,-18,9.8,0.5,0.4,0.5,2.2\n" +
            "paper,50,120,mu_compr,10,-18,-15.6,5.2,0.3,2.9,0.25,1.2\n");
        var explained = DipoleRecoveryTable.ParseDecomposition(DecompositionHeader +
            "50,120,10,0.06,0.1,2.8,0.4,2.7,0.4,1.9,0.2,1.7,0.36,10,2.9,0.3,1.0,0.4,0.7,0.05,5,0.3,0.4\n");   // 0.75 s.e. left
        var (_, verdict, html) = DipoleRecoveryTable.Section(rows, explained);
        Assert.Contains("+0.06 &plusmn; 0.1 (50&ndash;120 kpc) &mdash; least squares on the field itself is unbiased", html);
        Assert.Contains("+1.9 &plusmn; 0.2 (50&ndash;120 kpc)", html);
        Assert.Contains("36 %", html);
        Assert.Contains("sits +0.7 &plusmn; 0.05 (50&ndash;120 kpc) above the least-squares point", html);
        Assert.Contains("What is left after both: +0.3 &plusmn; 0.4 (50&ndash;120 kpc). Within 3 s.e. in every bin", html);
        Assert.Contains("sampler's shift from least squares, in 0 of 1 (+0.3 to +0.3 km/s left)", verdict);

        var notExplained = DipoleRecoveryTable.ParseDecomposition(DecompositionHeader +
            "50,120,10,0.06,0.1,2.8,0.4,2.7,0.4,1.9,0.2,1.7,0.36,10,2.9,0.3,2.2,0.4,0.7,0.05,5,1.5,0.4\n");   // 3.75 s.e. left
        var (_, verdict2, html2) = DipoleRecoveryTable.Section(rows, notExplained);
        Assert.Contains("Beyond 3 s.e. in 1 of 1 bins", html2);
        Assert.Contains("in 1 of 1 (+1.5 to +1.5 km/s left)", verdict2);
    }
}
