using HaloNotebooks.Astrometry;
using HaloNotebooks.Catalogs;
using HaloNotebooks.Uncertainties;
using C = HaloNotebooks.Catalogs.CanonicalColumns;

namespace HaloNotebooks.Selection;

/// <summary>
/// The paper's selection of halo K giants (§2.3) as a funnel, after DESI's quality cuts (<see cref="QualityCuts"/>), in the paper's order:
/// K giants (T_eff, M_r), disc removal ([Fe/H], |z|), substructures (globular clusters, dwarf galaxies, Sagittarius), then Galactocentric
/// velocities with Monte-Carlo errors and the error limits, and the r_GC range of the final sample.
/// </summary>
public static class PaperSelection
{
    /// <summary>
    /// Runs the selection on a catalogue with canonical columns (<see cref="PaperCuts.RequiredColumns"/>; distances
    /// already joined). <paramref name="substructures"/> is the list of clusters and dwarfs to remove (null: those
    /// steps are shown as skipped). Deterministic for a given <see cref="SelectionSettings.Seed"/>.
    /// </summary>
    // The short form with optional arguments stays for notebooks and callers; the long one shares the errors.
#pragma warning disable RS0026, RS0027
    public static HaloSample Run(StarTable catalogue, SelectionSettings settings, SubstructureCatalog? substructures = null,
        IProgress<double>? progress = null) => Run(catalogue, settings, substructures, null, progress);

