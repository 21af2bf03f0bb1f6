using HaloNotebooks.Astrometry;
using HaloNotebooks.Selection;

namespace HaloNotebooks.Mocks;

/// <summary>The §2.3 cuts in their order, as the mock forecasts them.</summary>
internal enum ForecastCut { None, KGiant, Disc, Substructure, Sagittarius, VelocityError, RadialRange }

/// <summary>
/// The paper's selection (§2.3) applied to one mock star's observed values, with the velocity errors propagated
/// to first order (Jacobian) instead of by 1000 Monte-Carlo draws. The mock uses it to decide how many halo stars to
/// draw per radial bin so that the real selection (Selection/) ends near Table 1's N; tests use it as a transparent,
/// independent statement of the cuts. Thresholds are the paper's, read from <see cref="SelectionSettings.Paper"/>:
/// T_eff and M_r windows, the disc cut on [Fe/H] and |z|, not a GC/dwarf member (inside its radius and within 3σ in distance,
/// proper motion and RV), the Sagittarius band in |B̃|, the velocity-error ceiling and the r_GC range.
/// </summary>
internal sealed class SelectionForecast
{
    static SelectionSettings Cuts => SelectionSettings.Paper;

    readonly (double X, double Y, double Z, double CosRadius, MockSubstructure Object)[] masks;

    internal SelectionForecast(IReadOnlyList<MockSubstructure> substructures)
    {
        masks = substructures.Select(s =>
        {
            double a = Angles.ToRadians(s.Ra), d = Angles.ToRadians(s.Dec);
            return (Math.Cos(d) * Math.Cos(a), Math.Cos(d) * Math.Sin(a), Math.Sin(d), Math.Cos(Angles.ToRadians(s.RadiusDeg)), s);
        }).ToArray();
    }

    /// <summary>Member-match threshold: distance, proper motion and RV within this many combined σ of the object.</summary>
    internal double SubstructureNSigma { get; init; } = Cuts.SubstructureNSigma;

    /// <summary>km/s; the paper's ceiling on each of |δV_r|, |δV_φ|, |δV_θ|.</summary>
    internal double MaxVelocityError { get; init; } = Cuts.MaxErrVr ?? double.PositiveInfinity;

    /// <summary>The first cut that removes the star, or <see cref="ForecastCut.None"/>; <paramref name="rGcObs"/> is its observed r_GC.</summary>
    /// <summary>Sets <see cref="MockStar.Forecast"/> and <see cref="MockStar.RGcObs"/>.</summary>
    internal void Apply(MockStar s)
    {
        s.Forecast = FirstFailure(s, out double r);
        s.RGcObs = r;
    }

    internal ForecastCut FirstFailure(MockStar s, out double rGcObs)
    {
        var p = ObservingGeometry.ToGalactocentric(s.Ra, s.Dec, s.DistanceObs, s.Pmra, s.Pmdec, s.Rv);
        double z = p.Z, r = p.RGc;
        rGcObs = r;
        double absMag = s.RMag - MockPhotometry.DistanceModulus(s.DistanceObs) - MockPhotometry.ExtinctionR * s.Ebv;
        if (!Cuts.IsKGiant(s.Teff, absMag)) return ForecastCut.KGiant;
        if (!PassesDiscCut(s.Feh, z)) return ForecastCut.Disc;
        if (IsMember(s)) return ForecastCut.Substructure;
        var (_, sgrB) = ObservingGeometry.SagittariusFromGalactic(s.L, s.B);
        if (!Cuts.OutsideSagittarius(sgrB)) return ForecastCut.Sagittarius;
        var (er, ephi, etheta) = LinearVelocityErrors(s);
        if (!(er < MaxVelocityError && ephi < MaxVelocityError && etheta < MaxVelocityError)) return ForecastCut.VelocityError;
        if (!Cuts.InRadialRange(r)) return ForecastCut.RadialRange;
        return ForecastCut.None;
    }

    /// <summary>§2.3's disc cut at the paper's thresholds (<see cref="SelectionSettings.Paper"/>).</summary>
    internal static bool PassesDiscCut(double feh, double z) => Cuts.PassesDiscCut(feh, z);

    /// <summary>Inside an object's radius and consistent with it in distance, proper motion (χ² of two components) and RV.</summary>
    bool IsMember(MockStar s)
    {
        double a = Angles.ToRadians(s.Ra), d = Angles.ToRadians(s.Dec);
        double ux = Math.Cos(d) * Math.Cos(a), uy = Math.Cos(d) * Math.Sin(a), uz = Math.Sin(d);
        double n2 = SubstructureNSigma * SubstructureNSigma;
        foreach (var m in masks)
        {
            if (!(ux * m.X + uy * m.Y + uz * m.Z >= m.CosRadius)) continue;
            var o = m.Object;
            static double Sq(double x) => x * x;
            bool distance = Sq(s.DistanceObs - o.Distance) < n2 * (Sq(o.DistanceErr) + Sq(s.DistanceErr));
            double chi2 = Sq(s.Pmra - o.Pmra) / (Sq(o.PmErr) + Sq(s.PmraError)) + Sq(s.Pmdec - o.Pmdec) / (Sq(o.PmErr) + Sq(s.PmdecError));
            bool rv = Sq(s.Rv - o.Rv) < n2 * (Sq(o.RvErr) + Sq(s.RvErr));
            if (distance && chi2 < n2 && rv) return true;
        }
        return false;
    }

    /// <summary>First-order propagation of the distance, (correlated) proper-motion and RV errors to (V_r, V_φ, V_θ).</summary>
    public static (double Vr, double VPhi, double VTheta) LinearVelocityErrors(MockStar s)
    {
        var v0 = ObservingGeometry.ToGalactocentric(s.Ra, s.Dec, s.DistanceObs, s.Pmra, s.Pmdec, s.Rv);
        double hd = 1e-4 * s.DistanceObs;
        var vd = ObservingGeometry.ToGalactocentric(s.Ra, s.Dec, s.DistanceObs + hd, s.Pmra, s.Pmdec, s.Rv);
        var va = ObservingGeometry.ToGalactocentric(s.Ra, s.Dec, s.DistanceObs, s.Pmra + 1e-3, s.Pmdec, s.Rv);
        var vb = ObservingGeometry.ToGalactocentric(s.Ra, s.Dec, s.DistanceObs, s.Pmra, s.Pmdec + 1e-3, s.Rv);
        var vv = ObservingGeometry.ToGalactocentric(s.Ra, s.Dec, s.DistanceObs, s.Pmra, s.Pmdec, s.Rv + 1e-2);
        double Sigma(double f0, double fd, double fa, double fb, double fv)
        {
            double jd = (fd - f0) / hd * s.DistanceErr, ja = (fa - f0) / 1e-3 * s.PmraError, jb = (fb - f0) / 1e-3 * s.PmdecError;
            double jv = (fv - f0) / 1e-2 * s.RvErr;
            return Math.Sqrt(jd * jd + ja * ja + jb * jb + 2 * s.PmCorr * ja * jb + jv * jv);
        }
        return (Sigma(v0.Vr, vd.Vr, va.Vr, vb.Vr, vv.Vr),
                Sigma(v0.VPhi, vd.VPhi, va.VPhi, vb.VPhi, vv.VPhi),
                Sigma(v0.VTheta, vd.VTheta, va.VTheta, vb.VTheta, vv.VTheta));
    }
}
