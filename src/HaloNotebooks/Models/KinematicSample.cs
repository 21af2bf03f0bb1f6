namespace HaloNotebooks.Models;

/// <summary>
/// What the single- and double-component fits see (Eqs. 1–4): per star the spherical velocities
/// (km/s) and [Fe/H] (dex) with their 1σ errors. Arrays are parallel and of equal length.
/// </summary>
public sealed record KinematicSample(
    double[] Vr, double[] VPhi, double[] VTheta, double[] Feh,
    double[] ErrVr, double[] ErrVPhi, double[] ErrVTheta, double[] ErrFeh)
{
    public int Count => Vr.Length;

    /// <summary>Throws if the arrays differ in length or hold NaN / non-positive errors.</summary>
    internal KinematicSample Validate()
    {
        double[][] all = [Vr, VPhi, VTheta, Feh, ErrVr, ErrVPhi, ErrVTheta, ErrFeh];
        string[] names = ["v_r", "v_phi", "v_theta", "feh", "err_v_r", "err_v_phi", "err_v_theta", "err_feh"];
        for (int k = 0; k < all.Length; k++)
        {
            if (all[k].Length != Count)
                throw new ArgumentException($"column {names[k]} has {all[k].Length} values, v_r has {Count}");
            for (int i = 0; i < Count; i++)
            {
                double v = all[k][i];
                if (!double.IsFinite(v) || (k >= 4 && v < 0))
                    throw new ArgumentException($"star {i}: {names[k]} = {v} is not a finite{(k >= 4 ? " non-negative" : "")} number");
            }
        }
        return this;
    }

    /// <summary>The stars where <paramref name="keep"/> is true.</summary>
    public KinematicSample Where(ReadOnlySpan<bool> keep)
    {
        if (keep.Length != Count) throw new ArgumentException($"mask has {keep.Length} entries for {Count} stars");
        var idx = new List<int>(Count);
        for (int i = 0; i < keep.Length; i++) if (keep[i]) idx.Add(i);
        double[] Pick(double[] a) { var r = new double[idx.Count]; for (int j = 0; j < r.Length; j++) r[j] = a[idx[j]]; return r; }
        return new(Pick(Vr), Pick(VPhi), Pick(VTheta), Pick(Feh), Pick(ErrVr), Pick(ErrVPhi), Pick(ErrVTheta), Pick(ErrFeh));
    }
}