    /// <summary>
    /// <see cref="Run(StarTable, SelectionSettings, SubstructureCatalog?, IProgress{double}?)"/> with the Monte-Carlo
    /// velocity errors taken from, and added to, <paramref name="errors"/>: selections of one catalogue that share it
    /// draw each star once, with bit-identical results (used when every surviving row has a unique targetid).
    /// </summary>
    internal static HaloSample Run(StarTable catalogue, SelectionSettings settings, SubstructureCatalog? substructures,
        VelocityErrorMemo? errors, IProgress<double>? progress)
#pragma warning restore RS0026, RS0027
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        return Select(CatalogueChunks.FromTable(catalogue), settings, substructures, errors, progress, CatalogueChunks.DefaultChunkRows);
    }

    /// <summary>
    /// As <see cref="Run(StarTable, SelectionSettings, SubstructureCatalog?, IProgress{double}?)"/> on a catalogue read in row
    /// chunks of <paramref name="rowsPerChunk"/>: every cut that decides a row by itself runs chunk by chunk, keeping only
    /// the survivors; the Monte-Carlo errors and the cuts after them run once on all survivors (§2.3 (4)). One Gaia source
    /// in several rows needs the whole catalogue, so a first pass reads only the quality flags and SOURCE_ID
    /// (<see cref="QualityCuts.FindGaiaSourceWinners"/>). Same funnel and same sample, bit for bit, whatever the chunk size.
    /// </summary>
    internal static HaloSample RunInChunks(CatalogueChunks catalogue, SelectionSettings settings, SubstructureCatalog? substructures = null,
        IProgress<double>? progress = null, int rowsPerChunk = CatalogueChunks.DefaultChunkRows) =>
        Select(catalogue, settings, substructures, null, progress, rowsPerChunk);

    /// <summary><see cref="RunInChunks"/> with the Monte-Carlo velocity errors shared through <paramref name="errors"/>.</summary>
    internal static HaloSample Select(CatalogueChunks catalogue, SelectionSettings settings, SubstructureCatalog? substructures,
        VelocityErrorMemo? errors, IProgress<double>? progress, int rowsPerChunk)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        ArgumentNullException.ThrowIfNull(settings);
        foreach (var c in PaperCuts.RequiredColumns)
            if (!catalogue.Contains(c))
                throw new CatalogException($"the selection needs the columns {string.Join(", ", PaperCuts.RequiredColumns)}; this one is absent", column: c);
        if (settings.McSamples < 2) throw new ArgumentException($"McSamples = {settings.McSamples}: at least 2 draws are needed for a standard deviation");

        // With the fit cache on, a selection of a catalogue held in memory is kept beside the fits (SelectionCache).
        var key = SelectionCache.Key(catalogue, settings, substructures);
        if (SelectionCache.TryRead(key) is { } kept) { progress?.Report(1.0); return kept; }

        // Progress: the Gaia pass 0–5 %, the chunks 5–30 %, the Monte-Carlo errors (most of the time) 30–95 %.
        double rows = Math.Max(1, catalogue.RowCount);
        var winners = QualityCuts.FindGaiaSourceWinners(catalogue, settings, rowsPerChunk,
            progress is null ? null : new Progress<double>(p => progress.Report(0.05 * p)));
        var funnel = new ChunkedFunnel(catalogue.RowCount);
        foreach (var (first, chunk) in catalogue.Read(rowsPerChunk))
        {
            funnel.Add(PerStarCuts(funnel.Chunk(chunk, first), settings, substructures, winners));
            progress?.Report(0.05 + 0.25 * (first + chunk.RowCount) / rows);
        }

        // §2.3 (4): Monte-Carlo velocity errors for the clean halo sample, then the error limits and the r_GC range.
        var survivors = funnel.Survivors();
        var mcProgress = progress is null ? null : new Progress<double>(p => progress.Report(0.3 + 0.65 * p));
        survivors.Derive(t => WithVelocityErrors(t, settings, mcProgress, errors));
        survivors.Apply(PaperCuts.VelocityErrors(settings));
        survivors.Apply(PaperCuts.RadialRange(settings));
        progress?.Report(1.0);

        var sample = new HaloSample(survivors.Current, survivors.Build(), survivors.SurvivorInputRows());
        SelectionCache.Write(key, sample);
        return sample;
    }

    /// <summary>The cuts up to the Sagittarius mask, each deciding a star by its own row, on one chunk.</summary>
    static FunnelBuilder PerStarCuts(FunnelBuilder funnel, SelectionSettings settings, SubstructureCatalog? substructures, GaiaSourceWinners? winners)
    {
        // Not in the paper: DESI's quality flags, one row per star, one distance per star (each counted by name).
        foreach (var cut in QualityCuts.All(settings, winners)) funnel.Apply(cut);
        funnel.Apply(PaperCuts.Measured());

        // §2.3 (1): K giants. M_r from r, the distance and E(B−V).
        funnel.Derive(t => t.WithColumn(C.AbsMagR,
            Extinction.AbsoluteMagnitude(t.GetDouble(C.RMag), t.GetDouble(C.Distance), t.GetDouble(C.Ebv), settings.ExtinctionRr)));
        funnel.Apply(PaperCuts.KGiantTeff(settings));
        funnel.Apply(PaperCuts.KGiantAbsMag(settings));

        // §2.3 (2): disc removal needs z; positions and velocities are computed once for the K giants.
        funnel.Derive(t => WithPhaseSpace(t, settings.EffectiveFrame));
        funnel.Apply(PaperCuts.DiscMetallicity(settings));
        funnel.Apply(PaperCuts.DiscHeight(settings));

        // §2.3 (3): known substructures, then the Sagittarius stream (both optional, §4.1 / Fig. 2).
        if (settings.RemoveSubstructures)
        {
            funnel.Apply(PaperCuts.Substructures(SubstructureKind.GlobularCluster, settings, substructures));
            funnel.Apply(PaperCuts.Substructures(SubstructureKind.DwarfGalaxy, settings, substructures));
        }
        if (settings.MaskSagittarius) funnel.Apply(PaperCuts.Sagittarius(settings));
        return funnel;
    }

    /// <summary>Adds l, b, Galactocentric x, y, z, R, r_gc, vx, vy, vz, v_r, v_phi, v_theta and the Sgr coordinates.</summary>
    internal static StarTable WithPhaseSpace(StarTable t, GalactocentricFrame frame)
    {
        double[] ra = t.GetDouble(C.Ra), dec = t.GetDouble(C.Dec);
        var g = frame.Transform(ra, dec, t.GetDouble(C.Distance), t.GetDouble(C.Pmra), t.GetDouble(C.Pmdec), t.GetDouble(C.Rv));
        int n = t.RowCount;
        double[] l = new double[n], b = new double[n], lam = new double[n], beta = new double[n];
        GalacticCoordinates.FromIcrs(ra, dec, l, b);
        for (int i = 0; i < n; i++) (lam[i], beta[i]) = SagittariusFrame.FromGalactic(l[i], b[i]);
        return t.WithColumn(C.L, l).WithColumn(C.B, b)
            .WithColumn(C.X, g.X).WithColumn(C.Y, g.Y).WithColumn(C.Z, g.Z).WithColumn(C.RCyl, g.R).WithColumn(C.RGc, g.RGc)
            .WithColumn(C.Vx, g.Vx).WithColumn(C.Vy, g.Vy).WithColumn(C.Vz, g.Vz)
            .WithColumn(C.VR, g.Vr).WithColumn(C.VPhi, g.VPhi).WithColumn(C.VTheta, g.VTheta)
            .WithColumn(C.SgrLambda, lam).WithColumn(C.SgrBeta, beta);
    }

    /// <summary>Adds err_v_r, err_v_phi, err_v_theta: the Monte-Carlo standard deviations of §2.3 (one random stream per
    /// star from <see cref="SelectionSettings.Seed"/>, keyed by targetid when every row has one, so a star's errors do
    /// not change when a what-if cut upstream keeps other rows). A missing pmra–pmdec correlation is taken as 0.</summary>
    internal static StarTable WithVelocityErrors(StarTable t, SelectionSettings settings, IProgress<double>? progress = null) =>
        WithVelocityErrors(t, settings, progress, null);

    static StarTable WithVelocityErrors(StarTable t, SelectionSettings settings, IProgress<double>? progress, VelocityErrorMemo? memo)
    {
        var obs = new ObservableColumns(t.GetDouble(C.Ra), t.GetDouble(C.Dec), t.GetDouble(C.Distance),
            t.GetDouble(C.Pmra), t.GetDouble(C.Pmdec), t.GetDouble(C.Rv));
        var corr = t.Contains(C.PmraPmdecCorr) ? t.GetDouble(C.PmraPmdecCorr) : new double[t.RowCount];
        for (int i = 0; i < corr.Length; i++) if (!double.IsFinite(corr[i])) corr[i] = 0;
        var err = new ObservableErrors(t.GetDouble(C.DistanceErr), t.GetDouble(C.PmraError), t.GetDouble(C.PmdecError), corr, t.GetDouble(C.RvErr));
        var ids = StarIds(t);
        // Without a memo of the caller's, the errors kept on disk when a program switched that on (the notebooks: VelocityErrorStore.Folder).
        var stored = memo is null && VelocityErrorStore.Folder is { } folder ? new VelocityErrorMemo { StoreFolder = folder } : null;
        memo ??= stored;
        var v = memo is not null && ids is not null && ids.Distinct().Count() == ids.Length
            ? memo.Propagate(settings.EffectiveFrame, obs, err, settings.McSamples, settings.Seed, ids, settings.MaxDegreeOfParallelism, progress)
            : MonteCarloErrors.Propagate(settings.EffectiveFrame, obs, err,
                new MonteCarloSettings(Samples: settings.McSamples, Seed: settings.Seed, MaxDegreeOfParallelism: settings.MaxDegreeOfParallelism,
                                       StreamIds: ids), progress);
        if (stored is not null) VelocityErrorStore.Save(stored);
        return t.WithColumn(C.ErrVR, v.Vr).WithColumn(C.ErrVPhi, v.VPhi).WithColumn(C.ErrVTheta, v.VTheta);
    }

    /// <summary>The targetid column when present and complete; otherwise null (streams fall back to the row index).</summary>
    static long[]? StarIds(StarTable t)
    {
        if (!t.Contains(C.TargetId) || t.GetColumnType(C.TargetId) is not (ColumnType.Int64 or ColumnType.Int32)) return null;
        var missing = t.GetMissing(C.TargetId);
        return missing.Any(m => m) ? null : t.GetInt64(C.TargetId);
    }
}
