using System.Buffers.Binary;
using System.Text;

namespace HaloNotebooks.Catalogs;

/// <summary>Decodes one output column of a BINTABLE from big-endian row chunks.</summary>
internal abstract class FieldDecoder(string name, int offset)
{
    public string Name { get; } = name;
    protected int Offset { get; } = offset;

    /// <summary>The file row of output row 0 (a row range read), for error messages.</summary>
    internal long RowBase { get; set; }

    /// <summary>Decode <paramref name="rows"/> rows of <paramref name="chunk"/> into output rows starting at <paramref name="first"/>.</summary>
    public abstract void Decode(ReadOnlySpan<byte> chunk, int rowWidth, int rows, int first);
    public abstract ColumnData ToColumn();

    const double TwoTo31 = 2147483648.0, TwoTo63 = 9223372036854775808.0;

    public static FieldDecoder Create(FitsField f, string name, int offset, int rowCount)
    {
        bool plain = f.Scale == 1.0 && f.Zero == 0.0;
        bool unit = f.Scale == 1.0;
        return f.Format.Code switch
        {
            'D' => new DoubleDecoder(name, offset, rowCount, f.Scale, f.Zero),
            'E' when plain => new SingleDecoder(name, offset, rowCount),
            'E' => new DoubleDecoder(name, offset, rowCount, f.Scale, f.Zero, single: true),
            'L' => new LogicalDecoder(name, offset, rowCount),
            'A' => new StringDecoder(name, offset, (int)f.Format.Repeat, rowCount),
            'B' when plain || (unit && f.Zero == -128) => new IntegerDecoder(name, offset, rowCount, 'B', f.Null, IntegerOutput.Int32, (long)f.Zero),
            'I' when plain || (unit && f.Zero == 32768) => new IntegerDecoder(name, offset, rowCount, 'I', f.Null, IntegerOutput.Int32, (long)f.Zero),
            'J' when plain => new IntegerDecoder(name, offset, rowCount, 'J', f.Null, IntegerOutput.Int32, 0),
            'J' when unit && f.Zero == TwoTo31 => new IntegerDecoder(name, offset, rowCount, 'J', f.Null, IntegerOutput.Int64, (long)TwoTo31),
            'K' when plain => new IntegerDecoder(name, offset, rowCount, 'K', f.Null, IntegerOutput.Int64, 0),
            'K' when unit && f.Zero == TwoTo63 => new IntegerDecoder(name, offset, rowCount, 'K', f.Null, IntegerOutput.UnsignedDouble, 0),
            _ => new IntegerDecoder(name, offset, rowCount, f.Format.Code, f.Null, IntegerOutput.ScaledDouble, 0, f.Scale, f.Zero),
        };
    }
}

internal enum IntegerOutput { Int32, Int64, UnsignedDouble, ScaledDouble }

internal sealed class DoubleDecoder(string name, int offset, int n, double scale, double zero, bool single = false) : FieldDecoder(name, offset)
{
    readonly double[] _values = new double[n];

    public override void Decode(ReadOnlySpan<byte> chunk, int rowWidth, int rows, int first)
    {
        var dest = _values.AsSpan(first, rows);
        int at = Offset;
        if (single)
            for (int r = 0; r < rows; r++, at += rowWidth) dest[r] = zero + scale * BinaryPrimitives.ReadSingleBigEndian(chunk.Slice(at, 4));
        else if (scale == 1.0 && zero == 0.0)
            for (int r = 0; r < rows; r++, at += rowWidth) dest[r] = BinaryPrimitives.ReadDoubleBigEndian(chunk.Slice(at, 8));
        else
            for (int r = 0; r < rows; r++, at += rowWidth) dest[r] = zero + scale * BinaryPrimitives.ReadDoubleBigEndian(chunk.Slice(at, 8));
    }

    public override ColumnData ToColumn() => new(Name, _values);
}

internal sealed class SingleDecoder(string name, int offset, int n) : FieldDecoder(name, offset)
{
    readonly float[] _values = new float[n];

