namespace HaloNotebooks.Selection;

/// <summary>One row of the funnel: a cut, the paper's wording, its thresholds and the star counts.</summary>
public sealed record FunnelStep(string Cut, string Wording, string Parameters, int In, int Kept)
{
    internal int Removed => In - Kept;

    /// <summary>Kept / In (1 when no star entered).</summary>
    internal double FractionKept => In == 0 ? 1 : (double)Kept / In;
}
