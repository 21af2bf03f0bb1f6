namespace HaloNotebooks.Astrometry;

/// <summary>
/// Galactocentric Cartesian frame, astropy's "v4.0" definition with roll = 0: +X from the Sun towards
/// the Galactic centre (ICRS 266.4051, −28.936175 deg), +Y towards l ≈ 90 deg, +Z towards the NGP.
/// Positions: X = A·x_helio + SunPosition; velocities: V = A·v_helio + SunVelocity, with A = H·R
/// (R points ICRS +x at the Galactic centre, H tilts by −asin(Z_sun/|SunPosition|) about y), exactly as
/// astropy's <c>get_matrix_vectors</c> builds them.
/// </summary>
/// <param name="SunPosition">kpc. Paper (§2.3): (−8.122, 0, 0.0208) — GRAVITY 2018; Bennett &amp; Bovy 2019.
/// Y must be 0: astropy's frame (roll 0) puts the Sun in the X–Z plane.</param>
/// <param name="SunVelocity">km/s. Paper (§2.3): (12.9, 245.6, 7.78) — Drimmel &amp; Poggio 2018.</param>
public sealed record GalactocentricFrame(Vector3d SunPosition, Vector3d SunVelocity)
{
    /// <summary>ICRS direction of the Galactic centre (astropy v4.0: Reid &amp; Brunthaler 2004), deg.</summary>
    internal const double GalacticCentreRa = 266.4051, GalacticCentreDec = -28.936175;

    /// <summary>astropy's <c>Galactocentric._roll0</c>: the roll about the Sun–centre line that aligns
    /// the frame's X–Y plane with the Galactic plane (deg).</summary>
    internal const double Roll0 = 58.5986320306;

    /// <summary>1 mas/yr at 1 kpc in km/s (1 au per Julian year).</summary>
    internal const double KmPerSecPerMasYrKpc = 4.740470463533349;

    /// <summary>The paper's frame (§2.3).</summary>
    public static GalactocentricFrame Paper { get; } = new(new(-8.122, 0, 0.0208), new(12.9, 245.6, 7.78));

    // The initialisers run at construction; the init accessors run for `with` expressions, so the
    // rotation always belongs to the current SunPosition.
    internal Vector3d SunPosition
    {
        get;
        init { field = ValidSunPosition(value); IcrsToGalactocentric = BuildRotation(value); }
    } = ValidSunPosition(SunPosition);

    internal Vector3d SunVelocity
    {
        get;
        init => field = ValidSunVelocity(value);
    } = ValidSunVelocity(SunVelocity);

    /// <summary>The rotation A taking heliocentric ICRS vectors to Galactocentric axes.</summary>
    internal Matrix3d IcrsToGalactocentric { get; private init; } = BuildRotation(SunPosition);

    static Vector3d ValidSunPosition(Vector3d value) =>
        value.X < 0 && value.Y == 0 && double.IsFinite(value.X) && double.IsFinite(value.Z)
            ? value
            : throw new ArgumentException(
                $"SunPosition must be (X < 0, 0, Z) kpc as in astropy's Galactocentric frame with roll 0; got {value}.", nameof(SunPosition));

    static Vector3d ValidSunVelocity(Vector3d value) =>
        double.IsFinite(value.X) && double.IsFinite(value.Y) && double.IsFinite(value.Z)
            ? value
            : throw new ArgumentException($"SunVelocity must be finite; got {value}.", nameof(SunVelocity));

    static Matrix3d BuildRotation(Vector3d sun)
    {
        // astropy: R = R_x(roll0 − roll) · R_y(−dec_GC) · R_z(ra_GC); H = R_y(−asin(z_sun / d_GC)).
        var r = Matrix3d.RotationX(Roll0) * Matrix3d.RotationY(-GalacticCentreDec) * Matrix3d.RotationZ(GalacticCentreRa);
        double galcenDistance = Math.Sqrt(sun.X * sun.X + sun.Z * sun.Z);
        var h = Matrix3d.RotationY(-Math.Asin(sun.Z / galcenDistance) * Angles.RadToDeg);
        return h * r;
    }

    /// <summary>Galactocentric position and velocity of one star (ICRS deg, kpc, mas/yr, km/s).</summary>
    internal PhaseSpacePoint ToGalactocentric(double ra, double dec, double distance, double pmra, double pmdec, double rv)
    {
        var a = IcrsToGalactocentric;
        return Kernel(in a, SunPosition, SunVelocity, ra, dec, distance, pmra, pmdec, rv);
    }

    /// <summary>The exact inverse of <see cref="ToGalactocentric"/>: ICRS observables of a Galactocentric point.</summary>
    internal HeliocentricObservables ToObservables(in PhaseSpacePoint p)
    {
        var a = IcrsToGalactocentric;
        var x = a.ApplyTranspose(p.Position - SunPosition);
        var v = a.ApplyTranspose(p.Velocity - SunVelocity);
        double distance = x.Norm;
        var (ra, dec) = x.ToLonLat();
        var (sinRa, cosRa) = Math.SinCos(ra * Angles.DegToRad);
        var (sinDec, cosDec) = Math.SinCos(dec * Angles.DegToRad);
        var u = new Vector3d(cosDec * cosRa, cosDec * sinRa, sinDec);
        var eRa = new Vector3d(-sinRa, cosRa, 0);
        var eDec = new Vector3d(-sinDec * cosRa, -sinDec * sinRa, cosDec);
        double scale = 1.0 / (KmPerSecPerMasYrKpc * distance);
        return new(ra, dec, distance, v.Dot(eRa) * scale, v.Dot(eDec) * scale, v.Dot(u));
    }

