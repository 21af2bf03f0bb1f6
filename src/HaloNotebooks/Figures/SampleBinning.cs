namespace HaloNotebooks.Figures;

/// <summary>
/// Histograms and credible regions computed in C#, so a figure carries a few thousand binned
/// numbers instead of the posterior samples (100 walkers × thousands of steps per parameter).
/// </summary>
internal static class SampleBinning
{
    /// <summary>Counts of <paramref name="x"/> in <paramref name="bins"/> equal bins over [lo, hi]; values outside are ignored.</summary>
    public static double[] Histogram(ReadOnlySpan<double> x, double lo, double hi, int bins)
    {
        var h = new double[bins];
        double scale = bins / (hi - lo);
        foreach (var v in x)
        {
            if (!(v >= lo && v <= hi)) continue;
            int i = Math.Min((int)((v - lo) * scale), bins - 1);
            h[i]++;
        }
        return h;
    }

    /// <summary>2-D counts, indexed [iy, ix].</summary>
    internal static double[,] Histogram2D(ReadOnlySpan<double> x, ReadOnlySpan<double> y,
        (double Lo, double Hi) xr, (double Lo, double Hi) yr, int bins)
    {
        var h = new double[bins, bins];
        double sx = bins / (xr.Hi - xr.Lo), sy = bins / (yr.Hi - yr.Lo);
        for (int k = 0; k < x.Length; k++)
        {
            double u = x[k], v = y[k];
            if (!(u >= xr.Lo && u <= xr.Hi && v >= yr.Lo && v <= yr.Hi)) continue;
            int ix = Math.Min((int)((u - xr.Lo) * sx), bins - 1), iy = Math.Min((int)((v - yr.Lo) * sy), bins - 1);
            h[iy, ix]++;
        }
        return h;
    }

    /// <summary>Separable Gaussian smoothing with σ in bins (corner.py's <c>smooth</c>); σ ≤ 0 returns a copy.</summary>
    internal static double[,] Smooth(double[,] h, double sigmaBins)
    {
        int ny = h.GetLength(0), nx = h.GetLength(1);
        var result = (double[,])h.Clone();
        if (sigmaBins <= 0) return result;
        int r = (int)Math.Ceiling(3 * sigmaBins);
        var kernel = new double[2 * r + 1];
        for (int k = -r; k <= r; k++) kernel[k + r] = Math.Exp(-0.5 * k * k / (sigmaBins * sigmaBins));
        double norm = kernel.Sum();
        for (int k = 0; k < kernel.Length; k++) kernel[k] /= norm;
        var tmp = new double[ny, nx];
        for (int iy = 0; iy < ny; iy++)
            for (int ix = 0; ix < nx; ix++)
            {
                double s = 0;
                for (int k = -r; k <= r; k++) { int j = ix + k; if (j >= 0 && j < nx) s += kernel[k + r] * h[iy, j]; }
                tmp[iy, ix] = s;
            }
        for (int iy = 0; iy < ny; iy++)
            for (int ix = 0; ix < nx; ix++)
            {
                double s = 0;
                for (int k = -r; k <= r; k++) { int j = iy + k; if (j >= 0 && j < ny) s += kernel[k + r] * tmp[j, ix]; }
                result[iy, ix] = s;
            }
        return result;
    }

    /// <summary>
    /// For each bin, the fraction of the total mass held by bins at least as dense as it: the
    /// smallest highest-density region containing that bin. A level ℓ region (corner.py's
    /// <c>levels</c>) is the set of bins with enclosed mass ≤ ℓ.
    /// </summary>
    internal static double[,] EnclosedMass(double[,] h)
    {
        int ny = h.GetLength(0), nx = h.GetLength(1);
        var flat = new (double Value, int Index)[ny * nx];
        double total = 0;
        for (int iy = 0; iy < ny; iy++)
            for (int ix = 0; ix < nx; ix++) { flat[iy * nx + ix] = (h[iy, ix], iy * nx + ix); total += h[iy, ix]; }
        var result = new double[ny, nx];
        if (total <= 0) { for (int i = 0; i < flat.Length; i++) result[i / nx, i % nx] = 1; return result; }
        Array.Sort(flat, (a, b) => b.Value.CompareTo(a.Value));
        double cumulative = 0;
        for (int i = 0; i < flat.Length;)
        {
            // Ties share the enclosed mass of the whole tie group.
            int j = i;
            double groupMass = 0;
            while (j < flat.Length && flat[j].Value == flat[i].Value) { groupMass += flat[j].Value; j++; }
            cumulative += groupMass;
            double enclosed = flat[i].Value > 0 ? cumulative / total : 1;
            for (int k = i; k < j; k++) result[flat[k].Index / nx, flat[k].Index % nx] = enclosed;
            i = j;
        }
        return result;
    }

    /// <summary>Quantile of a sorted array with linear interpolation (numpy's default).</summary>
    internal static double Quantile(double[] sorted, double q)
    {
        if (sorted.Length == 0) return double.NaN;
        double pos = q * (sorted.Length - 1);
        int lo = (int)Math.Floor(pos), hi = Math.Min(lo + 1, sorted.Length - 1);
        return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
    }

    /// <summary>The finite values, sorted.</summary>
    internal static double[] SortedFinite(IReadOnlyList<double> values)
    {
        var sorted = values.Where(double.IsFinite).ToArray();
        Array.Sort(sorted);
        return sorted;
    }
}
