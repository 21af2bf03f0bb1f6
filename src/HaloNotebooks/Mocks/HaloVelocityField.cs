using HaloNotebooks.Astrometry;

namespace HaloNotebooks.Mocks;

/// <summary>The moments of one halo population at one point: the Gaussian the mock draws a star from.</summary>
internal readonly record struct PopulationMoments(double Vr, double VPhi, double VTheta, double SigmaR, double SigmaPhi, double SigmaTheta,
                                                double FehMean, double FehSigma);

/// <summary>
/// The halo's kinematic and chemical inputs: per radial bin and component (metal-rich MR, metal-poor MP) the mean
/// velocities, dispersions, [Fe/H] mean and spread and p_MR (the calibrated Table 2, or Table 2 itself), interpolated
/// linearly in ln r_GC between the bins' geometric centres (held constant beyond the first and last centre); and on top
/// the outer halo's non-equilibrium mean motion (§4.4): one travel velocity U(r) shared by every star at r_GC — the
/// reflex of the inner Galaxy's motion towards the LMC — whose projections on each star's r̂, φ̂, θ̂ enter its mean V_r,
/// V_φ, V_θ, plus the contraction μ_compr(r) in V_r. Eq. 6's cos θ term and Eq. 7's (π/4) μ_dipole sin b_apex are then
/// what a fit finds, not what the mock imposes. U and μ_compr are Table 3's sub-bins (U = μ_dipole × apex) at their
/// geometric centres, interpolated linearly in ln r (U componentwise) from zero at <see cref="ReflexOnsetRadius"/>, held
/// beyond the last centre: the amplitude grows smoothly with radius, small inside ~40 kpc, as §4.4 describes from the
/// N-body models (observable beyond 30 kpc, prominent beyond 50–60 kpc; Chandra et al. 2025: ~6 km/s at 40 kpc).
/// </summary>
public sealed class HaloVelocityField
{
    /// <summary>r_GC (kpc) inside which the outer halo has no reflex motion or contraction (§4.4: the LMC's perturbation
    /// is observable beyond 30 kpc); the field grows from zero here to Table 3's innermost sub-bin.</summary>
    internal const double ReflexOnsetRadius = 30.0;

    /// <summary>Bins centred beyond this r_GC (§4.4: the outer halo, r_GC &gt; 50 kpc) have no mean V_r or V_θ of their own:
    /// there the mean is the reflex motion and contraction alone (the inputs' V_r, V_θ of those bins are read as 0).</summary>
    internal const double OuterHaloRadius = 50.0;

    readonly double[] lnCentres;            // Table 2 bins (3-160 row excluded)
    readonly PopulationMoments[] mr, mp;
    readonly double[] pMr;
    readonly double[] reflexLnR;            // ln r of the field's knots: the onset, then Table 3's sub-bin centres
    readonly Vector3d[] travel;             // U at the knots, km/s (Galactic Cartesian axes)
    readonly double[] contraction;          // μ_compr at the knots, km/s

    /// <summary>The default mock's field: the calibrated halo inputs (<see cref="MockInputTables.CalibratedHalo"/>) and Table 3.</summary>
    public HaloVelocityField() : this(MockInputTables.CalibratedHalo, MockInputTables.Table3) { }

    internal HaloVelocityField(MockInputTable table2, MockInputTable table3)
    {
        int[] mrRows = BinRows(table2, "MR"), mpRows = BinRows(table2, "MP");
        if (mrRows.Length != mpRows.Length) throw new ArgumentException("Table 2 needs the same radial bins for MR and MP");
        lnCentres = mrRows.Select(i => LnCentre(table2, i)).ToArray();
        mr = mrRows.Select(i => Moments(table2, i)).ToArray();
        mp = mpRows.Select(i => Moments(table2, i)).ToArray();
        pMr = mrRows.Select(i => table2[i, "p_mr"]).ToArray();
        int[] dRows = BinRows(table3, null);
        if (dRows.Length == 0 || Math.Exp(LnCentre(table3, dRows[0])) <= ReflexOnsetRadius)
            throw new ArgumentException($"Table 3's sub-bins must be centred beyond the reflex onset, {ReflexOnsetRadius} kpc");
        reflexLnR = [Math.Log(ReflexOnsetRadius), .. dRows.Select(i => LnCentre(table3, i))];
        travel = [default, .. dRows.Select(i => ReflexMotion.TravelVelocity(table3[i, "mu_dipole"], table3[i, "l_apex_deg"], table3[i, "b_apex_deg"]))];
        contraction = [0.0, .. dRows.Select(i => table3[i, "mu_compr"])];
    }

