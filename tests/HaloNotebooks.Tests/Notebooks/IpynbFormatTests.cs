using Xunit;
using System.Text.Json.Nodes;
using HaloNotebooks.Cli.Notebooks;

namespace HaloNotebooks.Tests.Notebooks;

[Collection("notebooks")]
public sealed class IpynbFormatTests(ExecutedNotebooks runs)
{
    [Fact]
    public void Read_UsesPolyglotMetadataForCellLanguages()
    {
        var nb = Notebook.Read(TestPaths.Fixture("notebooks/state.ipynb"));
        Assert.Equal(CellKind.Markdown, nb.Cells[0].Kind);
        Assert.All(nb.Cells.Skip(1), c => Assert.True(c.IsCSharp));
    }

    [Fact]
    public void ExecutedNotebook_IsValidNbformat4_WithOutputsInPlace()
    {
        var path = Path.Combine(Path.GetTempPath(), $"halo-executed-{Guid.NewGuid():N}.ipynb");
        File.WriteAllText(path, IpynbFormat.Write(runs.State));
        try
        {
            var doc = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
            Assert.Equal(4, doc["nbformat"]!.GetValue<int>());
            Assert.Equal(".net-csharp", doc["metadata"]!["kernelspec"]!["name"]!.GetValue<string>());
            var cells = doc["cells"]!.AsArray();
            Assert.Equal(runs.State.Cells.Count, cells.Count);
            foreach (var cell in cells.Select(c => c!.AsObject()))
            {
                Assert.True(cell["source"] is JsonArray);
                if (cell["cell_type"]!.GetValue<string>() != "code") { Assert.False(cell.ContainsKey("outputs")); continue; }
                Assert.NotNull(cell["execution_count"]);
                foreach (var o in cell["outputs"]!.AsArray().Select(o => o!.AsObject()))
                {
                    string[] required = o["output_type"]!.GetValue<string>() switch
                    {
                        "stream" => ["name", "text"],
                        "display_data" => ["data", "metadata"],
                        "execute_result" => ["data", "metadata", "execution_count"],
                        "error" => ["ename", "evalue", "traceback"],
                        var t => throw new Xunit.Sdk.XunitException($"unknown output_type {t}"),
                    };
                    Assert.All(required, k => Assert.True(o.ContainsKey(k), $"{o["output_type"]} lacks {k}"));
                }
            }
            // Read back with the runner's own reader: same cells, the result of cell 3 in place.
            var back = Notebook.Read(path);
            Assert.Equal(runs.State.Cells.Select(c => c.Source), back.Cells.Select(c => c.Source));
            var cell3 = cells[2]!["outputs"]!.AsArray().Single(o => o!["output_type"]!.GetValue<string>() == "execute_result")!;
            Assert.Equal("42", string.Concat(cell3["data"]!["text/plain"]!.AsArray().Select(l => l!.GetValue<string>())));
            // plotly.js travels once, in the first chart's output.
            Assert.Equal(1, CountOccurrences(File.ReadAllText(path), PlotlyJsBanner));
        }
        finally { File.Delete(path); }
    }

    internal const string PlotlyJsBanner = "* plotly.js v";

    internal static int CountOccurrences(string text, string part)
    {
        int count = 0;
        for (int i = text.IndexOf(part, StringComparison.Ordinal); i >= 0; i = text.IndexOf(part, i + part.Length, StringComparison.Ordinal)) count++;
        return count;
    }
}
