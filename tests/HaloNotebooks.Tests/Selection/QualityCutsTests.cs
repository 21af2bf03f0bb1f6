using HaloNotebooks.Catalogs;
using HaloNotebooks.Selection;
using Xunit;
using C = HaloNotebooks.Catalogs.CanonicalColumns;

namespace HaloNotebooks.Tests.Selection;

public class QualityCutsTests
{
    static readonly SelectionSettings On = SelectionSettings.Paper;

    /// <summary>Eight rows: clean, failed, warned, galaxy, repeat, and three sharing one Gaia source (the PRIMARY one
    /// last with the largest RV error), one with SOURCE_ID 0 (no Gaia match) twice.</summary>
    static StarTable Flagged() => StarTable.FromColumns(
    [
        (C.TargetId, new long[] { 1, 2, 3, 4, 1, 6, 7, 8, 9, 10 }),
        (C.SourceId, new long[] { 11, 12, 13, 14, 11, 50, 50, 50, 0, 0 }),
        (C.RvSuccess, new[] { true, false, true, true, true, true, true, true, true, true }),
        (C.RvsWarn, new long[] { 0, 0, 8, 0, 0, 0, 0, 0, 0, 0 }),
        (C.RrSpectype, new[] { "STAR", "STAR", "STAR", "GALAXY", "STAR", "STAR", "STAR", "STAR", "STAR", "STAR" }),
        (C.Primary, new[] { true, true, true, true, false, true, true, true, true, true }),
        (C.RvErr, new[] { 1.0, 1, 1, 1, 1, 2, 1, 5, 1, 1 }),
    ]);

    static (StarTable Kept, Funnel Funnel) Apply(StarTable t, SelectionSettings s) => Funnel.Apply(t, QualityCuts.All(s));

    [Fact]
    public void EachFlaggedRow_IsRemovedByItsNamedCut_AndCounted()
    {
        var (kept, funnel) = Apply(Flagged(), On);
        Assert.Equal(new string?[]
            {null, "DESI: SUCCESS", "DESI: RVS_WARN = 0", "DESI: RR_SPECTYPE = STAR", "DESI: PRIMARY", "Gaia SOURCE_ID: one row", null,
             "Gaia SOURCE_ID: one row", null, null}.AsEnumerable(),
            funnel.RemovedBy);
        Assert.Equal(new long[] { 1, 7, 9, 10 }, kept.GetInt64(C.TargetId));
        Assert.All(funnel.Steps.Take(5), s => Assert.StartsWith(QualityCuts.Reason, s.Wording));
        Assert.Equal(2, funnel.Steps.Single(s => s.Cut == "Gaia SOURCE_ID: one row").Removed);
    }

    [Fact]
    public void SharedGaiaSource_KeepsThePrimaryRow_BeforeTheSmallerRvError()
    {
        // With the PRIMARY cut switched off, the repeat (PRIMARY = false, same source as row 0) reaches the source cut: the
        // PRIMARY row 0 wins although both have the same error; among rows 5–7 (all PRIMARY) the smallest error wins.
        var (_, funnel) = Apply(Flagged(), On with { RequirePrimary = false });
        var removed = funnel.RemovedBy;
        Assert.Null(removed[0]);
        Assert.Equal("Gaia SOURCE_ID: one row", removed[4]);
        Assert.Contains("switched off", funnel.Steps.Single(s => s.Cut == "DESI: PRIMARY").Wording);
        var t = Flagged();
        var primary = t.GetBool(C.Primary);
        primary[0] = false; primary[4] = true;   // now the later row is the PRIMARY one
        (_, funnel) = Apply(t.WithColumn(C.Primary, primary), On with { RequirePrimary = false });
        Assert.Equal("Gaia SOURCE_ID: one row", funnel.RemovedBy[0]);
        Assert.Null(funnel.RemovedBy[4]);
    }

    [Fact]
    public void AbsentColumns_AreNotApplied_AndSaySo()
    {
        var t = Flagged().WithoutColumns(C.RrSpectype, C.RvsWarn);
        var (kept, funnel) = Apply(t, On);
        foreach (var cut in new[] { "DESI: RR_SPECTYPE = STAR", "DESI: RVS_WARN = 0", "distances: ID found", "distances: one row per ID" })
        {
            var step = funnel.Steps.Single(s => s.Cut == cut);
            Assert.Equal(0, step.Removed);
            Assert.Contains("not applied: column absent", step.Wording);
        }
        Assert.Contains(4L, kept.GetInt64(C.TargetId));   // the galaxy and the warned fit stay: nothing to cut them on
        Assert.Contains(3L, kept.GetInt64(C.TargetId));
    }

    [Fact]
    public void EveryCut_CanBeSwitchedOffByName()
    {
        var off =
            On.With(["RequireRvSuccess=false", "RequireNoRvsWarn=false", "RequireStarSpectype=false", "RequirePrimary=false", "OneRowPerGaiaSource=false"]);
        var (kept, funnel) = Apply(Flagged(), off);
        Assert.Equal(10, kept.RowCount);
        Assert.All(funnel.Steps.Take(5), s => Assert.Contains("switched off", s.Wording));
    }

    [Fact]
    public void MissingFlags_AreNotClean()
    {
        var t = StarTable.FromColumns([(C.TargetId, new long[] { 1, 2 })])
            .WithColumn(C.RvsWarn, new long[] { 0, 0 }, [false, true])
            .WithColumn(C.RvSuccess, new[] { true, true }, [false, false]);
        var (kept, funnel) = Apply(t, On);
        Assert.Equal(new long[] { 1 }, kept.GetInt64(C.TargetId));
        Assert.Equal("DESI: RVS_WARN = 0", funnel.RemovedBy[1]);
    }
}
