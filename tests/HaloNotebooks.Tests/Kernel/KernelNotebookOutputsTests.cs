using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using HaloNotebooks.Cli.Notebooks;
using Xunit;

namespace HaloNotebooks.Tests.Kernel;

/// <summary>
/// The same notebook gives the same outputs in `halo kernel` (driven cell by cell over the Jupyter protocol, as nbclient
/// drives it) and in the built-in runner (`halo notebooks run --kernel builtin`): notebooks/00-quickstart.ipynb with
/// HALO_FAST=1 — set-up text, a Deedle frame, the selection funnel and comparison tables (HTML), a corner plot (HTML with
/// plotly.js and application/vnd.plotly.v1+json).
/// </summary>
// In the notebooks collection: the built-in runner sets HALO_FAST in this process while it runs, which NotebookRunnerTests checks.
[Collection("notebooks")]
public sealed partial class KernelNotebookOutputsTests
{
    // A figure id holds the process id, the page's serial number in its process (other tests make pages in the test
    // host too) and the figure's number on the page: all three are masked.
    [GeneratedRegex(@"halo-figure-[0-9a-f]+-(\d+-)?\d+")] private static partial Regex FigureId();
    // Wall-clock durations (a fit summary's "; 13.8 s") differ between any two runs.
    [GeneratedRegex(@"\b\d+(\.\d+)? s\b")] private static partial Regex Seconds();

    [Fact]
    public void Quickstart_HasTheSameOutputsCellForCell_InHaloKernelAndTheBuiltinRunner()
    {
        var path = Path.Combine(TestPaths.RepoRoot, "notebooks", "00-quickstart.ipynb");
        var fast = new Dictionary<string, string> { ["HALO_FAST"] = "1" };

        var builtin = Notebook.Read(path);
        var run = NotebookRunner.Run(builtin, new NotebookRunOptions { Environment = fast.ToDictionary(kv => kv.Key, kv => (string?)kv.Value) });
        Assert.True(run.Succeeded, string.Join("\n", run.Cells));
        var expected = JsonNode.Parse(IpynbFormat.Write(builtin))!["cells"]!.AsArray()
            .Where(c => c!["cell_type"]!.GetValue<string>() == "code").Select(c => c!["outputs"]!.AsArray()).ToList();

        using var client = new JupyterTestClient(builtin.Directory, fast);
        var code = builtin.Cells.Where(c => c.Kind == CellKind.Code).ToList();
        Assert.Equal(code.Count, expected.Count);
        for (int i = 0; i < code.Count; i++)
        {
            var (reply, published) = client.Execute(code[i].Source);
            Assert.True(reply.Content["status"]!.GetValue<string>() == "ok", $"code cell {i + 1}: {reply.Content.ToJsonString()}");
            var actual = Normalise(AsNotebookOutputs(published));
            var wanted = Normalise(expected[i]);
            Assert.True(actual.Count == wanted.Count, $"code cell {i + 1}: {actual.Count} outputs in halo kernel, {wanted.Count} in the runner");
            for (int k = 0; k < actual.Count; k++)
                Assert.True(JsonNode.DeepEquals(wanted[k], actual[k]),
                    $"code cell {i + 1}, output {k + 1} differs:\n{FirstDifference(wanted[k], actual[k])}");
        }
        Assert.Contains(expected[^1], o => o!["data"]?[DisplayFormatter.PlotlyMimeType] is JsonObject);   // the corner plot, as plotly JSON
    }

    /// <summary>iopub messages as nbclient stores them: stream, display_data, execute_result, error.</summary>
    static JsonArray AsNotebookOutputs(IEnumerable<JupyterTestClient.Message> published)
    {
        var outputs = new JsonArray();
        foreach (var m in published)
        {
            var content = m.Content.DeepClone().AsObject();
            content.Remove("transient");
            if (m.Type is "stream" or "display_data" or "execute_result" or "error")
            {
                content["output_type"] = m.Type;
                outputs.Add(content);
            }
        }
        return outputs;
    }

    /// <summary>Text fields joined (nbformat stores lines), consecutive writes to one stream merged, figure ids without the process id,
    /// durations in seconds masked.</summary>
    static List<JsonNode> Normalise(JsonArray outputs)
    {
        var result = new List<JsonNode>();
        foreach (var output in outputs.Select(o => o!.DeepClone().AsObject()))
        {
            if (output["text"] is JsonNode text) output["text"] = Seconds().Replace(Join(text), "# s");
            if (output["data"] is JsonObject data)
                foreach (var (mime, value) in data.ToList())
                    data[mime] = value is JsonObject json ? json.DeepClone() : Seconds().Replace(FigureId().Replace(Join(value!), "halo-figure-"), "# s");
            var sorted = new JsonObject();
            foreach (var (key, value) in output.OrderBy(kv => kv.Key, StringComparer.Ordinal)) sorted[key] = value?.DeepClone();
            if (result.Count > 0 && result[^1]["output_type"]?.GetValue<string>() == "stream" && sorted["output_type"]!.GetValue<string>() == "stream"
                && result[^1]["name"]!.GetValue<string>() == sorted["name"]!.GetValue<string>())
                result[^1]["text"] = result[^1]["text"]!.GetValue<string>() + sorted["text"]!.GetValue<string>();
            else result.Add(sorted);
        }
        return result;
    }

    static string Join(JsonNode node) => node is JsonArray lines ? string.Concat(lines.Select(l => l!.GetValue<string>())) : node.GetValue<string>();

    /// <summary>Where two outputs' JSON first differ, with 300 characters of each around it (a plotly page is megabytes long).</summary>
    static string FirstDifference(JsonNode wanted, JsonNode actual)
    {
        string a = wanted.ToJsonString(), b = actual.ToJsonString();
        int i = 0;
        while (i < a.Length && i < b.Length && a[i] == b[i]) i++;
        int from = Math.Max(0, i - 100);
        string Around(string s) => s[from..Math.Min(s.Length, i + 200)];
        return $"at character {i} of {a.Length} (runner) / {b.Length} (kernel)\nrunner: …{Around(a)}…\nkernel: …{Around(b)}…";
    }
}
