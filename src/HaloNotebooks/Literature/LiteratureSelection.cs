using HaloNotebooks.Catalogs;
using HaloNotebooks.Selection;
using C = HaloNotebooks.Catalogs.CanonicalColumns;

namespace HaloNotebooks.Literature;

/// <summary>
/// The paper's §2.3 selection on a public comparison catalogue that lacks some of DESI's columns: the cuts the catalogue
/// allows, in the paper's order; each cut left out is one of <see cref="LiteratureCatalogue.Adaptations"/>. The K-giant
/// cuts (T_eff, M_r) need T_eff and photometry, which only the SEGUE K giants have (they go through
/// <see cref="PaperSelection"/> whole); the disc [Fe/H] cut needs [Fe/H].
/// </summary>
internal static class LiteratureSelection
{
    static readonly string[] Kinematic =
        [C.Ra, C.Dec, C.Distance, C.DistanceErr, C.Pmra, C.Pmdec, C.PmraError, C.PmdecError, C.Rv, C.RvErr];

    /// <summary>measured → phase space → [Fe/H] &lt; −0.85 (if <paramref name="hasFeh"/>) → |z| &gt; 2 kpc → globular clusters,
    /// dwarfs → Sgr → Monte-Carlo velocity errors → |δV| &lt; 100 km/s → r_GC range.</summary>
    public static HaloSample Run(StarTable stars, bool hasFeh, SelectionSettings settings, SubstructureCatalog? substructures)
    {
        var required = hasFeh ? [.. Kinematic, C.Feh, C.FehErr] : Kinematic;
        foreach (var c in required)
            if (!stars.Contains(c)) throw new CatalogException($"the selection needs the columns {string.Join(", ", required)}; this one is absent", column: c);
        var funnel = new FunnelBuilder(stars);
        funnel.Apply(new Cut("measured", $"(not in the paper) finite {string.Join(", ", required)}; distance > 0", [], t =>
        {
            var cols = required.Select(t.GetDouble).ToArray();
            var d = t.GetDouble(C.Distance);
            var keep = new bool[t.RowCount];
            for (int i = 0; i < keep.Length; i++)
            {
                bool ok = d[i] > 0;
                foreach (var c in cols) ok &= double.IsFinite(c[i]);
                keep[i] = ok;
            }
            return keep;
        }));
        funnel.Derive(t => PaperSelection.WithPhaseSpace(t, settings.EffectiveFrame));
        if (hasFeh) funnel.Apply(PaperCuts.DiscMetallicity(settings));
        funnel.Apply(PaperCuts.DiscHeight(settings));
        funnel.Apply(PaperCuts.Substructures(SubstructureKind.GlobularCluster, settings, substructures));
        funnel.Apply(PaperCuts.Substructures(SubstructureKind.DwarfGalaxy, settings, substructures));
        if (settings.MaskSagittarius) funnel.Apply(PaperCuts.Sagittarius(settings));
        funnel.Derive(t => PaperSelection.WithVelocityErrors(t, settings));
        funnel.Apply(PaperCuts.VelocityErrors(settings));
        funnel.Apply(PaperCuts.RadialRange(settings));
        return new HaloSample(funnel.Current, funnel.Build(), funnel.SurvivorInputRows());
    }
}
