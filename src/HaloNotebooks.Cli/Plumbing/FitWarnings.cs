using System.Text.RegularExpressions;
using HaloNotebooks.Inference;

namespace HaloNotebooks.Cli.Plumbing;

/// <summary>The warnings and notes fits carry (autocorrelation, dipole folding, the MR/MP labelling), gathered for the
/// terminal: one line per kind, naming the fits it concerns, so a table of 36 fits does not print 36 alike lines.</summary>
public static partial class FitWarnings
{
    /// <summary>Warnings (emcee's autocorrelation criterion): the estimates need care.</summary>
    public static IEnumerable<string> Warnings(IEnumerable<(string Label, FitResult? Fit)> fits)
    {
        var list = fits.Where(x => x.Fit is not null).ToList();
        var shortChains = list.Where(x => x.Fit!.AutocorrWarning is not null).ToList();
        if (shortChains.Count == 1)
            yield return $"{shortChains[0].Label}: {OneLine(shortChains[0].Fit!.AutocorrWarning!)}";
        else if (shortChains.Count > 1)
            yield return $"{(shortChains.Count == list.Count ? $"all {list.Count}" : $"{shortChains.Count} of {list.Count}")} fits have chains shorter than "
                         + "50 autocorrelation times (emcee's criterion; use these estimates with caution, or more --steps)"
                         + (shortChains.Count == list.Count ? "" : ": " + string.Join(", ", shortChains.Select(x => x.Label)));
    }

    /// <summary>Notes (how the numbers were folded or labelled), one per kind: fits whose notes differ only in their
    /// counts share a line, with the first fit's counts.</summary>
    public static IEnumerable<string> Notes(IEnumerable<(string Label, FitResult? Fit)> fits)
    {
        var notes = fits.Where(x => x.Fit is not null).SelectMany(x => x.Fit!.Notes.Select(n => (x.Label, Note: OneLine(n))));
        foreach (var group in notes.GroupBy(x => Numbers().Replace(x.Note, "#")))
            yield return group.Count() == 1 ? $"{group.First().Label}: {group.First().Note}"
                : $"{string.Join(", ", group.Select(x => x.Label))}: {group.First().Note}" +
                    (group.Select(x => x.Note).Distinct().Count() > 1 ? " (counts of the first; each fit's JSON has its own)" : "");
    }

    [GeneratedRegex(@"\d+(\.\d+)?")]
    private static partial Regex Numbers();

    static string OneLine(string text) =>
        string.Join(" ", text.ReplaceLineEndings("\n").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
