namespace HaloNotebooks.Models;

/// <summary>
/// The four measured quantities of each star (v_r, v_phi, v_theta, [Fe/H]) and their squared errors, as
/// contiguous columns for the vectorised likelihood kernels. Built once per fit.
/// </summary>
internal sealed class StarKinematics
{
    internal const int Dimensions = 4;
    internal readonly double[][] X;         // [dimension][star]
    internal readonly double[][] ErrorSq;   // [dimension][star]: ε² of Eq. 2
    public int Count { get; }

    internal StarKinematics(KinematicSample data)
    {
        data.Validate();
        if (data.Count == 0) throw new ArgumentException("the sample has no stars");
        Count = data.Count;
        X = [data.Vr, data.VPhi, data.VTheta, data.Feh];
        ErrorSq = [Square(data.ErrVr), Square(data.ErrVPhi), Square(data.ErrVTheta), Square(data.ErrFeh)];
    }

    static double[] Square(double[] e)
    {
        var r = new double[e.Length];
        for (int i = 0; i < e.Length; i++) r[i] = e[i] * e[i];
        return r;
    }
}

/// <summary>One Gaussian component in the four dimensions: means, intrinsic variances σ², and ln(weight).</summary>
internal readonly struct ComponentParameters
{
    internal readonly double M0, M1, M2, M3, S0, S1, S2, S3;
    /// <summary>ln(weight) − 2 ln 2π: everything in ln L of a star that does not depend on the star.</summary>
    internal readonly double Constant;
    /// <summary>The weight itself (p_MR or 1 − p_MR; 1 for a single component).</summary>
    internal readonly double Weight;

    internal ComponentParameters(ReadOnlySpan<double> means, ReadOnlySpan<double> sigmas, double logWeight)
    {
        M0 = means[0]; M1 = means[1]; M2 = means[2]; M3 = means[3];
        S0 = sigmas[0] * sigmas[0]; S1 = sigmas[1] * sigmas[1]; S2 = sigmas[2] * sigmas[2]; S3 = sigmas[3] * sigmas[3];
        Weight = Math.Exp(logWeight);
        Constant = logWeight - 0.5 * StarKinematics.Dimensions * GaussianWithErrors.LogTwoPi;
    }
}
