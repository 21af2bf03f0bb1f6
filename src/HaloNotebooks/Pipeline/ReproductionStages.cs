namespace HaloNotebooks.Pipeline;

/// <summary>
/// The stages of `halo reproduce`, named once: <see cref="Reproduction.Run"/> reports them and the CLI numbers them
/// ("[k/N] stage") from <see cref="For"/>, so the counter keeps one N and a stage added here is counted there.
/// </summary>
internal static class ReproductionStages
{
    // Run by the caller before Reproduction.Run (the CLI: the default mock, then reading the catalogue).
    public const string DefaultMock = "default mock";
    public const string ReadCatalogue = "read catalogue";

    // Reproduction.Run's, in its order.
    public const string Selection = "selection (§2.3)";
    public const string DipoleSelection = "selection (§4.4)";
    public const string SelectionNoSgrMask = "selection (§2.3, Sgr not masked)";
    public const string DipoleSelectionNoSgrMask = "selection (§4.4, Sgr not masked)";
    public const string AppendixMock = "Appendix A mock";
    public const string Fits = "fits";
    public const string FitsNoSgrMask = "fits (Sgr not masked)";
    public const string BhbDipoleFit = "DESI DR1 BHB dipole fit";
    public const string Table3SigmaR = "Table 3 σ_r without the Sgr mask";
    public const string LiteratureFits = "literature fits";
    public const string Figures = "figures";
    public const string MockTruth = "mock truth (re-observed replicas)";
    public const string Tables = "tables and report";

    /// <summary>Every stage a run reports, in order: <paramref name="defaultMock"/> when the caller makes or finds the
    /// default mock; the optional stages when <see cref="ReproductionSettings"/> and the inputs ask for them.</summary>
    public static IReadOnlyList<string> For(bool defaultMock, bool appendixMock, bool bhb, bool literature, bool mockTruth) =>
    [
        .. defaultMock ? [DefaultMock] : Array.Empty<string>(), ReadCatalogue,
        Selection, DipoleSelection, SelectionNoSgrMask, DipoleSelectionNoSgrMask,
        .. appendixMock ? [AppendixMock] : Array.Empty<string>(), Fits, FitsNoSgrMask,
        .. bhb ? [BhbDipoleFit] : Array.Empty<string>(), Table3SigmaR,
        .. literature ? [LiteratureFits] : Array.Empty<string>(), Figures,
        .. mockTruth ? [MockTruth] : Array.Empty<string>(), Tables,
    ];
}
