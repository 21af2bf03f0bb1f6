namespace HaloNotebooks.Mocks;

/// <summary>
/// The frame algebra the mock needs in both directions (Galactocentric ⇄ ICRS observables, Galactic and
/// Sagittarius sky coordinates, and the inverse Sagittarius map used to place stream stars), as exact
/// 3×3 rotations from ../shared/reference/README.md (astropy's Galactocentric with the paper's Sun,
/// Galactic, and Belokurov et al. 2014 Λ̃, B̃). Kept allocation-free because every mock candidate
/// goes through it several times.
/// </summary>
internal static class ObservingGeometry
{
    /// <summary>1 mas/yr at 1 kpc in km/s (1 au per Julian year).</summary>
    public const double K = 4.740470463533349;
    const double Deg = Math.PI / 180.0;

    // ICRS → Galactocentric rotation A (rows), with x_off = Sun position and v_sun (paper, §2.3).
    static readonly double[] A =
    [
        -0.057095813048353337, -0.87394158397715727, -0.48266569789849872,
        0.49411076270400478, -0.44482861780254518, 0.74698196428290253,
        -0.86752211632465848, -0.19584077353649956, 0.45722179421831066,
    ];
    public const double SunX = -8.122, SunY = 0.0, SunZ = 0.0208;
    public const double SunVx = 12.9, SunVy = 245.6, SunVz = 7.78;

    // ICRS → Galactic rotation G.
    static readonly double[] G =
    [
        -0.054875657712591591, -0.87343705195561616, -0.48383507361671529,
        0.49410943719272682, -0.44482972122329506, 0.74698218398666749,
        -0.8676661375596576, -0.19807633727300059, 0.45598381368730156,
    ];

    // Galactic → (Λ̃, B̃) rotation T = diag(1,−1,−1)·M (Law & Majewski 2010 Euler angles; Belokurov et al. 2014 signs).
    static readonly double[] T =
    [
        0.96403480586603807, 0.12005879763019348, -0.23711342895420859,
        0.25805248195399738, -0.20931297585810987, 0.943184496636159,
        -0.063606679179250586, 0.97045039195675253, 0.23276646475549978,
    ];

    static (double, double, double) Mul(double[] m, double x, double y, double z) =>
        (m[0] * x + m[1] * y + m[2] * z, m[3] * x + m[4] * y + m[5] * z, m[6] * x + m[7] * y + m[8] * z);

    static (double, double, double) MulT(double[] m, double x, double y, double z) =>
        (m[0] * x + m[3] * y + m[6] * z, m[1] * x + m[4] * y + m[7] * z, m[2] * x + m[5] * y + m[8] * z);

    static (double Lon, double Lat) ToLonLat(double x, double y, double z)
    {
        double lon = Math.Atan2(y, x) / Deg;
        if (lon < 0) lon += 360.0;
        if (lon >= 360.0) lon -= 360.0;
        return (lon, Math.Atan2(z, Math.Sqrt(x * x + y * y)) / Deg);
    }

    static (double, double, double) Unit(double lonDeg, double latDeg)
    {
        double cl = Math.Cos(latDeg * Deg);
        return (cl * Math.Cos(lonDeg * Deg), cl * Math.Sin(lonDeg * Deg), Math.Sin(latDeg * Deg));
    }

    /// <summary>Galactic (l, b) of an ICRS direction, degrees.</summary>
    public static (double L, double B) GalacticFromIcrs(double ra, double dec)
    {
        var (x, y, z) = Unit(ra, dec);
        var (gx, gy, gz) = Mul(G, x, y, z);
        return ToLonLat(gx, gy, gz);
    }

    /// <summary>ICRS (ra, dec) of a Galactic direction, degrees.</summary>
    public static (double Ra, double Dec) IcrsFromGalactic(double l, double b)
    {
        var (x, y, z) = Unit(l, b);
        var (ix, iy, iz) = MulT(G, x, y, z);
        return ToLonLat(ix, iy, iz);
    }

    /// <summary>Sagittarius (Λ̃, B̃) of a Galactic direction, degrees (Belokurov et al. 2014).</summary>
    public static (double Lambda, double B) SagittariusFromGalactic(double l, double b)
    {
        var (x, y, z) = Unit(l, b);
        var (sx, sy, sz) = Mul(T, x, y, z);
        return ToLonLat(sx, sy, sz);
    }

    /// <summary>Galactic (l, b) of a Sagittarius (Λ̃, B̃) direction: the transpose of the rotation above.</summary>
    public static (double L, double B) GalacticFromSagittarius(double lambda, double beta)
    {
        var (x, y, z) = Unit(lambda, beta);
        var (gx, gy, gz) = MulT(T, x, y, z);
        return ToLonLat(gx, gy, gz);
    }

    /// <summary>Galactocentric position (kpc) of a star at ICRS (ra, dec) and heliocentric distance (kpc).</summary>
    public static (double X, double Y, double Z) GalactocentricPosition(double ra, double dec, double distance)
    {
        var (ux, uy, uz) = Unit(ra, dec);
        var (x, y, z) = Mul(A, distance * ux, distance * uy, distance * uz);
        return (x + SunX, y + SunY, z + SunZ);
    }

