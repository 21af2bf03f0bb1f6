namespace HaloNotebooks.Catalogs;

/// <summary>
/// The DESI Milky Way Survey <c>mwsall</c> layout (DR1 data model, desi-mws-dr1-datamodel
/// docs/mwsall.rst): row-aligned BINTABLE HDUs RVTAB (RVSpecFit), FIBERMAP and GAIA (Gaia DR3),
/// mapped onto <see cref="CanonicalColumns"/>. Only the columns below are read (column
/// projection), so a multi-GB file costs memory for ~20 columns only.
/// </summary>
/// <remarks>
/// <list type="table">
/// <listheader><term>canonical</term><description>HDU · DESI column (unit) · note</description></listheader>
/// <item><term>targetid</term><description>RVTAB · TARGETID (int64) · required; FIBERMAP.TARGETID must agree row by row</description></item>
/// <item><term>rv, rv_err</term><description>RVTAB · VRAD, VRAD_ERR (km/s)</description></item>
/// <item><term>teff, teff_err</term><description>RVTAB · TEFF, TEFF_ERR (K)</description></item>
/// <item><term>logg, logg_err</term><description>RVTAB · LOGG, LOGG_ERR (dex)</description></item>
/// <item><term>feh, feh_err</term><description>RVTAB · FEH, FEH_ERR (dex)</description></item>
/// <item><term>rvs_warn, rv_success, primary, rr_spectype</term><description>RVTAB · RVS_WARN (int64), SUCCESS (bool), PRIMARY (bool), RR_SPECTYPE
/// (char[6])</description></item>
/// <item><term>ra, dec</term><description>FIBERMAP · TARGET_RA, TARGET_DEC (deg)</description></item>
/// <item><term>ebv</term><description>FIBERMAP · EBV (mag, SFD98)</description></item>
/// <item><term>r_mag</term><description>FIBERMAP · FLUX_R (nanomaggy) · r = 22.5 − 2.5 log10(FLUX_R); FLUX_R ≤ 0 → missing</description></item>
/// <item><term>source_id</term><description>GAIA · SOURCE_ID (int64)</description></item>
/// <item><term>pmra, pmdec</term><description>GAIA · PMRA, PMDEC (mas/yr, pmra includes cos dec)</description></item>
/// <item><term>pmra_error, pmdec_error, pmra_pmdec_corr</term><description>GAIA · PMRA_ERROR, PMDEC_ERROR (mas/yr), PMRA_PMDEC_CORR</description></item>
/// <item><term>gaia_g</term><description>GAIA · PHOT_G_MEAN_MAG (mag)</description></item>
/// <item><term>distance, distance_err, distance_rows</term><description>distance catalogue · <see cref="DistanceColumns"/> (kpc), joined by TARGETID or Gaia
/// SOURCE_ID (<see cref="DistanceJoin"/>)</description></item>
/// </list>
/// Columns of the table that are absent from a file are simply not produced (the mock may write a
/// subset); TARGETID is the only required one. RVTAB columns whose names are entirely lower case
/// (never DESI's spelling) are passed through unchanged: <see cref="Write"/> stores canonical
/// columns that have no DESI home there, so Write → Read returns the same table exactly.
/// </remarks>
internal static class DesiMwsCatalog
{
    internal const string RvTab = "RVTAB", FiberMap = "FIBERMAP", Gaia = "GAIA";

