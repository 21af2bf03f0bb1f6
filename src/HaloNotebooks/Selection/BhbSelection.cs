using HaloNotebooks.Catalogs;
using C = HaloNotebooks.Catalogs.CanonicalColumns;

namespace HaloNotebooks.Selection;

/// <summary>
/// The §4.4 outer-halo sample built from blue horizontal branch stars (Catalogs.DesiBhbStars) instead of K giants. The
/// stars are already BHB stars of the DESI DR1 VAC, so the K-giant (T_eff, M_r) and disc ([Fe/H], |z|) cuts of §2.3 do
/// not apply (BHB [Fe/H] from RVSpecFit is unreliable at these temperatures, and |z| &gt; 2 kpc holds for every star
/// beyond 50 kpc); satellite members were removed when the table was built. What remains of the paper's selection is
/// applied as it is: the Sgr mask |B̃| &lt; 15° (§2.3), Monte-Carlo velocity errors (§2.3) and the §4.4 error cut
/// |δV_r| &lt; 50 km/s, then the r_GC range.
/// Adapted to what the catalogue holds: the table's distance error is an assumed 10 % of the distance (not a
/// measurement), so δV_r propagates that assumed error with the measured proper-motion and RV errors.
/// </summary>
public static class BhbSelection
{
    /// <summary>Columns the selection reads.</summary>
    internal static readonly string[] RequiredColumns =
        [C.Ra, C.Dec, C.Distance, C.DistanceErr, C.Pmra, C.Pmdec, C.PmraError, C.PmdecError, C.Rv, C.RvErr];

    /// <summary>§4.4's error cut and the Sgr mask on the BHB stars, over the paper's 3–160 kpc (the dipole range is a
    /// further <see cref="HaloSample.InRadialRange"/>). <paramref name="settings"/> is read for MaxErrVr (and the
    /// tangential limits, null in §4.4), MaskSagittarius, SgrBWidth, RGcMin/RGcMax, McSamples, Seed and the frame.</summary>
    public static HaloSample Run(StarTable catalogue, SelectionSettings? settings = null, IProgress<double>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        settings ??= SelectionSettings.PaperDipole;
        foreach (var c in RequiredColumns)
            if (!catalogue.Contains(c))
                throw new CatalogException($"the BHB selection needs the columns {string.Join(", ", RequiredColumns)}; this one is absent", column: c);
        if (settings.McSamples < 2) throw new ArgumentException($"McSamples = {settings.McSamples}: at least 2 draws are needed for a standard deviation");

        var funnel = new FunnelBuilder(catalogue);
        funnel.Apply(Measured());
        funnel.Derive(t => PaperSelection.WithPhaseSpace(t, settings.EffectiveFrame));
        if (settings.MaskSagittarius) funnel.Apply(PaperCuts.Sagittarius(settings));
        progress?.Report(0.05);
        var mcProgress = progress is null ? null : new Progress<double>(p => progress.Report(0.05 + 0.9 * p));
        funnel.Derive(t => PaperSelection.WithVelocityErrors(t, settings, mcProgress));
        funnel.Apply(PaperCuts.VelocityErrors(settings));
        funnel.Apply(PaperCuts.RadialRange(settings));
        progress?.Report(1.0);
        return new HaloSample(funnel.Current, funnel.Build(), funnel.SurvivorInputRows());
    }

    /// <summary>Not a cut of the paper: rows lacking a quantity δV_r needs (13 DR1 BHB rows have no proper-motion errors).</summary>
    static Cut Measured() => new(
        "measured",
        "(not in the paper) finite position, distance±err > 0, proper motions±err, RV±err (the BHB table's distance error is an assumed 10 %)",
        [],
        t =>
        {
            var cols = RequiredColumns.Select(c => t.GetDouble(c)).ToArray();
            double[] d = t.GetDouble(C.Distance), dErr = t.GetDouble(C.DistanceErr);
            var keep = new bool[t.RowCount];
            for (int i = 0; i < keep.Length; i++)
            {
                bool ok = d[i] > 0 && dErr[i] > 0;
                foreach (var c in cols) ok &= double.IsFinite(c[i]);
                keep[i] = ok;
            }
            return keep;
        });
}
