using HaloNotebooks.Astrometry;

namespace HaloNotebooks.Uncertainties;

/// <summary>
/// First-order (Jacobian) propagation of the distance, proper-motion (with correlation) and rv errors to
/// V_r, V_phi, V_theta: σ² = J C Jᵀ. Deterministic and cheap, but it ignores the curvature in distance, so
/// with 10–20 % distance errors it differs from the Monte-Carlo errors the paper uses (§2.3) by up to ~10 %;
/// use it for quick looks and as a check, <see cref="MonteCarloErrors"/> for the paper's numbers.
/// The velocities are linear in pmra, pmdec and rv, so only the distance derivative is numerical
/// (central difference with a step of 1e-5 of the distance; truncation error ~1e-10 relative).
/// </summary>
internal static class LinearErrors
{
    internal static VelocityErrors Propagate(GalactocentricFrame frame, ObservableColumns obs, ObservableErrors err)
    {
        ArgumentNullException.ThrowIfNull(frame);
        ArgumentNullException.ThrowIfNull(obs);
        ArgumentNullException.ThrowIfNull(err);
        int n = obs.Count;
        foreach (var column in new[] { obs.Dec, obs.Distance, obs.Pmra, obs.Pmdec, obs.Rv, err.Distance, err.Pmra, err.Pmdec, err.PmCorr, err.Rv })
            if (column.Length != n)
                throw new ArgumentException($"every observable and error column must have {n} values (as Ra); one has {column.Length}.");
        var result = new VelocityErrors(new double[n], new double[n], new double[n]);
        for (int i = 0; i < n; i++)
        {
            double ra = obs.Ra[i], dec = obs.Dec[i], d = obs.Distance[i], pmra = obs.Pmra[i], pmdec = obs.Pmdec[i], rv = obs.Rv[i];
            (double, double, double) V(double dd, double a, double b, double r)
            {
                var p = frame.ToGalactocentric(ra, dec, dd, a, b, r);
                return (p.Vr, p.VPhi, p.VTheta);
            }
            var nominal = V(d, pmra, pmdec, rv);
            double h = 1e-5 * d;
            var jd = Difference(V(d + h, pmra, pmdec, rv), V(d - h, pmra, pmdec, rv), 2 * h);
            var ja = Difference(V(d, pmra + 1, pmdec, rv), nominal, 1);    // exactly linear in pmra, pmdec, rv
            var jb = Difference(V(d, pmra, pmdec + 1, rv), nominal, 1);
            var jr = Difference(V(d, pmra, pmdec, rv + 1), nominal, 1);
            double sd = err.Distance[i], sa = err.Pmra[i], sb = err.Pmdec[i], rho = err.PmCorr[i], sr = err.Rv[i];
            double Variance(double gd, double ga, double gb, double gr) =>
                gd * gd * sd * sd + ga * ga * sa * sa + gb * gb * sb * sb + 2 * ga * gb * rho * sa * sb + gr * gr * sr * sr;
            result.Vr[i] = Math.Sqrt(Variance(jd.Item1, ja.Item1, jb.Item1, jr.Item1));
            result.VPhi[i] = Math.Sqrt(Variance(jd.Item2, ja.Item2, jb.Item2, jr.Item2));
            result.VTheta[i] = Math.Sqrt(Variance(jd.Item3, ja.Item3, jb.Item3, jr.Item3));
        }
        return result;
    }

    static (double, double, double) Difference((double, double, double) plus, (double, double, double) minus, double step) =>
        ((plus.Item1 - minus.Item1) / step, (plus.Item2 - minus.Item2) / step, (plus.Item3 - minus.Item3) / step);
}
