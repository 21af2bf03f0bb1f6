namespace HaloNotebooks.Mocks;

/// <summary>
/// Which stars DESI observes in the mock (§2.1): the sky north of dec = −20° away from the Galactic plane,
/// the Milky Way Survey main programme (16 &lt; r &lt; 19, Legacy Surveys imaging, |b| ≳ 20°) and the
/// Gaia-selected backup programme (11.2 &lt; G &lt; 19, reaching lower latitudes). The spectroscopic
/// completeness at a sky position does not depend on velocity (§2.1), so the mock applies no further sampling.
/// </summary>
internal sealed record DesiFootprint(double DecMin = -20.0, double MainAbsBMin = 20.0, double BackupAbsBMin = 8.0,
                                   double MainRMin = 16.0, double MainRMax = 19.0, double BackupGMin = 11.2, double BackupGMax = 19.0)
{
    public static DesiFootprint Paper { get; } = new();

    /// <summary>True when a star at (dec, b) with magnitudes r and G is targeted by the main or the backup programme.</summary>
    internal bool Observes(double dec, double b, double rMag, double gMag)
    {
        if (dec <= DecMin) return false;
        double absB = Math.Abs(b);
        bool main = absB >= MainAbsBMin && rMag > MainRMin && rMag < MainRMax;
        bool backup = absB >= BackupAbsBMin && gMag > BackupGMin && gMag < BackupGMax;
        return main || backup;
    }
}
