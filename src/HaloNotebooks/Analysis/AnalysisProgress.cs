namespace HaloNotebooks.Analysis;

/// <summary>Overall progress of <see cref="PaperAnalysis.Run"/>: fraction of the sampler work done, and fits finished.</summary>
public readonly record struct AnalysisProgress(double Fraction, int FitsDone, int FitsTotal, string LastFinished);
