namespace HaloNotebooks.Astrometry;

/// <summary>A row-major 3×3 matrix; the sky transforms are rotations, so the inverse is the transpose.</summary>
internal readonly record struct Matrix3d(Vector3d Row0, Vector3d Row1, Vector3d Row2)
{
    internal static Matrix3d Identity { get; } = new(new(1, 0, 0), new(0, 1, 0), new(0, 0, 1));

    internal Vector3d Apply(Vector3d v) => new(Row0.Dot(v), Row1.Dot(v), Row2.Dot(v));

    /// <summary>Transpose(M)·v, i.e. the inverse rotation.</summary>
    internal Vector3d ApplyTranspose(Vector3d v) => Row0 * v.X + Row1 * v.Y + Row2 * v.Z;

    internal Matrix3d Transpose() => new(
        new(Row0.X, Row1.X, Row2.X), new(Row0.Y, Row1.Y, Row2.Y), new(Row0.Z, Row1.Z, Row2.Z));

    public static Matrix3d operator *(Matrix3d a, Matrix3d b)
    {
        var bt = b.Transpose();
        return new(new(a.Row0.Dot(bt.Row0), a.Row0.Dot(bt.Row1), a.Row0.Dot(bt.Row2)),
                   new(a.Row1.Dot(bt.Row0), a.Row1.Dot(bt.Row1), a.Row1.Dot(bt.Row2)),
                   new(a.Row2.Dot(bt.Row0), a.Row2.Dot(bt.Row1), a.Row2.Dot(bt.Row2)));
    }

    /// <summary>Element [row, col].</summary>
    public double this[int row, int col] => (row switch { 0 => Row0, 1 => Row1, 2 => Row2, _ => throw new ArgumentOutOfRangeException(nameof(row)) }) switch
    {
        var r when col == 0 => r.X,
        var r when col == 1 => r.Y,
        var r when col == 2 => r.Z,
        _ => throw new ArgumentOutOfRangeException(nameof(col)),
    };

    // Passive (coordinate-frame) rotations by an angle in degrees, as astropy's rotation_matrix(angle, axis):
    // they rotate the axes, so a fixed vector's components turn by -angle.
    internal static Matrix3d RotationX(double deg)
    {
        var (s, c) = Math.SinCos(deg * Angles.DegToRad);
        return new(new(1, 0, 0), new(0, c, s), new(0, -s, c));
    }

    internal static Matrix3d RotationY(double deg)
    {
        var (s, c) = Math.SinCos(deg * Angles.DegToRad);
        return new(new(c, 0, -s), new(0, 1, 0), new(s, 0, c));
    }

    internal static Matrix3d RotationZ(double deg)
    {
        var (s, c) = Math.SinCos(deg * Angles.DegToRad);
        return new(new(c, s, 0), new(-s, c, 0), new(0, 0, 1));
    }
}
