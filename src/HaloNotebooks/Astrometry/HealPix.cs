namespace HaloNotebooks.Astrometry;

/// <summary>
/// HEALPix pixelisation of the sphere (Górski et al. 2005, ApJ 622, 759), RING and NESTED schemes,
/// for power-of-two nside up to 2^13 (the sky maps of Fig. 8 use healpy's pixels).
/// Hand-written: no maintained HEALPix package is served for .NET. The algorithms follow the paper's
/// §4–5 (equatorial zone |z| ≤ 2/3 and polar caps, pixel index by edge lines) in the form of the
/// reference C++ library healpix_base (loc2pix / pix2loc / xyf2loc / boundaries), including its
/// sin θ branch near the poles, so pixels and centres agree with healpy exactly.
/// Longitude/latitude are in degrees (healpy's lonlat=True: θ = 90° − lat, φ = lon).
/// </summary>
public sealed class HealPix
{
    internal const int MaxOrder = 13;

    // Face layout: ring index of each face's southern corner (in units of nside) and its φ offset (units of π/4).
    static readonly int[] FaceRing = [2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4];
    static readonly int[] FacePhi = [1, 3, 5, 7, 0, 2, 4, 6, 1, 3, 5, 7];

    readonly int order;
    readonly long nside, npface, ncap;
    readonly double fact1, fact2;

    public HealPix(int nside)
    {
        if (nside < 1 || nside > 1 << MaxOrder || (nside & (nside - 1)) != 0)
            throw new ArgumentOutOfRangeException(nameof(nside), nside, $"nside must be a power of two from 1 to {1 << MaxOrder}.");
        Nside = nside;
        this.nside = nside;
        order = System.Numerics.BitOperations.Log2((uint)nside);
        npface = this.nside * this.nside;
        PixelCount = 12 * npface;
        ncap = 2 * this.nside * (this.nside - 1);
        fact2 = 4.0 / PixelCount;
        fact1 = (this.nside << 1) * fact2;
    }

    internal int Nside { get; }
    internal long PixelCount { get; }

    /// <summary>Approximate pixel side, sqrt(4π / Npix), in degrees.</summary>
    internal double Resolution => Math.Sqrt(4 * Math.PI / PixelCount) * Angles.RadToDeg;

    public long Ang2PixRing(double lonDeg, double latDeg) => Ang2Pix(lonDeg, latDeg, nest: false);
    internal long Ang2PixNest(double lonDeg, double latDeg) => Ang2Pix(lonDeg, latDeg, nest: true);
    public (double Lon, double Lat) Pix2AngRing(long pix) => ToLonLat(Pix2LocRing(Checked(pix)));
    public (double Lon, double Lat) Pix2AngNest(long pix) => ToLonLat(Pix2LocNest(Checked(pix)));

    /// <summary>NESTED index of a RING pixel (through its centre, which lies strictly inside the pixel).</summary>
    internal long Ring2Nest(long pix) { var (lon, lat) = Pix2AngRing(pix); return Ang2PixNest(lon, lat); }

    /// <summary>RING index of a NESTED pixel.</summary>
    internal long Nest2Ring(long pix) { var (lon, lat) = Pix2AngNest(pix); return Ang2PixRing(lon, lat); }

    long Checked(long pix) => pix >= 0 && pix < PixelCount
        ? pix
        : throw new ArgumentOutOfRangeException(nameof(pix), pix, $"pixel index must be in [0, {PixelCount}) for nside {Nside}.");

    long Ang2Pix(double lonDeg, double latDeg, bool nest)
    {
        if (!(Math.Abs(latDeg) <= 90) || !double.IsFinite(lonDeg))
            throw new ArgumentOutOfRangeException(nameof(latDeg), $"(lon, lat) = ({lonDeg}, {latDeg}) deg is not a direction on the sky.");
        // As healpy (lonlat2thetaphi): θ = π/2 − radians(lat), φ = radians(lon); z = cos θ, with sin θ near the poles.
        double theta = Math.PI / 2 - latDeg * Angles.DegToRad;
        double phi = lonDeg * Angles.DegToRad;
        bool nearPole = theta < 0.01 || theta > 3.14159 - 0.01;
        return Loc2Pix(Math.Cos(theta), phi, Math.Sin(theta), nearPole, nest);
    }

