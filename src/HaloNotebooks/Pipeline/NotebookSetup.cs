using System.Globalization;
using System.Net;
using HaloNotebooks.Analysis;
using HaloNotebooks.Catalogs;
using HaloNotebooks.Display;
using HaloNotebooks.Inference;
using HaloNotebooks.Mocks;
using HaloNotebooks.Selection;

namespace HaloNotebooks.Pipeline;

/// <summary>
/// What every notebook's set-up cell needs, read once from the environment:
/// <list type="bullet">
/// <item><c>HALO_FAST=1</c> (CI sets it) — a quick look with short chains and 200 Monte-Carlo draws; unset, the
///   paper's settings (§3.1: 100 walkers × 1000 steps, the first 400 discarded; §2.3: 1000 draws per star);</item>
/// <item><c>HALO_CATALOGUE</c> (+ <c>HALO_DISTANCES</c>, <c>HALO_SUBSTRUCTURES</c>) — your own catalogue instead of
///   the default mock (<see cref="LoadData"/>).</item>
/// </list>
/// Relative paths are relative to the working directory, which is the notebook's folder in both kernels.
/// </summary>
[TypeFormatterSource(typeof(HtmlFormatterSource))]
public sealed record NotebookSetup(bool Fast, FitSettings Fit, AnalysisSettings Analysis, int MonteCarloSamples) : IHtmlDisplay
{
    static readonly SamplerSettings QuickSampler = new(Walkers: 40, Steps: 150, Burn: 75, Seed: 1);

    /// <summary>The quick-look settings (HALO_FAST=1): enough to run every cell, not the paper's precision.</summary>
    internal static NotebookSetup Quick { get; } = new(true, QuickSampler, new AnalysisSettings { Sampler = QuickSampler }, 200);

    /// <summary>The paper's settings (§3.1, §2.3).</summary>
    public static NotebookSetup Paper { get; } = new(false, SamplerSettings.Paper, AnalysisSettings.Paper, SelectionSettings.Paper.McSamples);

    /// <summary><see cref="Quick"/> when <c>HALO_FAST=1</c>, else <see cref="Paper"/>; switches on the fit cache
    /// (<see cref="FitCache.FromEnvironment"/>: a rerun reads its fits and Monte-Carlo velocity errors back; <c>HALO_CACHE=off</c>
    /// computes them again).</summary>
    public static NotebookSetup FromEnvironment()
    {
        FitCache.Current = FitCache.FromEnvironment();
        VelocityErrorStore.Folder = FitCache.Current?.Folder;   // and the selections' Monte-Carlo errors beside the fits
        return Environment.GetEnvironmentVariable("HALO_FAST") == "1" ? Quick : Paper;
    }

    /// <summary>The paper's selection settings with this set-up's number of Monte-Carlo draws.</summary>
    public SelectionSettings Selection => SelectionSettings.Paper with { McSamples = MonteCarloSamples };

    /// <summary>
    /// The catalogue the notebooks analyse: <c>HALO_CATALOGUE</c> when set (a DESI MWS-like <c>.fits</c> file or a
    /// CSV/Parquet/FITS table with the canonical columns, <see cref="CatalogueOpener"/>; joined with <c>HALO_DISTANCES</c>
    /// when set, for every format), with the substructure lists named
    /// by <c>HALO_SUBSTRUCTURES</c> (paths separated by '<c>;</c>'); otherwise the default mock in
    /// <paramref name="mockDirectory"/>, generated there on first use.
    /// </summary>
    public static NotebookData LoadData(string mockDirectory = "../data/mock") => LoadData(mockDirectory, Environment.GetEnvironmentVariable);

