using HaloNotebooks.Catalogs;
using HaloNotebooks.Mocks;
using HaloNotebooks.Models;
using HaloNotebooks.Numerics;
using HaloNotebooks.Selection;
using C = HaloNotebooks.Catalogs.CanonicalColumns;

namespace HaloNotebooks.Analysis;

/// <summary>
/// What Tables 1–3 should read on a mock: for the stars the selection kept in each row's range of (observed) r_GC, the
/// moments of their TRUE velocities and [Fe/H] (Table 1: per dimension the single Gaussian the fit tends to on these stars with their errors; Table 2: likewise
/// the two-component mixture, by extreme deconvolution of noisy replicas of the true values), and for Table 3 the mock's dipole field averaged over the stars with the dispersion of the true
/// V_r about it. Entries are exact (no error), so a comparison measures our fits against their own posterior widths.
/// </summary>
public static class MockTruthTables
{
    /// <summary>Truth column names of MockCatalog.Truth.</summary>
    public const string Population = "population", TrueVr = "v_r", TrueVPhi = "v_phi", TrueVTheta = "v_theta", TrueFeh = "feh", TrueRGc = "r_gc";

    /// <summary>
    /// Tables 1–3 of the mock's truth for the bins of <paramref name="settings"/>. <paramref name="dipoleAt"/> gives the
    /// mock's (μ_compr, μ_dipole, l_apex, b_apex) at a true r_GC (<see cref="DefaultMockField"/> for the default mock).
    /// </summary>
    public static (PaperTable Table1, PaperTable Table2, PaperTable Table3) Build(HaloSample sample, HaloSample dipoleSample, StarTable truth,
        AnalysisSettings settings, Func<double, (double MuCompr, double MuDipole, double LApex, double BApex)> dipoleAt)
    {
        var index = new Dictionary<long, int>();
        var ids = truth.GetInt64(C.TargetId);
        for (int i = 0; i < ids.Length; i++) index[ids[i]] = i;
        var pop = truth.GetString(Population);
        double[] vr = truth.GetDouble(TrueVr), vphi = truth.GetDouble(TrueVPhi), vtheta = truth.GetDouble(TrueVTheta), feh = truth.GetDouble(TrueFeh), rTrue = truth.GetDouble(TrueRGc);

        int[] Rows(HaloSample s)
        {
            var sid = s.Stars.GetInt64(C.TargetId);
            return sid.Select(id => index.TryGetValue(id, out int row) ? row
                : throw new CatalogException($"selected star targetid {id} is not in the mock's truth table")).ToArray();
        }
        int[] rows = Rows(sample), dipoleRows = Rows(dipoleSample);
        double[] rObs = sample.Stars.GetDouble(C.RGc), rObsDipole = dipoleSample.Stars.GetDouble(C.RGc);
        double[] l = dipoleSample.Stars.GetDouble(C.L), b = dipoleSample.Stars.GetDouble(C.B);

        var ranges = new List<(double Lo, double Hi)> { (settings.RMin, settings.RMax) };
        for (int k = 0; k < settings.RadialBins.Count; k++) ranges.Add(settings.RadialBins[k]);
        var dBins = settings.DipoleRadialBins;
        var dipoleRanges = new List<(double Lo, double Hi)> { (dBins.RMin, dBins.RMax) };
        for (int k = 0; k < dBins.Count; k++) dipoleRanges.Add(dBins[k]);

        TableRow Row(string? component, double lo, double hi, double[] r, List<int> m, Dictionary<string, Measurement> values)
        {
            var inside = r.Where(x => x >= lo && x < hi).ToArray();
            return new TableRow(component, lo, hi, RadialBin.Of(lo, hi, inside).RMedian, m.Count, values);
        }

        // Table 1: per dimension the single Gaussian the fit converges to on these stars with their own errors (the
        // "pseudo-true" parameters maximising the expected Eq. 2 likelihood over the noise); it differs from the plain
        // moments when the stars' spread varies with their error, e.g. the far stars' larger σ_θ weighs less.
        var t1 = new List<TableRow>();
        double[][] errCols = [sample.Stars.GetDouble(C.ErrVR), sample.Stars.GetDouble(C.ErrVPhi), sample.Stars.GetDouble(C.ErrVTheta), sample.Stars.GetDouble(C.FehErr)];
        double[][] trueCols = [vr, vphi, vtheta, feh];
        foreach (var (lo, hi) in ranges)
        {
            var idx = new List<int>();
            for (int i = 0; i < rObs.Length; i++) if (rObs[i] >= lo && rObs[i] < hi) idx.Add(i);
            if (idx.Count < 2) continue;
            var fits = Enumerable.Range(0, 4).Select(d => PseudoTrueGaussian(idx.Select(i => trueCols[d][rows[i]]).ToArray(), idx.Select(i => errCols[d][i]).ToArray())).ToArray();
            var values = new Dictionary<string, Measurement>
            {
                ["vr"] = Measurement.Exact(fits[0].Mean), ["vphi"] = Measurement.Exact(fits[1].Mean), ["vtheta"] = Measurement.Exact(fits[2].Mean),
                ["sigma_r"] = Measurement.Exact(fits[0].Sigma), ["sigma_phi"] = Measurement.Exact(fits[1].Sigma), ["sigma_theta"] = Measurement.Exact(fits[2].Sigma),
                ["feh_mean"] = Measurement.Exact(fits[3].Mean), ["feh_sigma"] = Measurement.Exact(fits[3].Sigma),
                ["beta"] = Measurement.Exact(Anisotropy.Beta(fits[0].Sigma, fits[1].Sigma, fits[2].Sigma)),
            };
            t1.Add(new TableRow(null, lo, hi, RadialBin.Of(lo, hi, rObs).RMedian, idx.Count, values));
        }
        // Table 2: the pseudo-true two-component mixture — the parameters the fit of Eqs. 1–3 tends to on these stars with
        // their own errors, as Table 1's truth is for one Gaussian. The mixture has no closed form, so the expectation
        // over the noise is taken by Monte Carlo: extreme deconvolution (the same per-star-error likelihood) of
        // MixtureReplicas copies of the TRUE values, each with fresh noise of the stars' quoted errors. Contaminants that
        // survived the selection are shared between the components exactly as a mixture fit shares them.
        var t2Rows = new List<(int Order, TableRow Row)>();
        foreach (var (lo, hi) in ranges)
        {
            var idx = new List<int>();
            for (int i = 0; i < rObs.Length; i++) if (rObs[i] >= lo && rObs[i] < hi) idx.Add(i);
            var members = idx.Select(i => rows[i]).ToList();
            if (members.Count(t => pop[t] == "halo_mr") < 2 || members.Count(t => pop[t] == "halo_mp") < 2) continue;
            var (mrValues, mpValues) = PseudoTrueMixture(idx, rows, trueCols, errCols, SeededRandom.DeriveSeed(settings.Seed, t2Rows.Count));
            t2Rows.Add((0, Row("MR", lo, hi, rObs, members, mrValues)));
            t2Rows.Add((1, Row("MP", lo, hi, rObs, members, mpValues)));
        }
        var t2 = t2Rows.OrderBy(x => x.Order).Select(x => x.Row).ToList();
        var t3 = new List<TableRow>();
        foreach (var (lo, hi) in dipoleRanges)
        {
            var sel = new List<int>();
            for (int i = 0; i < rObsDipole.Length; i++) if (rObsDipole[i] >= lo && rObsDipole[i] < hi) sel.Add(i);
            if (sel.Count < 2) continue;
            // μ_compr, μ_dipole: star averages; the apex: averaged with weights |μ_dipole| (a star whose true r puts it
            // inside the dipole region contributes its own mean V_r and no dipole); σ_r: rms of the true V_r about each
            // star's own mean field.
            double c = 0, d = 0, w = 0, bSum = 0, x = 0, y = 0, residual2 = 0;
            foreach (int i in sel)
            {
                var p = dipoleAt(rTrue[dipoleRows[i]]);
                c += p.MuCompr; d += p.MuDipole;
                double wi = Math.Abs(p.MuDipole);
                w += wi; bSum += wi * p.BApex;
                x += wi * Math.Cos(p.LApex * Math.PI / 180); y += wi * Math.Sin(p.LApex * Math.PI / 180);
                double res = vr[dipoleRows[i]] - new DipoleVelocityField(p.MuCompr, p.MuDipole, p.LApex, p.BApex).MeanVr(l[i], b[i]);
                residual2 += res * res;
            }
            int n = sel.Count;
            double lApex = Math.Atan2(y, x) * 180 / Math.PI;
            var values = new Dictionary<string, Measurement>
            {
                ["mu_compr"] = Measurement.Exact(c / n), ["mu_dipole"] = Measurement.Exact(d / n),
                ["l_apex"] = Measurement.Exact(lApex), ["b_apex"] = Measurement.Exact(w > 0 ? bSum / w : double.NaN),
                ["sigma_r"] = Measurement.Exact(Math.Sqrt(residual2 / n)),
            };
            t3.Add(new TableRow(null, lo, hi, RadialBin.Of(lo, hi, rObsDipole).RMedian, n, values));
        }
        return (new PaperTable(1, t1), new PaperTable(2, t2), new PaperTable(3, t3));
    }

