using System.Text.RegularExpressions;
using ArchUnitNET.Domain;
using ArchUnitNET.Loader;
using ArchUnitNET.xUnit;
using Xunit;
using static ArchUnitNET.Fluent.ArchRuleDefinition;

namespace HaloNotebooks.Tests.Architecture;

/// <summary>
/// The library's layers point one way (DESIGN.md, "The data flow and the layers"): each namespace uses only those
/// on its left. One rule per layer, so a backward edge fails here and names the types on both ends.
/// </summary>
public class LayerTests
{
    static readonly System.Reflection.Assembly Library = typeof(HaloNotebooks.Selection.HaloSample).Assembly;

    static readonly System.Reflection.Assembly Cli = typeof(HaloNotebooks.Cli.Program).Assembly;

    static readonly ArchUnitNET.Domain.Architecture LibraryArchitecture = new ArchLoader().LoadAssemblies(Library).Build();

    static readonly ArchUnitNET.Domain.Architecture CliArchitecture = new ArchLoader().LoadAssemblies(Library, Cli).Build();

    /// <summary>The pipeline's layers, whose entry points (internal ones too) the `halo` CLI calls.</summary>
    public static readonly string[] PipelineLayers = ["Truth", "Sweeps", "Pipeline"];

    /// <summary>Layers whose internal entry points the CLI may call: the pipeline's, and Literature's for `halo literature`.</summary>
    public static readonly string[] CliEntryLayers = [.. PipelineLayers, "Literature"];

    /// <summary>Each layer and the layers it may use (besides itself), lowest first.</summary>
    public static readonly IReadOnlyDictionary<string, string[]> Uses = new Dictionary<string, string[]>
    {
        ["Numerics"] = [],
        ["Display"] = [],
        ["Inference"] = ["Numerics", "Display"],
        ["Astrometry"] = ["Numerics"],
        ["Catalogs"] = ["Astrometry", "Numerics", "Display"],
        // Published tables are read by the one CSV reader (Catalogs.CsvTable) and render as HTML in a notebook (Display).
        ["Paper"] = ["Catalogs", "Astrometry", "Numerics", "Display"],
        ["Uncertainties"] = ["Catalogs", "Astrometry", "Numerics"],
        ["Selection"] = ["Uncertainties", "Catalogs", "Astrometry", "Numerics", "Display"],
        ["Models"] = ["Selection", "Inference", "Uncertainties", "Catalogs", "Astrometry", "Numerics", "Display"],
        ["Mocks"] = ["Selection", "Paper", "Uncertainties", "Catalogs", "Astrometry", "Numerics", "Display"],
        ["Analysis"] = ["Models", "Inference", "Paper", "Selection", "Uncertainties", "Catalogs", "Astrometry", "Numerics", "Display"],
        ["Literature"] = ["Analysis", "Models", "Inference", "Paper", "Selection", "Uncertainties", "Catalogs", "Astrometry", "Numerics", "Display"],
        ["Figures"] = ["Literature", "Analysis", "Models", "Inference", "Paper", "Selection", "Uncertainties", "Catalogs", "Astrometry", "Numerics",
            "Display"],
        // The pipeline, split by purpose: the mock's truth and calibration, then sweeps and the reproduction (neither uses the other).
        ["Truth"] = ["Analysis", "Mocks", "Models", "Inference", "Paper", "Selection", "Uncertainties", "Catalogs", "Astrometry", "Numerics", "Display"],
        ["Sweeps"] = ["Truth", "Figures", "Literature", "Analysis", "Mocks", "Models", "Inference", "Paper", "Selection", "Uncertainties", "Catalogs",
            "Astrometry", "Numerics", "Display"],
        ["Pipeline"] = ["Truth", "Figures", "Literature", "Analysis", "Mocks", "Models", "Inference", "Paper", "Selection", "Uncertainties", "Catalogs",
            "Astrometry", "Numerics", "Display"],
    };

    public static TheoryData<string> Layers => new(Uses.Keys);

    [Theory]
    [MemberData(nameof(Layers))]
    public void Layer_UsesOnlyTheLayersOnItsLeft(string layer)
    {
        var forbidden = Uses.Keys.Where(k => k != layer && !Uses[layer].Contains(k)).ToArray();
        if (forbidden.Length == 0) return;
        var rule = Types().That().ResideInNamespace("HaloNotebooks." + layer)
            .Should().NotDependOnAny(Types().That().ResideInNamespaceMatching($@"^HaloNotebooks\.({string.Join('|', forbidden)})(\..*)?$"))
            .Because($"{layer} uses only {(Uses[layer].Length == 0 ? "itself" : string.Join(", ", Uses[layer]))} (DESIGN.md's layer table)");
        rule.Check(LibraryArchitecture);
    }

    [Fact]
    public void EveryNamespace_IsALayer()
    {
        var namespaces = Library.GetTypes().Select(t => t.Namespace).OfType<string>().Where(n => n.StartsWith("HaloNotebooks.", StringComparison.Ordinal))
            .Select(n => n["HaloNotebooks.".Length..].Split('.')[0]).Distinct().Order().ToList();
        Assert.All(namespaces,
            n => Assert.True(Uses.ContainsKey(n), $"namespace HaloNotebooks.{n} is in no layer: add it to DESIGN.md's table and to {nameof(Uses)}"));
        Assert.Empty(Library.GetTypes().Where(t => t.Namespace == "HaloNotebooks" && !t.Name.StartsWith('<')).Select(t => t.FullName));
    }

