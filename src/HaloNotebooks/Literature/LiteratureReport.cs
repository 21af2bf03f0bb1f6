using System.Globalization;
using System.Net;
using System.Text;
using HaloNotebooks.Analysis;

namespace HaloNotebooks.Literature;

/// <summary>
/// The report's text on the literature (what Figs. 2, 5, 6, 8, 9 draw of it, and what they do not), on the β-error
/// convention of Tables 1–2, and on two features of the mock the paper does not show (Fig. 2's Sgr-unmasked β, Fig. 6's north).
/// </summary>
internal static class LiteratureReport
{
    /// <summary>The end of the report's top box: what the figures overlay (true of this run).</summary>
    internal static string FiguresSentence(LiteratureResult? literature, bool bhb) =>
        "the <a href=\"#figures\">figures</a> overlay the paper's values (&times;); " +
        (literature is { Fits.Count: > 0 }
            ? $"Figs. 2 and 5 draw {literature.Fits.Count} public catalogues fitted here with the paper's selection and models (the samples of Bird " +
                $"et al. 2021 " +
              "and kin; <a href=\"#literature\">list</a>), not those works' published profiles"
            : "Figs. 2 and 5 draw the embedded fit of the SEGUE K giants (data/reference/segue_kgiants_ours.csv), not Bird et al.'s or Medina et al.'s " +
              "published profiles") +
        (bhb ? "; Figs. 6, 8, 9 draw our fit of Byström et al.'s DESI DR1 BHB stars" : "") +
        ". Byström et al.'s field is drawn from the values &sect;4.4 quotes; Chandra et al.'s tables, Vasiliev (2024)'s L2-M11 curves and " +
        "Medina et al.'s profiles are not drawn (published only as figures, or not retrieved here).";

    internal static string Section(LiteratureResult r)
    {
        var sb = new StringBuilder("<h2 id=\"literature\">The literature, fitted here from public catalogues</h2>\n");
        sb.Append("<p>Figs. 2 and 5 of the paper overlay the &beta; profiles of Bird et al. (2021; LAMOST K giants and SEGUE BHB stars) and Medina et al. " +
            "(2025; DESI RR Lyrae), which are published as figures only. Here the public catalogues of those samples, or their kin, go through the paper's " +
            "&sect;2.3 selection (adapted per catalogue, below) and its single- and double-component fits (&sect;3.1) in Table 1's bins, at a reduced " +
            "sampler (40 walkers &times; 400 steps, 150 burn-in; the paper's 100 &times; 1000, 400). Each curve is labelled &ldquo;fitted here: " +
            "&lt;catalogue&gt;, the sample of &lt;work&gt;&rdquo;: it is our measurement on their stars, not their published result. Fig. 5's MR and MP " +
            "points are the two components of each catalogue's own double-component fit (Eq. 3): stars are not split by a cut, the mixture assigns " +
            "each a probability from its [Fe/H] and velocities; catalogues without [Fe/H] have no Fig. 5 points. Medina et al.'s RR Lyrae are not public " +
            "here and are not drawn. File: tables/literature_fits.csv.</p>\n");
        sb.Append(CultureInfo.InvariantCulture,
            $"<p>Cost of this stage: {r.WallSeconds:0.0} s wall clock, {r.CpuSeconds:0.0} s of CPU time (this process, all threads).</p>\n");
        sb.Append("<table><tr><th>catalogue</th><th>the sample of</th><th>tracer</th><th>N selected</th><th>bins fitted</th><th>fits</th>" +
            "<th>adaptations of the paper's selection</th></tr>");
        foreach (var f in r.Fits)
        {
            sb.Append("<tr><td>").Append(WebUtility.HtmlEncode(f.Catalogue.Name)).Append("</td><td>").Append(WebUtility.HtmlEncode(f.Catalogue.Work))
              .Append("</td><td>").Append(WebUtility.HtmlEncode(f.Catalogue.Tracer)).Append(CultureInfo.InvariantCulture, $"</td><td>{f.Selected:N0}</td><td>")
              .Append(f.Single.Bins.Count).Append("</td><td>").Append(f.Double is null ? "single (velocity-only)" : "single, double").Append("</td><td><ul>");
            foreach (var a in f.Catalogue.Adaptations) sb.Append("<li>").Append(WebUtility.HtmlEncode(a)).Append("</li>");
            sb.Append("</ul></td></tr>");
        }
        sb.Append("</table>\n");
        foreach (var n in r.Notes) sb.Append("<p class=\"small\">").Append(WebUtility.HtmlEncode(n)).Append("</p>\n");
        return sb.ToString();
    }

