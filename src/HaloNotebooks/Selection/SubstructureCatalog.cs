using System.Globalization;
using System.Net;
using System.Text;
using HaloNotebooks.Catalogs;
using HaloNotebooks.Display;

namespace HaloNotebooks.Selection;

/// <summary>
/// The globular clusters and dwarf galaxies whose member stars §2.3 removes: read from the mock's
/// substructures.csv, from Baumgardt &amp; Vasiliev (2021) or from Pace et al. (2022), or combined.
/// </summary>
[TypeFormatterSource(typeof(HtmlFormatterSource))]
public sealed partial class SubstructureCatalog : IHtmlDisplay
{
    internal SubstructureCatalog(IEnumerable<Substructure> items, string source)
    {
        Items = items.ToArray();
        Source = source;
    }

    internal IReadOnlyList<Substructure> Items { get; }

    /// <summary>Where the list came from (file names, references).</summary>
    internal string Source { get; }

    public int Count => Items.Count;

    internal IEnumerable<Substructure> OfKind(SubstructureKind kind) => Items.Where(s => s.Kind == kind);

    /// <summary>The union of several lists (a name present twice is kept twice: both are matched).</summary>
    public static SubstructureCatalog Combine(params SubstructureCatalog[] parts) =>
        new(parts.SelectMany(p => p.Items), string.Join(" + ", parts.Select(p => p.Source)));

    /// <summary>
    /// The mock's list (CONTRACTS.md): columns name, kind (globular_cluster|dwarf_galaxy), ra, dec, radius_deg,
    /// distance, distance_err, pmra, pmdec, pm_err, rv, rv_err. Empty cells are unknown (NaN).
    /// </summary>
    internal static SubstructureCatalog ReadMockList(string csv)
    {
        return FromTable(CsvTable.Read(csv), csv);
    }

    /// <summary>The list from a table in the mock's layout (e.g. <c>MockCatalog.Substructures</c>); <paramref name="source"/> names it in errors.</summary>
    internal static SubstructureCatalog FromTable(StarTable t, string source)
    {
        string csv = source;
        string[] numeric = ["ra", "dec", "radius_deg", "distance", "distance_err", "pmra", "pmdec", "pm_err", "rv", "rv_err"];
        foreach (var c in numeric.Prepend("kind").Prepend("name"))
            if (!t.Contains(c)) throw new CatalogException($"the substructure list needs columns name, kind, {string.Join(", ", numeric)}; this one is " +
                $"absent", file: csv, column: c);
        var name = t.GetString("name");
        var kind = t.GetString("kind");
        var v = numeric.Select(t.GetDouble).ToArray();
        var items = new List<Substructure>(t.RowCount);
        for (int i = 0; i < t.RowCount; i++)
        {
            SubstructureKind k;
            try { k = Substructure.ParseKind(kind[i]); }
            catch (FormatException e) { throw new CatalogException(e.Message, file: csv, column: "kind", row: i); }
            if (!double.IsFinite(v[0][i]) || !double.IsFinite(v[1][i]) || !(v[2][i] > 0))
                throw new CatalogException($"{name[i]}: ra, dec and a positive radius_deg are required", file: csv, column: "radius_deg", row: i);
            items.Add(new Substructure(name[i], k, v[0][i], v[1][i], v[2][i], v[3][i], v[4][i], v[5][i], v[6][i], v[7][i], v[8][i], v[9][i]));
        }
        return new SubstructureCatalog(items, Path.GetFileName(csv));
    }

    /// <summary>Writes the list in the mock's format (readable by <see cref="ReadMockList"/>).</summary>
    internal void WriteList(string csv)
    {
        var sb = new StringBuilder("name,kind,ra,dec,radius_deg,distance,distance_err,pmra,pmdec,pm_err,rv,rv_err\n");
        foreach (var s in Items)
        {
            sb.Append(s.Name.Replace(',', ' ')).Append(',').Append(Substructure.KindName(s.Kind));
            foreach (var x in new[] { s.Ra, s.Dec, s.RadiusDeg, s.Distance, s.DistanceErr, s.Pmra, s.Pmdec, s.PmErr, s.Rv, s.RvErr })
                sb.Append(',').Append(double.IsNaN(x) ? "" : x.ToString("R", CultureInfo.InvariantCulture));
            sb.Append('\n');
        }
        File.WriteAllText(csv, sb.ToString());
    }

    public string ToHtml()
    {
        var sb = new StringBuilder();
        sb.Append("<table><caption>").Append(WebUtility.HtmlEncode(Source)).Append(": ")
          .Append(OfKind(SubstructureKind.GlobularCluster).Count()).Append(" globular clusters, ")
          .Append(OfKind(SubstructureKind.DwarfGalaxy).Count()).Append(" dwarf galaxies</caption><thead><tr>");
        foreach (var h in new[] { "name", "kind", "ra", "dec", "radius [deg]", "d [kpc]", "pmra", "pmdec", "rv [km/s]" })
            sb.Append("<th>").Append(h).Append("</th>");
        sb.Append("</tr></thead><tbody>");
        foreach (var s in Items.Take(50))
        {
            sb.Append("<tr><td>").Append(WebUtility.HtmlEncode(s.Name)).Append("</td><td>").Append(Substructure.KindName(s.Kind)).Append("</td>");
            foreach (var x in new[] { s.Ra, s.Dec, s.RadiusDeg, s.Distance, s.Pmra, s.Pmdec, s.Rv })
                sb.Append("<td>").Append(double.IsNaN(x) ? "" : x.ToString("G5", CultureInfo.InvariantCulture)).Append("</td>");
            sb.Append("</tr>");
        }
        if (Count > 50) sb.Append("<tr><td colspan=\"9\">… ").Append(Count - 50).Append(" more</td></tr>");
        sb.Append("</tbody></table>");
        return sb.ToString();
    }

    public override string ToString() => $"SubstructureCatalog({Source}: {Count} entries)";
}
