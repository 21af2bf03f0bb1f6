namespace HaloNotebooks.Mocks;

/// <summary>
/// The shape of the halo's number of stars per kpc of r_GC, dN/dr, from which true radii are drawn: Table 1's
/// N / (bin width) placed at the bins' geometric centres, joined log-linearly in (ln r, ln dN/dr) and extended
/// with the end slopes. Only the shape inside each bin matters — the counts per bin are set by quotas
/// (<see cref="HaloPopulation"/>) — so a smooth profile is enough.
/// </summary>
internal sealed class RadialProposal
{
    const double LnMin = 0.405465108, LnMax = 5.56068163; // ln 1.5, ln 260 kpc
    const int Grid = 4096;
    readonly double[] lnR = new double[Grid + 1], cdf = new double[Grid + 1];

    internal RadialProposal(MockInputTable table1)
    {
        var rows = Enumerable.Range(0, table1.RowCount)
            .Where(i => !(table1[i, "r_min_kpc"] == table1.Rows.Min(r => r[0]) && table1[i, "r_max_kpc"] == table1.Rows.Max(r => r[1])))
            .OrderBy(i => table1[i, "r_min_kpc"]).ToArray();
        double[] x = rows.Select(i => 0.5 * (Math.Log(table1[i, "r_min_kpc"]) + Math.Log(table1[i, "r_max_kpc"]))).ToArray();
        double[] y = rows.Select(i => Math.Log(table1[i, "N"] / (table1[i, "r_max_kpc"] - table1[i, "r_min_kpc"]))).ToArray();
        double LnDensity(double t)
        {
            int k = t <= x[0] ? 0 : t >= x[^1] ? x.Length - 2 : Array.FindLastIndex(x, v => v <= t);
            k = Math.Clamp(k, 0, x.Length - 2);
            return y[k] + (t - x[k]) * (y[k + 1] - y[k]) / (x[k + 1] - x[k]);
        }
        double step = (LnMax - LnMin) / Grid;
        for (int j = 0; j <= Grid; j++) lnR[j] = LnMin + j * step;
        // dN = (dN/dr) r dln r, trapezoidal on the grid.
        for (int j = 1; j <= Grid; j++)
        {
            double f0 = Math.Exp(LnDensity(lnR[j - 1]) + lnR[j - 1]), f1 = Math.Exp(LnDensity(lnR[j]) + lnR[j]);
            cdf[j] = cdf[j - 1] + 0.5 * (f0 + f1) * step;
        }
    }

    internal static double MinRadius => Math.Exp(LnMin);
    internal static double MaxRadius => Math.Exp(LnMax);

    /// <summary>A radius in [<paramref name="rMin"/>, <paramref name="rMax"/>] from the profile, for a uniform deviate u.</summary>
    public double Sample(double u, double rMin, double rMax)
    {
        double c0 = Cdf(Math.Log(rMin)), c1 = Cdf(Math.Log(rMax));
        double c = c0 + u * (c1 - c0);
        int j = Array.BinarySearch(cdf, c);
        if (j < 0) j = ~j;
        j = Math.Clamp(j, 1, Grid);
        double w = (c - cdf[j - 1]) / (cdf[j] - cdf[j - 1]);
        return Math.Exp(lnR[j - 1] + w * (lnR[j] - lnR[j - 1]));
    }

    double Cdf(double ln)
    {
        if (ln <= LnMin) return 0;
        if (ln >= LnMax) return cdf[Grid];
        double t = (ln - LnMin) / (LnMax - LnMin) * Grid;
        int j = Math.Min((int)t, Grid - 1);
        return cdf[j] + (t - j) * (cdf[j + 1] - cdf[j]);
    }
}
