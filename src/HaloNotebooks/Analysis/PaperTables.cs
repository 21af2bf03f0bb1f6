using HaloNotebooks.Paper;

namespace HaloNotebooks.Analysis;

/// <summary>
/// Tables 1–3 built from our fits, in the layout of the paper's printed tables (<see cref="PublishedTables"/>).
/// </summary>
public static class PaperTables
{
    static readonly string[] Kinematic = TableColumn.Kinematics.Select(c => c.Key).ToArray();

    /// <summary>Table 1 from the single-component profile: first the all-stars row (3–160 kpc), then each bin.</summary>
    public static PaperTable Table1(RadialProfile single)
    {
        RequireModel(single, FitModel.Single, 1);
        return new PaperTable(1, single.Bins.Prepend(single.AllStars).Select(b => Row(b, null, Kinematic.Select(k => (k, k)))).ToList());
    }

    /// <summary>Table 2 from the double-component profile: all MR rows (with p_MR), then all MP rows, as the paper orders them.</summary>
    public static PaperTable Table2(RadialProfile @double)
    {
        RequireModel(@double, FitModel.Double, 2);
        var fits = @double.Bins.Prepend(@double.AllStars).ToList();
        var rows = new List<TableRow>();
        foreach (var component in new[] { "MR", "MP" })
        {
            string suffix = "_" + component.ToLowerInvariant();
            var keys = Kinematic.Select(k => (k, k + suffix)).ToList();
            if (component == "MR") keys.Add(("p_mr", "p_mr"));
            rows.AddRange(fits.Select(b => Row(b, component, keys)));
        }
        return new PaperTable(2, rows);
    }

    /// <summary>Table 3 from the dipole profile: 50–120 kpc, then the sub-bins.</summary>
    public static PaperTable Table3(RadialProfile dipole)
    {
        RequireModel(dipole, FitModel.Dipole, 3);
        return new PaperTable(3, dipole.Bins.Prepend(dipole.AllStars).Select(b => Row(b, null, TableColumn.Dipole.Select(c => (c.Key, c.Key)))).ToList());
    }

    static TableRow Row(BinFit fit, string? component, IEnumerable<(string TableKey, string FitKey)> keys)
    {
        var values = new Dictionary<string, Measurement>();
        foreach (var (tableKey, fitKey) in keys) values[tableKey] = fit[fitKey];
        return new TableRow(component, fit.Bin.RMin, fit.Bin.RMax, fit.Bin.RMedian, fit.Bin.Count, values);
    }

    static void RequireModel(RadialProfile profile, FitModel model, int table)
    {
        if (profile.Model != model) throw new ArgumentException($"Table {table} needs the {model}-model profile, got the {profile.Model} one");
    }
}
