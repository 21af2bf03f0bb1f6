using HaloNotebooks.Sweeps;
using Xunit;

namespace HaloNotebooks.Tests.Sweeps;

public class SweepPlanTests
{
    static SweepPlan Plan(int realisations = 3, double truthScale = 1, params VariedSetting[] varied) =>
        new(realisations, varied, false, 40, 300, 100, 0.05, 7, truthScale);

    [Fact]
    public void Tasks_AreVariantsTimesRealisationsThenTruthPerVariant_WithPairedSeeds()
    {
        var plan = Plan(3, 1, new VariedSetting("FehMax", [-1.0, -0.85, -0.7]), new VariedSetting("AbsZMin", [1, 2]));
        var variants = plan.Variants();
        // The paper's settings, then each value that differs from the paper's, one setting at a time.
        Assert.Equal(["paper", "FehMax=-1", "FehMax=-0.7", "AbsZMin=1"], variants.Select(v => v.Label));
        var tasks = plan.Tasks();
        Assert.Equal(4 + 4 * 3, tasks.Count);
        Assert.Equal(Enumerable.Range(0, tasks.Count), tasks.Select(t => t.Index));
        Assert.All(tasks.Skip(12), t => Assert.Equal(SweepTask.TruthKind, t.Kind));
        var real = tasks.Where(t => t.Kind == SweepTask.RealisationKind).ToList();
        // A realisation is a new mock: its own seed; the same realisation keeps its seeds in every variant.
        Assert.Equal(3, real.Select(t => t.MockSeed).Distinct().Count());
        foreach (var g in real.GroupBy(t => t.Realisation))
        {
            Assert.Single(g.Select(t => (t.MockSeed, t.SelectionSeed, t.FitSeed)).Distinct());
            Assert.Equal(4, g.Count());
        }
    }

    [Fact]
    public void Variants_Cross_AreEveryCombination()
    {
        var plan = Plan(1, 0, new VariedSetting("FehMax", [-1.0, -0.85]), new VariedSetting("SgrBWidth", [5, 15, 20])) with { Cross = true };
        Assert.Equal(6, plan.Variants().Count);
        Assert.Equal(6, plan.Tasks().Count);   // no truth at TruthScale 0
    }

    [Fact]
    public void Variant_AppliesItsSettings()
    {
        var v = new SweepVariant(1, new Dictionary<string, double> { ["SgrBWidth"] = 5 });
        Assert.Equal(5, v.Apply(HaloNotebooks.Selection.SelectionSettings.Paper).SgrBWidth);
        Assert.Equal(-0.85, v.Apply(HaloNotebooks.Selection.SelectionSettings.Paper).FehMax);
    }

    [Theory]
    [InlineData(0, 40, "--realisations")]
    [InlineData(2, 20, "walkers ≥ 34")]
    public void Validate_RejectsBadPlans_WithOneLine(int realisations, int walkers, string expected)
    {
        var e = Assert.Throws<ArgumentException>(() => (Plan() with { Realisations = realisations, Walkers = walkers }).Validate());
        Assert.Contains(expected, e.Message);
    }

    [Fact]
    public void Validate_NamesTheValidSettings_ForAnUnknownOne()
    {
        var e = Assert.Throws<ArgumentException>(() => Plan(1, 0, new VariedSetting("FehCut", [-1.0])).Validate());
        Assert.Contains("FehMax", e.Message);
    }

    [Fact]
    public void Write_ThenRead_RoundTrips_AndRefusesADifferentPlan()
    {
        var dir = Directory.CreateTempSubdirectory("halo-sweep-plan-").FullName;
        try
        {
            var plan = Plan(2, 1, new VariedSetting("FehMax", [-1.0]));
            plan.Write(dir);
            var read = SweepPlan.Read(dir);
            Assert.Equal(plan.Realisations, read.Realisations);
            Assert.Equal(plan.Varied[0].Values, read.Varied[0].Values);
            Assert.Equal(plan.Tasks(), SweepPlan.ReadTasks(dir));
            plan.Write(dir);   // the same plan again is fine
            Assert.Throws<ArgumentException>(() => (plan with { Realisations = 5 }).Write(dir));
        }
        finally { Directory.Delete(dir, true); }
    }
}
