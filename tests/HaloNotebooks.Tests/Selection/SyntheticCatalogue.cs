using HaloNotebooks.Astrometry;
using HaloNotebooks.Catalogs;
using HaloNotebooks.Numerics;
using C = HaloNotebooks.Catalogs.CanonicalColumns;

namespace HaloNotebooks.Tests.Selection;

/// <summary>
/// Test catalogues built from Galactocentric phase-space points through the paper's frame, so that the value of
/// every selection quantity (M_r, z, r_GC, B̃, velocity errors) is known by construction.
/// </summary>
internal sealed class SyntheticCatalogue
{
    public readonly List<double> Ra = [], Dec = [], Dist = [], DistErr = [], Pmra = [], Pmdec = [], PmErr = [], Rv = [], RvErr = [];
    public readonly List<double> Teff = [], Feh = [], RMag = [], Ebv = [];
    public readonly List<string> Label = [];

    /// <summary>A star at Galactocentric (x, y, z) kpc with velocity (vx, vy, vz) km/s and the given properties.</summary>
    public void Add(string label, Vector3d pos, Vector3d vel, double teff = 5000, double feh = -1.5, double absMag = 0,
        double ebv = 0.05, double distFracErr = 0.1, double pmErr = 0.05, double rvErr = 2)
    {
        var o = GalactocentricFrame.Paper.ToObservables(new PhaseSpacePoint(pos.X, pos.Y, pos.Z, vel.X, vel.Y, vel.Z));
        AddObserved(label, o, teff, feh, absMag, ebv, distFracErr, pmErr, rvErr);
    }

    public void AddObserved(string label, HeliocentricObservables o, double teff = 5000, double feh = -1.5, double absMag = 0,
        double ebv = 0.05, double distFracErr = 0.1, double pmErr = 0.05, double rvErr = 2)
    {
        Label.Add(label);
        Ra.Add(o.Ra); Dec.Add(o.Dec); Dist.Add(o.Distance); DistErr.Add(distFracErr * o.Distance);
        Pmra.Add(o.Pmra); Pmdec.Add(o.Pmdec); PmErr.Add(pmErr); Rv.Add(o.Rv); RvErr.Add(rvErr);
        Teff.Add(teff); Feh.Add(feh); Ebv.Add(ebv);
        // r such that r − 5 log10(100 d) − 2.165 E(B−V) = absMag
        RMag.Add(absMag + 5 * Math.Log10(100 * o.Distance) + 2.165 * ebv);
    }

    /// <summary>Halo stars at random positions 10–60 kpc from the centre with |z| &gt; 5 kpc and 100 km/s dispersions.</summary>
    public void AddHalo(int n, long seed)
    {
        for (int i = 0; i < n; i++)
        {
            var rng = new SeededRandom(seed, i);
            Vector3d p;
            do
            {
                double r = 10 + 50 * rng.NextDouble(), cosT = 2 * rng.NextDouble() - 1, phi = 2 * Math.PI * rng.NextDouble();
                double sinT = Math.Sqrt(1 - cosT * cosT);
                p = new(r * sinT * Math.Cos(phi), r * sinT * Math.Sin(phi), r * cosT);
            } while (Math.Abs(p.Z) < 5);
            Add("halo", p, new(100 * rng.NextGaussian(), 100 * rng.NextGaussian(), 100 * rng.NextGaussian()),
                feh: -1.6 + 0.3 * rng.NextGaussian(), absMag: -2 + 3.5 * rng.NextDouble());
        }
    }

    public int Count => Ra.Count;

    public StarTable ToTable() => StarTable.FromColumns(
    [
        (C.TargetId, Enumerable.Range(0, Count).Select(i => 1000L + i).ToArray()),
        (C.Ra, Ra.ToArray()), (C.Dec, Dec.ToArray()), (C.Distance, Dist.ToArray()), (C.DistanceErr, DistErr.ToArray()),
        (C.Pmra, Pmra.ToArray()), (C.Pmdec, Pmdec.ToArray()), (C.PmraError, PmErr.ToArray()), (C.PmdecError, PmErr.ToArray()),
        (C.PmraPmdecCorr, new double[Count]), (C.Rv, Rv.ToArray()), (C.RvErr, RvErr.ToArray()),
        (C.Teff, Teff.ToArray()), (C.Feh, Feh.ToArray()), (C.FehErr, Enumerable.Repeat(0.05, Count).ToArray()),
        (C.RMag, RMag.ToArray()), (C.Ebv, Ebv.ToArray()),
        ("label", Label.ToArray()),
    ]);

    /// <summary>Truth table in the mock's layout (targetid, population).</summary>
    public StarTable Truth() => StarTable.FromColumns(
    [
        (C.TargetId, Enumerable.Range(0, Count).Select(i => 1000L + i).ToArray()),
        ("population", Label.ToArray()),
    ]);
}
