using System.Globalization;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using HaloNotebooks.Catalogs;

namespace HaloNotebooks.Selection;

/// <summary>
/// Selections kept in the fit cache's folder (issue 31), so a rerun of `halo reproduce` or of a notebook on the same
/// catalogue selects nothing twice. A selection is a pure function of the catalogue's content, the
/// <see cref="SelectionSettings"/> (all but the thread count, which changes no result), the substructure list and the code;
/// the key is the SHA-256 of all of them, and the entry holds the whole <see cref="HaloSample"/> — every column of the
/// selected stars bit for bit, the funnel's steps, the cut that removed each input row and the survivors' input rows — so a
/// hit is what the selection would return. Entries go through <see cref="CachedBlob"/>: written to a temporary file and
/// renamed, checksummed, a damaged or foreign one recomputed with a one-line warning. Only catalogues held in memory are
/// keyed (the default mock, a notebook's table); a catalogue streamed from a file is selected every time.
/// </summary>
internal static class SelectionCache
{
    const string Magic = "HALOSEL1";
    internal const string Extension = ".selc";

    /// <summary>Where selections are kept, how a damaged entry is reported and what runs after a write (the size cap); null: off.
    /// Set together with the fit cache (Analysis/FitCache.cs, its <c>Current</c>), so one switch turns both on.</summary>
    internal static CacheStore? Store { get; set; }

    /// <summary>The sample kept under the selection's key, or null (no cache, a catalogue that is not keyed, a miss).</summary>
    internal static HaloSample? TryRead(byte[]? key)
    {
        var cache = Store;
        if (cache is null || key is null) return null;
        var bytes = CachedBlob.TryRead(cache.Folder, key, Extension, Magic, cache.Warn);
        if (bytes is null) return null;
        try { return Decode(bytes); }
        catch (Exception e) when (e is EndOfStreamException or InvalidDataException or ArgumentException or CatalogException)
        {
            cache.Warn($"cache entry for selection {Convert.ToHexStringLower(key)} cannot be decoded ({e.Message}); not used, it is computed again");
            return null;
        }
    }

    internal static void Write(byte[]? key, HaloSample sample)
    {
        var cache = Store;
        if (cache is null || key is null) return;
        CachedBlob.Write(cache.Folder, key, Extension, Magic, Encode(sample), cache.Warn);
        cache.AfterWrite();   // tens of MB per sample: keep the folder under its cap
    }

    /// <summary>The key of a selection, or null when the cache is off or the catalogue is not held in memory.</summary>
    internal static byte[]? Key(CatalogueChunks catalogue, SelectionSettings settings, SubstructureCatalog? substructures)
    {
        if (Store is not { } store || catalogue.InMemoryTable is not { } table) return null;
        var text = new StringBuilder().Append(Magic).Append('\n').Append(store.CodeIdentity).Append('\n');
        Describe(text, settings with { MaxDegreeOfParallelism = null, Frame = settings.EffectiveFrame }, 0);
        text.Append('\n');
        foreach (var s in substructures?.Items ?? []) { Describe(text, s, 0); text.Append('\n'); }
        using var h = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        h.AppendData(Encoding.UTF8.GetBytes(text.ToString()));
        h.AppendData(ContentDigest(table));
        return h.GetHashAndReset();
    }