    /// <summary>(canonical, HDU, DESI column) for every directly copied column; r_mag is derived from FLUX_R.</summary>
    internal static IReadOnlyList<(string Canonical, string Hdu, string Desi)> Mapping { get; } =
    [
        (CanonicalColumns.TargetId, RvTab, "TARGETID"),
        (CanonicalColumns.Rv, RvTab, "VRAD"), (CanonicalColumns.RvErr, RvTab, "VRAD_ERR"),
        (CanonicalColumns.Teff, RvTab, "TEFF"), (CanonicalColumns.TeffErr, RvTab, "TEFF_ERR"),
        (CanonicalColumns.Logg, RvTab, "LOGG"), (CanonicalColumns.LoggErr, RvTab, "LOGG_ERR"),
        (CanonicalColumns.Feh, RvTab, "FEH"), (CanonicalColumns.FehErr, RvTab, "FEH_ERR"),
        (CanonicalColumns.RvsWarn, RvTab, "RVS_WARN"), (CanonicalColumns.RvSuccess, RvTab, "SUCCESS"), (CanonicalColumns.Primary, RvTab, "PRIMARY"),
        (CanonicalColumns.RrSpectype, RvTab, "RR_SPECTYPE"),
        (CanonicalColumns.Ra, FiberMap, "TARGET_RA"), (CanonicalColumns.Dec, FiberMap, "TARGET_DEC"),
        (CanonicalColumns.Ebv, FiberMap, "EBV"),
        (CanonicalColumns.SourceId, Gaia, "SOURCE_ID"),
        (CanonicalColumns.Pmra, Gaia, "PMRA"), (CanonicalColumns.Pmdec, Gaia, "PMDEC"),
        (CanonicalColumns.PmraError, Gaia, "PMRA_ERROR"), (CanonicalColumns.PmdecError, Gaia, "PMDEC_ERROR"),
        (CanonicalColumns.PmraPmdecCorr, Gaia, "PMRA_PMDEC_CORR"),
        (CanonicalColumns.GaiaG, Gaia, "PHOT_G_MEAN_MAG"),
    ];

    const string FluxR = "FLUX_R";

    /// <summary>Read an mwsall file (and optionally a distance catalogue joined by TARGETID or SOURCE_ID, <see cref="DistanceJoin"/>) as canonical
    /// columns.</summary>
    public static StarTable Read(string mwsallPath, string? distancesPath = null, DistanceColumns? distanceColumns = null) =>
        Open(mwsallPath, distancesPath, distanceColumns).ReadAll();

    /// <summary>An mwsall file (and optionally its distance catalogue) to be read in row chunks of canonical columns, each
    /// chunk exactly the rows <see cref="Read"/> would give: the selection then holds one chunk, not the file.</summary>
    internal static CatalogueChunks Open(string mwsallPath, string? distancesPath = null, DistanceColumns? distanceColumns = null)
    {
        var chunks = new MwsChunks(mwsallPath);
        return distancesPath is null ? chunks : chunks.WithDistances(DistanceJoin.Open(distancesPath, distanceColumns));
    }

    sealed class MwsChunks : CatalogueChunks
    {
        readonly string _path;

        internal MwsChunks(string path)
        {
            _path = path;
            using (var fits = FitsFile.Open(path))
            {
                if (!fits.ColumnNames(RvTab).Contains("TARGETID")) throw new CatalogException("the RVTAB HDU has no TARGETID column", path, RvTab, "TARGETID");
                RowCount = fits.RowCount(RvTab);
                foreach (var hdu in new[] { FiberMap, Gaia })
                    if (fits.RowCount(hdu) is var rows && rows != RowCount)
                        throw new CatalogException($"has {rows} rows but RVTAB has {RowCount}: the mwsall HDUs must be row-aligned", path, hdu);
            }
            ColumnNames = ReadRows(0, 0, null).ColumnNames;
        }

        public override int RowCount { get; }
        public override IReadOnlyList<string> ColumnNames { get; }

        private protected override StarTable ReadRows(int first, int count, IReadOnlyCollection<string>? columns)
        {
            bool Wanted(string canonical) => columns is null || columns.Contains(canonical);
            using var fits = FitsFile.Open(_path);
            var parts = new Dictionary<string, StarTable>();
            foreach (var hdu in new[] { RvTab, FiberMap, Gaia })
            {
                var available = fits.ColumnNames(hdu).ToHashSet(StringComparer.Ordinal);
                var wanted = Mapping.Where(m => m.Hdu == hdu && available.Contains(m.Desi) && Wanted(m.Canonical)).Select(m => m.Desi).ToList();
                if (hdu == RvTab) wanted.AddRange(available.Where(c => IsPassThrough(c) && Wanted(c)).Order(StringComparer.Ordinal));
                if (hdu == FiberMap && available.Contains(FluxR) && Wanted(CanonicalColumns.RMag)) wanted.Add(FluxR);
                // TARGETID of RVTAB and FIBERMAP are always read: they check that the HDUs are row-aligned.
                if (hdu is RvTab or FiberMap && available.Contains("TARGETID")) wanted.Add("TARGETID");
                parts[hdu] = fits.ReadRows(hdu, wanted.Distinct().ToList(), first, count);
            }
            var targetIds = parts[RvTab].GetInt64("TARGETID");
            if (parts[FiberMap].Contains("TARGETID"))
            {
                var fibre = parts[FiberMap].GetInt64("TARGETID", long.MinValue);
                for (int i = 0; i < count; i++)
                    if (fibre[i] != targetIds[i])
                        throw new CatalogException($"TARGETID {fibre[i]} differs from RVTAB's {targetIds[i]}: HDUs not row-aligned", _path,
                            FiberMap, "TARGETID", first + i);
            }

            var result = new List<ColumnData>();
            foreach (var (canonical, hdu, desi) in Mapping)
                if (parts[hdu].Contains(desi) && Wanted(canonical)) result.Add(parts[hdu].Column(desi).Rename(canonical));
            if (parts[FiberMap].Contains(FluxR))
                result.Insert(result.FindIndex(c => c.Name == CanonicalColumns.Ebv) + 1,
                    new ColumnData(CanonicalColumns.RMag, MagnitudeFromFlux(parts[FiberMap].GetDouble(FluxR))));
            foreach (var c in parts[RvTab].Columns) if (IsPassThrough(c.Name)) result.Add(c);
            return new StarTable(result, count);
        }
    }