    /// <summary>ICRS (ra, dec, distance) of a Galactocentric position — the inverse of <see cref="GalactocentricPosition"/>.</summary>
    public static (double Ra, double Dec, double Distance) HeliocentricPosition(double x, double y, double z)
    {
        var (hx, hy, hz) = MulT(A, x - SunX, y - SunY, z - SunZ);
        double d = Math.Sqrt(hx * hx + hy * hy + hz * hz);
        var (ra, dec) = ToLonLat(hx, hy, hz);
        return (ra, dec, d);
    }

    /// <summary>Heliocentric observables (pmra incl. cos dec, pmdec in mas/yr; rv in km/s) of a Galactocentric phase-space point.</summary>
    public static (double Ra, double Dec, double Distance, double Pmra, double Pmdec, double Rv) ToObservables(
        double x, double y, double z, double vx, double vy, double vz)
    {
        var (hx, hy, hz) = MulT(A, x - SunX, y - SunY, z - SunZ);
        var (wx, wy, wz) = MulT(A, vx - SunVx, vy - SunVy, vz - SunVz);
        double d = Math.Sqrt(hx * hx + hy * hy + hz * hz);
        double ux = hx / d, uy = hy / d, uz = hz / d;
        double ra = Math.Atan2(uy, ux), dec = Math.Asin(Math.Clamp(uz, -1.0, 1.0));
        double sr = Math.Sin(ra), cr = Math.Cos(ra), sd = Math.Sin(dec);
        double rv = wx * ux + wy * uy + wz * uz;
        double pmra = (-sr * wx + cr * wy) / (K * d);
        double pmdec = (-sd * cr * wx - sd * sr * wy + Math.Cos(dec) * wz) / (K * d);
        double raDeg = ra / Deg;
        if (raDeg < 0) raDeg += 360.0;
        return (raDeg, dec / Deg, d, pmra, pmdec, rv);
    }

    /// <summary>Galactocentric spherical velocities (V_r, V_φ, V_θ; paper signs) and r_GC of ICRS observables (§2.3).</summary>
    public static (double X, double Y, double Z, double RGc, double Vr, double VPhi, double VTheta) ToGalactocentric(
        double ra, double dec, double distance, double pmra, double pmdec, double rv)
    {
        double a = ra * Deg, dd = dec * Deg;
        double ca = Math.Cos(a), sa = Math.Sin(a), cd = Math.Cos(dd), sd = Math.Sin(dd);
        double ux = cd * ca, uy = cd * sa, uz = sd;
        double kd = K * distance;
        double hvx = rv * ux + kd * (pmra * -sa + pmdec * -sd * ca);
        double hvy = rv * uy + kd * (pmra * ca + pmdec * -sd * sa);
        double hvz = rv * uz + kd * (pmdec * cd);
        var (x, y, z) = Mul(A, distance * ux, distance * uy, distance * uz);
        x += SunX; y += SunY; z += SunZ;
        var (vx, vy, vz) = Mul(A, hvx, hvy, hvz);
        vx += SunVx; vy += SunVy; vz += SunVz;
        var (vr, vphi, vtheta) = SphericalVelocity(x, y, z, vx, vy, vz);
        return (x, y, z, Math.Sqrt(x * x + y * y + z * z), vr, vphi, vtheta);
    }

    /// <summary>(V_r, V_φ, V_θ) of a Cartesian velocity: V_φ = (x v_y − y v_x)/R (prograde &lt; 0), V_θ &gt; 0 towards +z.</summary>
    public static (double Vr, double VPhi, double VTheta) SphericalVelocity(double x, double y, double z, double vx, double vy, double vz)
    {
        double rCyl = Math.Sqrt(x * x + y * y), r = Math.Sqrt(rCyl * rCyl + z * z);
        return ((x * vx + y * vy + z * vz) / r,
                (x * vy - y * vx) / rCyl,
                (rCyl * rCyl * vz - z * (x * vx + y * vy)) / (r * rCyl));
    }

    /// <summary>Cartesian velocity of (V_r, V_φ, V_θ) at (x, y, z): the inverse of <see cref="SphericalVelocity"/>.</summary>
    public static (double Vx, double Vy, double Vz) CartesianVelocity(double x, double y, double z, double vr, double vphi, double vtheta)
    {
        double rCyl = Math.Sqrt(x * x + y * y), r = Math.Sqrt(rCyl * rCyl + z * z);
        // e_r = x/r; e_φ = (−y, x, 0)/R; e_θ(up) = (−z x, −z y, R²)/(r R).
        return (vr * x / r - vphi * y / rCyl - vtheta * z * x / (r * rCyl),
                vr * y / r + vphi * x / rCyl - vtheta * z * y / (r * rCyl),
                vr * z / r + vtheta * rCyl / r);
    }
}
