using System.Runtime.CompilerServices;
using HaloNotebooks.Astrometry;
using HaloNotebooks.Numerics;

namespace HaloNotebooks.Uncertainties;

/// <summary>
/// §2.3: "we propagate uncertainties in the distances, proper motions from Gaia DR3, and line-of-sight
/// velocity via 1000 Monte Carlo sampling" and keep |δV| &lt; 100 km/s. Per star and draw: distance from
/// <see cref="DistanceErrorModel"/>, (pmra, pmdec) bivariate normal with the Gaia correlation, rv normal,
/// all independent; each draw goes through the Galactocentric transform and a running (Welford) mean and
/// variance of (V_r, V_phi, V_theta) is kept, so no per-draw arrays are allocated.
/// Star i draws from <c>SeededRandom(seed, i)</c>: results are bit-identical for any thread count.
/// A star with any NaN input or error gets NaN errors (the selection's error cut then removes it).
/// </summary>
internal static class MonteCarloErrors
{
    const int StarsPerChunk = 64;

    /// <summary>MC standard deviations (ddof = 1) of V_r, V_phi, V_theta for every star.</summary>
    internal static VelocityErrors Propagate(GalactocentricFrame frame, ObservableColumns obs, ObservableErrors err,
                                           MonteCarloSettings settings, IProgress<double>? progress = null) =>
        PropagateMoments(frame, obs, err, settings, progress).StdDev;

    /// <summary>MC means and standard deviations of V_r, V_phi, V_theta for every star.</summary>
    internal static VelocityMoments PropagateMoments(GalactocentricFrame frame, ObservableColumns obs, ObservableErrors err,
                                                   MonteCarloSettings settings, IProgress<double>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(frame);
        Validate(obs, err, settings);
        int n = obs.Count;
        var mean = new double[3][];
        var std = new double[3][];
        for (int k = 0; k < 3; k++) { mean[k] = new double[n]; std[k] = new double[n]; }

        int chunks = (n + StarsPerChunk - 1) / StarsPerChunk;
        int done = 0;
        var options = new ParallelOptions { MaxDegreeOfParallelism = settings.MaxDegreeOfParallelism ?? -1 };
        Parallel.For(0, chunks, options, c =>
        {
            int end = Math.Min(n, (c + 1) * StarsPerChunk);
            for (int i = c * StarsPerChunk; i < end; i++)
                PropagateStar(frame, obs, err, settings, i, mean, std);
            if (progress is not null)
                progress.Report((double)Interlocked.Increment(ref done) / chunks);
        });
        return new VelocityMoments(mean[0], mean[1], mean[2], new VelocityErrors(std[0], std[1], std[2]));
    }