    long Loc2Pix(double z, double phi, double sth, bool haveSth, bool nest)
    {
        double za = Math.Abs(z);
        double tt = FloorModulo(phi * (2 / Math.PI), 4.0);   // in [0, 4)
        if (za <= 2.0 / 3.0)
        {
            // Equatorial zone: indices of the ascending (jp) and descending (jm) edge lines.
            double temp1 = nside * (0.5 + tt);
            double temp2 = nside * z * 0.75;
            long jp = (long)(temp1 - temp2);
            long jm = (long)(temp1 + temp2);
            if (!nest)
            {
                long nl4 = 4 * nside;
                long ir = nside + 1 + jp - jm;           // ring counted from z = 2/3, in 1..2nside+1
                long kshift = 1 - (ir & 1);
                long t1 = jp + jm - nside + kshift + 1 + nl4 + nl4;
                long ip = (t1 >> 1) & (nl4 - 1);
                return ncap + (ir - 1) * nl4 + ip;
            }
            long ifp = jp >> order, ifm = jm >> order;
            long face = ifp == ifm ? (ifp | 4) : (ifp < ifm ? ifp : ifm + 8);
            long ix = jm & (nside - 1);
            long iy = nside - (jp & (nside - 1)) - 1;
            return XyfToNest(ix, iy, face);
        }
        else
        {
            // Polar caps.
            int ntt = Math.Min(3, (int)tt);
            double tp = tt - ntt;
            double tmp = za < 0.99 || !haveSth ? nside * Math.Sqrt(3 * (1 - za)) : nside * sth / Math.Sqrt((1.0 + za) / 3.0);
            long jp = Math.Min((long)(tp * tmp), nside - 1);
            long jm = Math.Min((long)((1.0 - tp) * tmp), nside - 1);
            if (!nest)
            {
                long ir = jp + jm + 1;                   // ring counted from the nearer pole
                long ip = (long)(tt * ir);
                return z > 0 ? 2 * ir * (ir - 1) + ip : PixelCount - 2 * ir * (ir + 1) + ip;
            }
            return z > 0 ? XyfToNest(nside - jm - 1, nside - jp - 1, ntt) : XyfToNest(jp, jm, ntt + 8);
        }
    }

    (double Z, double Phi, double Sth, bool HaveSth) Pix2LocRing(long pix)
    {
        double z, phi, sth = 0;
        bool haveSth = false;
        if (pix < ncap)
        {
            long iring = (1 + ISqrt(1 + 2 * pix)) >> 1;
            long iphi = pix + 1 - 2 * iring * (iring - 1);
            double tmp = iring * iring * fact2;
            z = 1.0 - tmp;
            if (z > 0.99) { sth = Math.Sqrt(tmp * (2.0 - tmp)); haveSth = true; }
            phi = (iphi - 0.5) * (Math.PI / 2) / iring;
        }
        else if (pix < PixelCount - ncap)
        {
            long nl4 = 4 * nside;
            long ip = pix - ncap;
            long tmp = ip >> (order + 2);
            long iring = tmp + nside, iphi = ip - nl4 * tmp + 1;
            double fodd = ((iring + nside) & 1) != 0 ? 1 : 0.5;
            z = (2 * nside - iring) * fact1;
            phi = (iphi - fodd) * Math.PI * 0.75 * fact1;
        }
        else
        {
            long ip = PixelCount - pix;
            long iring = (1 + ISqrt(2 * ip - 1)) >> 1;
            long iphi = 4 * iring + 1 - (ip - 2 * iring * (iring - 1));
            double tmp = iring * iring * fact2;
            z = tmp - 1.0;
            if (z < -0.99) { sth = Math.Sqrt(tmp * (2.0 - tmp)); haveSth = true; }
            phi = (iphi - 0.5) * (Math.PI / 2) / iring;
        }
        return (z, phi, sth, haveSth);
    }

    (double Z, double Phi, double Sth, bool HaveSth) Pix2LocNest(long pix)
    {
        var (ix, iy, face) = NestToXyf(pix);
        long jr = ((long)FaceRing[face] << order) - ix - iy - 1;
        long nr;
        double z, sth = 0;
        bool haveSth = false;
        if (jr < nside)
        {
            nr = jr;
            double tmp = nr * nr * fact2;
            z = 1 - tmp;
            if (z > 0.99) { sth = Math.Sqrt(tmp * (2.0 - tmp)); haveSth = true; }
        }
        else if (jr > 3 * nside)
        {
            nr = 4 * nside - jr;
            double tmp = nr * nr * fact2;
            z = tmp - 1;
            if (z < -0.99) { sth = Math.Sqrt(tmp * (2.0 - tmp)); haveSth = true; }
        }
        else
        {
            nr = nside;
            z = (2 * nside - jr) * fact1;
        }
        long t = FacePhi[face] * nr + ix - iy;
        if (t < 0) t += 8 * nr;
        double phi = nr == nside ? 0.75 * (Math.PI / 2) * t * fact1 : 0.5 * (Math.PI / 2) * t / nr;
        return (z, phi, sth, haveSth);
    }

