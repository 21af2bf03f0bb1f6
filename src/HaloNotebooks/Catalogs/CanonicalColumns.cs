namespace HaloNotebooks.Catalogs;

/// <summary>
/// The library's canonical column names. Every reader (DESI MWS FITS, CSV, Parquet, public
/// catalogues, the mock) maps its columns onto these; every later stage reads only these.
/// Units: degrees, kpc, mas/yr, km/s, K, dex, mag.
/// </summary>
public static class CanonicalColumns
{
    // Identity
    public const string TargetId = "targetid";      // DESI TARGETID (int64)
    public const string SourceId = "source_id";     // Gaia SOURCE_ID (int64)
    // Astrometry (ICRS, deg; mas/yr, pmra includes cos dec)
    public const string Ra = "ra";
    public const string Dec = "dec";
    public const string Pmra = "pmra";
    public const string Pmdec = "pmdec";
    public const string PmraError = "pmra_error";
    internal const string PmdecError = "pmdec_error";
    internal const string PmraPmdecCorr = "pmra_pmdec_corr";
    // Spectroscopy (RVTAB)
    public const string Rv = "rv";                  // km/s
    public const string RvErr = "rv_err";
    public const string Teff = "teff";              // K
    internal const string TeffErr = "teff_err";
    public const string Logg = "logg";
    internal const string LoggErr = "logg_err";
    internal const string RvsWarn = "rvs_warn";       // RVSpecFit warning bitmask (0 = fine)
    internal const string RvSuccess = "rv_success";   // RVSpecFit SUCCESS flag
    internal const string Primary = "primary";        // primary observation of the source (DESI PRIMARY)
    public const string RrSpectype = "rr_spectype"; // Redrock spectral class of the coadd (STAR, GALAXY, QSO)
    public const string Feh = "feh";                // dex
    public const string FehErr = "feh_err";
    // Photometry
    internal const string Ebv = "ebv";                // E(B-V), SFD
    internal const string GaiaG = "gaia_g";           // Gaia G, mag
    public const string RMag = "r_mag";             // r (DESI Legacy Surveys), mag
    // Distances (joined from the distance catalogue by targetid)
    public const string Distance = "distance";      // kpc
    public const string DistanceErr = "distance_err";
    internal const string DistanceRows = "distance_rows"; // rows of the distance catalogue with this star's ID (0, 1 or more)
    // Derived by the transform / selection (lower-case spelling of STYLE.md)
    public const string L = "l";
    public const string B = "b";
    internal const string X = "x";
    internal const string Y = "y";
    internal const string Z = "z";
    internal const string RCyl = "R";
    public const string RGc = "r_gc";
    internal const string Vx = "vx";
    internal const string Vy = "vy";
    internal const string Vz = "vz";
    public const string VR = "v_r";
    public const string VPhi = "v_phi";
    public const string VTheta = "v_theta";
    public const string ErrVR = "err_v_r";
    public const string ErrVPhi = "err_v_phi";
    public const string ErrVTheta = "err_v_theta";
    internal const string SgrLambda = "sgr_lambda";
    public const string SgrBeta = "sgr_beta";
    internal const string AbsMagR = "abs_mag_r";      // M_r after extinction correction
}
