using System.Globalization;
using HaloNotebooks.Catalogs;
using C = HaloNotebooks.Catalogs.CanonicalColumns;

namespace HaloNotebooks.Selection;

/// <summary>
/// The cuts of §2.3, one factory each, named so the funnel reads like the paper. Each takes its thresholds from
/// <see cref="SelectionSettings"/> and reads canonical columns (derived ones — abs_mag_r, z, sgr_beta, err_v_*,
/// r_gc — are added by <see cref="PaperSelection"/> before the cut that needs them).
/// </summary>
internal static class PaperCuts
{
    /// <summary>The paper's thresholds, named in a funnel line when a what-if moves one.</summary>
    static SelectionSettings P => SelectionSettings.Paper;

    /// <summary>Not a cut of the paper: rows lacking a quantity a later step needs are removed first, by name.</summary>
    internal static readonly string[] RequiredColumns =
        [C.Ra, C.Dec, C.Teff, C.Feh, C.FehErr, C.RMag, C.Ebv, C.Distance, C.DistanceErr,
         C.Pmra, C.Pmdec, C.PmraError, C.PmdecError, C.Rv, C.RvErr];

    internal static Cut Measured() => new(
        "measured",
        "(not in the paper) finite position, T_eff, [Fe/H]±err, r, E(B−V), distance±err > 0, proper motions±err, RV±err",
        [],
        t =>
        {
            var cols = RequiredColumns.Select(c => t.GetDouble(c)).ToArray();
            var keep = new bool[t.RowCount];
            for (int i = 0; i < keep.Length; i++)
            {
                bool ok = true;
                foreach (var c in cols) ok &= double.IsFinite(c[i]);
                keep[i] = ok;
            }
            var d = t.GetDouble(C.Distance);
            for (int i = 0; i < keep.Length; i++) keep[i] &= d[i] > 0;
            return keep;
        });

    internal static Cut KGiantTeff(SelectionSettings s) => Cut.Where(
        "K giants: T_eff",
        $"§2.3: {V(s.TeffMin)} K < T_eff < {V(s.TeffMax)} K{Paper(s.TeffMin, P.TeffMin, s.TeffMax, P.TeffMax, $"{V(P.TeffMin)}–{V(P.TeffMax)} K")}",
        C.Teff, s.InTeffRange,
        [new(nameof(s.TeffMin), s.TeffMin, "K"), new(nameof(s.TeffMax), s.TeffMax, "K")]);

    internal static Cut KGiantAbsMag(SelectionSettings s) => Cut.Where(
        "K giants: M_r",
        $"§2.3: {V(s.AbsMagRMin)} < M_r < {V(s.AbsMagRMax)} after extinction correction (A_r = R_r E(B−V))" +
            $"{Paper(s.AbsMagRMin, P.AbsMagRMin, s.AbsMagRMax, P.AbsMagRMax, $"{V(P.AbsMagRMin)} < M_r < {V(P.AbsMagRMax)}")}",
        C.AbsMagR, s.InAbsMagRange,
        [new(nameof(s.AbsMagRMin), s.AbsMagRMin, "mag"), new(nameof(s.AbsMagRMax), s.AbsMagRMax, "mag"), new(nameof(s.ExtinctionRr), s.ExtinctionRr, "")]);

    /// <summary>
    /// §2.3 removes "disk stars with [Fe/H] &gt; −0.85 dex and vertical distance smaller than 2 kpc". We apply both
    /// conditions as separate cuts (a star must be metal-poor AND off the plane), the reading consistent with the
    /// priors of footnote 11 (μ_[Fe/H] ≤ −0.85) and with ~150,000 stars left after this step.
    /// </summary>
    internal static Cut DiscMetallicity(SelectionSettings s) => Cut.Where(
        "disc: [Fe/H]",
        $"§2.3: remove thin/thick disc stars with [Fe/H] > {V(s.FehMax)} dex{Paper(s.FehMax, P.FehMax, $"{V(P.FehMax)} dex", "Li et al. 2025a")}",
        C.Feh, s.IsMetalPoor,
        [new(nameof(s.FehMax), s.FehMax, "dex")]);

    internal static Cut DiscHeight(SelectionSettings s) => Cut.Where(
        "disc: |z|",
        $"§2.3: remove stars within {V(s.AbsZMin)} kpc of the disc plane{Paper(s.AbsZMin, P.AbsZMin, $"{V(P.AbsZMin)} kpc", "Bird et al. 2021")}",
        C.Z, s.IsOffDiscPlane, [new(nameof(s.AbsZMin), s.AbsZMin, "kpc")]);

