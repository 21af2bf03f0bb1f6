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

    static readonly ArchUnitNET.Domain.Architecture LibraryArchitecture = new ArchLoader().LoadAssemblies(Library).Build();

    /// <summary>Each layer and the layers it may use (besides itself), lowest first.</summary>
    public static readonly IReadOnlyDictionary<string, string[]> Uses = new Dictionary<string, string[]>
    {
        ["Numerics"] = [],
        ["Display"] = [],
        ["Inference"] = ["Numerics", "Display"],
        // Published tables render as HTML in a notebook, hence Display (the bottom layer, no physics).
        ["Paper"] = ["Display"],
        ["Astrometry"] = ["Numerics"],
        ["Catalogs"] = ["Astrometry", "Numerics", "Display"],
        ["Uncertainties"] = ["Catalogs", "Astrometry", "Numerics"],
        ["Selection"] = ["Uncertainties", "Catalogs", "Astrometry", "Numerics", "Display"],
        ["Models"] = ["Selection", "Inference", "Uncertainties", "Catalogs", "Astrometry", "Numerics", "Display"],
        ["Mocks"] = ["Selection", "Paper", "Uncertainties", "Catalogs", "Astrometry", "Numerics", "Display"],
        ["Analysis"] = ["Models", "Inference", "Paper", "Selection", "Uncertainties", "Catalogs", "Astrometry", "Numerics", "Display"],
        ["Literature"] = ["Analysis", "Models", "Inference", "Paper", "Selection", "Uncertainties", "Catalogs", "Astrometry", "Numerics", "Display"],
        ["Figures"] = ["Literature", "Analysis", "Models", "Inference", "Paper", "Selection", "Uncertainties", "Catalogs", "Astrometry", "Numerics", "Display"],
        ["Pipeline"] = ["Figures", "Literature", "Analysis", "Mocks", "Models", "Inference", "Paper", "Selection", "Uncertainties", "Catalogs", "Astrometry",
            "Numerics", "Display"],
    };

    public static TheoryData<string> Layers => new(Uses.Keys);

    [Theory]
    [MemberData(nameof(Layers))]
    public void Layer_UsesOnlyTheLayersOnItsLeft(string layer)
    {
        var forbidden = Uses.Keys.Where(k => k != layer && !Uses[layer].Contains(k)).ToArray();
        if (forbidden.Length == 0) return; // Pipeline may use everything
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
}