    /// <summary>
    /// The default mock's mean radial-velocity field at a true r_GC as Eq. 6 parameters: Table 3's (interpolated) beyond
    /// HaloVelocityField.DipoleRadius; inside it no dipole and μ_compr the p_MR-weighted Table 2 mean V_r (stars scattered
    /// outwards by distance errors carry that field into the 50–60 kpc bin).
    /// </summary>
    public static Func<double, (double MuCompr, double MuDipole, double LApex, double BApex)> DefaultMockField(HaloVelocityField? field = null)
    {
        var f = field ?? new HaloVelocityField();
        return r =>
        {
            if (r > HaloVelocityField.DipoleRadius) return f.DipoleParameters(r);
            double p = f.MetalRichFraction(r);
            return (p * f.Table2Moments(true, r).Vr + (1 - p) * f.Table2Moments(false, r).Vr, 0, 0, 0);
        };
    }

    /// <summary>EM for a two-component, axis-aligned Gaussian mixture of the rows' values, from initial MR memberships.</summary>
    /// <summary>Noisy replicas of the true values averaged over in <see cref="PseudoTrueMixture"/>: the Monte-Carlo scatter
    /// of the truth is then ≈ 1/√8 of a fit's own posterior width on the same stars.</summary>
    const int MixtureReplicas = 8;

