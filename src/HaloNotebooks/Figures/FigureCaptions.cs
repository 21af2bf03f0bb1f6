using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace HaloNotebooks.Figures;

/// <summary>
/// The report's caption of each paper figure (issue 27: a caption lists exactly what its figure draws). One source of truth:
/// the list is read from the figure's own legend entries (every trace with a name and showlegend not false), after a short
/// hand-written sentence on what the axes and panels show, which names no data set (those are in the list).
/// </summary>
internal static class FigureCaptions
{
    /// <summary>What the figure shows, without naming any series (the legend list follows it).</summary>
    static string Description(string fileStem) => fileStem switch
    {
        "fig01_corner_single" => "Posterior of the single-component model (Eqs. 1–3 with p_MR = 1) for all selected stars: 1D marginals on the " +
            "diagonal, joint credible regions below it; vertical and horizontal lines mark the reference values listed.",
        "fig03_corner_double" => "Posterior of the double-component model (Eq. 3) for all selected stars: 1D marginals on the diagonal, joint " +
            "credible regions below it; lines mark the reference values listed.",
        "fig07_corner_dipole" => "Posterior of the dipole + contraction field (Eq. 6), 50–120 kpc: 1D marginals on the diagonal, joint credible " +
            "regions below it; lines mark the reference values listed.",
        "fig02_profiles_single" => "Single-component fits per radial bin, at each bin's median r_GC: left, mean velocities (filled, solid) and " +
            "dispersions (open, dashed); right, the anisotropy β. × markers: the paper's values.",
        "fig04_metallicity" => "Double-component fits per radial bin: p_MR (top), mean [Fe/H] (middle) and its dispersion (bottom) of the two " +
            "components. × markers: the paper's values.",
        "fig05_profiles_double" => "Double-component fits per radial bin, MR (top row) and MP (bottom row): velocities (left) and β (right), " +
            "with the single-component β for comparison. × markers: the paper's values.",
        "fig06_hemispheres" => "Mean V_r of the northern and southern halo per radial bin (single-component fits of each hemisphere), at each " +
            "bin's median r_GC.",
        "fig08_skymap" => "Mean V_r per HEALPix pixel of the outer halo (left) and the best-fit Eq. 6 model on the same pixels (right), " +
            "Mollweide, Galactic coordinates; the colour scale and the empty sky are explained above the panels.",
        "fig09_dipole_profiles" => "Dipole-field fits per radial bin: μ_compr and μ_dipole (top), the fitted ⟨V_θ⟩ against Eq. 7 (middle), and " +
            "the apex (bottom). × markers: the paper's values.",
        "fig10_distance_errors" => "Appendix A: p_MR (left) and β_MP (right) of the mock fitted with 0%, 18% and 30% fractional distance " +
            "errors, against the reference in black (the calibrated mock of `halo reproduce`: the true population and velocities of the error-free " +
            "level's stars; the toy halo: the values it was drawn from).",
        "fig11_ppc" => "Posterior predictive checks of the all-stars fits (not in the paper): per fit and velocity dimension, the " +
            "histogram of the stars against the band of histograms replicated from posterior draws.",
        _ => "",
    };

    /// <summary>The legend entries of <paramref name="figure"/>, each once, in trace order (plotly's pseudo-HTML kept).</summary>
    public static IReadOnlyList<string> LegendEntries(Figure figure)
    {
        ArgumentNullException.ThrowIfNull(figure);
        var root = JsonNode.Parse(figure.ToJson())!;
        if (root["layout"]?["showlegend"] is JsonValue shown && !shown.GetValue<bool>()) return [];
        var names = new List<string>();
        foreach (var trace in root["data"]?.AsArray() ?? [])
        {
            if (trace?["showlegend"] is JsonValue show && !show.GetValue<bool>()) continue;
            if (trace?["name"]?.GetValue<string>() is not { Length: > 0 } name || names.Contains(name)) continue;
            names.Add(name);
        }
        return names;
    }

    /// <summary>The caption as HTML: the description, then "Drawn: " and the legend entries separated by "; ".</summary>
    public static string Html(Figure figure)
    {
        var entries = LegendEntries(figure);
        var text = Encode(Description(figure.FileStem));
        if (entries.Count == 0) return text;
        return (text.Length > 0 ? text + " " : "") + "Drawn: " + string.Join("; ", entries.Select(Entry)) + ".";
    }

    /// <summary>The listed entries read back from <see cref="Html"/>'s text (HTML tags and entities as written).</summary>
    public static IReadOnlyList<string> ListedEntries(string html)
    {
        int at = html.IndexOf("Drawn: ", StringComparison.Ordinal);
        if (at < 0) return [];
        var list = html[(at + 7)..];
        // "; " separates entries; the ';' that closes an entity (&lt;) does not.
        return Regex.Split(list.EndsWith('.') ? list[..^1] : list, @"(?<!&[a-z]+); ").ToList();
    }

    /// <summary>The four characters HTML needs escaped; the rest (×, σ, ⟨⟩) stays readable in the page's UTF-8.</summary>
    static string Encode(string text) => text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal)
        .Replace(">", "&gt;", StringComparison.Ordinal).Replace("\"", "&quot;", StringComparison.Ordinal);

    /// <summary>A legend name as HTML: encoded, with plotly's sub/superscript tags kept.</summary>
    public static string Entry(string name) => Encode(name)
        .Replace("&lt;sub&gt;", "<sub>", StringComparison.Ordinal).Replace("&lt;/sub&gt;", "</sub>", StringComparison.Ordinal)
        .Replace("&lt;sup&gt;", "<sup>", StringComparison.Ordinal).Replace("&lt;/sup&gt;", "</sup>", StringComparison.Ordinal);
}
