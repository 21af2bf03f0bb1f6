namespace HaloNotebooks.Mocks;

/// <summary>The moments of one halo population at one point: the Gaussian the mock draws a star from.</summary>
public readonly record struct PopulationMoments(double Vr, double VPhi, double VTheta, double SigmaR, double SigmaPhi, double SigmaTheta,
                                                double FehMean, double FehSigma);

/// <summary>
/// The halo's kinematic and chemical inputs, read from the paper: Table 2's per-bin means and dispersions
/// of the metal-rich (MR) and metal-poor (MP) components and p_MR, interpolated linearly in ln r_GC between
/// the bins' geometric centres (held constant beyond the first and last centre); beyond 50 kpc the mean V_r
/// is the dipole + contraction field of Table 3 (Eq. 6, parameters of the 50-60, 60-80 and 80-120 kpc rows,
/// interpolated the same way) and the mean V_θ is Eq. 7, ⟨V_θ⟩ = (π/4) μ_dipole sin b_apex.
/// </summary>
public sealed class HaloVelocityField
{
    /// <summary>Where the LMC-induced field takes over the mean V_r and V_θ (§4.4: r_GC &gt; 50 kpc).</summary>
    public const double DipoleRadius = 50.0;

    readonly double[] lnCentres;            // Table 2 bins (3-160 row excluded)
    readonly PopulationMoments[] mr, mp;
    readonly double[] pMr;
    readonly double[] dipoleLnCentres;      // Table 3 sub-bins (50-120 row excluded)
    readonly double[] muCompr, muDipole, lApex, bApex;

    /// <summary>The default mock's field: the calibrated halo inputs (<see cref="MockInputTables.CalibratedHalo"/>) and Table 3.</summary>
    public HaloVelocityField() : this(MockInputTables.CalibratedHalo, MockInputTables.Table3) { }

    public HaloVelocityField(MockInputTable table2, MockInputTable table3)
    {
        int[] mrRows = BinRows(table2, "MR"), mpRows = BinRows(table2, "MP");
        if (mrRows.Length != mpRows.Length) throw new ArgumentException("Table 2 needs the same radial bins for MR and MP");
        lnCentres = mrRows.Select(i => LnCentre(table2, i)).ToArray();
        mr = mrRows.Select(i => Moments(table2, i)).ToArray();
        mp = mpRows.Select(i => Moments(table2, i)).ToArray();
        pMr = mrRows.Select(i => table2[i, "p_mr"]).ToArray();
        int[] dRows = BinRows(table3, null);
        dipoleLnCentres = dRows.Select(i => LnCentre(table3, i)).ToArray();
        muCompr = dRows.Select(i => table3[i, "mu_compr"]).ToArray();
        muDipole = dRows.Select(i => table3[i, "mu_dipole"]).ToArray();
        lApex = dRows.Select(i => table3[i, "l_apex_deg"]).ToArray();
        bApex = dRows.Select(i => table3[i, "b_apex_deg"]).ToArray();
    }

    /// <summary>The bins of a table: every row but the all-radii one (the row whose range contains all others).</summary>
    static int[] BinRows(MockInputTable t, string? label)
    {
        var rows = t.RowsLabelled(label);
        double lo = rows.Min(i => t[i, "r_min_kpc"]), hi = rows.Max(i => t[i, "r_max_kpc"]);
        return rows.Where(i => !(t[i, "r_min_kpc"] == lo && t[i, "r_max_kpc"] == hi)).OrderBy(i => t[i, "r_min_kpc"]).ToArray();
    }

    static double LnCentre(MockInputTable t, int i) => 0.5 * (Math.Log(t[i, "r_min_kpc"]) + Math.Log(t[i, "r_max_kpc"]));

    static PopulationMoments Moments(MockInputTable t, int i) =>
        new(t[i, "Vr"], t[i, "Vphi"], t[i, "Vtheta"], t[i, "sigma_r"], t[i, "sigma_phi"], t[i, "sigma_theta"], t[i, "feh_mean"], t[i, "feh_sigma"]);

    /// <summary>The fraction of metal-rich stars at r_GC (Table 2 p_MR).</summary>
    public double MetalRichFraction(double rGc) => Interpolate(lnCentres, pMr, Math.Log(rGc));

    /// <summary>The Table 2 moments of the MR (<paramref name="metalRich"/>) or MP component at r_GC, before the dipole field.</summary>
    public PopulationMoments Table2Moments(bool metalRich, double rGc)
    {
        var m = metalRich ? mr : mp;
        double x = Math.Log(rGc);
        var (k, w) = Bracket(lnCentres, x);
        PopulationMoments a = m[k], b = m[Math.Min(k + 1, m.Length - 1)];
        double L(double p, double q) => p + w * (q - p);
        return new(L(a.Vr, b.Vr), L(a.VPhi, b.VPhi), L(a.VTheta, b.VTheta), L(a.SigmaR, b.SigmaR), L(a.SigmaPhi, b.SigmaPhi),
                   L(a.SigmaTheta, b.SigmaTheta), L(a.FehMean, b.FehMean), L(a.FehSigma, b.FehSigma));
    }

    /// <summary>Table 3 parameters (μ_compr, μ_dipole, l_apex, b_apex; km/s and deg) at r_GC, interpolated in ln r.</summary>
    public (double MuCompr, double MuDipole, double LApex, double BApex) DipoleParameters(double rGc)
    {
        double x = Math.Log(rGc);
        return (Interpolate(dipoleLnCentres, muCompr, x), Interpolate(dipoleLnCentres, muDipole, x),
                Interpolate(dipoleLnCentres, lApex, x), Interpolate(dipoleLnCentres, bApex, x));
    }

    /// <summary>
    /// The moments a star of the MR or MP component is drawn from at r_GC and Galactic (l, b): Table 2, with the
    /// mean V_r replaced by Eq. 6 and the mean V_θ by Eq. 7 beyond <see cref="DipoleRadius"/>.
    /// </summary>
    public PopulationMoments MomentsAt(bool metalRich, double rGc, double l, double b)
    {
        var m = Table2Moments(metalRich, rGc);
        if (rGc <= DipoleRadius) return m;
        var (compr, dipole, la, ba) = DipoleParameters(rGc);
        const double Deg = Math.PI / 180.0;
        double cosTheta = Math.Sin(b * Deg) * Math.Sin(ba * Deg) + Math.Cos(b * Deg) * Math.Cos(ba * Deg) * Math.Cos((l - la) * Deg);
        return m with
        {
            Vr = compr + dipole * cosTheta,                       // Eq. 6
            VTheta = Math.PI / 4.0 * dipole * Math.Sin(ba * Deg), // Eq. 7
        };
    }

    static (int K, double W) Bracket(double[] xs, double x)
    {
        if (x <= xs[0]) return (0, 0.0);
        if (x >= xs[^1]) return (xs.Length - 1, 0.0);
        int k = 0;
        while (x > xs[k + 1]) k++;
        return (k, (x - xs[k]) / (xs[k + 1] - xs[k]));
    }

    static double Interpolate(double[] xs, double[] ys, double x)
    {
        var (k, w) = Bracket(xs, x);
        return k + 1 < ys.Length ? ys[k] + w * (ys[k + 1] - ys[k]) : ys[k];
    }
}
