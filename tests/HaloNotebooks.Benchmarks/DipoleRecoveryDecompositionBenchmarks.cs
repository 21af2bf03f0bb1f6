using System.Globalization;
using HaloNotebooks.Analysis;
using HaloNotebooks.Astrometry;
using HaloNotebooks.Catalogs;
using HaloNotebooks.Mocks;
using HaloNotebooks.Numerics;
using HaloNotebooks.Selection;
using HaloNotebooks.Models;
using C = HaloNotebooks.Catalogs.CanonicalColumns;

namespace HaloNotebooks.Benchmarks;

/// <summary>
/// Where Table 3's μ_compr offset on the mock comes from (issue 28), without a sampler: the same realisations as
/// <see cref="DipoleRecoveryBenchmarks"/> (same mock and selection seeds, the §4.4 sample), and per Table 3 bin (stars by
/// their measured r_GC) Eq. 6 fitted by least squares, V_r = μ_compr + U·r̂ (r̂ Galactocentric, as the mock projects U;
/// <c>Models/DipolePointEstimate</c> with every error zero, so every star weighs the same), to
/// <list type="bullet">
/// <item>field: each star's mean V_r as the mock's field gives it at its true position, μ_compr(r) + U(r)·r̂ (the estimator's
/// own limit on this field: no dispersion, no noise, no population means);</item>
/// <item>true: the stars' noise-free V_r (the `true_vr` variant's data, least squares instead of the sampler);</item>
/// <item>halo_true: the same for the halo K giants only (the truth's halo_mr/halo_mp; other populations dropped);</item>
/// <item>halo_mean: the halo K giants' noise-free mean V_r, the field plus their component's own ⟨V_r⟩ at their true r_GC
/// (<c>HaloVelocityField.Table2Moments</c>: zero in the bins centred beyond 50 kpc, the calibrated Table 2 value inside,
/// interpolated in ln r between), which a star measured in a Table 3 bin carries when it lies inside ≈ 53 kpc.</item>
/// </list>
/// Each against the field's μ_compr averaged over the bin's stars (the recovery table's "input over the bin's stars"), and
/// the mean residual V_r − field per population (what the stars carry beyond the field). One CSV row per realisation and bin
/// to HALO_RECOVERY_OUT (default dipole_recovery_decomposition.csv); HALO_RECOVERY_N, HALO_RECOVERY_FIRST as there.
/// </summary>
public sealed class DipoleRecoveryDecompositionBenchmarks : IBenchmark
{
    public string Name => "dipole-recovery-decomposition";

    static readonly (double Lo, double Hi)[] Bins = [(50, 120), (50, 60), (60, 80), (80, 120)];
    static readonly string[] Populations = ["halo_mr", "halo_mp", "sgr", "other"];

