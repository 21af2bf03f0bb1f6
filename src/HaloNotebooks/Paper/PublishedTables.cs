namespace HaloNotebooks.Paper;

/// <summary>
/// The paper's Tables 1–3 as printed (data/reference/, embedded in the library), read by <see cref="PaperTable.Parse"/>:
/// the one copy the analysis compares with and the mocks are built from.
/// </summary>
public static class PublishedTables
{
    /// <summary>The paper's Table <paramref name="number"/> as printed (with the two misprints corrected, see data/reference/SOURCE.md).</summary>
    public static PaperTable Table(int number) => number switch
    {
        1 => Table1,
        2 => Table2,
        3 => Table3,
        _ => throw new ArgumentException($"the paper has Tables 1–3, not {number}"),
    };

    /// <summary>The paper's Table 1.</summary>
    public static PaperTable Table1 { get; } = PaperTable.Parse(1, ReadResource("table1_single_component.csv"), "data/reference/table1_single_component.csv");

    /// <summary>The paper's Table 2.</summary>
    public static PaperTable Table2 { get; } = PaperTable.Parse(2, ReadResource("table2_double_component.csv"), "data/reference/table2_double_component.csv");

    /// <summary>The paper's Table 3.</summary>
    public static PaperTable Table3 { get; } = PaperTable.Parse(3, ReadResource("table3_dipole.csv"), "data/reference/table3_dipole.csv");

    internal static string ReadResource(string file)
    {
        var assembly = typeof(PublishedTables).Assembly;
        using var stream = assembly.GetManifestResourceStream("HaloNotebooks.Reference." + file)
            ?? throw new InvalidOperationException($"embedded reference file {file} is missing from {assembly.GetName().Name}");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
