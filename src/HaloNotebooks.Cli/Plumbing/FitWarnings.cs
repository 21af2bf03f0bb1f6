using HaloNotebooks.Inference;

namespace HaloNotebooks.Cli.Plumbing;

/// <summary>The warnings and notes fits carry (autocorrelation, dipole folding, prior edges), gathered for the
/// terminal: one line per kind, naming the fits it concerns, so a table of 36 fits does not print 36 alike lines.</summary>
public static class FitWarnings
{
    public static IEnumerable<string> Summarise(IEnumerable<(string Label, FitResult? Fit)> fits)
    {
        var list = fits.Where(x => x.Fit is not null).ToList();
        var shortChains = list.Where(x => x.Fit!.AutocorrWarning is not null).ToList();
        if (shortChains.Count == 1)
            yield return $"{shortChains[0].Label}: {OneLine(shortChains[0].Fit!.AutocorrWarning!)}";
        else if (shortChains.Count > 1)
            yield return $"{shortChains.Count} of {list.Count} fits have chains shorter than 50 autocorrelation times (emcee's criterion; "
                         + $"use these estimates with caution, or more --steps): {string.Join(", ", shortChains.Select(x => x.Label))}";
        foreach (var group in list.SelectMany(x => x.Fit!.Notes.Select(n => (x.Label, Note: OneLine(n)))).GroupBy(x => x.Note))
            yield return group.Count() == 1 ? $"{group.First().Label}: {group.Key}" : $"{group.Key} ({string.Join(", ", group.Select(x => x.Label))})";
    }

    static string OneLine(string text) => string.Join(" ", text.ReplaceLineEndings("\n").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
