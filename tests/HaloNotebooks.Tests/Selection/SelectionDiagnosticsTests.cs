using System.Globalization;
using Xunit;
using HaloNotebooks.Selection;

namespace HaloNotebooks.Tests.Selection;

public class SelectionDiagnosticsTests
{
    [SkippableFact]
    public void PaperTable1Bins_MatchThePapersTable()
    {
        var csv = TestPaths.RequireShared("paper/table1_single_component.csv");
        var lines = File.ReadAllLines(csv);
        var header = lines[0].Split(',');
        int iMin = Array.IndexOf(header, "r_min_kpc"), iMax = Array.IndexOf(header, "r_max_kpc"), iN = Array.IndexOf(header, "N");
        var rows = lines.Skip(1).Select(l => l.Split(',')).ToArray();
        Assert.Equal(SelectionDiagnostics.PaperTable1Total, int.Parse(rows[0][iN], CultureInfo.InvariantCulture));
        var bins = rows.Skip(1)
            .Select(r => (double.Parse(r[iMin], CultureInfo.InvariantCulture), double.Parse(r[iMax], CultureInfo.InvariantCulture),
                int.Parse(r[iN], CultureInfo.InvariantCulture)))
            .ToArray();
        Assert.Equal(bins, SelectionDiagnostics.PaperTable1Bins.ToArray());
    }

    [Fact]
    public void Compare_CountsPurityAndCompletenessPerCut()
    {
        var cat = new SyntheticCatalogue();
        cat.AddHalo(30, seed: 8);
        for (int i = 0; i < 10; i++) cat.Add("non_kgiant", new(-20, 5, 10), new(0, 0, 0), teff: 6500);
        for (int i = 0; i < 4; i++) cat.Add("disc", new(-12, 0, 6), new(0, -200, 0), feh: -0.4);
        cat.Add("disc", new(-12, 0, 6), new(0, -200, 0), feh: -0.4, teff: 7000);   // removed earlier, by the T_eff cut
        cat.Label[0] = "halo_mp";
        for (int i = 1; i < 30; i++) cat.Label[i] = "halo_mr";
        var table = cat.ToTable();
        var sample = PaperSelection.Run(table, SelectionSettings.Paper with { McSamples = 50, MaskSagittarius = false });
        var report = SelectionDiagnostics.Compare(sample.Funnel, table, cat.Truth());

        var teff = report.Cuts.Single(c => c.Cut == "K giants: T_eff");
        Assert.Equal("non_kgiant", teff.Target);
        Assert.Equal(11, teff.Removed);
        Assert.Equal(10.0 / 11, teff.Purity, 12);
        Assert.Equal(1.0, teff.Completeness, 12);
        var feh = report.Cuts.Single(c => c.Cut == "disc: [Fe/H]");
        Assert.Equal((4, 1.0, 1.0), (feh.Removed, feh.Purity, feh.Completeness));
        var disc = report.Populations.Single(p => p.Population == "disc");
        Assert.Equal((5, 4, 4, 1, 0), (disc.Input, disc.ReachingIntendedCut, disc.RemovedByIntendedCut, disc.RemovedByOtherCuts, disc.InFinalSample));
        Assert.Equal(1.0, disc.Completeness);
        Assert.True(double.IsNaN(report.Populations.Single(p => p.Population == "halo_mr").Completeness));
        int halo = report.Populations.Where(p => p.Population.StartsWith("halo")).Sum(p => p.InFinalSample);
        Assert.Equal(sample.Count, halo);
        Assert.Equal(1.0, report.FinalPurity);
        Assert.Contains("| disc |", report.ToMarkdown());
    }

    [Fact]
    public void CountsPerBin_UsesTable1EdgesHalfOpen()
    {
        var cat = new SyntheticCatalogue();
        cat.AddHalo(60, seed: 21);
        var sample = PaperSelection.Run(cat.ToTable(), SelectionSettings.Paper with { McSamples = 50, MaskSagittarius = false });
        var bins = SelectionDiagnostics.CountsPerBin(sample, scale: 0.001);
        Assert.Equal(13, bins.Count);
        Assert.Equal(sample.Count, bins.Sum(b => b.Count));   // the halo stars lie in 10–60 kpc, inside 3–160
        Assert.Equal(6987 * 0.001, bins[0].Expected, 12);
        Assert.Contains("| 3–9 |", SelectionDiagnostics.CountsMarkdown(bins));
    }
}
