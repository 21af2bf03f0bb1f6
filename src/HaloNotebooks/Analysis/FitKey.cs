using System.Globalization;
using HaloNotebooks.Numerics;

namespace HaloNotebooks.Analysis;

/// <summary>
/// The name of one fit of the analysis, from which its sampler seed is derived: the stage (the table or equation it
/// fills: "table1", "table2", "table3", "eq7", "appendix_a"), the model, the radial bin (−1 = every star of the range,
/// the tables' first row) and, for Appendix A, the distance-error level. The seed depends on this name and the run's
/// seed only, so a fit keeps its seed whichever other fits run beside it and whatever the thread count.
/// </summary>
public readonly record struct FitKey(string Stage, FitModel Model, int Bin, int Level = 0)
{
    /// <summary>The bin index of the all-stars fit.</summary>
    public const int AllStars = -1;

    /// <summary>The sampler seed of this fit in a run with seed <paramref name="runSeed"/>.</summary>
    public long Seed(long runSeed) => SeededRandom.DeriveSeed(runSeed, ToString());

    /// <summary>e.g. "table2/double/all", "table3/dipole/bin 1", "appendix_a/double/bin 0/level 2".</summary>
    public override string ToString() =>
        $"{Stage}/{Model.Name}/{(Bin == AllStars ? "all" : "bin " + Bin.ToString(CultureInfo.InvariantCulture))}"
        + (Level == 0 ? "" : "/level " + Level.ToString(CultureInfo.InvariantCulture));
}
