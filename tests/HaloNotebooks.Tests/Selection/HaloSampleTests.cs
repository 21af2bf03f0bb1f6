using Xunit;
using HaloNotebooks.Selection;
using C = HaloNotebooks.Catalogs.CanonicalColumns;
using HaloNotebooks.Models;

namespace HaloNotebooks.Tests.Selection;

public class HaloSampleTests
{
    static HaloSample Sample()
    {
        var cat = new SyntheticCatalogue();
        cat.AddHalo(80, seed: 5);
        return PaperSelection.Run(cat.ToTable(), SelectionSettings.Paper with { McSamples = 100, MaskSagittarius = false });
    }

    [Fact]
    public void InRadialRange_IsHalfOpen_AndExtendsTheFunnel()
    {
        var s = Sample();
        var r = s.Stars.GetDouble(C.RGc);
        var bin = s.InRadialRange(20, 40);
        Assert.Equal(r.Count(x => x >= 20 && x < 40), bin.Count);
        Assert.All(bin.Stars.GetDouble(C.RGc), x => Assert.InRange(x, 20, 40 - 1e-12));
        var last = bin.Funnel.Steps[^1];
        Assert.Equal((s.Count, bin.Count), (last.In, last.Kept));
        // Every input row is still accounted for.
        var removed = bin.Funnel.RemovedBy;
        Assert.Equal(bin.Count, removed.Count(x => x is null));
        Assert.Equal(s.Count - bin.Count, removed.Count(x => x == last.Cut));
        foreach (int row in bin.InputRows) Assert.Null(removed[row]);
    }

    [Fact]
    public void Samples_CarryTheColumnsTheFitsNeed()
    {
        var s = Sample();
        var k = s.ToKinematicSample().Validate();
        Assert.Equal(s.Count, k.Count);
        Assert.Equal(s.Stars.GetDouble(C.VPhi), k.VPhi);
        Assert.Equal(s.Stars.GetDouble(C.ErrVTheta), k.ErrVTheta);
        Assert.All(k.ErrFeh, e => Assert.Equal(0.05, e));
        var rv = s.ToRadialVelocitySample();
        Assert.Equal(s.Stars.GetDouble(C.L), rv.L);
        Assert.Equal(s.Stars.GetDouble(C.ErrVR), rv.ErrVr);
    }

    [Fact]
    public void Where_NeedsAReasonAndAMaskOfTheRightLength()
    {
        var s = Sample();
        Assert.Throws<ArgumentException>(() => s.Where(new bool[s.Count + 1], "x"));
        Assert.Throws<ArgumentException>(() => s.Where(new bool[s.Count], " "));
        var b = s.Stars.GetDouble(C.B);
        var north = s.Where(b.Select(x => x > 0).ToArray(), "north (b > 0)");
        var south = s.Where(b.Select(x => x <= 0).ToArray(), "south (b ≤ 0)");
        Assert.Equal(s.Count, north.Count + south.Count);
        Assert.Contains("north (b &gt; 0)", north.ToHtml());
    }
}
