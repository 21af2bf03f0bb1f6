namespace HaloNotebooks.Mocks;

/// <summary>
/// A spherical, doubly broken (triple) power-law density ρ(r) ∝ r^−α₁ inside <paramref name="InnerBreak"/>,
/// r^−α₂ between the breaks and r^−α₃ beyond <paramref name="OuterBreak"/>, continuous at the breaks (Appendix A).
/// The paper takes its parameters from Li et al. (2025a), which are not reproduced here; the defaults are the GSE
/// halo of Han et al. (2022; breaks at 12 and 28 kpc) with rounded slopes — set the five numbers to use another fit.
/// </summary>
internal sealed record TriplePowerLaw(double InnerBreak = 12.0, double OuterBreak = 28.0,
                                   double InnerSlope = 1.7, double MiddleSlope = 3.1, double OuterSlope = 4.6)
{
    /// <summary>Density at r (kpc), normalised to 1 at the inner break.</summary>
    internal double Density(double r)
    {
        if (!(r > 0)) throw new ArgumentOutOfRangeException(nameof(r), r, "radius must be positive");
        if (r < InnerBreak) return Math.Pow(r / InnerBreak, -InnerSlope);
        if (r < OuterBreak) return Math.Pow(r / InnerBreak, -MiddleSlope);
        return Math.Pow(OuterBreak / InnerBreak, -MiddleSlope) * Math.Pow(r / OuterBreak, -OuterSlope);
    }

    internal void Validate()
    {
        if (!(InnerBreak > 0 && OuterBreak > InnerBreak)) throw new ArgumentException($"TriplePowerLaw needs 0 < InnerBreak < OuterBreak; got " +
            $"{InnerBreak}, {OuterBreak}.");
        if (!(double.IsFinite(InnerSlope) && double.IsFinite(MiddleSlope) && double.IsFinite(OuterSlope)))
            throw new ArgumentException("TriplePowerLaw slopes must be finite.");
    }
}