    /// <summary>The bins of a table: every row but the all-radii one (the row whose range contains all others).</summary>
    static int[] BinRows(MockInputTable t, string? label)
    {
        var rows = t.RowsLabelled(label);
        double lo = rows.Min(i => t[i, "r_min_kpc"]), hi = rows.Max(i => t[i, "r_max_kpc"]);
        return rows.Where(i => !(t[i, "r_min_kpc"] == lo && t[i, "r_max_kpc"] == hi)).OrderBy(i => t[i, "r_min_kpc"]).ToArray();
    }

    static double LnCentre(MockInputTable t, int i) => 0.5 * (Math.Log(t[i, "r_min_kpc"]) + Math.Log(t[i, "r_max_kpc"]));

    static PopulationMoments Moments(MockInputTable t, int i)
    {
        bool outer = Math.Exp(LnCentre(t, i)) > OuterHaloRadius;
        return new(outer ? 0.0 : t[i, "Vr"], t[i, "Vphi"], outer ? 0.0 : t[i, "Vtheta"], t[i, "sigma_r"], t[i, "sigma_phi"], t[i, "sigma_theta"],
                   t[i, "feh_mean"], t[i, "feh_sigma"]);
    }

    /// <summary>The fraction of metal-rich stars at r_GC (Table 2 p_MR).</summary>
    public double MetalRichFraction(double rGc) => Interpolate(lnCentres, pMr, Math.Log(rGc));

    /// <summary>The binned moments of the MR (<paramref name="metalRich"/>) or MP component at r_GC, before the reflex
    /// motion and contraction (outer bins: mean V_r = V_θ = 0).</summary>
    internal PopulationMoments Table2Moments(bool metalRich, double rGc)
    {
        var m = metalRich ? mr : mp;
        double x = Math.Log(rGc);
        var (k, w) = Bracket(lnCentres, x);
        PopulationMoments a = m[k], b = m[Math.Min(k + 1, m.Length - 1)];
        double L(double p, double q) => p + w * (q - p);
        return new(L(a.Vr, b.Vr), L(a.VPhi, b.VPhi), L(a.VTheta, b.VTheta), L(a.SigmaR, b.SigmaR), L(a.SigmaPhi, b.SigmaPhi),
                   L(a.SigmaTheta, b.SigmaTheta), L(a.FehMean, b.FehMean), L(a.FehSigma, b.FehSigma));
    }

    /// <summary>The outer halo's travel velocity U at r_GC (km/s, Galactic Cartesian axes): zero inside
    /// <see cref="ReflexOnsetRadius"/>, Table 3's μ_dipole × apex at its sub-bin centres, linear in ln r between.</summary>
    public Vector3d TravelVelocity(double rGc)
    {
        var (k, w) = Bracket(reflexLnR, Math.Log(rGc));
        if (k + 1 >= travel.Length) return travel[k];
        return travel[k] + w * (travel[k + 1] - travel[k]);
    }

    /// <summary>The contraction μ_compr at r_GC (km/s; zero inside <see cref="ReflexOnsetRadius"/>).</summary>
    internal double Contraction(double rGc) => Interpolate(reflexLnR, contraction, Math.Log(rGc));

    /// <summary>The field at r_GC as Eq. 6 parameters (μ_compr, μ_dipole ≤ 0, l_apex, b_apex; km/s and deg): the
    /// contraction and the travel velocity U = μ_dipole × apex. (μ_compr here is the contraction alone, without the
    /// components' own mean V_r.)</summary>
    public (double MuCompr, double MuDipole, double LApex, double BApex) DipoleParameters(double rGc)
    {
        var (mu, l, b) = ReflexMotion.DipoleOf(TravelVelocity(rGc));
        return (Contraction(rGc), mu, l, b);
    }

    /// <summary>
    /// The moments a star of the MR or MP component is drawn from at the Galactocentric position (x, y, z) in kpc: the
    /// binned moments at its r_GC, plus the travel velocity's projections on its r̂, φ̂, θ̂ and the contraction in V_r.
    /// </summary>
    internal PopulationMoments MomentsAt(bool metalRich, double x, double y, double z)
    {
        var position = new Vector3d(x, y, z);
        double r = position.Norm;
        var m = Table2Moments(metalRich, r);
        if (r <= ReflexOnsetRadius) return m;
        var (vr, vphi, vtheta) = ReflexMotion.SphericalComponents(TravelVelocity(r), position);
        return m with { Vr = m.Vr + Contraction(r) + vr, VPhi = m.VPhi + vphi, VTheta = m.VTheta + vtheta };
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
