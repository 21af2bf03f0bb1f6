using Xunit;
using HaloNotebooks.Catalogs;
using HaloNotebooks.Numerics;
using HaloNotebooks.Selection;

namespace HaloNotebooks.Tests.Selection;

public class FunnelTests
{
    static StarTable RandomTable(int n, long seed)
    {
        var a = new double[n]; var b = new double[n]; var c = new double[n];
        for (int i = 0; i < n; i++)
        {
            var rng = new SeededRandom(seed, i);
            a[i] = rng.NextDouble(); b[i] = rng.NextDouble(); c[i] = i % 17 == 0 ? double.NaN : rng.NextDouble();
        }
        return StarTable.FromColumns([("a", a), ("b", b), ("c", c), ("row", Enumerable.Range(0, n).Select(i => (long)i).ToArray())]);
    }

    static readonly Cut[] Cuts =
    [
        Cut.Between("a < 0.7", "test", "a", double.NegativeInfinity, 0.7, []),
        Cut.Between("b > 0.2", "test", "b", 0.2, double.PositiveInfinity, []),
        Cut.Between("c in (0.1, 0.9)", "test", "c", 0.1, 0.9, []),
    ];

    [Fact]
    public void Funnel_AccountsForEveryRemovedStar()
    {
        var table = RandomTable(5000, 7);
        var (kept, funnel) = Funnel.Apply(table, Cuts);

        Assert.Equal(5000, funnel.InputCount);
        Assert.Equal(kept.RowCount, funnel.FinalCount);
        // Steps chain: each step's input is the previous step's output; removals add up.
        Assert.Equal(5000, funnel.Steps[0].In);
        for (int k = 1; k < funnel.Steps.Count; k++) Assert.Equal(funnel.Steps[k - 1].Kept, funnel.Steps[k].In);
        Assert.Equal(5000 - kept.RowCount, funnel.Steps.Sum(s => s.Removed));

        // Every input row is either a survivor (null) or attributed to the FIRST cut it fails, computed here independently.
        var a = table.GetDouble("a"); var b = table.GetDouble("b"); var c = table.GetDouble("c");
        var removedBy = funnel.RemovedBy;
        var survivors = kept.GetInt64("row").ToHashSet();
        for (int i = 0; i < 5000; i++)
        {
            string? expected = !(a[i] < 0.7) ? "a < 0.7" : !(b[i] > 0.2) ? "b > 0.2" : !(c[i] > 0.1 && c[i] < 0.9) ? "c in (0.1, 0.9)" : null;
            Assert.Equal(expected, removedBy[i]);
            Assert.Equal(expected is null, survivors.Contains(i));
        }
        foreach (var s in funnel.Steps) Assert.Equal(s.Removed, funnel.RowsRemovedBy(s.Cut).Length);
        // NaN in c is removed by the cut that reads c, not silently dropped.
        Assert.Contains(funnel.RowsRemovedBy("c in (0.1, 0.9)"), r => double.IsNaN(c[r]));
    }

    [Fact]
    public void Builder_DerivedColumnsAndRowMapping_FollowTheSurvivors()
    {
        var table = RandomTable(200, 3);
        var builder = new FunnelBuilder(table).Apply(Cuts[0]);
        builder.Derive(t => t.WithColumn("twice_row", t.GetInt64("row").Select(r => 2.0 * r).ToArray()));
        builder.Apply(Cuts[1]);
        var rows = builder.SurvivorInputRows();
        var twice = builder.Current.GetDouble("twice_row");
        for (int i = 0; i < rows.Length; i++) Assert.Equal(2.0 * rows[i], twice[i]);
        Assert.Throws<InvalidOperationException>(() => builder.Derive(t => t.Where(new bool[t.RowCount])));
        Assert.Throws<ArgumentException>(() => builder.Apply(Cuts[0]));   // names are unique within a funnel
    }

    [Fact]
    public void Rendering_ShowsEveryCutWithItsCounts()
    {
        var (_, funnel) = Funnel.Apply(RandomTable(1000, 11), Cuts);
        var html = funnel.ToHtml();
        foreach (var s in funnel.Steps)
        {
            Assert.Contains(System.Net.WebUtility.HtmlEncode(s.Cut), html);
            Assert.Contains(s.Kept.ToString("N0", System.Globalization.CultureInfo.InvariantCulture), html);
        }
        var rows = funnel.Rows();
        Assert.Equal(3, rows.Count);
        Assert.All(rows, r => Assert.Equal(Funnel.Header.Count, r.Length));
        Assert.Equal(funnel.Steps[1].Removed.ToString("N0", System.Globalization.CultureInfo.InvariantCulture), rows[1][6]);
        Assert.Contains("| b > 0.2 |", funnel.ToMarkdown());
    }

    [Theory]
    [InlineData(typeof(Funnel))]
    [InlineData(typeof(HaloSample))]
    [InlineData(typeof(SelectionReport))]
    [InlineData(typeof(SubstructureCatalog))]
    public void ResultTypes_RenderInNotebooks(Type type)
    {
        // The kernel finds the formatter by the attribute's name (DESIGN.md, "Notebooks, display and the kernel").
        Assert.Contains(type.GetCustomAttributes(false), a => a.GetType().Name == "TypeFormatterSourceAttribute");
        Assert.True(typeof(HaloNotebooks.Display.IHtmlDisplay).IsAssignableFrom(type));
    }

    [Fact]
    public void Cut_ReturningWrongLength_IsAnError()
    {
        var bad = new Cut("bad", "test", [], t => new bool[t.RowCount + 1]);
        var e = Assert.Throws<InvalidOperationException>(() => Funnel.Apply(RandomTable(10, 1), [bad]));
        Assert.Contains("bad", e.Message);
    }
}