    /// <summary>As <see cref="LoadData(string)"/>, reading the variables through <paramref name="variable"/> (tests).</summary>
    internal static NotebookData LoadData(string mockDirectory, Func<string, string?> variable)
    {
        var user = variable("HALO_CATALOGUE");
        if (string.IsNullOrWhiteSpace(user))
        {
            var dir = MockCatalog.EnsureDefault(Path.GetFullPath(mockDirectory));
            var mock = DesiMwsCatalog.Read(Path.Combine(dir, MockCatalog.CatalogueFile), Path.Combine(dir, MockCatalog.DistancesFile));
            var masks = SubstructureCatalog.Read(Path.Combine(dir, MockCatalog.SubstructuresFile));
            return new NotebookData(mock, masks, dir, $"the default mock in {dir}");
        }
        var path = Path.GetFullPath(user);
        if (!File.Exists(path)) throw new FileNotFoundException($"HALO_CATALOGUE={user}: no such file", path);
        var distances = variable("HALO_DISTANCES");
        var catalogue = CatalogueOpener.Read(path, string.IsNullOrWhiteSpace(distances) ? null : Path.GetFullPath(distances));
        var lists = (variable("HALO_SUBSTRUCTURES") ?? "")
            .Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(p => SubstructureCatalog.Read(Path.GetFullPath(p))).ToArray();
        var substructures = lists.Length == 0 ? null : SubstructureCatalog.Combine(lists);
        return new NotebookData(catalogue, substructures, null,
            $"{path}{(string.IsNullOrWhiteSpace(distances) ? "" : " with distances from " + distances)}"
            + (substructures is null ? " (no substructure lists: HALO_SUBSTRUCTURES unset, so no GC/dwarf masks)" : ""));
    }

    public string ToHtml() =>
        $"<p><b>{(Fast ? "HALO_FAST=1: a quick look" : "The paper's settings")}</b>: {Fit.Sampler.Walkers} walkers × {Fit.Sampler.Steps} steps "
        + $"({Fit.Sampler.Burn} burn-in), {MonteCarloSamples} Monte-Carlo draws per star"
        + (Fast ? " — numbers at this setting are not the paper's precision; unset HALO_FAST for the paper's settings." : " (§3.1, §2.3).")
        + $" HaloNotebooks {WebUtility.HtmlEncode(typeof(NotebookSetup).Assembly.GetName().Version?.ToString(3))}.</p>";

    public override string ToString() =>
        $"{(Fast ? "HALO_FAST quick look" : "paper settings")}: {Fit.Sampler.Walkers} walkers × {Fit.Sampler.Steps} steps ({Fit.Sampler.Burn} burn-in), " +
            $"{MonteCarloSamples} Monte-Carlo draws per star";
}

/// <summary>
/// The data a notebook analyses: the catalogue, the substructure lists for the masks of §2.3 (null: none given), and
/// the mock's folder when it is the default mock (null for your own catalogue: then there is no truth to compare with).
/// </summary>
[TypeFormatterSource(typeof(HtmlFormatterSource))]
public sealed record NotebookData(StarTable Catalogue, SubstructureCatalog? Substructures, string? MockDirectory, string Source) : IHtmlDisplay
{
    /// <summary>True for the default mock, whose truth (<see cref="MockCatalog.TruthFile"/>) the notebooks can check against.</summary>
    public bool IsMock => MockDirectory is not null;

    /// <summary>A file of the mock's folder (e.g. <see cref="MockCatalog.TruthFile"/>); throws for your own catalogue.</summary>
    public string MockFile(string name) =>
        Path.Combine(MockDirectory ?? throw new InvalidOperationException("your own catalogue has no mock files (no truth)"), name);

    public string ToHtml() =>
        $"<p>Data: {WebUtility.HtmlEncode(Source)} — {Catalogue.RowCount.ToString("N0", CultureInfo.InvariantCulture)} rows, "
        + $"{(Substructures is null ? "no substructure lists" : Substructures.Count.ToString(CultureInfo.InvariantCulture) + " substructures to mask")}.</p>";

    public override string ToString() => $"{Source}: {Catalogue.RowCount} rows";
}