    public override void Decode(ReadOnlySpan<byte> chunk, int rowWidth, int rows, int first)
    {
        var dest = _values.AsSpan(first, rows);
        int at = Offset;
        for (int r = 0; r < rows; r++, at += rowWidth) dest[r] = BinaryPrimitives.ReadSingleBigEndian(chunk.Slice(at, 4));
    }

    public override ColumnData ToColumn() => new(Name, _values);
}

/// <summary>B, I, J, K with TNULL (compared with the stored value) and the unsigned/scaled conventions.</summary>
internal sealed class IntegerDecoder(string name, int offset, int n, char code, long? tnull, IntegerOutput output,
                                     long zero, double scale = 1, double fzero = 0) : FieldDecoder(name, offset)
{
    readonly int[]? _int32 = output == IntegerOutput.Int32 ? new int[n] : null;
    readonly long[]? _int64 = output == IntegerOutput.Int64 ? new long[n] : null;
    readonly double[]? _double = output is IntegerOutput.UnsignedDouble or IntegerOutput.ScaledDouble ? new double[n] : null;
    bool[]? _missing;

    public override void Decode(ReadOnlySpan<byte> chunk, int rowWidth, int rows, int first)
    {
        int at = Offset;
        for (int r = 0; r < rows; r++, at += rowWidth)
        {
            var bytes = chunk.Slice(at);
            long raw = code switch
            {
                'B' => bytes[0],
                'I' => BinaryPrimitives.ReadInt16BigEndian(bytes),
                'J' => BinaryPrimitives.ReadInt32BigEndian(bytes),
                _ => BinaryPrimitives.ReadInt64BigEndian(bytes),
            };
            int i = first + r;
            if (raw == tnull)
            {
                (_missing ??= new bool[n])[i] = true;
                if (_double is not null) _double[i] = double.NaN;
                continue;
            }
            switch (output)
            {
                case IntegerOutput.Int32: _int32![i] = (int)(raw + zero); break;
                case IntegerOutput.Int64: _int64![i] = raw + zero; break;
                case IntegerOutput.UnsignedDouble: _double![i] = (ulong)raw ^ 0x8000_0000_0000_0000UL; break;
                default: _double![i] = fzero + scale * raw; break;
            }
        }
    }

    public override ColumnData ToColumn() =>
        _int32 is not null ? new(Name, _int32, _missing) : _int64 is not null ? new(Name, _int64, _missing) : new(Name, _double!);
}

internal sealed class LogicalDecoder(string name, int offset, int n) : FieldDecoder(name, offset)
{
    readonly bool[] _values = new bool[n];
    bool[]? _missing;

    public override void Decode(ReadOnlySpan<byte> chunk, int rowWidth, int rows, int first)
    {
        int at = Offset;
        for (int r = 0; r < rows; r++, at += rowWidth)
        {
            switch (chunk[at])
            {
                case (byte)'T': _values[first + r] = true; break;
                case (byte)'F': break;
                case 0: (_missing ??= new bool[n])[first + r] = true; break;
                default: throw new CatalogException($"logical value byte 0x{chunk[at]:X2} is not 'T', 'F' or 0", column: Name, row: RowBase + first + r);
            }
        }
    }

    public override ColumnData ToColumn() => new(Name, _values, _missing);
}

internal sealed class StringDecoder(string name, int offset, int width, int n) : FieldDecoder(name, offset)
{
    readonly string?[] _values = new string?[n];

    public override void Decode(ReadOnlySpan<byte> chunk, int rowWidth, int rows, int first)
    {
        int at = Offset;
        for (int r = 0; r < rows; r++, at += rowWidth)
        {
            var bytes = chunk.Slice(at, width);
            int end = bytes.IndexOf((byte)0);
            if (end >= 0) bytes = bytes[..end];
            bytes = bytes.TrimEnd((byte)' ');
            _values[first + r] = bytes.Length == 0 ? null : Encoding.Latin1.GetString(bytes);
        }
    }

    public override ColumnData ToColumn() => new(Name, _values);
}