    public void Run(TextWriter output)
    {
        int n = int.TryParse(Environment.GetEnvironmentVariable("HALO_RECOVERY_N"), out var k) ? k : 10;
        int first = int.TryParse(Environment.GetEnvironmentVariable("HALO_RECOVERY_FIRST"), out var f) ? f : 0;
        string path = Environment.GetEnvironmentVariable("HALO_RECOVERY_OUT") ?? "dipole_recovery_decomposition.csv";
        bool header = !File.Exists(path);
        using var csv = new StreamWriter(path, append: true);
        if (header)
            csv.WriteLine("realisation,r_min,r_max,n,input_star_mean,ls_field,ls_true,ls_halo_true,ls_halo_mean,halo_component_vr,halo_true_r_below_53," +
                string.Join(",", Populations.Select(p => $"n_{p},resid_{p}")));
        var field = new HaloVelocityField();
        for (int i = first; i < first + n; i++)
        {
            long mockSeed = SeededRandom.DeriveSeed(28, "dipole-recovery/mock/" + i), selectionSeed = SeededRandom.DeriveSeed(28, "dipole-recovery/sel/" + i);
            var mock = MockCatalog.Generate(new MockSettings(mockSeed, 1.0) { MaxDegreeOfParallelism = 1 });
            var catalogue = mock.Catalogue.Join(mock.Distances, C.TargetId, C.TargetId);
            var subs = SubstructureCatalog.FromTable(mock.Substructures, "mock substructures");
            var cut = PaperSelection.Run(catalogue, SelectionSettings.PaperDipole with { Seed = selectionSeed, MaxDegreeOfParallelism = 1 }, subs);
            var row = DipoleRecoveryBenchmarks.TruthRows(mock.Truth, cut);
            double[] rMeasured = cut.Stars.GetDouble(C.RGc);
            double[] x = Take(mock.Truth.GetDouble(C.X), row), y = Take(mock.Truth.GetDouble(C.Y), row), z = Take(mock.Truth.GetDouble(C.Z), row);
            double[] vr = Take(mock.Truth.GetDouble(C.VR), row), rTrue = Take(mock.Truth.GetDouble(C.RGc), row);
            var (lon, lat) = DipoleRecoveryBenchmarks.GalactocentricDirections(x, y, z);
            string[] pop = row.Select(j => mock.Truth.GetString("population")[j]).Select(p => Populations.Contains(p) ? p : "other").ToArray();
            var mean = new double[vr.Length];
            var component = new double[vr.Length];   // the component's own ⟨V_r⟩ (halo stars; 0 for the others)
            for (int s = 0; s < vr.Length; s++)
            {
                var position = new Vector3d(x[s], y[s], z[s]);
                mean[s] = field.Contraction(rTrue[s]) + ReflexMotion.SphericalComponents(field.TravelVelocity(rTrue[s]), position).Vr;
                if (pop[s] is "halo_mr" or "halo_mp") component[s] = field.Table2Moments(pop[s] == "halo_mr", rTrue[s]).Vr;
            }
            var haloMean = mean.Select((m, s) => m + component[s]).ToArray();
            foreach (var (lo, hi) in Bins)
            {
                int[] inBin = Enumerable.Range(0, vr.Length).Where(s => rMeasured[s] >= lo && rMeasured[s] < hi).ToArray();
                double truth = inBin.Average(s => field.Contraction(rTrue[s]));
                int[] halo = inBin.Where(s => pop[s] is "halo_mr" or "halo_mp").ToArray();
                var cells = new List<string>
                {
                    i.ToString(CultureInfo.InvariantCulture), F(lo), F(hi), inBin.Length.ToString(CultureInfo.InvariantCulture), F(truth),
                    F(LeastSquaresCompr(inBin, mean, lon, lat) - truth), F(LeastSquaresCompr(inBin, vr, lon, lat) - truth),
                    F(LeastSquaresCompr(halo, vr, lon, lat) - truth), F(LeastSquaresCompr(halo, haloMean, lon, lat) - truth),
                    F(halo.Average(s => component[s])),
                    F(halo.Count(s => rTrue[s] < 53.4) / (double)halo.Length),
                };
                foreach (var p in Populations)
                {
                    int[] members = inBin.Where(s => pop[s] == p).ToArray();
                    cells.Add(members.Length.ToString(CultureInfo.InvariantCulture));
                    cells.Add(members.Length == 0 ? "" : F(members.Average(s => vr[s] - mean[s])));
                }
                csv.WriteLine(string.Join(",", cells));
            }
            csv.Flush();
            output.WriteLine($"realisation {i}: {cut.Count} stars");
        }
    }

    /// <summary>μ_compr of the least-squares fit of V_r = μ_compr + U·r̂ over the stars (the point estimate with zero errors).</summary>
    static double LeastSquaresCompr(int[] stars, double[] v, double[] lon, double[] lat) =>
        DipolePointEstimate.Fit(new RadialVelocitySample(Take(lon, stars), Take(lat, stars), Take(v, stars), new double[stars.Length]))[0];

    static double[] Take(double[] column, int[] rows) => rows.Select(j => column[j]).ToArray();

    static string F(double x) => x.ToString("G6", CultureInfo.InvariantCulture);
}
