using System.Text.Json;
using System.Text.Json.Nodes;

namespace HaloNotebooks.Cli.Notebooks;

/// <summary>
/// nbformat 4 reading and writing with the Polyglot metadata: cell language from a first line
/// <c>#!name</c>, else <c>metadata.polyglot_notebook.kernelName</c>, else
/// <c>metadata.dotnet_interactive.language</c>, else the notebook's
/// <c>metadata.polyglot_notebook.kernelInfo.defaultKernelName</c>, else the kernelspec
/// (<c>.net-csharp</c> → csharp). Writing keeps every field read and replaces only outputs and
/// execution counts, so the executed copy still opens in the real kernel.
/// </summary>
public static class IpynbFormat
{
    public static Notebook Read(string path)
    {
        JsonObject doc;
        try { doc = JsonNode.Parse(File.ReadAllText(path))?.AsObject() ?? throw new NotebookFormatException(path, "empty document"); }
        catch (JsonException e) { throw new NotebookFormatException(path, $"not valid JSON ({e.Message})"); }
        catch (InvalidOperationException) { throw new NotebookFormatException(path, "top level is not a JSON object"); }

        var major = doc["nbformat"]?.GetValue<int>();
        if (major != 4) throw new NotebookFormatException(path, $"nbformat {major?.ToString() ?? "(missing)"} is not supported (expected 4)");
        if (doc["cells"] is not JsonArray cellsJson) throw new NotebookFormatException(path, "no 'cells' array");

        var defaultLanguage = DefaultLanguage(doc);
        var cells = new List<NotebookCell>();
        for (int i = 0; i < cellsJson.Count; i++)
        {
            if (cellsJson[i] is not JsonObject c) throw new NotebookFormatException(path, $"cell {i + 1} is not an object");
            var type = c["cell_type"]?.GetValue<string>();
            var source = JoinSource(c["source"]);
            var kind = type switch
            {
                "code" => CellKind.Code, "markdown" => CellKind.Markdown, "raw" => CellKind.Raw,
                _ => throw new NotebookFormatException(path, $"cell {i + 1} has unknown cell_type '{type}'"),
            };
            var language = kind == CellKind.Markdown ? "markdown" : kind == CellKind.Raw ? "raw" : CodeLanguage(c, source, defaultLanguage);
            if (language == "markdown") kind = CellKind.Markdown;   // a code cell starting with #!markdown
            cells.Add(new NotebookCell(kind, language, source) { Json = c });
        }
        return new Notebook(path, cells, doc);
    }

    static string DefaultLanguage(JsonObject doc)
    {
        var meta = doc["metadata"] as JsonObject;
        return KernelNames.Normalise(meta?["polyglot_notebook"]?["kernelInfo"]?["defaultKernelName"]?.GetValue<string>())
            ?? KernelNames.Normalise(meta?["kernelspec"]?["name"]?.GetValue<string>())
            ?? KernelNames.Normalise(meta?["kernelspec"]?["language"]?.GetValue<string>())
            ?? "csharp";
    }

    static string CodeLanguage(JsonObject cell, string source, string fallback) =>
        KernelNames.FromFirstLine(source)
        ?? KernelNames.Normalise(cell["metadata"]?["polyglot_notebook"]?["kernelName"]?.GetValue<string>())
        ?? KernelNames.Normalise(cell["metadata"]?["dotnet_interactive"]?["language"]?.GetValue<string>())
        ?? fallback;

    static string JoinSource(JsonNode? node) => node switch
    {
        null => "",
        JsonArray lines => string.Concat(lines.Select(l => l?.GetValue<string>() ?? "")),
        _ => node.GetValue<string>(),
    };

    /// <summary>nbformat stores multi-line strings as a list of lines, each keeping its newline.</summary>
    public static JsonArray SplitLines(string text)
    {
        var array = new JsonArray();
        int start = 0;
        while (start < text.Length)
        {
            var nl = text.IndexOf('\n', start);
            var end = nl < 0 ? text.Length : nl + 1;
            array.Add(text[start..end]);
            start = end;
        }
        return array;
    }

    /// <summary>The notebook as nbformat 4 with outputs and execution counts; .dib notebooks get Polyglot metadata.</summary>
    public static string Write(Notebook notebook)
    {
        var doc = notebook.Json?.DeepClone().AsObject() ?? NewDocument();
        var cells = new JsonArray();
        bool plotlyIncluded = false;
        foreach (var cell in notebook.Cells)
        {
            var c = cell.Json?.DeepClone().AsObject() ?? NewCell(cell);
            if (cell.Kind == CellKind.Code)
            {
                c["execution_count"] = cell.ExecutionCount;
                var outputs = cell.Outputs.Select(o => JupyterMimeBundle.WithPlotlyOnce(o, ref plotlyIncluded)).ToList();
                c["outputs"] = new JsonArray(outputs.Select(o => OutputJson(o, cell.ExecutionCount)).ToArray<JsonNode?>());
            }
            cells.Add(c);
        }
        doc["cells"] = cells;
        var options = new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        return doc.ToJsonString(options) + "\n";
    }

    static JsonObject OutputJson(CellOutput output, int? executionCount) => output switch
    {
        StreamOutput s => new JsonObject { ["output_type"] = "stream", ["name"] = s.Name, ["text"] = SplitLines(s.Text) },
        DisplayOutput d when d.IsResult => new JsonObject
        {
            ["output_type"] = "execute_result", ["execution_count"] = executionCount,
            ["data"] = MimeBundle(d.Data), ["metadata"] = new JsonObject(),
        },
        DisplayOutput d => new JsonObject { ["output_type"] = "display_data", ["data"] = MimeBundle(d.Data), ["metadata"] = new JsonObject() },
        ErrorOutput e => new JsonObject
        {
            ["output_type"] = "error", ["ename"] = e.Name, ["evalue"] = e.Value,
            ["traceback"] = new JsonArray(e.Traceback.Select(t => (JsonNode?)t).ToArray()),
        },
        _ => throw new ArgumentOutOfRangeException(nameof(output)),
    };

    static JsonObject MimeBundle(IReadOnlyDictionary<string, string> data)
    {
        var bundle = new JsonObject();
        foreach (var (mime, text) in data)
            bundle[mime] = JupyterMimeBundle.IsJson(mime) && JupyterMimeBundle.Parse(text) is { } json ? json : SplitLines(text);
        return bundle;
    }

    static JsonObject NewDocument() => new()
    {
        ["cells"] = new JsonArray(),
        ["metadata"] = new JsonObject
        {
            ["kernelspec"] = new JsonObject { ["display_name"] = ".NET (C#)", ["language"] = "C#", ["name"] = ".net-csharp" },
            ["language_info"] = new JsonObject { ["name"] = "polyglot-notebook" },
            ["polyglot_notebook"] = new JsonObject { ["kernelInfo"] = new JsonObject { ["defaultKernelName"] = "csharp" } },
        },
        ["nbformat"] = 4, ["nbformat_minor"] = 5,
    };

    static JsonObject NewCell(NotebookCell cell)
    {
        var c = new JsonObject
        {
            ["cell_type"] = cell.Kind switch { CellKind.Markdown => "markdown", CellKind.Raw => "raw", _ => "code" },
            ["id"] = Guid.NewGuid().ToString("N")[..8],
            ["metadata"] = cell.Kind == CellKind.Code
                ? new JsonObject { ["polyglot_notebook"] = new JsonObject { ["kernelName"] = cell.Language } }
                : new JsonObject(),
            ["source"] = SplitLines(cell.Source),
        };
        return c;
    }

}
