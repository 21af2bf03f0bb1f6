using HaloNotebooks.Astrometry;
using HaloNotebooks.Uncertainties;

namespace HaloNotebooks.Selection;

/// <summary>
/// §2.3's Monte-Carlo velocity errors remembered per star, so that selections of one catalogue that differ only in a
/// cut (§2.3, §4.4's error limits, the Sgr footprint kept) draw each star's 1000 samples once: the union of their
/// survivors is propagated, not each sample. A star's draws come from its own stream (seed, targetid), so a remembered
/// value is bit-identical to a recomputed one; a star whose observables differ from the remembered ones is redrawn.
/// </summary>
internal sealed class VelocityErrorMemo
{
    internal readonly record struct Inputs(double Ra, double Dec, double Distance, double Pmra, double Pmdec, double Rv,
        double ErrDistance, double ErrPmra, double ErrPmdec, double PmCorr, double ErrRv);

    internal readonly record struct Draws(GalactocentricFrame Frame, int Samples, long Seed);

    internal readonly Dictionary<Draws, Dictionary<long, (Inputs In, double Vr, double VPhi, double VTheta)>> memo = [];

    /// <summary>A folder of <see cref="VelocityErrorStore"/> files: remembered errors are read from it and, by
    /// <see cref="VelocityErrorStore.Save"/>, written back (null: this process only).</summary>
    internal string? StoreFolder { get; init; }

    /// <summary>The draws whose errors grew since they were read from <see cref="StoreFolder"/>.</summary>
    internal HashSet<Draws> Grown { get; } = [];
    readonly Lock gate = new();

    /// <summary>Stars whose errors were drawn (each once per frame, sample count and seed).</summary>
    internal int StarsDrawn { get; private set; }

    /// <summary>Stars whose remembered errors were handed out again instead of drawn.</summary>
    internal int StarsReused { get; private set; }

    /// <summary>The errors of every star (<paramref name="ids"/>: one stream id each, unique), drawing only those not remembered.</summary>
    internal VelocityErrors Propagate(GalactocentricFrame frame, ObservableColumns obs, ObservableErrors err, int samples, long seed,
        long[] ids, int? maxDegreeOfParallelism, IProgress<double>? progress)
    {
        lock (gate)
        {
            var draws = new Draws(frame, samples, seed);
            if (!memo.TryGetValue(draws, out var known))
                memo[draws] = known = StoreFolder is null ? [] : VelocityErrorStore.Load(StoreFolder, draws) ?? [];
            int n = ids.Length;
            var inputs = new Inputs[n];
            var missing = new List<int>();
            for (int i = 0; i < n; i++)
            {
                inputs[i] = new Inputs(obs.Ra[i], obs.Dec[i], obs.Distance[i], obs.Pmra[i], obs.Pmdec[i], obs.Rv[i],
                    err.Distance[i], err.Pmra[i], err.Pmdec[i], err.PmCorr[i], err.Rv[i]);
                if (!known.TryGetValue(ids[i], out var k) || !k.In.Equals(inputs[i])) missing.Add(i);
            }
            if (missing.Count > 0)
            {
                double[] Pick(double[] column) => missing.Select(i => column[i]).ToArray();
                var v = MonteCarloErrors.Propagate(frame,
                    new ObservableColumns(Pick(obs.Ra), Pick(obs.Dec), Pick(obs.Distance), Pick(obs.Pmra), Pick(obs.Pmdec), Pick(obs.Rv)),
                    new ObservableErrors(Pick(err.Distance), Pick(err.Pmra), Pick(err.Pmdec), Pick(err.PmCorr), Pick(err.Rv)),
                    new MonteCarloSettings(Samples: samples, Seed: seed, MaxDegreeOfParallelism: maxDegreeOfParallelism,
                        StreamIds: missing.Select(i => ids[i]).ToArray()), progress);
                for (int j = 0; j < missing.Count; j++) known[ids[missing[j]]] = (inputs[missing[j]], v.Vr[j], v.VPhi[j], v.VTheta[j]);
                Grown.Add(draws);
            }
            progress?.Report(1);
            StarsDrawn += missing.Count;
            StarsReused += n - missing.Count;
            double[] vr = new double[n], vphi = new double[n], vtheta = new double[n];
            for (int i = 0; i < n; i++) (_, vr[i], vphi[i], vtheta[i]) = known[ids[i]];
            return new VelocityErrors(vr, vphi, vtheta);
        }
    }
}
