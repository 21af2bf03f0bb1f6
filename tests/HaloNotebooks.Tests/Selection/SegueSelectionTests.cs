using Xunit;
using Xunit.Abstractions;
using HaloNotebooks.Catalogs;
using HaloNotebooks.Selection;
using C = HaloNotebooks.Catalogs.CanonicalColumns;

namespace HaloNotebooks.Tests.Selection;

/// <summary>The paper's selection on real data: the SEGUE K giants of Xue et al. (2014) with Gaia DR2 proper motions.</summary>
public class SegueSelectionTests(ITestOutputHelper output)
{
    [SkippableFact]
    public void Selection_RunsEndToEndOnSegueKGiants()
    {
        var subs = SharedCatalogs.PaperSubstructures();
        var segue = SharedCatalogs.SegueKGiantsTable();
        var sample = PaperSelection.Run(segue, SelectionSettings.Paper with { McSamples = 300 }, subs);
        output.WriteLine(sample.Funnel.ToMarkdown());

        var f = sample.Funnel;
        Assert.Equal(SegueKGiants.DocumentedRowCount, f.InputCount);
        Assert.Equal(f.InputCount - sample.Count, f.RemovedBy.Count(r => r is not null));
        // Stars without a Gaia match (20 rows with empty pmra, SOURCE.md) are removed, by name, before the paper's cuts.
        int noPm = segue.GetDouble(C.Pmra).Count(double.IsNaN);
        Assert.InRange(noPm, 1, 20);
        Assert.Equal(noPm, f.Steps.Single(s => s.Cut == "measured").Removed);
        // Xue et al. selected halo K giants already: most pass our K-giant and disc cuts; the Sgr footprint takes a big bite.
        Assert.True(sample.Count > 2000, $"only {sample.Count} SEGUE K giants selected");

        // Our M_r (r already dereddened, ebv = 0) against Xue's rMag, both from the distance of DMpeak.
        var m = sample.Stars.GetDouble(C.AbsMagR);
        var xueM = sample.Stars.GetDouble("xue_abs_mag_r");
        var dm = m.Zip(xueM, (a, b) => Math.Abs(a - b)).Order().ToArray();
        Assert.True(dm[dm.Length / 2] < 0.02, $"median |M_r − Xue rMag| = {dm[dm.Length / 2]:F3} mag");
        // r_GC against Xue's (R_sun = 8.0 kpc vs the paper's 8.122): within a few per cent beyond 20 kpc.
        var r = sample.Stars.GetDouble(C.RGc);
        var xueR = sample.Stars.GetDouble("xue_r_gc");
        var rel = r.Zip(xueR).Where(p => p.Second > 20).Select(p => Math.Abs(p.First / p.Second - 1)).Order().ToArray();
        Assert.True(rel[rel.Length / 2] < 0.02, $"median |r_GC / Xue r_GC − 1| = {rel[rel.Length / 2]:P2} beyond 20 kpc");
    }
}