    /// <summary>Members of the <paramref name="kind"/> entries of <paramref name="catalog"/>; with no catalogue, a step
    /// that removes nothing and says so (so the funnel shows the step was not done).</summary>
    public static Cut Substructures(SubstructureKind kind, SelectionSettings s, SubstructureCatalog? catalog)
    {
        bool gc = kind == SubstructureKind.GlobularCluster;
        string name = gc ? "globular clusters" : "dwarf galaxies";
        var items = catalog?.OfKind(kind).ToArray() ?? [];
        string wording = catalog is null
            ? $"§2.3: members of {name} removed — SKIPPED, no substructure catalogue given"
            : $"§2.3: members of {name} removed by sky/distance/PM/RV match with {items.Length} entries of {catalog.Source}"
              + (gc ? " (paper: Baumgardt & Vasiliev 2021)" : " (paper: Pace et al. 2022)");
        return new Cut(name, wording,
            [new(nameof(s.SubstructureRadiusScale), s.SubstructureRadiusScale, "× radius"), new(nameof(s.SubstructureNSigma), s.SubstructureNSigma, "σ")],
            t =>
            {
                var keep = new bool[t.RowCount];
                if (items.Length == 0) { Array.Fill(keep, true); return keep; }
                var member = SubstructureMatch.FirstMember(StarsOf(t), items, s.SubstructureRadiusScale, s.SubstructureNSigma, s.MaxDegreeOfParallelism);
                for (int i = 0; i < keep.Length; i++) keep[i] = member[i] < 0;
                return keep;
            });
    }

    internal static SubstructureMatch.Stars StarsOf(StarTable t) => new(
        t.GetDouble(C.Ra), t.GetDouble(C.Dec), t.GetDouble(C.Distance), t.GetDouble(C.DistanceErr),
        t.GetDouble(C.Pmra), t.GetDouble(C.Pmdec), t.GetDouble(C.PmraError), t.GetDouble(C.PmdecError),
        t.GetDouble(C.Rv), t.GetDouble(C.RvErr));

    public static Cut Sagittarius(SelectionSettings s) => Cut.Where(
        "Sagittarius stream",
        $"§2.3: remove the Sgr stream footprint |B̃| < {V(s.SgrBWidth)}° " +
            $"{Paper(s.SgrBWidth, P.SgrBWidth, $"{V(P.SgrBWidth)}°", "Belokurov et al. coordinates")}",
        C.SgrBeta, s.OutsideSagittarius, [new(nameof(s.SgrBWidth), s.SgrBWidth, "deg")]);

    internal static Cut VelocityErrors(SelectionSettings s) => new(
        "velocity errors",
        (s.MaxErrVPhi is null && s.MaxErrVTheta is null
            ? $"§4.4 (paper: |δV_r| {Limit(SelectionSettings.PaperDipole.MaxErrVr)}, no tangential limit)"
            : $"§2.3 (paper: all three {Limit(P.MaxErrVr)})")
            + $": keep |δV_r| {Limit(s.MaxErrVr)}, |δV_φ| {Limit(s.MaxErrVPhi)}, |δV_θ| {Limit(s.MaxErrVTheta)} " +
            $"({s.McSamples} Monte-Carlo draws; paper {P.McSamples})",
        [new(nameof(s.MaxErrVr), s.MaxErrVr, "km/s"), new(nameof(s.MaxErrVPhi), s.MaxErrVPhi, "km/s"),
         new(nameof(s.MaxErrVTheta), s.MaxErrVTheta, "km/s"), new(nameof(s.McSamples), s.McSamples, "draws")],
        t =>
        {
            var keep = new bool[t.RowCount];
            Array.Fill(keep, true);
            Limit(t.GetDouble(C.ErrVR), s.MaxErrVr, keep);
            Limit(t.GetDouble(C.ErrVPhi), s.MaxErrVPhi, keep);
            Limit(t.GetDouble(C.ErrVTheta), s.MaxErrVTheta, keep);
            return keep;
        });

    static string Limit(double? max) => max is double m ? $"< {V(m)} km/s" : "unlimited";

    /// <summary>A threshold as the funnel prints it (invariant, at most three decimals, − for minus).</summary>
    static string V(double x) => x.ToString("0.###", CultureInfo.InvariantCulture).Replace('-', '−');

    /// <summary>" (paper: …)" when a what-if moved a threshold away from the paper's value, else "".</summary>
    static string Paper(double value, double paper, string wording, string citation) =>
        value == paper ? $" ({citation})" : $" (paper: {wording}; {citation})";

    static string Paper(double lo, double paperLo, double hi, double paperHi, string wording) =>
        lo == paperLo && hi == paperHi ? "" : $" (paper: {wording})";

    static void Limit(double[] err, double? max, bool[] keep)
    {
        if (max is not double m) return;
        for (int i = 0; i < keep.Length; i++) keep[i] &= Math.Abs(err[i]) < m;
    }

    internal static Cut RadialRange(SelectionSettings s) => Cut.Where(
        "r_GC range",
        $"§2.3: the final sample covers {V(s.RGcMin)} kpc ≤ r_GC < {V(s.RGcMax)} kpc" +
            $"{Paper(s.RGcMin, P.RGcMin, s.RGcMax, P.RGcMax, $"{V(P.RGcMin)}–{V(P.RGcMax)} kpc")}",
        C.RGc, s.InRadialRange, [new(nameof(s.RGcMin), s.RGcMin, "kpc"), new(nameof(s.RGcMax), s.RGcMax, "kpc")]);
}
