using System.Globalization;
using System.Net;
using System.Text;
using HaloNotebooks.Paper;
using C = HaloNotebooks.Catalogs.CanonicalColumns;

namespace HaloNotebooks.Analysis;

/// <summary>One outer hemisphere bin of Fig. 6: the measured ⟨V_r⟩ beside what Table 3's field (Eq. 6) gives on the same stars.</summary>
/// <param name="MeanCosTheta">⟨cos θ⟩ of the stars' directions (l, b) to Table 3's apex.</param>
/// <param name="Predicted">μ_compr + μ_dipole ⟨cos θ⟩ with Table 3's 50–120 kpc row, km/s.</param>
internal sealed record HemisphereFieldRow(string Hemisphere, RadialBin Bin, Measurement Measured, double MeanCosTheta, double Predicted);

/// <summary>
/// Issue 27: is the northern ⟨V_r⟩ of Fig. 6 what the paper's own Table 3 implies? Eq. 6 with Table 3's 50–120 kpc row
/// (μ_compr, μ_dipole, apex), averaged over the directions of the very stars of each outer hemisphere bin, against the
/// fitted ⟨V_r⟩. The sky footprint enters through ⟨cos θ⟩: DESI sees the north mostly far from the southern apex.
/// </summary>
internal sealed class HemisphereFieldCheck(IReadOnlyList<HemisphereFieldRow> rows)
{
    /// <summary>Hemisphere bins starting at or beyond this r_GC are compared (the dipole fit's 50–120 kpc, Table 3).</summary>
    public const double OuterEdge = 47.5;

    public IReadOnlyList<HemisphereFieldRow> Rows { get; } = rows;

    /// <summary>Table 3's whole-range row as a field.</summary>
    public static DipoleVelocityField Table3Field
    {
        get
        {
            var v = PublishedTables.Table3.Rows[0].Values;
            return new(v["mu_compr"].Value, v["mu_dipole"].Value, v["l_apex"].Value, v["b_apex"].Value);
        }
    }

    /// <summary>The comparison for the §4.4 stars of <paramref name="dipoleSample"/> in the outer bins of <paramref name="measured"/>.</summary>
    public static HemisphereFieldCheck Measure(Selection.HaloSample dipoleSample, HemisphereProfile measured, DipoleVelocityField field)
    {
        ArgumentNullException.ThrowIfNull(dipoleSample);
        ArgumentNullException.ThrowIfNull(measured);
        var stars = dipoleSample.Stars;
        double[] l = stars.GetDouble(C.L), b = stars.GetDouble(C.B), r = stars.GetDouble(C.RGc);
        var rows = new List<HemisphereFieldRow>();
        foreach (var (name, bins, north) in new[] { ("north", measured.North, true), ("south", measured.South, false) })
            foreach (var bin in bins.Where(x => x.Bin.RMin >= OuterEdge - 1e-9))
            {
                double sumCos = 0;
                int n = 0;
                for (int i = 0; i < r.Length; i++)
                {
                    if (r[i] < bin.Bin.RMin || r[i] >= bin.Bin.RMax || (b[i] > 0) != north || b[i] == 0) continue;
                    sumCos += Astrometry.ReflexMotion.CosTheta(l[i], b[i], field.LApex, field.BApex);
                    n++;
                }
                if (n == 0) continue;
                double cos = sumCos / n;
                rows.Add(new HemisphereFieldRow(name, bin.Bin, bin.MeanVr, cos, field.MuCompr + field.MuDipole * cos));
            }
        return new HemisphereFieldCheck(rows);
    }

    public string ToCsv()
    {
        var ci = CultureInfo.InvariantCulture;
        var sb = new StringBuilder("hemisphere,r_min_kpc,r_max_kpc,n,vr_kms,vr_errp_kms,vr_errm_kms,mean_cos_theta,table3_eq6_vr_kms\n");
        foreach (var x in Rows)
            sb.Append(ci, $"{x.Hemisphere},{x.Bin.RMin:R},{x.Bin.RMax:R},{x.Bin.Count},{x.Measured.Value:R},{x.Measured.ErrPlus:R},")
              .Append(ci, $"{x.Measured.ErrMinus:R},{x.MeanCosTheta:R},{x.Predicted:R}\n");
        return sb.ToString();
    }

    public string ToHtml()
    {
        var ci = CultureInfo.InvariantCulture;
        var f = Table3Field;
        var sb = new StringBuilder();
        sb.Append(ci, $"<p>Is the north of Fig. 6 what the paper's Table 3 implies? Eq. 6 with Table 3's 50&ndash;120 kpc row (&mu;<sub>compr</sub> = ")
          .Append(ci, $"{f.MuCompr:0.0}, &mu;<sub>dipole</sub> = {f.MuDipole:0.0} km/s, apex l = {f.LApex:0.0}&deg;, b = {f.BApex:0.0}&deg;), averaged over ")
          .Append("the directions of the same stars as each outer bin (tables/hemispheres_table3_field.csv). DESI's northern stars lie mostly far from the ")
          .Append("southern apex (&lang;cos &theta;&rang; &lt; 0), so there the dipole term only partly cancels the contraction. On the default mock this ")
          .Append("holds by construction (its outer halo is drawn from Table 3's sub-bins); on real data it tests whether Table 3 and Fig. 6 agree.</p>")
          .Append("<table><caption>Outer hemisphere &lang;V<sub>r</sub>&rang; [km/s]: fitted, and Table 3's field on the same stars</caption>")
          .Append("<tr><th>hemisphere</th><th>r<sub>GC</sub> [kpc]</th><th>N</th><th>fitted &lang;V<sub>r</sub>&rang; [km/s]</th>")
          .Append("<th>&lang;cos &theta;&rang;</th><th>Eq. 6, Table 3 [km/s]</th></tr>");
        foreach (var x in Rows)
            sb.Append("<tr><td>").Append(x.Hemisphere).Append("</td><td>").Append(WebUtility.HtmlEncode(x.Bin.Label)).Append("</td><td>")
              .Append(x.Bin.Count.ToString("N0", ci)).Append("</td><td>").Append(x.Measured.ToHtml(1)).Append("</td><td>")
              .Append(x.MeanCosTheta.ToString("+0.00;−0.00", ci)).Append("</td><td>").Append(x.Predicted.ToString("+0.0;−0.0", ci))
              .Append("</td></tr>");
        sb.Append("</table>\n");
        return sb.ToString();
    }
}
