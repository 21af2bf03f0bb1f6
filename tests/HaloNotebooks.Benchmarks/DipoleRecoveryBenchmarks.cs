using System.Diagnostics;
using System.Globalization;
using HaloNotebooks.Analysis;
using HaloNotebooks.Astrometry;
using HaloNotebooks.Catalogs;
using HaloNotebooks.Mocks;
using HaloNotebooks.Models;
using HaloNotebooks.Numerics;
using HaloNotebooks.Selection;
using C = HaloNotebooks.Catalogs.CanonicalColumns;

namespace HaloNotebooks.Benchmarks;

/// <summary>
/// Table 3's recovery on independent full-scale calibrated mocks (issue 28): per realisation a new mock (its own seed),
/// the §4.4 selection, and the dipole fits of Table 3 at the paper's sampler (100 × 1000, 400 burn-in), in four variants
/// that isolate the candidate causes of a bias:
/// <list type="bullet">
/// <item>paper: the §4.4 sample, each star's heliocentric (l, b) in cos θ (Eq. 6 as the paper writes it);</item>
/// <item>no error cut: the same without |δV_r| &lt; 50 km/s (does the cut select on the velocity?);</item>
/// <item>Galactocentric θ: cos θ from the star's Galactocentric direction, the direction the mock's reflex is projected on;</item>
/// <item>true V_r: the stars' noise-free Galactocentric V_r and Galactocentric θ (what is left is the estimator on the
/// mock's own field: the ln r growth inside a bin, the footprint, the prior).</item>
/// </list>
/// The truths: the mock's input at the bin's geometric centre (Table 3's row, the knots of Mocks/HaloVelocityField) and
/// the field averaged over the bin's selected stars at their true r_GC (the travel vector and μ_compr averaged). One CSV
/// row per realisation, variant and bin to HALO_RECOVERY_OUT (default dipole_recovery.csv); HALO_RECOVERY_N realisations
/// (default 10), HALO_RECOVERY_FIRST the first index (to split the work); HALO_RECOVERY_VARIANTS a comma-separated subset of the
/// variants (default all four; "paper" skips the second selection and three quarters of the fits).
/// </summary>
public sealed class DipoleRecoveryBenchmarks : IBenchmark
{
    public string Name => "dipole-recovery";

    public void Run(TextWriter output)
    {
        int n = int.TryParse(Environment.GetEnvironmentVariable("HALO_RECOVERY_N"), out var k) ? k : 10;
        int first = int.TryParse(Environment.GetEnvironmentVariable("HALO_RECOVERY_FIRST"), out var f) ? f : 0;
        string path = Environment.GetEnvironmentVariable("HALO_RECOVERY_OUT") ?? "dipole_recovery.csv";
        var only = Environment.GetEnvironmentVariable("HALO_RECOVERY_VARIANTS")?
            .Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        bool Wanted(string variant) => only is null || only.Contains(variant);
        bool header = !File.Exists(path);
        using var csv = new StreamWriter(path, append: true);
        if (header)
            csv.WriteLine("realisation,variant,r_min,r_max,n,parameter,median,p16,p84,input_centre,input_star_mean");
        var field = new HaloVelocityField();
        var settings = new AnalysisSettings(MaxDegreeOfParallelism: 1);
        for (int i = first; i < first + n; i++)
        {
            var clock = Stopwatch.StartNew();
            long mockSeed = SeededRandom.DeriveSeed(28, "dipole-recovery/mock/" + i), selectionSeed = SeededRandom.DeriveSeed(28, "dipole-recovery/sel/" + i);
            var mock = MockCatalog.Generate(new MockSettings(mockSeed, 1.0) { MaxDegreeOfParallelism = 1 });
            var catalogue = mock.Catalogue.Join(mock.Distances, C.TargetId, C.TargetId);
            var subs = SubstructureCatalog.FromTable(mock.Substructures, "mock substructures");
            var cut = PaperSelection.Run(catalogue, SelectionSettings.PaperDipole with { Seed = selectionSeed, MaxDegreeOfParallelism = 1 }, subs);
            var noCut = Wanted("no_error_cut") ? PaperSelection.Run(catalogue,
                SelectionSettings.PaperDipole with { Seed = selectionSeed, MaxErrVr = null, MaxDegreeOfParallelism = 1 }, subs) : cut;
            var trueVr = TrueColumn(mock.Truth, cut, C.VR);
            var trueR = TrueColumn(mock.Truth, cut, C.RGc);
            var variants = new (string Name, RadialVelocitySample Stars, double[] R, double[] TrueR)[]
            {
                ("paper", cut.ToRadialVelocitySample(), cut.Stars.GetDouble(C.RGc), trueR),
                ("no_error_cut", noCut.ToRadialVelocitySample(), noCut.Stars.GetDouble(C.RGc), TrueColumn(mock.Truth, noCut, C.RGc)),
                ("galactocentric_theta", Galactocentric(cut, cut.Stars.GetDouble(C.VR)), cut.Stars.GetDouble(C.RGc), trueR),
                ("true_vr", Galactocentric(cut, trueVr), cut.Stars.GetDouble(C.RGc), trueR),
            };
            foreach (var (name, stars, r, tr) in variants.Where(v => Wanted(v.Name)))
            {
                var profile = PaperAnalysis.FitProfile(FitModel.Dipole, null, stars, r, settings);
                foreach (var bin in profile.Bins.Prepend(profile.AllStars))
                {
                    var centre = field.DipoleParameters(Math.Sqrt(bin.Bin.RMin * bin.Bin.RMax));
                    var mean = StarMean(field, r, tr, bin.Bin.RMin, bin.Bin.RMax);
                    foreach (var p in DipoleField.ParameterNames)
                    {
                        var m = bin[p];
                        (double c, double s) = p switch
                        {
                            "mu_compr" => (centre.MuCompr, mean.MuCompr), "mu_dipole" => (centre.MuDipole, mean.MuDipole),
                            "l_apex" => (Angles.Wrap180(centre.LApex), Angles.Wrap180(mean.LApex)), "b_apex" => (centre.BApex, mean.BApex),
                            _ => (double.NaN, double.NaN),
                        };
                        csv.WriteLine(string.Join(",", [i.ToString(CultureInfo.InvariantCulture), name, F(bin.Bin.RMin), F(bin.Bin.RMax),
                            bin.Bin.Count.ToString(CultureInfo.InvariantCulture), p, F(m.Value), F(m.P16), F(m.P84), F(c), F(s)]));
                    }
                }
                csv.Flush();
            }
            output.WriteLine($"realisation {i}: {cut.Count} stars in the §4.4 sample" +
                (Wanted("no_error_cut") ? $", {noCut.Count} without the error cut" : "") + "; " +
                $"{clock.Elapsed.TotalSeconds:F0} s");
        }
    }

