using System.Globalization;
using System.Text;
using HaloNotebooks.Catalogs;
using HaloNotebooks.Display;
using C = HaloNotebooks.Catalogs.CanonicalColumns;

namespace HaloNotebooks.Selection;

/// <summary>
/// The selected halo K giants (§2.3) with their Galactocentric positions, velocities and Monte-Carlo errors,
/// [Fe/H] with errors, and the funnel that produced them. Sub-samples (radial bins, hemispheres) keep the funnel
/// up to date, so every star of the input is still accounted for.
/// </summary>
[TypeFormatterSource(typeof(HtmlFormatterSource))]
public sealed class HaloSample : IHtmlDisplay
{
    readonly int[] inputRows;

    internal HaloSample(StarTable stars, Funnel funnel, int[] inputRows)
    {
        if (inputRows.Length != stars.RowCount) throw new ArgumentException($"{inputRows.Length} input rows for {stars.RowCount} stars");
        Stars = stars;
        Funnel = funnel;
        this.inputRows = inputRows;
    }

    /// <summary>The selected stars: canonical input columns plus l, b, x, y, z, R, r_gc, vx, vy, vz, v_r, v_phi, v_theta,
    /// err_v_r, err_v_phi, err_v_theta, sgr_lambda, sgr_beta, abs_mag_r.</summary>
    public StarTable Stars { get; }

    public Funnel Funnel { get; }

    public int Count => Stars.RowCount;

    /// <summary>For each selected star, its row in the catalogue given to <see cref="PaperSelection.Run"/>.</summary>
    internal ReadOnlySpan<int> InputRows => inputRows;

    /// <summary>The stars with rMin ≤ r_GC &lt; rMax (kpc), e.g. one bin of Table 1.</summary>
    public HaloSample InRadialRange(double rMin, double rMax)
    {
        if (!(rMax > rMin)) throw new ArgumentException($"empty radial range [{rMin}, {rMax})");
        var r = Stars.GetDouble(C.RGc);
        var keep = new bool[r.Length];
        for (int i = 0; i < r.Length; i++) keep[i] = r[i] >= rMin && r[i] < rMax;
        return Where(keep, string.Create(CultureInfo.InvariantCulture, $"{rMin:G4} ≤ r_GC < {rMax:G4} kpc"));
    }

    /// <summary>The stars where <paramref name="keep"/> is true; the funnel gains a step named <paramref name="reason"/>.</summary>
    public HaloSample Where(ReadOnlySpan<bool> keep, string reason)
    {
        if (keep.Length != Count) throw new ArgumentException($"mask has {keep.Length} entries for {Count} stars");
        if (string.IsNullOrWhiteSpace(reason)) throw new ArgumentException("say why the stars are removed", nameof(reason));
        var removed = new List<int>();
        var rows = new List<int>(Count);
        for (int i = 0; i < keep.Length; i++)
            if (keep[i]) rows.Add(inputRows[i]); else removed.Add(inputRows[i]);
        string name = reason;
        for (int k = 2; Funnel.Steps.Any(s => s.Cut == name); k++) name = $"{reason} ({k})";
        var funnel = Funnel.Then(new FunnelStep(name, reason, "", Count, rows.Count), removed.ToArray());
        return new HaloSample(Stars.Where(keep), funnel, rows.ToArray());
    }

    public string ToHtml()
    {
        var sb = new StringBuilder();
        sb.Append("<div class=\"halo-sample\"><p><b>Halo sample</b>: ").Append(Count.ToString("N0", CultureInfo.InvariantCulture))
          .Append(" stars");
        if (Count > 0)
        {
            var r = Stars.GetDouble(C.RGc);
            sb.Append(string.Create(CultureInfo.InvariantCulture, $", {r.Min():F1} ≤ r_GC ≤ {r.Max():F1} kpc"))
              .Append(string.Create(CultureInfo.InvariantCulture, $"; median δV_r, δV_φ, δV_θ = {Median(Stars.GetDouble(C.ErrVR)):F1}, " +
                  $"{Median(Stars.GetDouble(C.ErrVPhi)):F1}, {Median(Stars.GetDouble(C.ErrVTheta)):F1} km/s"));
        }
        sb.Append("</p>").Append(Funnel.ToHtml()).Append("</div>");
        return sb.ToString();
    }

    static double Median(double[] x)
    {
        var s = (double[])x.Clone();
        Array.Sort(s);
        return s.Length == 0 ? double.NaN : s.Length % 2 == 1 ? s[s.Length / 2] : 0.5 * (s[s.Length / 2 - 1] + s[s.Length / 2]);
    }

    public override string ToString() => $"HaloSample: {Count} stars; {Funnel}";
}
