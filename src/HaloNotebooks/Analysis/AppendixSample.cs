using HaloNotebooks.Models;

namespace HaloNotebooks.Analysis;

/// <summary>
/// The Appendix A mock at one level of fractional distance error: each star's r_GC and kinematics as they would be
/// measured with that error (0 = the error-free catalogue).
/// </summary>
public sealed record AppendixSample(double FractionalError, double[] RGc, KinematicSample Stars)
{
    /// <summary>Throws when the columns disagree in length.</summary>
    public AppendixSample Validate()
    {
        if (RGc.Length != Stars.Count) throw new ArgumentException($"Appendix A sample ({FractionalError:P0}): {RGc.Length} distances for {Stars.Count} stars");
        return this;
    }
}

/// <summary>The Appendix A input: the mock at each error level and the profiles it was built from (Fig. 10's black lines).</summary>
public sealed record AppendixInput(IReadOnlyList<AppendixSample> Samples,
    IReadOnlyList<(double R, double Value)> InputMetalRichFraction, IReadOnlyList<(double R, double Value)> InputBetaMetalPoor);
