using HaloNotebooks.Analysis;
using HaloNotebooks.Inference;
using HaloNotebooks.Models;
using HaloNotebooks.Numerics;
using HaloNotebooks.Paper;

namespace HaloNotebooks.Tests.Figures;

/// <summary>
/// Analysis results made from the paper's own Tables 1–3 (each row becomes a bin fit with the published
/// values), so the figures can be checked against numbers known in advance, and short real fits for the
/// corner plots.
/// </summary>
internal static class PaperFiguresTestData
{
    static RadialBin Bin(TableRow row, int n = 1000) => new(row.RMin, row.RMax, n, Math.Sqrt(row.RMin * row.RMax));

    public static RadialProfile Single()
    {
        var fits = PublishedTables.Table1.Rows.Select(r => new BinFit(FitModel.Single, Bin(r), r.Values, 0, 0)).ToList();
        return new RadialProfile(FitModel.Single, fits[0], fits.Skip(1).ToList());
    }

    public static RadialProfile Double()
    {
        var rows = PublishedTables.Table2.Rows;
        var mr = rows.Where(r => r.Component == "MR").ToList();
        var mp = rows.Where(r => r.Component == "MP").ToList();
        var fits = mr.Zip(mp, (a, b) =>
        {
            var p = new Dictionary<string, Measurement>();
            foreach (var (k, v) in a.Values) p[k == "p_mr" ? k : k + "_mr"] = v;
            foreach (var (k, v) in b.Values) if (k != "p_mr") p[k + "_mp"] = v;
            return new BinFit(FitModel.Double, Bin(a), p, 0, 0);
        }).ToList();
        return new RadialProfile(FitModel.Double, fits[0], fits.Skip(1).ToList());
    }

    public static RadialProfile Dipole()
    {
        var fits = PublishedTables.Table3.Rows.Select(r => new BinFit(FitModel.Dipole, Bin(r), r.Values, 0, 0)).ToList();
        return new RadialProfile(FitModel.Dipole, fits[0], fits.Skip(1).ToList());
    }

    public static HemisphereProfile Hemispheres() => new(
        [new HemisphereBin(new RadialBin(50, 80, 300, 62), new Measurement(-5, 3, 3), new Measurement(140, 4, 4))],
        [new HemisphereBin(new RadialBin(50, 80, 280, 63), new Measurement(-30, 3, 3), new Measurement(150, 4, 4)),
         new HemisphereBin(new RadialBin(80, 160, 90, 95), new Measurement(-40, 6, 5), new Measurement(145, 6, 6))], 5);

    public static DipoleVelocityField Field => new(-18, -24, -34.8, -37.9);

    public static HaloNotebooks.Analysis.MeanVelocityMap Sky()
    {
        var hp = new HaloNotebooks.Astrometry.HealPix(4);
        var pixels = new List<SkyPixel>();
        for (long p = 0; p < hp.PixelCount; p += 3)
        {
            var (l, b) = hp.Pix2AngRing(p);
            pixels.Add(new SkyPixel(p, l, b, 20, Field.MeanVr(l, b) + 5, 4, Field.MeanVr(l, b)));
        }
        return new HaloNotebooks.Analysis.MeanVelocityMap(4, 15, 50, 120, pixels, Field);
    }

    public static PolarVelocityCheck Polar() => new(Dipole().Bins.Prepend(Dipole().AllStars)
        .Select(b => new PolarVelocityBin(b.Bin, new Measurement(5, 2, 2), new Measurement(7, 3, 3))).ToList());

    public static DistanceErrorProfiles Appendix() => new(
        [new DistanceErrorProfile(0, Double().Bins), new DistanceErrorProfile(0.18, Double().Bins), new DistanceErrorProfile(0.30, Double().Bins)],
        [(5, 0.5), (50, 0.4), (100, 0.3)], [(5, 0.6), (50, 0.4), (100, 0.3)]);

    /// <summary>A short real fit (seconds) of each model on stars drawn from the paper's all-stars rows.</summary>
    public static FitResult Fit(FitModel model)
    {
        var rng = new SeededRandom(5, 0);
        if (model == FitModel.Dipole)
        {
            int m = 400;
            var l = new double[m]; var b = new double[m]; var v = new double[m]; var e = new double[m];
            for (int i = 0; i < m; i++)
            {
                l[i] = 360 * rng.NextDouble(); b[i] = Math.Asin(2 * rng.NextDouble() - 1) * 180 / Math.PI; e[i] = 10;
                v[i] = Field.MeanVr(l[i], b[i]) + 149 * rng.NextGaussian() + 10 * rng.NextGaussian();
            }
            return HaloFits.Dipole(new RadialVelocitySample(l, b, v, e), new FitSettings(new SamplerSettings(Walkers: 16, Steps: 60, Burn: 30, Seed: 3)));
        }
        int n = 400;
        double[] vr = new double[n], vphi = new double[n], vth = new double[n], feh = new double[n], err = new double[n], efeh = new double[n];
        for (int i = 0; i < n; i++)
        {
            bool rich = rng.NextDouble() < 0.5;
            vr[i] = (rich ? 140 : 120) * rng.NextGaussian();
            vphi[i] = (rich ? -7 : -20) + (rich ? 30 : 100) * rng.NextGaussian();
            vth[i] = 4 + (rich ? 35 : 90) * rng.NextGaussian();
            feh[i] = (rich ? -1.15 : -1.6) + (rich ? 0.17 : 0.4) * rng.NextGaussian();
            err[i] = 10; efeh[i] = 0.05;
        }
        var data = new KinematicSample(vr, vphi, vth, feh, err, err, err, efeh);
        return model == FitModel.Single
            ? HaloFits.Single(data, new FitSettings(new SamplerSettings(Walkers: 20, Steps: 60, Burn: 30, Seed: 3)))
            : HaloFits.Double(data, new FitSettings(new SamplerSettings(Walkers: 36, Steps: 40, Burn: 20, Seed: 3)));
    }
}
