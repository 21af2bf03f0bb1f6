using System.Text;

namespace HaloNotebooks.Cli.Notebooks;

/// <summary>
/// The Polyglot plain-text format: cells start at a line <c>#!kernelName</c> (csharp, markdown, …);
/// an optional leading <c>#!meta</c> block holds JSON kernel info. A <c>#!word</c> line whose word is
/// not a kernel name is a magic command inside the current cell. Blank lines around cell
/// separators belong to the format, not to the cells.
/// </summary>
public static class DibFormat
{
    public static Notebook Read(string path)
    {
        var lines = File.ReadAllText(path).Replace("\r\n", "\n").Split('\n');
        var cells = new List<NotebookCell>();
        string? language = null;
        var body = new List<string>();

        void Flush()
        {
            if (language is null || language == "meta") { body.Clear(); return; }
            while (body.Count > 0 && body[0].Trim().Length == 0) body.RemoveAt(0);
            while (body.Count > 0 && body[^1].Trim().Length == 0) body.RemoveAt(body.Count - 1);
            var kind = language == "markdown" ? CellKind.Markdown : CellKind.Code;
            cells.Add(new NotebookCell(kind, language, string.Join('\n', body)));
            body.Clear();
        }

        for (int i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            var kernel = line.StartsWith("#!", StringComparison.Ordinal) ? KernelNames.Normalise(line[2..]) : null;
            if (kernel is not null) { Flush(); language = kernel; continue; }
            if (language is null)
            {
                if (line.Trim().Length == 0) continue;
                language = "csharp";   // text before any separator belongs to the default kernel
            }
            body.Add(line);
        }
        Flush();
        return new Notebook(path, cells, json: null);
    }

    /// <summary>The notebook as .dib text (used when a .dib is exported back).</summary>
    public static string Write(Notebook notebook)
    {
        var sb = new StringBuilder();
        foreach (var cell in notebook.Cells)
            sb.Append("#!").Append(cell.Language).Append("\n\n").Append(cell.Source.TrimEnd('\n')).Append("\n\n");
        return sb.ToString();
    }
}
