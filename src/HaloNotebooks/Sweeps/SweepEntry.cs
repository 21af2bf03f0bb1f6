using System.Globalization;

namespace HaloNotebooks.Sweeps;

/// <summary>
/// One entry of Tables 1–3 from one task: the posterior median and the 2.5/16/84/97.5th percentiles (a truth task fills
/// the median only). <see cref="Key"/> names the entry across tasks: table, component, radial range, parameter.
/// </summary>
public sealed record SweepEntry(int Table, string? Component, double RMin, double RMax, string Parameter, int N,
    double Median, double P2_5, double P16, double P84, double P97_5)
{
    /// <summary>"table2 MR [3, 9) p_mr".</summary>
    public string Key => string.Create(CultureInfo.InvariantCulture, $"table{Table} {Row} {Parameter}");

    /// <summary>"MR [3, 9)" as TableRow.Label prints it.</summary>
    public string Row => (Component is null ? "" : Component + " ") + string.Create(CultureInfo.InvariantCulture, $"[{RMin:0.###}, {RMax:0.###})");

    /// <summary>(median − truth) / σ, with σ the half-interval facing the truth (84th − median above, median − 16th below).</summary>
    internal double ZScore(double truth)
    {
        double sigma = truth >= Median ? P84 - Median : Median - P16;
        return (Median - truth) / sigma;
    }

    /// <summary>Half the 16–84% width: the statistical σ of the entry.</summary>
    public double Sigma => 0.5 * (P84 - P16);
}

/// <summary>What one task wrote into DIR/tasks/I.json: its entries, wall time, peak memory and selected sample sizes.</summary>
public sealed record SweepTaskResult(int Index, string Kind, int Variant, int Realisation, double Seconds, double PeakMemoryMb,
    int Stars, int DipoleStars, IReadOnlyList<SweepEntry> Entries, string Host);
