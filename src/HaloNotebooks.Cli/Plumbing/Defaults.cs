namespace HaloNotebooks.Cli.Plumbing;

/// <summary>Defaults shared by every command, so `select` then `fit` gives `reproduce`'s numbers.</summary>
public static class Defaults
{
    /// <summary>The one default seed of select, fit, transform and reproduce (Monte-Carlo errors and MCMC alike).
    /// `halo mock --seed 42` is different in kind: it names the default mock catalogue itself.</summary>
    public const long Seed = 1;
}
