namespace HaloNotebooks.Inference;

/// <summary>
/// How one fit is sampled: the <see cref="SamplerSettings"/> (walkers, steps, burn-in, seed; the paper's by default)
/// and how this run goes about it. A <see cref="SamplerSettings"/> converts to one (<c>HaloFits.Single(data, new SamplerSettings(40, 300, 100))</c>).
/// </summary>
/// <param name="Sampler">Walkers, steps, burn-in and seed (§3.1's 100 × 1000, 400 burn-in, by default).</param>
/// <param name="MaxDegreeOfParallelism">Threads used for the log-probabilities of a half-ensemble (null = all cores).</param>
public sealed record FitSettings(SamplerSettings Sampler, int? MaxDegreeOfParallelism = null)
{
    // Progress is init-only and internal: no notebook sets it, and as a positional parameter it made SamplerProgress
    // public (issue 29's ≤ 100 public types). Moves is the public extension point (an MHMove of one's own).

    /// <summary>Reports after every step (the pipeline's and the CLI's progress bars).</summary>
    internal IProgress<SamplerProgress>? Progress { get; init; }

    /// <summary>The sampler's moves with their weights (emcee's moves=[(StretchMove(), 0.8), (DEMove(), 0.2)]);
    /// null = emcee's default, one <see cref="StretchMove"/> with a = 2 (the paper's sampler, §3).</summary>
    public IReadOnlyList<(Move Move, double Weight)>? Moves { get; init; }

    /// <summary>The paper's settings (§3.1), all cores, the stretch move.</summary>
    internal FitSettings() : this(SamplerSettings.Paper) { }

    public static implicit operator FitSettings(SamplerSettings sampler) => new(sampler);

    /// <summary>
    /// Where the chain goes (null: memory only). An <see cref="HdfChainBackend"/> writes it to disk while the fit runs; a
    /// store that already holds steps (<see cref="HdfChainBackend.Open"/>) is continued up to <see cref="SamplerSettings.Steps"/>
    /// in total, and the chain equals one run of that length.
    /// </summary>
    internal ChainBackend? Chain { get; init; }

    /// <summary>The moves a sampler runs with these settings.</summary>
    internal IReadOnlyList<(Move Move, double Weight)> MovesOrDefault => Moves ?? [(new StretchMove(), 1.0)];

    /// <summary>Throws a one-line <see cref="ArgumentException"/> on settings the sampler cannot run this model with
    /// (<see cref="SamplerSettings.Validate"/>, threads, moves).</summary>
    internal void Validate(int parameterCount, string? model = null)
    {
        ArgumentNullException.ThrowIfNull(Sampler);
        Sampler.Validate(parameterCount, model);
        if (MaxDegreeOfParallelism is < 1) throw new ArgumentException($"threads must be positive (got {MaxDegreeOfParallelism})");
        if (Moves is { Count: 0 }) throw new ArgumentException("give at least one move (or none for the default stretch move)");
        if (Moves is not null && Moves.Any(m => m.Move is null || !(m.Weight > 0) || !double.IsFinite(m.Weight)))
            throw new ArgumentException("every move needs a finite positive weight");
        foreach (var (move, _) in MovesOrDefault) move.Check(Sampler.Walkers, parameterCount);
        if (Chain is { Iterations: > 0 } chain && chain.Iterations > Sampler.Steps)
            throw new ArgumentException($"the chain already holds {chain.Iterations} steps, more than the {Sampler.Steps} asked for");
    }
}
