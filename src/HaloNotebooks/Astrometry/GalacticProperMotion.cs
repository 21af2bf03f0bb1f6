namespace HaloNotebooks.Astrometry;

/// <summary>A proper motion with its 1σ errors and their correlation (mas/yr; the longitude component includes cos latitude).</summary>
internal readonly record struct ProperMotion(double Lon, double Lat, double ErrLon, double ErrLat, double Corr);

/// <summary>
/// Galactic proper motions (μ_l*, μ_b) → ICRS (μ_α*, μ_δ) at one position, with the error ellipse rotated by the same
/// angle: catalogues that publish Galactic proper motions (e.g. the processed DESI DR1 BHB table) feed the ICRS
/// pipeline of §2.3 unchanged. The rotation is the <see cref="GalacticCoordinates.IcrsToGalactic"/> matrix, so a
/// round trip through astropy's frames is exact to rounding.
/// </summary>
internal static class GalacticProperMotion
{
    /// <summary>(μ_α*, μ_δ) with errors and correlation of a Galactic (μ_l*, μ_b) at Galactic (l, b) in degrees. NaN in, NaN out.</summary>
    internal static ProperMotion ToIcrs(double l, double b, ProperMotion galactic)
    {
        // Unit vectors of increasing l and b at the star, taken to ICRS, projected on the increasing-α and δ directions.
        var (sinL, cosL) = Math.SinCos(l * Angles.DegToRad);
        var (sinB, cosB) = Math.SinCos(b * Angles.DegToRad);
        var m = GalacticCoordinates.IcrsToGalactic;
        var eL = m.ApplyTranspose(new Vector3d(-sinL, cosL, 0));
        var eB = m.ApplyTranspose(new Vector3d(-sinB * cosL, -sinB * sinL, cosB));
        var (ra, dec) = m.ApplyTranspose(Vector3d.FromLonLat(l, b)).ToLonLat();
        var (sinRa, cosRa) = Math.SinCos(ra * Angles.DegToRad);
        var (sinDec, cosDec) = Math.SinCos(dec * Angles.DegToRad);
        var eRa = new Vector3d(-sinRa, cosRa, 0);
        var eDec = new Vector3d(-sinDec * cosRa, -sinDec * sinRa, cosDec);
        // R maps (μ_l*, μ_b) to (μ_α*, μ_δ); a rotation in the tangent plane, so the covariance goes as R C Rᵀ.
        double r00 = eL.Dot(eRa), r01 = eB.Dot(eRa), r10 = eL.Dot(eDec), r11 = eB.Dot(eDec);
        double pmra = r00 * galactic.Lon + r01 * galactic.Lat, pmdec = r10 * galactic.Lon + r11 * galactic.Lat;
        double sll = galactic.ErrLon * galactic.ErrLon, sbb = galactic.ErrLat * galactic.ErrLat;
        double slb = galactic.Corr * galactic.ErrLon * galactic.ErrLat;
        double caa = r00 * r00 * sll + 2 * r00 * r01 * slb + r01 * r01 * sbb;
        double cdd = r10 * r10 * sll + 2 * r10 * r11 * slb + r11 * r11 * sbb;
        double cad = r00 * r10 * sll + (r00 * r11 + r01 * r10) * slb + r01 * r11 * sbb;
        double ea = Math.Sqrt(caa), ed = Math.Sqrt(cdd);
        return new ProperMotion(pmra, pmdec, ea, ed, ea > 0 && ed > 0 ? cad / (ea * ed) : 0);
    }
}
