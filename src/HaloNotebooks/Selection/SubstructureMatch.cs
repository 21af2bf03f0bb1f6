using HaloNotebooks.Astrometry;

namespace HaloNotebooks.Selection;

/// <summary>
/// Membership of stars in known substructures (§2.3): a star is a member of a cluster or dwarf when it lies within
/// the match radius on the sky AND agrees with it in distance, proper motion and line-of-sight velocity to within
/// n combined standard deviations (each criterion applied only where both the star and the substructure have it).
/// The paper cross-matches with the member lists of Baumgardt &amp; Vasiliev (2021) and Pace et al. (2022); a
/// phase-space match is what can be done from the published systemic properties alone.
/// </summary>
internal static class SubstructureMatch
{
    /// <summary>Columns a member test reads (all per star; errors may be NaN = unknown, treated as 0).</summary>
    public readonly record struct Stars(
        double[] Ra, double[] Dec, double[] Distance, double[] DistanceErr,
        double[] Pmra, double[] Pmdec, double[] PmraErr, double[] PmdecErr, double[] Rv, double[] RvErr);

    /// <summary>Per star: index into <paramref name="items"/> of the first substructure it belongs to, or −1.</summary>
    internal static int[] FirstMember(in Stars s, IReadOnlyList<Substructure> items, double radiusScale, double nSigma, int? maxDegreeOfParallelism = null)
    {
        int n = s.Ra.Length;
        var unit = new double[3 * n];
        for (int i = 0; i < n; i++) UnitVector(s.Ra[i], s.Dec[i], unit.AsSpan(3 * i, 3));
        var centres = new double[3 * items.Count];
        var cosRadius = new double[items.Count];
        for (int k = 0; k < items.Count; k++)
        {
            UnitVector(items[k].Ra, items[k].Dec, centres.AsSpan(3 * k, 3));
            cosRadius[k] = Math.Cos(Angles.ToRadians(Math.Min(180, items[k].RadiusDeg * radiusScale)));
        }
        var member = new int[n];
        var stars = s;
        double n2 = nSigma * nSigma;
        var options = new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism ?? -1 };
        Parallel.For(0, n, options, i =>
        {
            member[i] = -1;
            double ux = unit[3 * i], uy = unit[3 * i + 1], uz = unit[3 * i + 2];
            for (int k = 0; k < items.Count; k++)
            {
                double dot = ux * centres[3 * k] + uy * centres[3 * k + 1] + uz * centres[3 * k + 2];
                if (!(dot >= cosRadius[k])) continue;               // outside the match radius (or NaN position)
                if (Agrees(stars, i, items[k], n2)) { member[i] = k; break; }
            }
        });
        return member;
    }

    static bool Agrees(in Stars s, int i, Substructure c, double n2)
    {
        if (double.IsFinite(c.Distance) && double.IsFinite(s.Distance[i]))
        {
            double var = Sq0(c.DistanceErr) + Sq0(s.DistanceErr[i]);
            if (Sq(s.Distance[i] - c.Distance) >= n2 * var) return false;
        }
        if (double.IsFinite(c.Pmra) && double.IsFinite(c.Pmdec) && double.IsFinite(s.Pmra[i]) && double.IsFinite(s.Pmdec[i]))
        {
            // χ² of the two proper-motion components (correlation neglected) against n² (2 degrees of freedom).
            double chi2 = Sq(s.Pmra[i] - c.Pmra) / (Sq0(c.PmErr) + Sq0(s.PmraErr[i]))
                        + Sq(s.Pmdec[i] - c.Pmdec) / (Sq0(c.PmErr) + Sq0(s.PmdecErr[i]));
            if (!(chi2 < n2)) return false;
        }
        if (double.IsFinite(c.Rv) && double.IsFinite(s.Rv[i]))
        {
            double var = Sq0(c.RvErr) + Sq0(s.RvErr[i]);
            if (Sq(s.Rv[i] - c.Rv) >= n2 * var) return false;
        }
        return true;
    }

    static double Sq(double x) => x * x;
    static double Sq0(double x) => double.IsFinite(x) ? x * x : 0;

    static void UnitVector(double raDeg, double decDeg, Span<double> u)
    {
        double a = Angles.ToRadians(raDeg), d = Angles.ToRadians(decDeg);
        u[0] = Math.Cos(d) * Math.Cos(a); u[1] = Math.Cos(d) * Math.Sin(a); u[2] = Math.Sin(d);
    }
}
