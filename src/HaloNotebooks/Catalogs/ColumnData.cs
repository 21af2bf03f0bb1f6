namespace HaloNotebooks.Catalogs;

/// <summary>
/// One column of a <see cref="StarTable"/>: a typed array plus, for integer and boolean columns,
/// a missing-value mask (null when nothing is missing). Never mutated after construction; the
/// table hands out copies.
/// </summary>
internal sealed class ColumnData
{
    public string Name { get; }
    internal ColumnType Type { get; }
    public Array Values { get; }
    internal bool[]? Missing { get; }
    public int Length => Values.Length;

    internal ColumnData(string name, Array values, bool[]? missing = null)
    {
        Name = name;
        (Type, Values) = Normalise(name, values);
        if (missing is not null)
        {
            if (missing.Length != Values.Length)
                throw new CatalogException($"missing-value mask has {missing.Length} entries for {Values.Length} values", column: name);
            if (Type is ColumnType.Double or ColumnType.Single or ColumnType.String)
                Values = ApplyMask(Type, Values, missing);
            else if (Array.IndexOf(missing, true) >= 0)
                Missing = missing;
        }
    }

    internal bool IsMissing(int row) => Type switch
    {
        ColumnType.Double => double.IsNaN(((double[])Values)[row]),
        ColumnType.Single => float.IsNaN(((float[])Values)[row]),
        ColumnType.String => ((string?[])Values)[row] is null,
        _ => Missing is not null && Missing[row],
    };

    /// <summary>Rows <paramref name="rows"/> in that order; a negative index gives a missing value (left joins).</summary>
    internal ColumnData Gather(ReadOnlySpan<int> rows)
    {
        bool[]? mask = null;
        Array values;
        switch (Type)
        {
            case ColumnType.Double: values = GatherValues((double[])Values, rows, double.NaN); break;
            case ColumnType.Single: values = GatherValues((float[])Values, rows, float.NaN); break;
            case ColumnType.String: values = GatherValues((string?[])Values, rows, null); break;
            case ColumnType.Int32: values = GatherValues((int[])Values, rows, 0); mask = GatherMask(rows); break;
            case ColumnType.Int64: values = GatherValues((long[])Values, rows, 0L); mask = GatherMask(rows); break;
            default: values = GatherValues((bool[])Values, rows, false); mask = GatherMask(rows); break;
        }
        return new ColumnData(Name, values, mask);
    }

    internal ColumnData Rename(string name) => new(name, Values, Missing);

    /// <summary>Rows <paramref name="first"/> … <paramref name="first"/> + <paramref name="count"/> − 1 (a copy).</summary>
    internal ColumnData Slice(int first, int count)
    {
        var values = Array.CreateInstance(Values.GetType().GetElementType()!, count);
        Array.Copy(Values, first, values, 0, count);
        return new ColumnData(Name, values, Missing?[first..(first + count)]);
    }

    /// <summary>The rows of <paramref name="parts"/> one after another (same name and type in every part).</summary>
    internal static ColumnData Concat(IReadOnlyList<ColumnData> parts)
    {
        var first = parts[0];
        int n = 0;
        foreach (var p in parts)
        {
            if (p.Type != first.Type)
                throw new CatalogException($"column is {p.Type} in one part and {first.Type} in another", column: first.Name);
            n += p.Length;
        }
        var values = Array.CreateInstance(first.Values.GetType().GetElementType()!, n);
        bool[]? mask = null;
        int at = 0;
        foreach (var p in parts)
        {
            Array.Copy(p.Values, 0, values, at, p.Length);
            if (p.Missing is not null) Array.Copy(p.Missing, 0, mask ??= new bool[n], at, p.Length);
            at += p.Length;
        }
        return new ColumnData(first.Name, values, mask);
    }

    static T[] GatherValues<T>(T[] source, ReadOnlySpan<int> rows, T missing)
    {
        var result = new T[rows.Length];
        for (int i = 0; i < rows.Length; i++) result[i] = rows[i] >= 0 ? source[rows[i]] : missing;
        return result;
    }

    bool[]? GatherMask(ReadOnlySpan<int> rows)
    {
        bool[]? mask = null;
        for (int i = 0; i < rows.Length; i++)
        {
            if (rows[i] >= 0 && (Missing is null || !Missing[rows[i]])) continue;
            mask ??= new bool[rows.Length];
            mask[i] = true;
        }
        return mask;
    }

    static (ColumnType, Array) Normalise(string name, Array values) => values switch
    {
        double[] d => (ColumnType.Double, d),
        float[] f => (ColumnType.Single, f),
        int[] i => (ColumnType.Int32, i),
        long[] l => (ColumnType.Int64, l),
        bool[] b => (ColumnType.Boolean, b),
        string?[] s => (ColumnType.String, EmptyToNull(s)),
        short[] s => (ColumnType.Int32, Array.ConvertAll(s, v => (int)v)),
        byte[] b => (ColumnType.Int32, Array.ConvertAll(b, v => (int)v)),
        sbyte[] b => (ColumnType.Int32, Array.ConvertAll(b, v => (int)v)),
        ushort[] u => (ColumnType.Int32, Array.ConvertAll(u, v => (int)v)),
        uint[] u => (ColumnType.Int64, Array.ConvertAll(u, v => (long)v)),
        _ => throw new CatalogException($"unsupported column array type {values.GetType().Name} " +
                                        "(use double[], float[], int[], long[], bool[] or string[])", column: name),
    };

    static string?[] EmptyToNull(string?[] s)
    {
        if (Array.IndexOf(s, "") < 0) return s;
        var copy = (string?[])s.Clone();
        for (int i = 0; i < copy.Length; i++) if (copy[i] is { Length: 0 }) copy[i] = null;
        return copy;
    }

    static Array ApplyMask(ColumnType type, Array values, bool[] missing)
    {
        if (Array.IndexOf(missing, true) < 0) return values;
        var copy = (Array)values.Clone();
        for (int i = 0; i < missing.Length; i++)
        {
            if (!missing[i]) continue;
            switch (type)
            {
                case ColumnType.Double: ((double[])copy)[i] = double.NaN; break;
                case ColumnType.Single: ((float[])copy)[i] = float.NaN; break;
                default: ((string?[])copy)[i] = null; break;
            }
        }
        return copy;
    }
}
