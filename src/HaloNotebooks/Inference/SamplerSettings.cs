using System.Globalization;

namespace HaloNotebooks.Inference;

/// <summary>
/// How long and how wide every MCMC fit is sampled: the one home of these numbers and of their rules. Defaults are the
/// paper's (§3.1: "We employ 100 walkers, discarding the first 400 steps as burn-in, and run 1000 steps in total").
/// <see cref="FitSettings"/> (one fit), Analysis.AnalysisSettings (all of them) and the CLI's options
/// hold one of these and check it with <see cref="Validate"/>.
/// </summary>
/// <param name="Walkers">Ensemble walkers: even (the red/blue split) and at least 2 × the model's parameters (emcee's rule).</param>
/// <param name="Steps">Steps per walker, burn-in included.</param>
/// <param name="Burn">Steps discarded from the start of every walker before summarising: 0 ≤ burn &lt; steps.</param>
/// <param name="Seed">Master seed; walker k draws from SeededRandom(Seed, k), so the chain does not depend on the thread count.</param>
public sealed record SamplerSettings(int Walkers = 100, int Steps = 1000, int Burn = 400, long Seed = 1)
{
    /// <summary>The paper's settings (§3.1): 100 walkers × 1000 steps, the first 400 discarded.</summary>
    public static SamplerSettings Paper { get; } = new();

    /// <summary>
    /// Throws a one-line <see cref="ArgumentException"/> on settings no fit can run with, or (given
    /// <paramref name="parameters"/>) that this model cannot: walkers even and ≥ 2 × parameters, steps ≥ 2, 0 ≤ burn &lt; steps.
    /// </summary>
    /// <param name="parameters">The model's parameter count (null: checks that hold for any model, walkers ≥ 2).</param>
    /// <param name="model">The model's name for the message, e.g. "the double-component model (Table 2)".</param>
    internal SamplerSettings Validate(int? parameters = null, string? model = null)
    {
        if (WalkerProblem(Walkers, parameters, model) is string problem) throw new ArgumentException(problem);
        if (Steps < 2) throw new ArgumentException(Invariant($"steps {Steps}: need at least 2 (paper: {Paper.Steps})"));
        if (Burn < 0 || Burn >= Steps)
            throw new ArgumentException(Invariant($"burn {Burn}: need 0 ≤ burn < steps = {Steps} (paper: {Paper.Burn} of {Paper.Steps})"));
        return this;
    }

    /// <summary>The walker rule (shared with <see cref="RedBlueMove.Check"/>), or null when <paramref name="walkers"/> is fine.</summary>
    internal static string? WalkerProblem(int walkers, int? parameters, string? model = null)
    {
        int least = Math.Max(2, 2 * (parameters ?? 1));
        if (walkers >= least && walkers % 2 == 0) return null;
        string who = parameters is int p ? Invariant($"{model ?? "the target"} has {p} parameter{(p == 1 ? "" : "s")}, so it needs") : "the ensemble needs";
        return Invariant($"walkers {walkers}: {who} an even number of walkers ≥ {least} (paper: {Paper.Walkers})");
    }

    public override string ToString() => Invariant($"{Walkers} walkers × {Steps} steps, {Burn} burn-in, seed {Seed}");

    static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
