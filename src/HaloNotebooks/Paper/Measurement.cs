using System.Globalization;

namespace HaloNotebooks.Paper;

/// <summary>
/// One table entry as the paper prints it: a value with asymmetric 1σ errors, value^{+ErrPlus}_{−ErrMinus}
/// (both errors positive). From a posterior: the median with the 84th − median and median − 16th percentile gaps.
/// </summary>
public readonly record struct Measurement(double Value, double ErrPlus, double ErrMinus)
{
    /// <summary>16th percentile.</summary>
    public double P16 => Value - ErrMinus;

    /// <summary>84th percentile.</summary>
    public double P84 => Value + ErrPlus;

    /// <summary>The symmetric 1σ, (p84 − p16) / 2.</summary>
    public double Sigma => 0.5 * (ErrPlus + ErrMinus);

    /// <summary>An exact value (a mock's truth): no error.</summary>
    internal static Measurement Exact(double value) => new(value, 0, 0);

    /// <summary>Median and 16th/84th percentiles of <paramref name="samples"/> (linear interpolation, as numpy).</summary>
    internal static Measurement FromSamples(ReadOnlySpan<double> samples)
    {
        if (samples.Length == 0) throw new ArgumentException("no samples to summarise");
        var sorted = samples.ToArray();
        Array.Sort(sorted);
        double p16 = Percentile(sorted, 16), p50 = Percentile(sorted, 50), p84 = Percentile(sorted, 84);
        return new(p50, p84 - p50, p50 - p16);
    }

    /// <summary>From a median and the 16th/84th percentiles.</summary>
    public static Measurement FromPercentiles(double median, double p16, double p84) => new(median, p84 - median, median - p16);

    /// <summary>The q-th percentile (0–100) of sorted data, linear interpolation between order statistics (numpy default).</summary>
    internal static double Percentile(ReadOnlySpan<double> sorted, double q)
    {
        if (sorted.Length == 0) throw new ArgumentException("no data");
        double pos = q / 100.0 * (sorted.Length - 1);
        int lo = (int)Math.Floor(pos);
        int hi = Math.Min(lo + 1, sorted.Length - 1);
        return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
    }

    /// <summary>
    /// (this − other) in units of the combined 1σ, using on each side the error that faces the other value
    /// (the paper's errors are asymmetric). Exact values contribute no error; 0/0 gives 0, x/0 gives ±∞.
    /// </summary>
    public double DifferenceInSigma(Measurement other)
    {
        double d = Value - other.Value;
        if (d == 0) return 0;
        double mine = d > 0 ? ErrMinus : ErrPlus;
        double theirs = d > 0 ? other.ErrPlus : other.ErrMinus;
        double combined = Math.Sqrt(mine * mine + theirs * theirs);
        return combined > 0 ? d / combined : (d > 0 ? double.PositiveInfinity : double.NegativeInfinity);
    }

    /// <summary>"v +a -b" with <paramref name="decimals"/> places.</summary>
    public string Format(int decimals) =>
        string.Create(CultureInfo.InvariantCulture, $"{Round(Value, decimals)} +{Round(ErrPlus, decimals)} -{Round(ErrMinus, decimals)}");

    /// <summary>LaTeX as the paper prints it: $v^{+a}_{-b}$.</summary>
    internal string ToLatex(int decimals) =>
        string.Create(CultureInfo.InvariantCulture, $"${Round(Value, decimals)}^{{+{Round(ErrPlus, decimals)}}}_{{-{Round(ErrMinus, decimals)}}}$");

    /// <summary>HTML: v<sup>+a</sup><sub>−b</sub> with at least <paramref name="decimals"/> places and enough to show the
    /// smaller error's first significant digit (never "0.3<sup>+0.0</sup>"); an exact value prints alone.</summary>
    public string ToHtml(int decimals)
    {
        int d = DecimalsFor(decimals);
        return IsExact ? Round(Value, d)
            : string.Create(CultureInfo.InvariantCulture, $"{Round(Value, d)}<sup>+{Round(ErrPlus, d)}</sup><sub>&minus;{Round(ErrMinus, d)}</sub>");
    }

    /// <summary>True for a value without error (a mock's truth).</summary>
    internal bool IsExact => ErrPlus == 0 && ErrMinus == 0;

    /// <summary>Places that show the smaller non-zero error to one significant digit, at least <paramref name="minimum"/>
    /// (a column's usual precision) and at most 4.</summary>
    internal int DecimalsFor(int minimum)
    {
        double e = Math.Min(ErrPlus > 0 ? ErrPlus : double.PositiveInfinity, ErrMinus > 0 ? ErrMinus : double.PositiveInfinity);
        if (!double.IsFinite(e)) return minimum;
        return Math.Clamp(-(int)Math.Floor(Math.Log10(e)), minimum, Math.Max(minimum, 4));
    }

    public override string ToString() => Format(3);

    internal static string Round(double x, int decimals) =>
        double.IsFinite(x) ? x.ToString("F" + decimals, CultureInfo.InvariantCulture) : "nan";
}