    static string F(double x) => x.ToString("G6", CultureInfo.InvariantCulture);

    /// <summary>A truth column for the selected stars (the truth table is in TARGETID order of the mock's stars).</summary>
    static double[] TrueColumn(StarTable truth, HaloSample sample, string column)
    {
        var values = truth.GetDouble(column);
        return TruthRows(truth, sample).Select(j => values[j]).ToArray();
    }

    /// <summary>Each selected star's row in the mock's truth table.</summary>
    internal static int[] TruthRows(StarTable truth, HaloSample sample)
    {
        var ids = truth.GetInt64(C.TargetId);
        var index = new Dictionary<long, int>(ids.Length);
        for (int i = 0; i < ids.Length; i++) index[ids[i]] = i;
        return sample.Stars.GetInt64(C.TargetId).Select(id => index[id]).ToArray();
    }

    /// <summary>The sample with each star's Galactocentric longitude and latitude in place of (l, b).</summary>
    static RadialVelocitySample Galactocentric(HaloSample sample, double[] vr)
    {
        var (lon, lat) = GalactocentricDirections(sample.Stars.GetDouble(C.X), sample.Stars.GetDouble(C.Y), sample.Stars.GetDouble(C.Z));
        return new RadialVelocitySample(lon, lat, vr, sample.Stars.GetDouble(C.ErrVR));
    }

    /// <summary>Galactocentric longitude and latitude (deg) of positions (x, y, z).</summary>
    internal static (double[] Lon, double[] Lat) GalactocentricDirections(double[] x, double[] y, double[] z)
    {
        var lon = new double[x.Length];
        var lat = new double[x.Length];
        for (int i = 0; i < x.Length; i++)
        {
            double r = Math.Sqrt(x[i] * x[i] + y[i] * y[i] + z[i] * z[i]);
            lon[i] = (Math.Atan2(y[i], x[i]) * Angles.RadToDeg + 360) % 360;
            lat[i] = Math.Asin(z[i] / r) * Angles.RadToDeg;
        }
        return (lon, lat);
    }

    /// <summary>The mock's field averaged over the stars in [lo, hi) (selected by their measured r_GC) at their true r_GC.</summary>
    static (double MuCompr, double MuDipole, double LApex, double BApex) StarMean(HaloVelocityField field, double[] r, double[] trueR,
        double lo, double hi)
    {
        Vector3d u = default;
        double compr = 0;
        int count = 0;
        for (int i = 0; i < r.Length; i++)
        {
            if (r[i] < lo || r[i] >= hi) continue;
            u = u + field.TravelVelocity(trueR[i]);
            compr += field.Contraction(trueR[i]);
            count++;
        }
        var (mu, l, b) = ReflexMotion.DipoleOf((1.0 / count) * u);
        return (compr / count, mu, l, b);
    }
}