    /// <summary>Every public property of a settings record, invariant and round-trip ("R"), nested records included.</summary>
    static void Describe(StringBuilder text, object? value, int depth)
    {
        switch (value)
        {
            case null: text.Append("null"); return;
            case double d: text.Append(d.ToString("R", CultureInfo.InvariantCulture)); return;
            case IFormattable f: text.Append(f.ToString(null, CultureInfo.InvariantCulture)); return;
            case string or bool or Enum: text.Append(value); return;
        }
        if (depth > 3) throw new InvalidOperationException($"cannot key {value.GetType().Name}: nested too deeply");
        text.Append(value.GetType().Name).Append('{');
        foreach (var p in value.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetIndexParameters().Length == 0)
                     .OrderBy(p => p.Name, StringComparer.Ordinal))
        {
            text.Append(p.Name).Append('=');
            Describe(text, p.GetValue(value), depth + 1);
            text.Append(';');
        }
        text.Append('}');
    }

    static readonly ConditionalWeakTable<StarTable, byte[]> Digests = [];

    /// <summary>SHA-256 of a table's column names, types, values and missing masks (once per table: tables are immutable).</summary>
    internal static byte[] ContentDigest(StarTable table) => Digests.GetValue(table, t =>
    {
        using var h = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        h.AppendData(BitConverter.GetBytes(t.RowCount));
        foreach (var c in t.Columns)
        {
            h.AppendData(Encoding.UTF8.GetBytes(c.Name + "\n" + c.Type + "\n"));
            switch (c.Values)
            {
                case double[] v: h.AppendData(MemoryMarshal.AsBytes(v.AsSpan())); break;
                case float[] v: h.AppendData(MemoryMarshal.AsBytes(v.AsSpan())); break;
                case int[] v: h.AppendData(MemoryMarshal.AsBytes(v.AsSpan())); break;
                case long[] v: h.AppendData(MemoryMarshal.AsBytes(v.AsSpan())); break;
                case bool[] v: h.AppendData(MemoryMarshal.AsBytes(v.AsSpan())); break;
                case string?[] v:
                    foreach (var s in v) { h.AppendData(BitConverter.GetBytes(s?.Length ?? -1)); if (s is not null) h.AppendData(Encoding.UTF8.GetBytes(s)); }
                    break;
                default: throw new InvalidOperationException($"column {c.Name}: no digest for {c.Values.GetType().Name}");
            }
            h.AppendData(BitConverter.GetBytes(c.Missing is not null));
            if (c.Missing is not null) h.AppendData(MemoryMarshal.AsBytes(c.Missing.AsSpan()));
        }
        return h.GetHashAndReset();
    });

    static byte[] Encode(HaloSample sample)
    {
        using var stream = new MemoryStream();
        using (var w = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true))
        {
            var funnel = sample.Funnel;
            w.Write(funnel.InputCount);
            w.Write(funnel.Steps.Count);
            foreach (var s in funnel.Steps) { w.Write(s.Cut); w.Write(s.Wording); w.Write(s.Parameters); w.Write(s.In); w.Write(s.Kept); }
            // The cut that removed each input row, as its index in a list of names (-1: kept).
            var names = new List<string>();
            var index = new Dictionary<string, int>(StringComparer.Ordinal);
            var removedBy = funnel.RemovedBy;
            var codes = new int[removedBy.Length];
            for (int i = 0; i < removedBy.Length; i++)
            {
                if (removedBy[i] is not { } cut) { codes[i] = -1; continue; }
                if (!index.TryGetValue(cut, out int k)) { k = names.Count; names.Add(cut); index[cut] = k; }
                codes[i] = k;
            }
            w.Write(names.Count);
            foreach (var n in names) w.Write(n);
            WriteArray(w, codes);
            WriteArray(w, sample.InputRows.ToArray());
            var stars = sample.Stars;
            w.Write(stars.RowCount);
            w.Write(stars.Columns.Count);
            foreach (var c in stars.Columns)
            {
                w.Write(c.Name);
                w.Write((int)c.Type);
                switch (c.Values)
                {
                    case double[] v: WriteArray(w, v); break;
                    case float[] v: WriteArray(w, v); break;
                    case int[] v: WriteArray(w, v); break;
                    case long[] v: WriteArray(w, v); break;
                    case bool[] v: WriteArray(w, v); break;
                    case string?[] v:
                        foreach (var s in v) { w.Write(s is not null); if (s is not null) w.Write(s); }
                        break;
                    default: throw new InvalidOperationException($"column {c.Name}: cannot keep {c.Values.GetType().Name}");
                }
                w.Write(c.Missing is not null);
                if (c.Missing is not null) WriteArray(w, c.Missing);
            }
        }
        return stream.ToArray();
    }

    static HaloSample Decode(byte[] bytes)
    {
        using var r = new BinaryReader(new MemoryStream(bytes), Encoding.UTF8);
        int inputCount = r.ReadInt32();
        var steps = new FunnelStep[r.ReadInt32()];
        for (int k = 0; k < steps.Length; k++)
            steps[k] = new FunnelStep(r.ReadString(), r.ReadString(), r.ReadString(), r.ReadInt32(), r.ReadInt32());
        var names = new string[r.ReadInt32()];
        for (int k = 0; k < names.Length; k++) names[k] = r.ReadString();
        var codes = ReadArray<int>(r);
        if (codes.Length != inputCount) throw new InvalidDataException($"{codes.Length} removal records for {inputCount} input rows");
        var removedBy = codes.Select(k => k < 0 ? null : names[k]).ToArray();
        var inputRows = ReadArray<int>(r);
        int rows = r.ReadInt32();
        var columns = new List<ColumnData>();
        for (int k = r.ReadInt32(); k > 0; k--)
        {
            string name = r.ReadString();
            Array values = (ColumnType)r.ReadInt32() switch
            {
                ColumnType.Double => ReadArray<double>(r),
                ColumnType.Single => ReadArray<float>(r),
                ColumnType.Int32 => ReadArray<int>(r),
                ColumnType.Int64 => ReadArray<long>(r),
                ColumnType.Boolean => ReadArray<bool>(r),
                ColumnType.String => Enumerable.Range(0, rows).Select(_ => r.ReadBoolean() ? r.ReadString() : null).ToArray(),
                var t => throw new InvalidDataException($"unknown column type {t}"),
            };
            var missing = r.ReadBoolean() ? ReadArray<bool>(r) : null;
            columns.Add(new ColumnData(name, values, missing));
        }
        if (r.BaseStream.Position != bytes.Length) throw new InvalidDataException("bytes after the last column");
        return new HaloSample(new StarTable(columns, rows), new Funnel(inputCount, steps, removedBy), inputRows);
    }

    static void WriteArray<T>(BinaryWriter w, T[] values) where T : unmanaged
    {
        w.Write(values.Length);
        w.Write(MemoryMarshal.AsBytes(values.AsSpan()));
    }

    static T[] ReadArray<T>(BinaryReader r) where T : unmanaged
    {
        int n = r.ReadInt32();
        if (n < 0 || (long)n * Unsafe.SizeOf<T>() > r.BaseStream.Length - r.BaseStream.Position)
            throw new InvalidDataException($"an array of {n} values runs past the entry's end");
        var values = new T[n];
        if (r.Read(MemoryMarshal.AsBytes(values.AsSpan())) != n * Unsafe.SizeOf<T>()) throw new EndOfStreamException();
        return values;
    }
}

/// <summary>A cache folder as the lower layers see it: the folder, the code identity that is part of every key, where a one-line
/// warning goes, and what runs after a write.</summary>
internal sealed record CacheStore(string Folder, string CodeIdentity, Action<string> Warn, Action AfterWrite);