    /// <summary>
    /// Internal types outside <see cref="CliEntryLayers"/> that the CLI still uses (issue 29's "the CLI is a thin shell"
    /// is not finished): library plumbing (catalogue readers and opener, CSV, the fit cache, chain stores, progress
    /// adapters, the error types a user error surfaces as) and the notebook host's display internals (page shell, figure
    /// pages, Deedle frames). Each is debt: move the call behind an entry point, or make the type public when a notebook
    /// needs it, then delete it here. The list only shrinks: a new internal edge fails the rule below, an entry the CLI no
    /// longer uses fails <see cref="CliDebt_IsStillUsed"/>.
    /// </summary>
    public static readonly System.Type[] CliStillUses =
    [
        typeof(global::HaloNotebooks.Catalogs.CatalogException), typeof(global::HaloNotebooks.Catalogs.CatalogueChunks),
        typeof(global::HaloNotebooks.Catalogs.CatalogueOpener), typeof(global::HaloNotebooks.Catalogs.CsvTable),
        typeof(global::HaloNotebooks.Catalogs.DistanceColumns), typeof(global::HaloNotebooks.Catalogs.FitsFile),
        typeof(global::HaloNotebooks.Catalogs.TableFile), typeof(global::HaloNotebooks.Figures.FigureExport),
        typeof(global::HaloNotebooks.Figures.FigureExportException), typeof(global::HaloNotebooks.Figures.FigurePage),
        typeof(global::HaloNotebooks.Figures.HtmlPage), typeof(global::HaloNotebooks.Display.FrameHtml),
        typeof(global::HaloNotebooks.Analysis.AnalysisResults), typeof(global::HaloNotebooks.Analysis.FitCache),
        typeof(global::HaloNotebooks.Inference.ChainBackend), typeof(global::HaloNotebooks.Inference.HdfChainBackend),
        typeof(global::HaloNotebooks.Inference.SamplerProgress), typeof(global::HaloNotebooks.Numerics.SyncProgress<>),
        typeof(global::HaloNotebooks.Models.TwoComponent), typeof(global::HaloNotebooks.Mocks.MockSettings),
        typeof(global::HaloNotebooks.Paper.ComparisonPoint), typeof(global::HaloNotebooks.Paper.ComparisonProfiles),
        typeof(global::HaloNotebooks.Selection.PaperCuts), typeof(global::HaloNotebooks.Astrometry.GalacticCoordinates),
        typeof(global::HaloNotebooks.Astrometry.GalactocentricColumns), typeof(global::HaloNotebooks.Astrometry.SagittariusFrame),
        typeof(global::HaloNotebooks.Uncertainties.MonteCarloErrors), typeof(global::HaloNotebooks.Uncertainties.MonteCarloSettings),
        typeof(global::HaloNotebooks.Uncertainties.ObservableColumns), typeof(global::HaloNotebooks.Uncertainties.ObservableErrors),
        typeof(global::HaloNotebooks.Uncertainties.VelocityErrors),
    ];

    /// <summary>
    /// The `halo` CLI is a shell over the library (DESIGN.md: "the public API and the pipeline entry points"): besides the
    /// public API it may use only the pipeline layers' internal entry points, never another layer's internals — but for
    /// the enumerated debt of <see cref="CliStillUses"/>.
    /// </summary>
    [Fact]
    public void Cli_UsesOnlyThePublicApi_AndThePipelineEntryPoints()
    {
        var rule = Types().That().ResideInAssembly(Cli).Should().NotDependOnAny(Types().That().ResideInAssembly(Library).And().AreNotPublic()
                .And().DoNotResideInNamespaceMatching($@"^HaloNotebooks\.({string.Join('|', CliEntryLayers)})(\..*)?$")
                .And().AreNot(CliStillUses))
            .Because("the CLI parses, validates and calls one library entry point per command");
        rule.Check(CliArchitecture);
    }

    [Fact]
    public void CliDebt_IsStillUsed()
    {
        var used = CliArchitecture.Types.Where(t => t.Assembly.FullName == Cli.FullName)
            .SelectMany(t => t.Dependencies).Select(d => d.Target.FullName).ToHashSet();
        var paid = CliStillUses.Where(t => !used.Contains(t.FullName!)).Select(t => t.FullName).ToList();
        Assert.True(paid.Count == 0, "the CLI no longer uses these internals: delete them from CliStillUses: " + string.Join(", ", paid));
    }

    /// <summary>
    /// Constants are inlined, so ArchUnitNET sees no edge for <c>CanonicalColumns.Distance</c> and the like: the source's
    /// <c>using</c> directives and qualified names must respect the same table.
    /// </summary>
    [Fact]
    public void SourceReferences_IncludingConstants_RespectTheLayers()
    {
        string src = Path.Combine(TestPaths.RepoRoot, "src", "HaloNotebooks");
        var reference = new Regex(@"\bHaloNotebooks\.([A-Z][A-Za-z]*)\b");
        var wrong = new List<string>();
        foreach (var layer in Uses.Keys)
        {
            string folder = Path.Combine(src, layer);
            if (!Directory.Exists(folder)) continue;
            foreach (var file in Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories))
                foreach (var (line, n) in File.ReadLines(file).Select((l, i) => (l, i + 1)))
                {
                    if (line.TrimStart().StartsWith("//", StringComparison.Ordinal)) continue;
                    foreach (Match m in reference.Matches(line))
                    {
                        string used = m.Groups[1].Value;
                        if (used != layer && Uses.ContainsKey(used) && !Uses[layer].Contains(used))
                            wrong.Add($"{Path.GetRelativePath(src, file)}:{n} ({layer} uses {used})");
                    }
                }
        }
        Assert.True(wrong.Count == 0, "backward edges in the source: " + string.Join("; ", wrong));
    }
}
