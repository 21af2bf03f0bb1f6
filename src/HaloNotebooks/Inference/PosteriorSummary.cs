namespace HaloNotebooks.Inference;

/// <summary>
/// Median and 16th / 84th percentiles of a marginal posterior (the paper quotes value +ErrPlus −ErrMinus).
/// Percentiles use numpy's default linear interpolation, so they match the emcee reference bit for bit
/// on the same samples.
/// </summary>
public readonly record struct PosteriorSummary(double Median, double P16, double P84)
{
    public double ErrPlus => P84 - Median;
    public double ErrMinus => Median - P16;
    /// <summary>Half the 16–84 range, the reference's "sigma".</summary>
    public double Sigma => 0.5 * (P84 - P16);

    /// <summary>Summary of a set of samples (NaN-free; the input is not modified).</summary>
    internal static PosteriorSummary FromSamples(ReadOnlySpan<double> samples)
    {
        if (samples.Length == 0) throw new ArgumentException("no samples to summarise");
        foreach (double x in samples) if (double.IsNaN(x)) throw new ArgumentException("samples contain NaN");
        // The two order statistics each percentile interpolates between, found by selection instead of a full sort: the same
        // values (an order statistic does not depend on how it is found), at a fraction of the cost for 60 000 samples.
        var work = samples.ToArray();
        return new(Percentile(work, 50), Percentile(work, 16), Percentile(work, 84));
    }

    /// <summary>numpy.percentile(x, q) with method='linear' on unsorted values (reordered in place).</summary>
    static double Percentile(double[] values, double q)
    {
        double pos = q / 100.0 * (values.Length - 1);
        int lo = (int)Math.Floor(pos);
        if (lo >= values.Length - 1) return Select(values, values.Length - 1);
        double frac = pos - lo;
        double a = Select(values, lo), b = Select(values, lo + 1), diff = b - a;
        return frac >= 0.5 ? b - diff * (1 - frac) : a + diff * frac;
    }

    /// <summary>The k-th smallest value (0-based), by quickselect with a median-of-three pivot (Hoare's FIND); reorders
    /// <paramref name="a"/>.</summary>
    static double Select(double[] a, int k)
    {
        int lo = 0, hi = a.Length - 1;
        while (hi > lo)
        {
            int mid = lo + (hi - lo) / 2;
            double x = a[lo], y = a[mid], z = a[hi];
            double pivot = x < y ? (y < z ? y : x < z ? z : x) : (x < z ? x : y < z ? z : y);
            int i = lo, j = hi;
            while (i <= j)
            {
                while (a[i] < pivot) i++;
                while (a[j] > pivot) j--;
                if (i <= j) { (a[i], a[j]) = (a[j], a[i]); i++; j--; }
            }
            if (k <= j) hi = j;
            else if (k >= i) lo = i;
            else return a[k];
        }
        return a[k];
    }

    /// <summary>numpy.percentile(x, q) with method='linear' on an ascending array.</summary>
    internal static double Percentile(ReadOnlySpan<double> sorted, double q)
    {
        if (sorted.Length == 0) throw new ArgumentException("empty array");
        double pos = q / 100.0 * (sorted.Length - 1);
        int lo = (int)Math.Floor(pos);
        if (lo >= sorted.Length - 1) return sorted[^1];
        double frac = pos - lo;
        // numpy's _lerp: a + (b - a) t, switched to b - (b - a)(1 - t) for t >= 0.5.
        double a = sorted[lo], b = sorted[lo + 1], diff = b - a;
        return frac >= 0.5 ? b - diff * (1 - frac) : a + diff * frac;
    }

    public override string ToString() =>
        FormattableString.Invariant($"{Median:G6} +{ErrPlus:G3} -{ErrMinus:G3}");
}
