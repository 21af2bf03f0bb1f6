namespace HaloNotebooks.Inference;

/// <summary>
/// How a fit is sampled. Defaults are the paper's (§3: 100 walkers, 1000 steps, the first 400 discarded).
/// </summary>
/// <param name="Walkers">Number of ensemble walkers (even, at least 2 × the number of parameters).</param>
/// <param name="Steps">Steps per walker.</param>
/// <param name="Burn">Steps discarded from the start of every walker before summarising.</param>
/// <param name="Seed">Master seed; walker k draws from SeededRandom(Seed, k), so the chain does not depend on the thread count.</param>
/// <param name="MaxDegreeOfParallelism">Threads used for the log-probabilities of a half-ensemble (null = all cores).</param>
/// <param name="Progress">Reports after every step (notebooks, the CLI progress bar).</param>
/// <param name="Moves">The sampler's moves with their weights (emcee's moves=[(StretchMove(), 0.8), (DEMove(), 0.2)]);
/// null = emcee's default, one <see cref="StretchMove"/> with a = 2 (the paper's sampler, §3).</param>
public sealed record FitSettings(int Walkers = 100, int Steps = 1000, int Burn = 400, long Seed = 1,
    int? MaxDegreeOfParallelism = null, IProgress<SamplerProgress>? Progress = null,
    IReadOnlyList<(Move Move, double Weight)>? Moves = null)
{
    /// <summary>The moves a sampler runs with these settings.</summary>
    public IReadOnlyList<(Move Move, double Weight)> MovesOrDefault => Moves ?? [(new StretchMove(), 1.0)];

    /// <summary>Throws on settings the sampler cannot run with.</summary>
    public void Validate(int parameterCount)
    {
        if (Walkers < 2 * parameterCount)
            throw new ArgumentException($"{Walkers} walkers for {parameterCount} parameters: the stretch move needs at least {2 * parameterCount}");
        if (Walkers % 2 != 0) throw new ArgumentException($"the number of walkers must be even (got {Walkers})");
        if (Steps < 1) throw new ArgumentException($"steps must be positive (got {Steps})");
        if (Burn < 0 || Burn >= Steps) throw new ArgumentException($"burn-in must be in [0, steps) (got {Burn} of {Steps})");
        if (MaxDegreeOfParallelism is < 1) throw new ArgumentException($"threads must be positive (got {MaxDegreeOfParallelism})");
        if (Moves is { Count: 0 }) throw new ArgumentException("give at least one move (or none for the default stretch move)");
        if (Moves is not null && Moves.Any(m => m.Move is null || !(m.Weight > 0) || !double.IsFinite(m.Weight)))
            throw new ArgumentException("every move needs a finite positive weight");
        foreach (var (move, _) in MovesOrDefault) move.Check(Walkers, parameterCount);
    }
}
