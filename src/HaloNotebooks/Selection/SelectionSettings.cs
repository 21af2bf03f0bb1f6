using System.Globalization;
using System.Reflection;
using HaloNotebooks.Astrometry;

namespace HaloNotebooks.Selection;

/// <summary>
/// Every threshold of the paper's K-giant selection (§2.3), each with the paper's value as default.
/// Try a "what if" with a <c>with</c> expression: <c>SelectionSettings.Paper with { FehMax = -1.0 }</c>,
/// or by name from the command line (<see cref="With(string, string)"/>).
/// </summary>
/// <param name="TeffMin">K. §2.3: 4500 K &lt; T_eff.</param>
/// <param name="TeffMax">K. §2.3: T_eff &lt; 5500 K.</param>
/// <param name="AbsMagRMin">mag. §2.3: −3 &lt; M_r (after extinction correction).</param>
/// <param name="AbsMagRMax">mag. §2.3: M_r &lt; 2.</param>
/// <param name="ExtinctionRr">A_r / E(B−V) for the DECam r band: 2.165, the Legacy Surveys DR9/DR10 coefficient
/// computed as in Schlafly &amp; Finkbeiner (2011, R_V = 3.1; their Table 6 DES r is 2.176), applied to SFD E(B−V).</param>
/// <param name="FehMax">dex. §2.3: disc stars have [Fe/H] &gt; −0.85 (Li et al. 2025a), so keep [Fe/H] &lt; −0.85.</param>
/// <param name="AbsZMin">kpc. §2.3: disc stars lie within 2 kpc of the plane (Bird et al. 2021), so keep |z| &gt; 2.</param>
/// <param name="RemoveSubstructures">§2.3: remove members of globular clusters and dwarf galaxies (needs a <see cref="SubstructureCatalog"/>).</param>
/// <param name="SubstructureRadiusScale">Multiplies each substructure's match radius (radius_deg of the list).</param>
/// <param name="SubstructureNSigma">A star matches a substructure in distance, proper motion and RV when each
/// differs by less than this many combined standard deviations.</param>
/// <param name="MaskSagittarius">§2.3: remove the Sgr stream footprint (Fig. 2 also shows the fit without it).</param>
/// <param name="SgrBWidth">deg. §2.3: remove |B̃| &lt; 15° (Belokurov et al. 2014 coordinates).</param>
/// <param name="MaxErrVr">km/s. §2.3: keep |δV_r| &lt; 100; null = no cut.</param>
/// <param name="MaxErrVPhi">km/s. §2.3: keep |δV_φ| &lt; 100; null = no cut (the dipole sample, §4.4).</param>
/// <param name="MaxErrVTheta">km/s. §2.3: keep |δV_θ| &lt; 100; null = no cut (the dipole sample, §4.4).</param>
/// <param name="RGcMin">kpc. §2.3: the final sample covers 3 ≤ r_GC.</param>
/// <param name="RGcMax">kpc. §2.3: r_GC &lt; 160.</param>
/// <param name="McSamples">§2.3: Monte-Carlo draws per star for the velocity errors (1000).</param>
/// <param name="Seed">Seed of the Monte-Carlo draws (one stream per star).</param>
/// <param name="Frame">Galactocentric frame; null = <see cref="GalactocentricFrame.Paper"/> (§2.3: Sun at
/// (−8.122, 0, 0.0208) kpc moving at (12.9, 245.6, 7.78) km/s). Not settable by name.</param>
/// <param name="MaxDegreeOfParallelism">Worker threads (null = all cores); the result does not depend on it.</param>
/// <param name="RequireRvSuccess">Not in the paper; DESI's recommended quality cut: keep RVSpecFit SUCCESS = true (<see cref="QualityCuts"/>).</param>
/// <param name="RequireNoRvsWarn">Not in the paper; DESI's recommended quality cut: keep RVS_WARN = 0.</param>
/// <param name="RequireStarSpectype">Not in the paper; DESI's recommended quality cut: keep RR_SPECTYPE = STAR.</param>
/// <param name="RequirePrimary">Not in the paper; DESI's recommended quality cut: keep PRIMARY = true (one spectrum per star).</param>
/// <param name="OneRowPerGaiaSource">Not in the paper: TARGETIDs sharing a Gaia SOURCE_ID are one star; keep its PRIMARY row.</param>
public sealed record SelectionSettings(
    double TeffMin = 4500, double TeffMax = 5500,
    double AbsMagRMin = -3, double AbsMagRMax = 2,
    double FehMax = -0.85, double AbsZMin = 2,
    bool MaskSagittarius = true, double SgrBWidth = 15,
    bool RemoveSubstructures = true,
    double? MaxErrVr = 100, double? MaxErrVPhi = 100, double? MaxErrVTheta = 100,
    double RGcMin = 3, double RGcMax = 160,
    int McSamples = 1000, long Seed = 42,
    double ExtinctionRr = Extinction.DecamR, double SubstructureRadiusScale = 1, double SubstructureNSigma = 3,
    GalactocentricFrame? Frame = null, int? MaxDegreeOfParallelism = null,
    bool RequireRvSuccess = true, bool RequireNoRvsWarn = true, bool RequireStarSpectype = true, bool RequirePrimary = true,
    bool OneRowPerGaiaSource = true)
{
    /// <summary>§2.3: the solar position and velocity of the paper unless <see cref="Frame"/> is set.</summary>
    internal GalactocentricFrame EffectiveFrame => Frame ?? GalactocentricFrame.Paper;

    /// <summary>§2.3 as published: the sample of Tables 1 and 2.</summary>
    public static SelectionSettings Paper { get; } = new();

    // The cuts' comparisons, one each, used by PaperCuts on a table and by Mocks/SelectionForecast star by star.

    /// <summary>§2.3's K-giant box: T_eff and extinction-corrected M_r strictly inside their limits.</summary>
    internal bool IsKGiant(double teff, double absMagR) => InTeffRange(teff) && InAbsMagRange(absMagR);

    internal bool InTeffRange(double teff) => teff > TeffMin && teff < TeffMax;

    internal bool InAbsMagRange(double absMagR) => absMagR > AbsMagRMin && absMagR < AbsMagRMax;

    /// <summary>§2.3's disc cut, [Fe/H] half: kept when [Fe/H] &lt; <see cref="FehMax"/>.</summary>
    internal bool IsMetalPoor(double feh) => feh > double.NegativeInfinity && feh < FehMax;

    /// <summary>§2.3's disc cut, height half: kept when |z| &gt; <see cref="AbsZMin"/>.</summary>
    internal bool IsOffDiscPlane(double z) => Math.Abs(z) > AbsZMin;

    /// <summary>§2.3's disc cut: kept when metal-poor and off the plane (both halves, see PaperCuts.DiscMetallicity).</summary>
    internal bool PassesDiscCut(double feh, double z) => IsMetalPoor(feh) && IsOffDiscPlane(z);

    /// <summary>§2.3's Sgr mask: kept when |B̃| ≥ <see cref="SgrBWidth"/>.</summary>
    internal bool OutsideSagittarius(double sgrBeta) => Math.Abs(sgrBeta) >= SgrBWidth;

    /// <summary>§2.3's radial range: kept when <see cref="RGcMin"/> ≤ r_GC &lt; <see cref="RGcMax"/>.</summary>
    internal bool InRadialRange(double rGc) => rGc >= RGcMin && rGc < RGcMax;

    /// <summary>§4.4: the dipole sample keeps |δV_r| &lt; 50 km/s and puts no limit on δV_φ, δV_θ.</summary>
    public static SelectionSettings PaperDipole { get; } = new() { MaxErrVr = 50, MaxErrVPhi = null, MaxErrVTheta = null };

    /// <summary>The names accepted by <see cref="With(string, string)"/> (the record's properties).</summary>
    public static IReadOnlyList<string> ParameterNames { get; } =
        Settable().Select(p => p.Name).ToArray();

    /// <summary>
    /// A copy with one parameter changed by name (case-insensitive; '_' ignored, so <c>feh_max</c> works):
    /// numbers in invariant culture, true/false, and <c>none</c> to lift an optional error limit.
    /// </summary>
    internal SelectionSettings With(string name, string value)
    {
        string key = Normalise(name);
        var property = Settable().FirstOrDefault(p => Normalise(p.Name) == key)
            ?? throw new ArgumentException(
                $"unknown selection parameter '{name}'; valid names: {string.Join(", ", ParameterNames)} (SelectionParameter.All, or " +
                    $"`halo select --list-cuts`, describes them)");
        object? parsed = Parse(property, value.Trim());
        var copy = this with { };          // records: the clone shares nothing mutable
        property.SetValue(copy, parsed);   // init-only setters are settable by reflection on the fresh copy
        return copy;
    }

    /// <summary>Applies <c>name=value</c> assignments in order (the CLI's repeated <c>--set</c>).</summary>
    internal SelectionSettings With(IEnumerable<string> assignments)
    {
        var s = this;
        foreach (var a in assignments)
        {
            int eq = a.IndexOf('=');
            if (eq <= 0) throw new ArgumentException($"'{a}' is not of the form name=value; valid names: {string.Join(", ", ParameterNames)}");
            s = s.With(a[..eq], a[(eq + 1)..]);
        }
        return s;
    }

    static IEnumerable<PropertyInfo> Settable() =>
        typeof(SelectionSettings).GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanWrite && IsScalar(Nullable.GetUnderlyingType(p.PropertyType) ?? p.PropertyType));

    static bool IsScalar(Type t) => t == typeof(double) || t == typeof(int) || t == typeof(long) || t == typeof(bool);

    static string Normalise(string name) => name.Replace("_", "").Replace("-", "").ToLowerInvariant();

    static object? Parse(PropertyInfo p, string value)
    {
        var type = p.PropertyType;
        var underlying = Nullable.GetUnderlyingType(type);
        if (underlying is not null && value.ToLowerInvariant() is "none" or "null" or "")
            return null;
        var target = underlying ?? type;
        try
        {
            if (target == typeof(double)) return double.Parse(value, NumberStyles.Float, CultureInfo.InvariantCulture);
            if (target == typeof(int)) return int.Parse(value, NumberStyles.Integer, CultureInfo.InvariantCulture);
            if (target == typeof(long)) return long.Parse(value, NumberStyles.Integer, CultureInfo.InvariantCulture);
            if (target == typeof(bool)) return bool.Parse(value);
        }
        catch (Exception e) when (e is FormatException or OverflowException)
        {
            string expected = target == typeof(bool) ? "true or false" : target.Name.ToLowerInvariant() + (underlying is null ? "" : " or none");
            throw new ArgumentException($"selection parameter {p.Name}: '{value}' is not a valid {expected}");
        }
        throw new InvalidOperationException($"selection parameter {p.Name} has unsupported type {type.Name}");
    }
}
