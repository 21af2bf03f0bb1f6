using System.Globalization;

namespace HaloNotebooks.Selection;

/// <summary>
/// One threshold of <see cref="SelectionSettings"/> that can be set by name (`--set Name=value`): the paper's value,
/// its unit and the section that states it, so a what-if can be asked without reading the source.
/// </summary>
/// <param name="Name">Property name, as `--set` takes it (case-insensitive, '_' ignored).</param>
/// <param name="PaperValue">The value of <see cref="SelectionSettings.Paper"/> as text ("none" for no limit).</param>
/// <param name="Unit">Unit, or "" for a count, flag or ratio.</param>
/// <param name="Section">Where the paper states it ("§2.3"), or "—" for a setting the paper does not have.</param>
/// <param name="Meaning">What the threshold does, in one line.</param>
public sealed record SelectionParameter(string Name, string PaperValue, string Unit, string Section, string Meaning)
{
    // Wording per name; the paper value is read from SelectionSettings.Paper so the two cannot drift.
    static readonly (string Name, string Unit, string Section, string Meaning)[] Wording =
    [
        (nameof(SelectionSettings.TeffMin), "K", "§2.3", "K giants: keep T_eff above this"),
        (nameof(SelectionSettings.TeffMax), "K", "§2.3", "K giants: keep T_eff below this"),
        (nameof(SelectionSettings.AbsMagRMin), "mag", "§2.3", "K giants: keep M_r above this (extinction-corrected)"),
        (nameof(SelectionSettings.AbsMagRMax), "mag", "§2.3", "K giants: keep M_r below this"),
        (nameof(SelectionSettings.FehMax), "dex", "§2.3", "disc removal: keep [Fe/H] below this"),
        (nameof(SelectionSettings.AbsZMin), "kpc", "§2.3", "disc removal: keep |z| above this"),
        (nameof(SelectionSettings.MaskSagittarius), "", "§2.3", "remove the Sagittarius stream footprint (true/false)"),
        (nameof(SelectionSettings.SgrBWidth), "deg", "§2.3", "Sagittarius footprint: remove |B̃| below this"),
        (nameof(SelectionSettings.RemoveSubstructures), "", "§2.3", "remove globular-cluster and dwarf-galaxy members (true/false)"),
        (nameof(SelectionSettings.MaxErrVr), "km/s", "§2.3, §4.4", "keep |δV_r| below this (§4.4: 50); none = no limit"),
        (nameof(SelectionSettings.MaxErrVPhi), "km/s", "§2.3, §4.4", "keep |δV_φ| below this (§4.4: none); none = no limit"),
        (nameof(SelectionSettings.MaxErrVTheta), "km/s", "§2.3, §4.4", "keep |δV_θ| below this (§4.4: none); none = no limit"),
        (nameof(SelectionSettings.RGcMin), "kpc", "§2.3", "keep r_GC at or above this"),
        (nameof(SelectionSettings.RGcMax), "kpc", "§2.3", "keep r_GC below this"),
        (nameof(SelectionSettings.McSamples), "draws", "§2.3", "Monte-Carlo draws per star for the velocity errors"),
        (nameof(SelectionSettings.Seed), "", "—", "seed of the Monte-Carlo draws (the CLI's --seed sets it)"),
        (nameof(SelectionSettings.ExtinctionRr), "", "§2.3", "A_r / E(B−V) for DECam r (Schlafly & Finkbeiner 2011)"),
        (nameof(SelectionSettings.SubstructureRadiusScale), "× radius", "§2.3", "multiplies each substructure's match radius"),
        (nameof(SelectionSettings.SubstructureNSigma), "σ", "§2.3", "a member matches distance, proper motion and RV within this many σ"),
        (nameof(SelectionSettings.RequireRvSuccess), "", "—", "DESI quality cut (not in the paper): keep RVSpecFit SUCCESS = true"),
        (nameof(SelectionSettings.RequireNoRvsWarn), "", "—", "DESI quality cut (not in the paper): keep RVS_WARN = 0"),
        (nameof(SelectionSettings.RequireStarSpectype), "", "—", "DESI quality cut (not in the paper): keep RR_SPECTYPE = STAR"),
        (nameof(SelectionSettings.RequirePrimary), "", "—", "DESI quality cut (not in the paper): keep PRIMARY = true (one spectrum per star)"),
        (nameof(SelectionSettings.OneRowPerGaiaSource), "", "—", "not in the paper: TARGETIDs sharing a Gaia SOURCE_ID are one star; keep its PRIMARY row"),
        (nameof(SelectionSettings.MaxDegreeOfParallelism), "threads", "—", "worker threads (none = all cores; results do not depend on it)"),
    ];

    /// <summary>Every name <see cref="SelectionSettings.With(string, string)"/> accepts, in the paper's order.</summary>
    public static IReadOnlyList<SelectionParameter> All { get; } = Build();

    static SelectionParameter[] Build()
    {
        var missing = SelectionSettings.ParameterNames.Except(Wording.Select(w => w.Name)).ToArray();
        if (missing.Length > 0) throw new InvalidOperationException($"selection parameters without a description: {string.Join(", ", missing)}");
        return Wording.Select(w => new SelectionParameter(w.Name, Format(typeof(SelectionSettings).GetProperty(w.Name)!.GetValue(SelectionSettings.Paper)),
            w.Unit, w.Section, w.Meaning)).ToArray();
    }

    /// <summary>A setting's value as `--set` would take it: invariant numbers, true/false, none.</summary>
    public static string Format(object? value) => value switch
    {
        null => "none",
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    /// <summary>The parameters of <paramref name="settings"/> that differ from <paramref name="reference"/>, as
    /// "Name=value (paper: value)" — what a what-if changed, for reports.</summary>
    internal static IReadOnlyList<string> Changes(SelectionSettings settings, SelectionSettings reference) =>
        All.Select(p => (p, Now: Format(typeof(SelectionSettings).GetProperty(p.Name)!.GetValue(settings)),
                            Was: Format(typeof(SelectionSettings).GetProperty(p.Name)!.GetValue(reference))))
           .Where(x => x.Now != x.Was)
           .Select(x => $"{x.p.Name}={x.Now} (paper: {x.Was}{(x.p.Unit.Length > 0 && x.Was != "none" ? " " + x.p.Unit : "")})")
           .ToList();
}
