using HaloNotebooks.Catalogs;
using HaloNotebooks.Models;
using C = HaloNotebooks.Catalogs.CanonicalColumns;

namespace HaloNotebooks.Analysis;

/// <summary>
/// The Appendix A mock at one level of fractional distance error: each star's r_GC and kinematics as they would be
/// measured with that error (0 = the error-free catalogue).
/// </summary>
internal sealed record AppendixSample(double FractionalError, double[] RGc, KinematicSample Stars)
{
    /// <summary>Throws when the columns disagree in length.</summary>
    internal AppendixSample Validate()
    {
        if (RGc.Length != Stars.Count) throw new ArgumentException($"Appendix A sample ({FractionalError:P0}): {RGc.Length} distances for {Stars.Count} stars");
        return this;
    }
}

/// <summary>The Appendix A input: the mock at each error level and the profiles it was built from (Fig. 10's black lines).</summary>
internal sealed record AppendixInput(IReadOnlyList<AppendixSample> Samples,
    IReadOnlyList<(double R, double Value)> InputMetalRichFraction, IReadOnlyList<(double R, double Value)> InputBetaMetalPoor)
{
    /// <summary>Fig. 10's legend for the black reference line (null: the toy halo's "mock input").</summary>
    internal string? InputLabel { get; init; }

    /// <summary>An Appendix A sample from a table with the selection's columns (r_gc, v_r, v_phi, v_theta, feh, their errors).</summary>
    internal static AppendixSample FromTable(double fractionalError, StarTable stars) => new AppendixSample(fractionalError, stars.GetDouble(C.RGc),
        new KinematicSample(stars.GetDouble(C.VR), stars.GetDouble(C.VPhi), stars.GetDouble(C.VTheta), stars.GetDouble(C.Feh),
            stars.GetDouble(C.ErrVR), stars.GetDouble(C.ErrVPhi), stars.GetDouble(C.ErrVTheta), stars.GetDouble(C.FehErr))).Validate();
}
