namespace HaloNotebooks.Mocks;

/// <summary>
/// The §2.3 funnel and the per-bin counts of the final sample as <see cref="SelectionForecast"/> predicts them for a
/// list of mock stars — a transparent restatement of the paper's cuts, independent of Selection/.
/// </summary>
internal sealed class ForecastSummary
{
    /// <summary>Stars remaining after each cut, in the order of §2.3: input, K giants, disc, GC/dwarf, Sagittarius, |δV| &lt; 100, 3-160 kpc.</summary>
    internal required IReadOnlyList<(ForecastCut Cut, int Remaining)> Funnel { get; init; }
    /// <summary>Survivors per Table 1 bin of observed r_GC (bins in Table 1 order, all-stars row excluded).</summary>
    internal required IReadOnlyList<(double RMin, double RMax, int Count, double TableN)> Bins { get; init; }

    internal int Remaining(ForecastCut after) => Funnel.First(f => f.Cut == after).Remaining;

    public static ForecastSummary Of(IReadOnlyList<MockStar> stars, MockInputTable table1)
    {
        var funnel = new List<(ForecastCut, int)> { (ForecastCut.None, stars.Count) };
        int remaining = stars.Count;
        foreach (var cut in new[] { ForecastCut.KGiant, ForecastCut.Disc, ForecastCut.Substructure, ForecastCut.Sagittarius,
            ForecastCut.VelocityError, ForecastCut.RadialRange })
        {
            remaining -= stars.Count(s => s.Forecast == cut);
            funnel.Add((cut, remaining));
        }
        double all0 = table1.Rows.Min(r => r[0]), all1 = table1.Rows.Max(r => r[1]);
        var bins = Enumerable.Range(0, table1.RowCount)
            .Where(i => !(table1[i, "r_min_kpc"] == all0 && table1[i, "r_max_kpc"] == all1))
            .Select(i =>
            {
                double a = table1[i, "r_min_kpc"], b = table1[i, "r_max_kpc"];
                return (a, b, stars.Count(s => s.Forecast == ForecastCut.None && s.RGcObs >= a && s.RGcObs < b), table1[i, "N"]);
            }).ToList();
        return new ForecastSummary { Funnel = funnel, Bins = bins };
    }
}