    /// <summary>Which convention Tables 1–2's β errors follow, with the numbers, and where the Δ in both conventions is.</summary>
    internal static string BetaConvention()
    {
        var (rows, linear, quadrature) = BetaErrorConvention.PaperConvention();
        string lin = linear.ToString("0.00", CultureInfo.InvariantCulture), quad = quadrature.ToString("0.00", CultureInfo.InvariantCulture);
        return (
            $"<h3 id=\"beta-errors\">β errors: the paper's convention</h3>\n<p>β = 1 − (σ<sub>φ</sub>² + σ<sub>θ</sub>²)/(2σ<sub>r</sub>²) has one " +
            $"error term per dispersion. Over the {rows} β entries of Tables 1–2, the printed β error is a median {lin}× the <i>linear</i> sum of the " +
            $"three terms computed from the printed σ errors, and {quad}× their quadrature sum: the paper's β errors follow the linear sum. Ours " +
            "are the posterior's percentiles (the quadrature convention), so the Δ of β in the Table 1–2 comparisons above, which uses the printed " +
            "error, is smaller than a like-for-like Δ. tables/table1_vs_paper.csv and table2_vs_paper.csv carry, on every β row, both sides' error in " +
            "each convention and Δ in each (delta_sigma_beta_linear, delta_sigma_beta_quadrature).</p>\n");
    }

    /// <summary>Fig. 2's β without the Sgr mask and Fig. 6's northern ⟨V_r⟩: what in the mock makes each.</summary>
    internal static string MockFeatures(bool mock) => !mock ? "" :
        "<h3 id=\"mock-features\">Two features of the mock the paper does not show</h3>\n<ul>" +
        "<li><b>Fig. 2, &beta; without the Sgr mask</b> falls well below the masked profile between ≈ 35 and 60 kpc. The mock's Sagittarius stream " +
        "(Mocks/SagittariusStream.cs) is a thin band (|B̃| &lt; 11°) at heliocentric 28&ndash;50 kpc whose members all move along the stream at " +
        "230 km/s with 15 km/s dispersion: at those radii the motion is mostly tangential, so unmasked they raise σ<sub>φ</sub>, σ<sub>θ</sub> and " +
        "lower &beta;. The real stream moves more slowly near its apocentres (≈ 50 kpc), so the depth of the mock's dip is a property of its " +
        "simple stream, not a prediction for the data; the paper finds the unmasked profile &ldquo;similar, globally underestimated&rdquo;.</li>" +
        "<li><b>Fig. 6, the northern &lang;V<sub>r</sub>&rang;</b> is negative beyond 60 kpc in the mock, where the paper's rises towards zero or " +
        "above. The mock's outer halo follows Eq. 6 with Table 3's field: a contraction μ<sub>compr</sub> ≈ −18 km/s at every radius and position, plus " +
        "the reflex μ<sub>dipole</sub> cos θ about an apex at b ≈ −38°. North of the plane cos θ &lt; 0, so the reflex adds a positive term, but its " +
        "average over DESI's northern footprint is smaller than |μ<sub>compr</sub>| (the footprint avoids the directions opposite the apex, as the " +
        "paper notes after Brooks et al. 2025): the sum stays negative. A mock whose north matches the paper would need a field that is not Eq. 6 " +
        "with Table 3's parameters; this was not tried.</li></ul>\n";
}
