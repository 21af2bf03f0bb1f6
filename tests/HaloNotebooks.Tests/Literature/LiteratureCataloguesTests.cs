using HaloNotebooks.Catalogs;
using HaloNotebooks.Literature;
using HaloNotebooks.Selection;
using HaloNotebooks.Tests.Selection;
using C = HaloNotebooks.Catalogs.CanonicalColumns;

using Xunit;

namespace HaloNotebooks.Tests.Literature;

public class LiteratureCataloguesTests
{
    [SkippableFact]
    public void SegueBhb_reads_every_star_with_the_first_rows_values()
    {
        var t = SegueBhbStars.Read(TestPaths.RequireShared("data/external/segue_bhb_xue2011"));
        Assert.Equal(SegueBhbStars.DocumentedRowCount, t.RowCount);
        // Row S0 of the three files (SOURCE.md): RA 331.04739, d 46.6 kpc, HRV −115.8 ± 7.7, SSPP [Fe/H] −1.915227, Gaia pmra −0.7587.
        Assert.Equal(331.04739, t.GetDouble(C.Ra)[0], 5);
        Assert.Equal(46.6, t.GetDouble(C.Distance)[0], 6);
        Assert.Equal(4.66, t.GetDouble(C.DistanceErr)[0], 6);
        Assert.Equal(-115.8, t.GetDouble(C.Rv)[0], 6);
        Assert.Equal(7.7, t.GetDouble(C.RvErr)[0], 6);
        Assert.Equal(-1.915227, t.GetDouble(C.Feh)[0], 6);
        Assert.Equal(-0.7586968273829174, t.GetDouble(C.Pmra)[0], 9);
    }

    [SkippableFact]
    public void Yaaqib_reads_every_star_and_rotates_the_proper_motions_to_icrs()
    {
        var t = YaaqibKGiants.Read(TestPaths.RequireShared("data/external/kgiants_edr3_yaaqib2024/KGiant_edr3_metal_sgr_20.txt"));
        Assert.Equal(YaaqibKGiants.DocumentedRowCount, t.RowCount);
        // First row: l 244.19, b 44.01, d 42.35 kpc, v_los 43.70, μ_l* −6.6536, μ_b −8.9651, [Fe/H] −0.71 (columns 7–12, 17).
        Assert.Equal(42.35, t.GetDouble(C.Distance)[0], 6);
        Assert.Equal(43.70, t.GetDouble(C.Rv)[0], 6);
        Assert.Equal(-0.71, t.GetDouble(C.Feh)[0], 6);
        var (l, b) = HaloNotebooks.Astrometry.GalacticCoordinates.FromIcrs(t.GetDouble(C.Ra)[0], t.GetDouble(C.Dec)[0]);
        Assert.Equal(244.19, l, 6);
        Assert.Equal(44.01, b, 6);
        // A rotation keeps the total proper motion (columns 11, 12).
        double pm = Math.Sqrt(Math.Pow(t.GetDouble(C.Pmra)[0], 2) + Math.Pow(t.GetDouble(C.Pmdec)[0], 2));
        Assert.Equal(Math.Sqrt(6.6536 * 6.6536 + 8.9651 * 8.9651), pm, 6);
    }

    [SkippableFact]
    public void Lamost_selection_applies_the_cuts_the_catalogue_allows_and_skips_the_disc_metallicity()
    {
        var stars = LamostKGiants.Read(TestPaths.RequireShared("data/external/lamost_dr5_kgiants_halo/lamost_kg_dr5_halo_forJorge.csv"));
        var sample = LiteratureSelection.Run(stars, hasFeh: false, SelectionSettings.Paper with { McSamples = 50 }, null);
        var names = sample.Funnel.Steps.Select(s => s.Cut).ToList();
        Assert.DoesNotContain("disc: [Fe/H]", names);
        Assert.Contains("disc: |z|", names);
        Assert.Contains("Sagittarius stream", names);
        Assert.InRange(sample.Count, 1000, stars.RowCount - 1);
        var z = sample.Stars.GetDouble(C.Z);
        Assert.All(z, v => Assert.True(Math.Abs(v) > 2));
    }
}
