namespace HaloNotebooks.Astrometry;

/// <summary>
/// Galactocentric positions (kpc) and velocities (km/s) of many stars as parallel columns, the output of
/// <see cref="GalactocentricFrame.Transform(ReadOnlySpan{double}, ReadOnlySpan{double}, ReadOnlySpan{double},
/// ReadOnlySpan{double}, ReadOnlySpan{double}, ReadOnlySpan{double})"/>.
/// R is the cylindrical radius, RGc the Galactocentric distance; signs as <see cref="PhaseSpacePoint"/>.
/// </summary>
internal sealed class GalactocentricColumns
{
    internal GalactocentricColumns(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        Count = count;
        X = new double[count]; Y = new double[count]; Z = new double[count];
        R = new double[count]; RGc = new double[count];
        Vx = new double[count]; Vy = new double[count]; Vz = new double[count];
        Vr = new double[count]; VPhi = new double[count]; VTheta = new double[count];
    }

    public int Count { get; }
    internal double[] X { get; }
    internal double[] Y { get; }
    internal double[] Z { get; }
    internal double[] R { get; }
    public double[] RGc { get; }
    internal double[] Vx { get; }
    internal double[] Vy { get; }
    internal double[] Vz { get; }
    internal double[] Vr { get; }
    public double[] VPhi { get; }
    public double[] VTheta { get; }

    /// <summary>Star <paramref name="i"/> as a point.</summary>
    public PhaseSpacePoint this[int i] => new(X[i], Y[i], Z[i], Vx[i], Vy[i], Vz[i]);
}
