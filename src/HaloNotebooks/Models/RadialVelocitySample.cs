namespace HaloNotebooks.Models;

/// <summary>
/// What the dipole + contraction fit sees (Eqs. 5–6): each star's Galactic (l, b) in degrees (§3.2:
/// θ is the angle between the star's (l, b) and the apex), and its V_r with 1σ error (km/s).
/// </summary>
public sealed record RadialVelocitySample(double[] L, double[] B, double[] Vr, double[] ErrVr)
{
    public int Count => Vr.Length;

    /// <summary>The stars where <paramref name="keep"/> is true.</summary>
    public RadialVelocitySample Where(ReadOnlySpan<bool> keep)
    {
        if (keep.Length != Count) throw new ArgumentException($"mask has {keep.Length} entries for {Count} stars");
        var idx = new List<int>(Count);
        for (int i = 0; i < keep.Length; i++) if (keep[i]) idx.Add(i);
        double[] Pick(double[] a) { var r = new double[idx.Count]; for (int j = 0; j < r.Length; j++) r[j] = a[idx[j]]; return r; }
        return new(Pick(L), Pick(B), Pick(Vr), Pick(ErrVr));
    }
}
