using HaloNotebooks.Numerics;

namespace HaloNotebooks.Mocks;

/// <summary>
/// Thin- and thick-disc giants: double-exponential discs (thin: R_d = 2.6 kpc, h_z = 0.3 kpc; thick: R_d = 2.0 kpc,
/// h_z = 0.9 kpc; Bland-Hawthorn &amp; Gerhard 2016), rotating prograde (V_φ &lt; 0) at V_c = 230 km/s minus the
/// asymmetric drift, metal rich. They sit near the plane with [Fe/H] &gt; −0.85 and are what the §2.3 disc cut removes.
/// Also the nearby main-sequence stars of <see cref="NonKGiantPopulation"/>.
/// <para>
/// Only disc giants the cut removes in truth are drawn. The metal-weak thick disc beyond 2 kpc that passes it is
/// already inside the paper's 3–9 kpc rows, the mock's halo input (§4.2: the MR ⟨V_φ⟩ ≈ −51 km/s there "could be
/// contamination from the thick disk"; footnote 18). Drawing it as well counted it twice: 1,083 such stars reached the
/// final sample and made the 3–9 kpc two-component fit bimodal across noise realisations. Disc stars still pass the cut
/// through their measurement errors in [Fe/H] and distance (≈ 430 in the default mock's final sample), as in the survey.
/// </para>
/// </summary>
internal static class DiscPopulation
{
    const double CircularVelocity = 230.0;

    /// <summary>Disc geometry, kinematics and chemistry of one component.</summary>
    internal sealed record Component(double ScaleLength, double ScaleHeight, double Drift, double SigmaR, double SigmaPhi, double SigmaZ,
                                     double FehMean, double FehSigma);

    internal static readonly Component Thin = new(2.6, 0.3, 10.0, 35.0, 25.0, 20.0, -0.15, 0.20);
    internal static readonly Component Thick = new(2.0, 0.9, 40.0, 60.0, 45.0, 40.0, -0.50, 0.20);

    /// <summary>Fraction of the footprint's disc giants that belong to the thick disc (most giants at |b| &gt; 8° and d &gt; 1 kpc are thick disc).</summary>
    const double ThickFraction = 0.6;

    public static List<MockStar> Generate(MockSettings settings) =>
        CandidateStream.Fill(c => Draw(settings, c), _ => true, settings.Scaled(settings.DiscGiants), settings.MaxDegreeOfParallelism, "disc giants");

    static MockStar? Draw(MockSettings settings, long candidate)
    {
        var rng = MockStar.Stream(settings.Seed, SeedStream.DiscPopulation, candidate);
        ulong key = rng.NextUInt64();
        var c = rng.NextDouble() < ThickFraction ? Thick : Thin;
        var (x, y, z, vx, vy, vz, feh) = DrawPhaseSpace(rng, c);
        if (SelectionForecast.PassesDiscCut(feh, z)) return null;   // on true values
        double absMag = MockPhotometry.DrawAbsoluteMagnitude(rng.NextDouble());
        double teff = MockPhotometry.GiantTeff(absMag, feh) + 60.0 * rng.NextGaussian();
        double logg = MockPhotometry.GiantLogg(absMag) + 0.1 * rng.NextGaussian();
        var t = new TrueStar(MockPopulation.Disc, -1, x, y, z, vx, vy, vz, absMag, teff, logg, feh);
        return MockStar.Observe(t, rng, key, settings.Footprint, settings.Errors);
    }

    /// <summary>Position (R from R e^(−R/R_d), z Laplace with h_z, out to R = 20 kpc), rotation with dispersions, and [Fe/H].</summary>
    internal static (double X, double Y, double Z, double Vx, double Vy, double Vz, double Feh) DrawPhaseSpace(SeededRandom rng, Component c)
    {
        double rCyl;
        do rCyl = -c.ScaleLength * Math.Log((1.0 - rng.NextDouble()) * (1.0 - rng.NextDouble())); while (rCyl > 20.0);
        double phi = 2.0 * Math.PI * rng.NextDouble();
        double z = (rng.NextDouble() < 0.5 ? -1.0 : 1.0) * -c.ScaleHeight * Math.Log(1.0 - rng.NextDouble());
        double vR = c.SigmaR * rng.NextGaussian();
        double vPhi = -(CircularVelocity - c.Drift) + c.SigmaPhi * rng.NextGaussian();   // prograde is negative
        double vz = c.SigmaZ * rng.NextGaussian();
        var (sp, cp) = Math.SinCos(phi);
        double feh = rng.NextGaussian(c.FehMean, c.FehSigma);
        return (rCyl * cp, rCyl * sp, z, vR * cp - vPhi * sp, vR * sp + vPhi * cp, vz, feh);
    }
}
