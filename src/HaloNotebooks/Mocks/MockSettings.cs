namespace HaloNotebooks.Mocks;

/// <summary>
/// The knobs of the mock. Every count is at <see cref="Scale"/> = 1 (the paper's size) and is multiplied by Scale.
/// </summary>
/// <param name="Seed">Master seed: the same seed (and settings) gives the same catalogue, byte for byte, on any thread count.</param>
/// <param name="Scale">Fraction of the paper-size catalogue to generate (0.02 is a quick test mock).</param>
internal sealed record MockSettings(long Seed = 42, double Scale = 1.0)
{
    /// <summary>Thin/thick-disc giants in the catalogue (§2.3: the disc cut takes ≈370k down to ≈150k).</summary>
    internal int DiscGiants { get; init; } = 220_000;

    /// <summary>Sagittarius stream members in the catalogue (|B̃| &lt; 11°).</summary>
    internal int SagittariusMembers { get; init; } = 20_000;

    /// <summary>Stars outside the K-giant box (Teff or M_r) that the first cut removes.</summary>
    internal int NonKGiants { get; init; } = 40_000;

    /// <summary>The globular clusters and dwarf galaxies, with their member counts at Scale = 1.</summary>
    public IReadOnlyList<MockSubstructure> Substructures { get; init; } = MockSubstructure.Default;

    /// <summary>Halo K giants that survive the full §2.3 selection, per r_GC bin: Table 1's N column (bins, not the 3-160 kpc row).</summary>
    internal MockInputTable TargetCounts { get; init; } = MockInputTables.Table1;

    /// <summary>The halo's intrinsic per-bin moments and p_MR (Table 2 layout): the calibrated inputs by default
    /// (<see cref="MockInputTables.CalibratedHalo"/>); <see cref="MockInputTables.Table2"/> draws the paper's fitted values as they are.</summary>
    internal MockInputTable HaloInputs { get; init; } = MockInputTables.CalibratedHalo;

    internal ObservationalErrors Errors { get; init; } = ObservationalErrors.Paper;

    internal DesiFootprint Footprint { get; init; } = DesiFootprint.Paper;

    /// <summary>Threads (null: all cores). The result does not depend on it.</summary>
    internal int? MaxDegreeOfParallelism { get; init; }

    /// <summary>A count at this scale, rounded.</summary>
    internal int Scaled(double countAtScaleOne) => (int)Math.Round(countAtScaleOne * Scale, MidpointRounding.AwayFromZero);

    /// <summary>Throws an <see cref="ArgumentException"/> naming the first bad setting.</summary>
    internal void Validate()
    {
        if (!(Scale > 0 && Scale <= 10)) throw new ArgumentException($"MockSettings.Scale must be in (0, 10]; got {Scale}.");
        if (DiscGiants < 0 || SagittariusMembers < 0 || NonKGiants < 0)
            throw new ArgumentException("MockSettings counts (DiscGiants, SagittariusMembers, NonKGiants) must be ≥ 0.");
        if (MaxDegreeOfParallelism is < 1) throw new ArgumentException($"MockSettings.MaxDegreeOfParallelism must be ≥ 1; got {MaxDegreeOfParallelism}.");
        foreach (var s in Substructures)
            if (s.Members < 0 || s.RadiusDeg <= 0 || s.Distance <= 0)
                throw new ArgumentException($"substructure '{s.Name}' needs Members ≥ 0, RadiusDeg > 0 and Distance > 0.");
    }
}
