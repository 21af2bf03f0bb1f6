using HaloNotebooks.Analysis;
using HaloNotebooks.Models;
using HaloNotebooks.Numerics;
using HaloNotebooks.Paper;

namespace HaloNotebooks.Tests.Analysis;

/// <summary>
/// A halo drawn directly from the paper's Table 2 (MR and MP Gaussians with p_MR per bin) and Table 3 (dipole field
/// per sub-bin), without the observing chain: the truth of every table entry is known exactly, so the analysis
/// alone can be checked. Velocity errors U(5, 30) km/s, [Fe/H] errors 0.05 dex.
/// </summary>
static class SyntheticHalo
{
    public sealed record Halo(KinematicSample Stars, double[] RGc, RadialVelocitySample DipoleStars, double[] DipoleRGc);

    public static Halo Draw(int starsPerBin, int dipoleStarsPerBin, long seed)
    {
        var rng = new SeededRandom(seed);
        var t2 = PublishedTables.Table2.Rows;
        var cols = new List<double>[9];
        for (int c = 0; c < cols.Length; c++) cols[c] = [];
        var bins = RadialBins.Paper;
        for (int k = 0; k < bins.Count; k++)
        {
            var mr = t2[1 + k].Values; var mp = t2[15 + k].Values;
            double pmr = mr["p_mr"].Value;
            for (int i = 0; i < starsPerBin; i++)
            {
                var p = rng.NextDouble() < pmr ? mr : mp;
                double ev = 5 + 25 * rng.NextDouble();
                cols[0].Add(bins[k].RMin + (bins[k].RMax - bins[k].RMin) * rng.NextDouble());
                cols[1].Add(Draw(rng, p["vr"].Value, p["sigma_r"].Value, ev));
                cols[2].Add(Draw(rng, p["vphi"].Value, p["sigma_phi"].Value, ev));
                cols[3].Add(Draw(rng, p["vtheta"].Value, p["sigma_theta"].Value, ev));
                cols[4].Add(Draw(rng, p["feh_mean"].Value, p["feh_sigma"].Value, 0.05));
                cols[5].Add(ev); cols[6].Add(ev); cols[7].Add(ev); cols[8].Add(0.05);
            }
        }
        var stars = new KinematicSample(cols[1].ToArray(), cols[2].ToArray(), cols[3].ToArray(), cols[4].ToArray(),
            cols[5].ToArray(), cols[6].ToArray(), cols[7].ToArray(), cols[8].ToArray());

        var t3 = PublishedTables.Table3.Rows;
        var l = new List<double>(); var b = new List<double>(); var vr = new List<double>(); var err = new List<double>(); var r = new List<double>();
        for (int k = 0; k < 3; k++)
        {
            var p = t3[1 + k].Values;
            var field = new DipoleVelocityField(p["mu_compr"].Value, p["mu_dipole"].Value, p["l_apex"].Value, p["b_apex"].Value);
            for (int i = 0; i < dipoleStarsPerBin; i++)
            {
                double li = 360 * rng.NextDouble(), bi = Math.Asin(2 * rng.NextDouble() - 1) * 180 / Math.PI, e = 5 + 45 * rng.NextDouble();
                l.Add(li); b.Add(bi); err.Add(e);
                vr.Add(Draw(rng, field.MeanVr(li, bi), p["sigma_r"].Value, e));
                r.Add(t3[1 + k].RMin + (t3[1 + k].RMax - t3[1 + k].RMin) * rng.NextDouble());
            }
        }
        return new Halo(stars, cols[0].ToArray(), new RadialVelocitySample(l.ToArray(), b.ToArray(), vr.ToArray(), err.ToArray()), r.ToArray());
    }

    static double Draw(SeededRandom rng, double mean, double sigma, double err) => mean + sigma * rng.NextGaussian() + err * rng.NextGaussian();

    /// <summary>
    /// <paramref name="n"/> stars uniform on the sky with V_r from Eq. 6: μ_compr = −10, μ_dipole = −60 km/s towards the
    /// apex (<paramref name="lApex"/>, <paramref name="bApex"/>), σ_r = 100 km/s, errors 10 km/s.
    /// </summary>
    public static RadialVelocitySample DipoleSky(int n, double lApex, double bApex, long seed)
    {
        double[] l = new double[n], b = new double[n], v = new double[n], e = new double[n];
        var apex = HaloNotebooks.Astrometry.ReflexMotion.Apex(lApex, bApex);
        for (int i = 0; i < n; i++)
        {
            var rng = new SeededRandom(seed, i);
            l[i] = 360 * rng.NextDouble(); b[i] = Math.Asin(2 * rng.NextDouble() - 1) * 180 / Math.PI; e[i] = 10;
            var u = HaloNotebooks.Astrometry.Vector3d.FromLonLat(l[i], b[i]);
            double cosTheta = u.X * apex.X + u.Y * apex.Y + u.Z * apex.Z;
            v[i] = -10 - 60 * cosTheta + Math.Sqrt(100 * 100 + e[i] * e[i]) * rng.NextGaussian();
        }
        return new RadialVelocitySample(l, b, v, e);
    }
}