    /// <summary>
    /// The outline of a pixel as <c>4·stepsPerSide</c> points (deg) walking its four edges, as healpy's
    /// <c>boundaries</c>: start at the corner (x+, y+) of the face coordinates, then along each edge in turn.
    /// </summary>
    internal IReadOnlyList<(double Lon, double Lat)> Boundary(long pix, int stepsPerSide, bool nest)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(stepsPerSide, 1);
        Checked(pix);
        var (ix, iy, face) = NestToXyf(nest ? pix : Ring2Nest(pix));
        double dc = 0.5 / nside;
        double xc = (ix + 0.5) / nside, yc = (iy + 0.5) / nside;
        double d = 2.0 * dc / stepsPerSide;
        var points = new (double Lon, double Lat)[4 * stepsPerSide];
        for (int i = 0; i < stepsPerSide; i++)
        {
            points[i] = ToLonLat(FaceToLoc(xc + dc - i * d, yc + dc, face));
            points[i + stepsPerSide] = ToLonLat(FaceToLoc(xc - dc, yc + dc - i * d, face));
            points[i + 2 * stepsPerSide] = ToLonLat(FaceToLoc(xc - dc + i * d, yc - dc, face));
            points[i + 3 * stepsPerSide] = ToLonLat(FaceToLoc(xc + dc, yc - dc + i * d, face));
        }
        return points;
    }

    /// <summary>(z, φ) of continuous face coordinates x, y ∈ [0, 1] of a base face (healpix_base xyf2loc).</summary>
    static (double Z, double Phi, double Sth, bool HaveSth) FaceToLoc(double x, double y, int face)
    {
        double jr = FaceRing[face] - x - y;
        double nr, z, sth = 0;
        bool haveSth = false;
        if (jr < 1)
        {
            nr = jr;
            double tmp = nr * nr / 3.0;
            z = 1 - tmp;
            if (z > 0.99) { sth = Math.Sqrt(tmp * (2.0 - tmp)); haveSth = true; }
        }
        else if (jr > 3)
        {
            nr = 4 - jr;
            double tmp = nr * nr / 3.0;
            z = tmp - 1;
            if (z < -0.99) { sth = Math.Sqrt(tmp * (2.0 - tmp)); haveSth = true; }
        }
        else
        {
            nr = 1;
            z = (2 - jr) * 2.0 / 3.0;
        }
        double t = FacePhi[face] * nr + x - y;
        if (t < 0) t += 8;
        if (t >= 8) t -= 8;
        double phi = nr < 1e-15 ? 0 : 0.5 * (Math.PI / 2) * t / nr;
        return (z, phi, sth, haveSth);
    }

    static (double Lon, double Lat) ToLonLat((double Z, double Phi, double Sth, bool HaveSth) loc)
    {
        double theta = loc.HaveSth ? Math.Atan2(loc.Sth, loc.Z) : Math.Acos(loc.Z);
        return (loc.Phi * Angles.RadToDeg, 90.0 - theta * Angles.RadToDeg);
    }

    long XyfToNest(long ix, long iy, long face) => face * npface + SpreadBits(ix) + (SpreadBits(iy) << 1);

    (long Ix, long Iy, int Face) NestToXyf(long pix)
    {
        int face = (int)(pix >> (2 * order));
        long p = pix & (npface - 1);
        return (CompressBits(p), CompressBits(p >> 1), face);
    }

    // Interleave: bit k of v goes to bit 2k (NESTED index = face·nside² + Morton code of (ix, iy)).
    static long SpreadBits(long v)
    {
        ulong x = (ulong)v & 0xFFFFFFFFUL;
        x = (x | (x << 16)) & 0x0000FFFF0000FFFFUL;
        x = (x | (x << 8)) & 0x00FF00FF00FF00FFUL;
        x = (x | (x << 4)) & 0x0F0F0F0F0F0F0F0FUL;
        x = (x | (x << 2)) & 0x3333333333333333UL;
        x = (x | (x << 1)) & 0x5555555555555555UL;
        return (long)x;
    }

    static long CompressBits(long v)
    {
        ulong x = (ulong)v & 0x5555555555555555UL;
        x = (x | (x >> 1)) & 0x3333333333333333UL;
        x = (x | (x >> 2)) & 0x0F0F0F0F0F0F0F0FUL;
        x = (x | (x >> 4)) & 0x00FF00FF00FF00FFUL;
        x = (x | (x >> 8)) & 0x0000FFFF0000FFFFUL;
        x = (x | (x >> 16)) & 0x00000000FFFFFFFFUL;
        return (long)x;
    }

    /// <summary>Integer square root, exact for the index ranges here (corrects the double estimate).</summary>
    static long ISqrt(long v)
    {
        long r = (long)Math.Sqrt(v + 0.5);
        while (r * r > v) r--;
        while ((r + 1) * (r + 1) <= v) r++;
        return r;
    }

    // healpix_base fmodulo: v mod m in [0, m), leaving v untouched when already in range.
    static double FloorModulo(double v, double m)
    {
        if (v >= 0) return v < m ? v : v % m;
        double r = v % m + m;
        return r == m ? 0 : r;
    }
}
