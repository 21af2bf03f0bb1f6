using System.CommandLine;
using HaloNotebooks.Inference;

namespace HaloNotebooks.Cli.Plumbing;

/// <summary>
/// --walkers, --steps and --burn as every command that fits offers them: defaults and the paper's values from
/// <see cref="SamplerSettings.Paper"/> (§3.1), the rules from <see cref="SamplerSettings.Validate"/> (through
/// <see cref="Check.Sampler"/>), so no command writes "100 walkers" itself.
/// </summary>
public sealed class SamplerOptions
{
    static SamplerSettings Paper => SamplerSettings.Paper;

    public Option<int> Walkers { get; } = new("--walkers")
    {
        Description = $"ensemble walkers per fit (even, ≥ 2 × the model's parameters; paper: {Paper.Walkers})",
        DefaultValueFactory = _ => Paper.Walkers,
    };

    public Option<int> Steps { get; } = new("--steps")
    {
        Description = $"steps per walker, burn-in included (paper: {Paper.Steps})",
        DefaultValueFactory = _ => Paper.Steps,
    };

    public Option<int> Burn { get; } = new("--burn")
    {
        Description = $"steps discarded as burn-in (paper: {Paper.Burn})",
        DefaultValueFactory = _ => Paper.Burn,
    };
}
