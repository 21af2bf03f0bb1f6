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
        var sorted = samples.ToArray();
        Array.Sort(sorted);
        if (double.IsNaN(sorted[^1]) || double.IsNaN(sorted[0])) throw new ArgumentException("samples contain NaN");
        return new(Percentile(sorted, 50), Percentile(sorted, 16), Percentile(sorted, 84));
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