    /// <summary>
    /// The two-component mixture maximising the expected Eq. 3 likelihood over the measurement noise, estimated by
    /// extreme deconvolution of <see cref="MixtureReplicas"/> copies of the true values with fresh N(0, err²) noise
    /// (seeded). MR is the component with the higher mean [Fe/H].
    /// </summary>
    static (Dictionary<string, Measurement> Mr, Dictionary<string, Measurement> Mp) PseudoTrueMixture(
        List<int> sampleRows, int[] truthRows, double[][] trueCols, double[][] errCols, long seed)
    {
        int n = sampleRows.Count, total = n * MixtureReplicas;
        var cols = new double[8][];
        for (int j = 0; j < 8; j++) cols[j] = new double[total];
        for (int r = 0; r < MixtureReplicas; r++)
        {
            var rng = new SeededRandom(seed, r);
            for (int i = 0; i < n; i++)
                for (int d = 0; d < 4; d++)
                {
                    double e = errCols[d][sampleRows[i]];
                    cols[d][r * n + i] = trueCols[d][truthRows[sampleRows[i]]] + e * rng.NextGaussian();
                    cols[4 + d][r * n + i] = e;
                }
        }
        var fit = ExtremeDeconvolution.Fit(new KinematicSample(cols[0], cols[1], cols[2], cols[3], cols[4], cols[5], cols[6], cols[7]), 2);
        int mr = fit.Means[0][3] >= fit.Means[1][3] ? 0 : 1;
        Dictionary<string, Measurement> Values(int c)
        {
            var v = new Dictionary<string, Measurement>();
            string[] meanKeys = ["vr", "vphi", "vtheta", "feh_mean"], sigmaKeys = ["sigma_r", "sigma_phi", "sigma_theta", "feh_sigma"];
            for (int d = 0; d < 4; d++) { v[meanKeys[d]] = Measurement.Exact(fit.Means[c][d]); v[sigmaKeys[d]] = Measurement.Exact(fit.Sigmas[c][d]); }
            v["beta"] = Measurement.Exact(Anisotropy.Beta(fit.Sigmas[c][0], fit.Sigmas[c][1], fit.Sigmas[c][2]));
            return v;
        }
        var mrValues = Values(mr);
        mrValues["p_mr"] = Measurement.Exact(fit.Weights[mr]);
        return (mrValues, Values(1 - mr));
    }

    /// <summary>
    /// The (μ, σ) maximising E[Σ ln N(x_i + ε_i | μ, σ² + e_i²)] over ε_i ~ N(0, e_i²): for each σ the best μ is the
    /// weighted mean with w = 1/(σ² + e²); σ by golden section. With equal errors it is the plain mean and rms.
    /// </summary>
    internal static (double Mean, double Sigma) PseudoTrueGaussian(double[] x, double[] err)
    {
        (double Mu, double Value) At(double sigma)
        {
            double sw = 0, swx = 0;
            for (int i = 0; i < x.Length; i++) { double w = 1 / (sigma * sigma + err[i] * err[i]); sw += w; swx += w * x[i]; }
            double mu = swx / sw, value = 0;
            for (int i = 0; i < x.Length; i++)
            {
                double v = sigma * sigma + err[i] * err[i], d = x[i] - mu;
                value -= 0.5 * ((d * d + err[i] * err[i]) / v + Math.Log(v));
            }
            return (mu, value);
        }
        double mean = x.Average(), rms = Math.Sqrt(x.Sum(v => (v - mean) * (v - mean)) / x.Length);
        double a = 1e-3 * rms + 1e-9, b = 3 * rms + 1e-9, g = (Math.Sqrt(5) - 1) / 2;
        double c = b - g * (b - a), d2 = a + g * (b - a);
        double fc = At(c).Value, fd = At(d2).Value;
        for (int it = 0; it < 200 && b - a > 1e-10 * rms; it++)
        {
            if (fc > fd) { b = d2; d2 = c; fd = fc; c = b - g * (b - a); fc = At(c).Value; }
            else { a = c; c = d2; fc = fd; d2 = a + g * (b - a); fd = At(d2).Value; }
        }
        double best = 0.5 * (a + b);
        return (At(best).Mu, best);
    }
}