    static bool IsPassThrough(string name) => name.Any(char.IsAsciiLetterLower) && !name.Any(char.IsAsciiLetterUpper);

    /// <summary>DESI fluxes are nanomaggies: m = 22.5 − 2.5 log10(f) (AB); non-positive flux → NaN.</summary>
    internal static double[] MagnitudeFromFlux(double[] flux) =>
        Array.ConvertAll(flux, f => f > 0 ? 22.5 - 2.5 * Math.Log10(f) : double.NaN);

    /// <summary>A flux whose magnitude by <see cref="MagnitudeFromFlux"/> is exactly <paramref name="mag"/>
    /// where one exists (searched over neighbouring doubles), so Write → Read keeps r_mag bit for bit.</summary>
    internal static double FluxFromMagnitude(double mag)
    {
        if (!double.IsFinite(mag)) return double.NaN;
        static double Mag(double f) => 22.5 - 2.5 * Math.Log10(f);
        double f = Math.Pow(10, (22.5 - mag) / 2.5), best = f;
        for (int step = 0; step < 512 && f > 0 && double.IsFinite(f); step++)
        {
            double m = Mag(f);
            if (m == mag) return f;
            if (Math.Abs(m - mag) < Math.Abs(Mag(best) - mag)) best = f;
            f = m > mag ? Math.BitIncrement(f) : Math.BitDecrement(f);   // magnitude falls as flux rises
        }
        return best;
    }

    /// <summary>
    /// Write a canonical table as an mwsall-layout FITS file (primary + RVTAB + FIBERMAP + GAIA, row
    /// aligned). Mapped columns go to their DESI HDU and name (r_mag as FLUX_R in nanomaggies,
    /// float64); targetid also goes to FIBERMAP; every other column is kept in RVTAB under its own
    /// (lower-case) name. <see cref="Read"/> of the file returns the same table exactly.
    /// </summary>
    public static void Write(string path, StarTable canonical)
    {
        if (!canonical.Contains(CanonicalColumns.TargetId))
            throw new CatalogException("the table needs a targetid column to be written in the mwsall layout", path, column: CanonicalColumns.TargetId);
        var byHdu = new Dictionary<string, List<ColumnData>> { [RvTab] = [], [FiberMap] = [], [Gaia] = [] };
        var mapped = Mapping.ToDictionary(m => m.Canonical, StringComparer.Ordinal);
        byHdu[FiberMap].Add(canonical.Column(CanonicalColumns.TargetId).Rename("TARGETID"));
        foreach (var c in canonical.Columns)
        {
            if (mapped.TryGetValue(c.Name, out var m)) byHdu[m.Hdu].Add(c.Rename(m.Desi));
            else if (c.Name == CanonicalColumns.RMag)
                byHdu[FiberMap].Add(new ColumnData(FluxR, Array.ConvertAll(canonical.GetDouble(CanonicalColumns.RMag), FluxFromMagnitude)));
            else if (IsPassThrough(c.Name)) byHdu[RvTab].Add(c);
            else throw new CatalogException("column has no place in the mwsall layout (use a canonical or a lower-case name)", path, column: c.Name);
        }
        FitsWriter.Write(path, byHdu.Select(kv => (kv.Key, new StarTable(kv.Value, canonical.RowCount))));
    }
}
