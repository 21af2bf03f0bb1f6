using System.Globalization;
using HaloNotebooks.Catalogs;

namespace HaloNotebooks.Paper;

/// <summary>One fitted parameter of one radial bin of a comparison sample (data/reference/segue_kgiants_ours.csv).</summary>
/// <param name="Model">"single" or "double".</param>
/// <param name="Parameter">The fit's parameter name as <c>BinFit.Parameters</c> holds it ("beta", "beta_mr", "p_mr", …).</param>
internal sealed record ComparisonPoint(string Model, double RMin, double RMax, double RMedian, int N, string Parameter, Measurement Value);

/// <summary>
/// Profiles of other samples, fitted by this project with the paper's own selection and models, drawn beside the paper's
/// in Figs. 2 and 5. Bird et al. (2021) and Medina et al. (2025) publish their β profiles only as figures, so instead of
/// their numbers the figures show this project's fit of the public SEGUE K giants (Xue et al. 2014 × Gaia DR2), the
/// K-giant survey Bird et al. used besides LAMOST; `halo literature segue` writes the file (provenance beside it).
/// </summary>
internal static class ComparisonProfiles
{
    /// <summary>Label of the SEGUE K-giant points in figures and reports.</summary>
    internal const string SegueLabel = "SEGUE K giants (Xue+14 × Gaia DR2), fitted here";

    /// <summary>The SEGUE K giants' single- and double-component fits per radial bin.</summary>
    public static IReadOnlyList<ComparisonPoint> SegueKGiants => segue.Value;

    static readonly Lazy<IReadOnlyList<ComparisonPoint>> segue =
        new(() => Parse(PublishedTables.ReadResource("segue_kgiants_ours.csv"), "segue_kgiants_ours.csv"));

    /// <summary>The points of <paramref name="model"/>'s <paramref name="parameter"/> in radial order.</summary>
    public static IReadOnlyList<ComparisonPoint> Of(this IReadOnlyList<ComparisonPoint> points, string model, string parameter) =>
        points.Where(p => p.Model == model && p.Parameter == parameter).OrderBy(p => p.RMin).ToList();

    /// <summary>Columns: model, r_min_kpc, r_max_kpc, r_median_kpc, n, parameter, value, err_plus, err_minus.</summary>
    internal static IReadOnlyList<ComparisonPoint> Parse(string csv, string source)
    {
        var t = CsvTable.Parse(csv, source, name => name switch
        {
            "model" or "parameter" => ColumnType.String,
            "n" => ColumnType.Int64,
            _ => ColumnType.Double,
        });
        if (!t.ColumnNames.SequenceEqual(Header.Split(',')))
            throw new CatalogException($"the first line must be '{Header}' (it is '{string.Join(",", t.ColumnNames)}')", source);
        var (model, parameter, n) = (t.GetString("model"), t.GetString("parameter"), t.GetInt64("n"));
        double[] rMin = t.GetDouble("r_min_kpc"), rMax = t.GetDouble("r_max_kpc"), rMed = t.GetDouble("r_median_kpc");
        double[] value = t.GetDouble("value"), plus = t.GetDouble("err_plus"), minus = t.GetDouble("err_minus");
        return Enumerable.Range(0, t.RowCount)
            .Select(i => new ComparisonPoint(model[i], rMin[i], rMax[i], rMed[i], checked((int)n[i]), parameter[i],
                new Measurement(value[i], plus[i], minus[i])))
            .ToList();
    }

    const string Header = "model,r_min_kpc,r_max_kpc,r_median_kpc,n,parameter,value,err_plus,err_minus";

    /// <summary>The same columns, written back (invariant culture, round-trip precision kept to 6 significant digits).</summary>
    internal static string ToCsv(IEnumerable<ComparisonPoint> points)
    {
        var sb = new System.Text.StringBuilder(Header + "\n");
        foreach (var p in points)
            sb.Append(CultureInfo.InvariantCulture,
                $"{p.Model},{p.RMin:G6},{p.RMax:G6},{p.RMedian:G6},{p.N},{p.Parameter},{p.Value.Value:G6},{p.Value.ErrPlus:G6},{p.Value.ErrMinus:G6}\n");
        return sb.ToString();
    }
}