    /// <summary>Column form for many stars; parallel over large inputs with all cores.</summary>
    internal GalactocentricColumns Transform(ReadOnlySpan<double> ra, ReadOnlySpan<double> dec, ReadOnlySpan<double> distance,
                                           ReadOnlySpan<double> pmra, ReadOnlySpan<double> pmdec, ReadOnlySpan<double> rv) =>
        Transform(ra, dec, distance, pmra, pmdec, rv, maxDegreeOfParallelism: null);

    /// <summary>Column form with a cap on the number of threads (null: all cores).</summary>
    internal unsafe GalactocentricColumns Transform(ReadOnlySpan<double> ra, ReadOnlySpan<double> dec, ReadOnlySpan<double> distance,
                                                  ReadOnlySpan<double> pmra, ReadOnlySpan<double> pmdec, ReadOnlySpan<double> rv,
                                                  int? maxDegreeOfParallelism)
    {
        int n = ra.Length;
        if (dec.Length != n || distance.Length != n || pmra.Length != n || pmdec.Length != n || rv.Length != n)
            throw new ArgumentException(
                $"ra, dec, distance, pmra, pmdec, rv must have the same length (got {n}, {dec.Length}, {distance.Length}, {pmra.Length}, " +
                    $"{pmdec.Length}, {rv.Length}).");
        var result = new GalactocentricColumns(n);
        const int chunk = 16384;
        if (n <= chunk || maxDegreeOfParallelism == 1)
        {
            TransformRange(ra, dec, distance, pmra, pmdec, rv, result, 0, n);
            return result;
        }
        // Spans cannot enter a lambda: pin them and rebuild each chunk's spans from the addresses.
        fixed (double* pRa = ra, pDec = dec, pD = distance, pPmra = pmra, pPmdec = pmdec, pRv = rv)
        {
            nint aRa = (nint)pRa, aDec = (nint)pDec, aD = (nint)pD, aPmra = (nint)pPmra, aPmdec = (nint)pPmdec, aRv = (nint)pRv;
            var options = new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism ?? -1 };
            Parallel.For(0, (n + chunk - 1) / chunk, options, c =>
            {
                int start = c * chunk, end = Math.Min(n, start + chunk);
                TransformRange(new ReadOnlySpan<double>((void*)aRa, n), new ReadOnlySpan<double>((void*)aDec, n),
                               new ReadOnlySpan<double>((void*)aD, n), new ReadOnlySpan<double>((void*)aPmra, n),
                               new ReadOnlySpan<double>((void*)aPmdec, n), new ReadOnlySpan<double>((void*)aRv, n),
                               result, start, end);
            });
        }
        return result;
    }

    void TransformRange(ReadOnlySpan<double> ra, ReadOnlySpan<double> dec, ReadOnlySpan<double> distance,
                        ReadOnlySpan<double> pmra, ReadOnlySpan<double> pmdec, ReadOnlySpan<double> rv,
                        GalactocentricColumns o, int start, int end)
    {
        var a = IcrsToGalactocentric;
        var sun = SunPosition;
        var vsun = SunVelocity;
        for (int i = start; i < end; i++)
        {
            var p = Kernel(in a, sun, vsun, ra[i], dec[i], distance[i], pmra[i], pmdec[i], rv[i]);
            o.X[i] = p.X; o.Y[i] = p.Y; o.Z[i] = p.Z;
            o.Vx[i] = p.Vx; o.Vy[i] = p.Vy; o.Vz[i] = p.Vz;
            double cyl2 = p.X * p.X + p.Y * p.Y, cyl = Math.Sqrt(cyl2), r = Math.Sqrt(cyl2 + p.Z * p.Z);
            double planar = p.X * p.Vx + p.Y * p.Vy;
            o.R[i] = cyl;
            o.RGc[i] = r;
            o.Vr[i] = (planar + p.Z * p.Vz) / r;
            o.VPhi[i] = (p.X * p.Vy - p.Y * p.Vx) / cyl;
            o.VTheta[i] = (cyl2 * p.Vz - p.Z * planar) / (r * cyl);
        }
    }

    /// <summary>
    /// x_helio = d·u, v_helio = rv·u + k·d·(pmra·e_ra + pmdec·e_dec) (reference README), then rotate and shift.
    /// </summary>
    static PhaseSpacePoint Kernel(in Matrix3d a, Vector3d sun, Vector3d vsun,
                                  double ra, double dec, double distance, double pmra, double pmdec, double rv)
    {
        var (sinRa, cosRa) = Math.SinCos(ra * Angles.DegToRad);
        var (sinDec, cosDec) = Math.SinCos(dec * Angles.DegToRad);
        var u = new Vector3d(cosDec * cosRa, cosDec * sinRa, sinDec);
        var eRa = new Vector3d(-sinRa, cosRa, 0);
        var eDec = new Vector3d(-sinDec * cosRa, -sinDec * sinRa, cosDec);
        double kd = KmPerSecPerMasYrKpc * distance;
        var x = a.Apply(distance * u) + sun;
        var v = a.Apply(rv * u + kd * (pmra * eRa + pmdec * eDec)) + vsun;
        return new(x.X, x.Y, x.Z, v.X, v.Y, v.Z);
    }
}
