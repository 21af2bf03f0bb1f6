using HaloNotebooks.Catalogs;
using C = HaloNotebooks.Catalogs.CanonicalColumns;

namespace HaloNotebooks.Mocks;

/// <summary>
/// The mock's files in the DESI MWS DR1 layout (../shared/data/external/desi_mws_datamodel/mwsall_dr1_columns.tsv):
/// RVTAB (TARGETID, TARGET_RA, TARGET_DEC, VRAD, VRAD_ERR, TEFF, TEFF_ERR, LOGG, FEH, FEH_ERR), FIBERMAP (TARGETID,
/// TARGET_RA, TARGET_DEC, EBV, FLUX_R in nanomaggies, GAIA_PHOT_G_MEAN_MAG) and GAIA (SOURCE_ID, PMRA, PMDEC, PMRA_ERROR,
/// PMDEC_ERROR, PMRA_PMDEC_CORR, PHOT_G_MEAN_MAG), rows aligned across HDUs; distances as DISTANCES (TARGETID, DIST, DIST_ERR).
/// </summary>
internal static class MwsLayout
{
    public static void WriteMwsAll(string path, StarTable c)
    {
        var id = c.GetInt64(C.TargetId);
        var ra = c.GetDouble(C.Ra);
        var dec = c.GetDouble(C.Dec);
        var rvtab = StarTable.FromColumns(
        [
            ("TARGETID", id), ("TARGET_RA", ra), ("TARGET_DEC", dec),
            ("VRAD", c.GetDouble(C.Rv)), ("VRAD_ERR", c.GetDouble(C.RvErr)),
            ("TEFF", c.GetDouble(C.Teff)), ("TEFF_ERR", c.GetDouble(C.TeffErr)), ("LOGG", c.GetDouble(C.Logg)),
            ("FEH", c.GetDouble(C.Feh)), ("FEH_ERR", c.GetDouble(C.FehErr)),
        ]);
        // r = 22.5 − 2.5 log10(FLUX_R / nanomaggy) (AB).
        var flux = c.GetDouble(C.RMag).Select(m => Math.Pow(10.0, -0.4 * (m - 22.5))).ToArray();
        var fibermap = StarTable.FromColumns(
        [
            ("TARGETID", id), ("TARGET_RA", ra), ("TARGET_DEC", dec), ("EBV", c.GetDouble(C.Ebv)), ("FLUX_R", flux),
            ("GAIA_PHOT_G_MEAN_MAG", c.GetDouble(C.GaiaG)),
        ]);
        var gaia = StarTable.FromColumns(
        [
            ("SOURCE_ID", c.GetInt64(C.SourceId)), ("PMRA", c.GetDouble(C.Pmra)), ("PMDEC", c.GetDouble(C.Pmdec)),
            ("PMRA_ERROR", c.GetDouble(C.PmraError)), ("PMDEC_ERROR", c.GetDouble(C.PmdecError)),
            ("PMRA_PMDEC_CORR", c.GetDouble(C.PmraPmdecCorr)), ("PHOT_G_MEAN_MAG", c.GetDouble(C.GaiaG)),
        ]);
        FitsWriter.Write(path, [("RVTAB", rvtab), ("FIBERMAP", fibermap), ("GAIA", gaia)]);
    }

    public static StarTable DistanceTable(StarTable d) => StarTable.FromColumns(
    [
        ("TARGETID", d.GetInt64(C.TargetId)), ("DIST", d.GetDouble(C.Distance)), ("DIST_ERR", d.GetDouble(C.DistanceErr)),
    ]);
}