    static void PropagateStar(GalactocentricFrame frame, ObservableColumns obs, ObservableErrors err,
                              MonteCarloSettings settings, int i, double[][] mean, double[][] std)
    {
        double d0 = obs.Distance[i], sd = err.Distance[i];
        double pmra0 = obs.Pmra[i], spmra = err.Pmra[i];
        double pmdec0 = obs.Pmdec[i], spmdec = err.Pmdec[i], rho = err.PmCorr[i];
        double rv0 = obs.Rv[i], srv = err.Rv[i];
        if (double.IsNaN(obs.Ra[i] + obs.Dec[i] + d0 + sd + pmra0 + spmra + pmdec0 + spmdec + rho + rv0 + srv))
        {
            for (int k = 0; k < 3; k++) { mean[k][i] = double.NaN; std[k][i] = double.NaN; }
            return;
        }

        // The direction is fixed, so rotate the heliocentric basis once: each draw is then a few multiply-adds.
        var a = frame.IcrsToGalactocentric;
        var (sinRa, cosRa) = Math.SinCos(obs.Ra[i] * Angles.DegToRad);
        var (sinDec, cosDec) = Math.SinCos(obs.Dec[i] * Angles.DegToRad);
        var u = a.Apply(new Vector3d(cosDec * cosRa, cosDec * sinRa, sinDec));
        var eRa = a.Apply(new Vector3d(-sinRa, cosRa, 0));
        var eDec = a.Apply(new Vector3d(-sinDec * cosRa, -sinDec * sinRa, cosDec));
        var sun = frame.SunPosition;
        var vsun = frame.SunVelocity;

        // Distance modulus μ = 5 log10(d / kpc) + 10, σ_μ = (5 / ln 10) σ_d / d.
        bool modulus = settings.DistanceModel == DistanceErrorModel.GaussianDistanceModulus;
        double mu0 = 5 * Math.Log10(d0) + 10, smu = 5 / Math.Log(10) * sd / d0;
        double rhoPerp = Math.Sqrt(1 - rho * rho);

        var rng = new SeededRandom(settings.Seed, settings.StreamIds is { } ids ? ids[i] : i);
        double mVr = 0, mVPhi = 0, mVTheta = 0, qVr = 0, qVPhi = 0, qVTheta = 0;
        for (int s = 1; s <= settings.Samples; s++)
        {
            double d = DrawDistance(rng, d0, sd, mu0, smu, modulus);
            double z1 = rng.NextGaussian(), z2 = rng.NextGaussian();
            double pmra = pmra0 + spmra * z1;
            double pmdec = pmdec0 + spmdec * (rho * z1 + rhoPerp * z2);
            double rv = rv0 + srv * rng.NextGaussian();

            double kd = GalactocentricFrame.KmPerSecPerMasYrKpc * d, ta = kd * pmra, td = kd * pmdec;
            double x = d * u.X + sun.X, y = d * u.Y + sun.Y, z = d * u.Z + sun.Z;
            double vx = rv * u.X + ta * eRa.X + td * eDec.X + vsun.X;
            double vy = rv * u.Y + ta * eRa.Y + td * eDec.Y + vsun.Y;
            double vz = rv * u.Z + ta * eRa.Z + td * eDec.Z + vsun.Z;
            double cyl2 = x * x + y * y, cyl = Math.Sqrt(cyl2), r = Math.Sqrt(cyl2 + z * z);
            double planar = x * vx + y * vy;
            double vr = (planar + z * vz) / r;
            double vphi = (x * vy - y * vx) / cyl;
            double vtheta = (cyl2 * vz - z * planar) / (r * cyl);

            // Welford's running mean and sum of squared deviations.
            double inv = 1.0 / s, delta;
            delta = vr - mVr; mVr += delta * inv; qVr += delta * (vr - mVr);
            delta = vphi - mVPhi; mVPhi += delta * inv; qVPhi += delta * (vphi - mVPhi);
            delta = vtheta - mVTheta; mVTheta += delta * inv; qVTheta += delta * (vtheta - mVTheta);
        }
        double dof = settings.Samples - 1;
        mean[0][i] = mVr; mean[1][i] = mVPhi; mean[2][i] = mVTheta;
        std[0][i] = Math.Sqrt(qVr / dof); std[1][i] = Math.Sqrt(qVPhi / dof); std[2][i] = Math.Sqrt(qVTheta / dof);
    }

    /// <summary>One distance draw (kpc) of <paramref name="model"/> for a star at d ± σ_d.</summary>
    internal static double DrawDistance(SeededRandom rng, double distance, double error, DistanceErrorModel model) =>
        DrawDistance(rng, distance, error, 5 * Math.Log10(distance) + 10, 5 / Math.Log(10) * error / distance,
                     model == DistanceErrorModel.GaussianDistanceModulus);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static double DrawDistance(SeededRandom rng, double d0, double sd, double mu0, double smu, bool modulus)
    {
        if (modulus) return Math.Pow(10, (mu0 + smu * rng.NextGaussian() - 10) / 5);
        double d;
        do d = d0 + sd * rng.NextGaussian(); while (d <= 0);   // truncated at d > 0: redraw
        return d;
    }

    static void Validate(ObservableColumns obs, ObservableErrors err, MonteCarloSettings settings)
    {
        ArgumentNullException.ThrowIfNull(obs);
        ArgumentNullException.ThrowIfNull(err);
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.Samples < 2)
            throw new ArgumentOutOfRangeException(nameof(settings), settings.Samples, "MonteCarloSettings.Samples must be at least 2 (the std has ddof = 1).");
        int n = obs.Count;
        var columns = new (string Name, double[] Values)[]
        {
            ("Dec", obs.Dec), ("Distance", obs.Distance), ("Pmra", obs.Pmra), ("Pmdec", obs.Pmdec), ("Rv", obs.Rv),
            ("errors.Distance", err.Distance), ("errors.Pmra", err.Pmra), ("errors.Pmdec", err.Pmdec),
            ("errors.PmCorr", err.PmCorr), ("errors.Rv", err.Rv),
        };
        foreach (var (name, values) in columns)
            if (values is null || values.Length != n)
                throw new ArgumentException($"column {name} has {values?.Length ?? 0} values, but Ra has {n}.");
        for (int i = 0; i < n; i++)
        {
            if (obs.Distance[i] <= 0)
                throw new ArgumentException($"star {i}: distance must be positive, got {obs.Distance[i]} kpc.");
            foreach (var (name, values) in columns.AsSpan(5))
                if (values[i] < 0 && name != "errors.PmCorr")
                    throw new ArgumentException($"star {i}: {name} must be non-negative, got {values[i]}.");
            if (Math.Abs(err.PmCorr[i]) > 1)
                throw new ArgumentException($"star {i}: errors.PmCorr must be in [-1, 1], got {err.PmCorr[i]}.");
        }
    }
}
