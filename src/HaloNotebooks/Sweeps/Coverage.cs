using HaloNotebooks.Astrometry;

namespace HaloNotebooks.Sweeps;

/// <summary>A fraction of n trials with its binomial standard error √(f(1 − f)/n).</summary>
public readonly record struct BinomialFraction(int Hits, int Trials)
{
    public double Fraction => Trials == 0 ? double.NaN : (double)Hits / Trials;

    public double Error => Trials == 0 ? double.NaN : Math.Sqrt(Fraction * (1 - Fraction) / Trials);
}

/// <summary>
/// How often one entry's intervals contain the truth over independent realisations (the frequentist check of §3.1's
/// posterior intervals): the 68 % interval is the 16th–84th percentiles, the 95 % the 2.5th–97.5th; the z-score is
/// (median − truth)/σ with σ the half-interval facing the truth, whose mean and rms are 0 and 1 for calibrated errors.
/// </summary>
public sealed record Coverage(string Key, int Table, string Row, string Parameter, double Truth,
    BinomialFraction Within68, BinomialFraction Within95, double ZMean, double ZRms, double MeanSigma)
{
    /// <summary>The coverage of <paramref name="truth"/> by <paramref name="entries"/> (one entry per realisation).</summary>
    public static Coverage Of(IReadOnlyList<SweepEntry> entries, double truth)
    {
        if (entries.Count == 0) throw new ArgumentException("coverage needs at least one realisation");
        var first = entries[0];
        if (first.Parameter == "l_apex") truth = Angles.NearestTurn(truth, entries.Average(e => e.Median));
        var c = OfPairs(first.Key, first.Table, first.Row, first.Parameter, entries.Select(e => (e, truth)).ToList());
        return c with { Truth = truth };
    }

    /// <summary>
    /// The pooled coverage of a set of (entry, its truth) pairs — a whole column of a table over rows and realisations
    /// (<paramref name="row"/> then says which rows), so a column's coverage is known to ≈ √(0.22 / (rows × realisations)).
    /// </summary>
    internal static Coverage OfPairs(string key, int table, string row, string parameter, IReadOnlyList<(SweepEntry Entry, double Truth)> pairs)
    {
        if (pairs.Count == 0) throw new ArgumentException("coverage needs at least one realisation");
        var unwrapped = pairs.Select(p => (p.Entry, Truth: p.Entry.Parameter == "l_apex" ? Angles.NearestTurn(p.Truth, p.Entry.Median) : p.Truth)).ToList();
        int in68 = unwrapped.Count(p => p.Entry.P16 <= p.Truth && p.Truth <= p.Entry.P84);
        int in95 = unwrapped.Count(p => p.Entry.P2_5 <= p.Truth && p.Truth <= p.Entry.P97_5);
        var z = unwrapped.Select(p => p.Entry.ZScore(p.Truth)).Where(double.IsFinite).ToArray();
        double mean = z.Length == 0 ? double.NaN : z.Average();
        double rms = z.Length == 0 ? double.NaN : Math.Sqrt(z.Average(x => x * x));
        return new Coverage(key, table, row, parameter, unwrapped[0].Truth,
            new BinomialFraction(in68, pairs.Count), new BinomialFraction(in95, pairs.Count), mean, rms, pairs.Average(p => p.Entry.Sigma));
    }

    /// <summary>True when the 68 % coverage is outside 68 ± <paramref name="tolerance"/> (percentage points / 100).</summary>
    internal bool OutsideNominal68(double tolerance = 0.05) => Math.Abs(Within68.Fraction - 0.6827) > tolerance;
}

/// <summary>
/// The systematics budget of one entry for one varied setting: the least-squares slope of the median against the
/// setting, averaged over realisations that ran at every value (paired: the same stars at each value), times the step
/// between values, set against the entry's statistical σ at the paper's settings.
/// </summary>
public sealed record Systematic(string Setting, string Key, int Table, string Row, string Parameter, int Realisations,
    double Step, double Slope, double SlopeError, double Sigma, IReadOnlyList<(double Value, double MeanMedian)> Means)
{
    public double ShiftPerStep => Slope * Step;

    public double ShiftPerStepError => SlopeError * Step;

    /// <summary>The shift over the whole range of values tried.</summary>
    internal double ShiftOverRange => Slope * (Means.Max(m => m.Value) - Means.Min(m => m.Value));

    /// <summary>
    /// Slope and its standard error from per-realisation slopes: <paramref name="medians"/>[r][v] is realisation r's
    /// median at <paramref name="values"/>[v] (every realisation has all values).
    /// </summary>
    public static (double Slope, double Error) PairedSlope(IReadOnlyList<double> values, IReadOnlyList<double[]> medians)
    {
        if (values.Count < 2) throw new ArgumentException("a slope needs at least two values of the setting");
        double xMean = values.Average(), sxx = values.Sum(x => (x - xMean) * (x - xMean));
        var slopes = medians.Select(y =>
        {
            double yMean = y.Average();
            return values.Select((x, v) => (x - xMean) * (y[v] - yMean)).Sum() / sxx;
        }).ToArray();
        double mean = slopes.Average();
        double error = slopes.Length < 2 ? double.NaN : Math.Sqrt(slopes.Sum(s => (s - mean) * (s - mean)) / (slopes.Length - 1) / slopes.Length);
        return (mean, error);
    }
}
