namespace HaloNotebooks.Cli.Notebooks;

/// <summary>
/// Collects one cell's outputs in the order they happen: console text (consecutive writes to the same
/// stream merge into one stream output, as in Jupyter) interleaved with displayed values.
/// </summary>
public sealed class CellOutputSink
{
    readonly List<CellOutput> _outputs = [];
    readonly Lock _gate = new();

    /// <summary>Called with each new output as it happens (a stream write is passed as its new text alone), in order: the
    /// Jupyter kernel publishes outputs while the cell runs.</summary>
    public Action<CellOutput>? OnOutput { get; init; }

    public IReadOnlyList<CellOutput> Snapshot() { lock (_gate) return [.. _outputs]; }

    /// <summary>Appends an output; returns its index (for <see cref="Replace"/>).</summary>
    public int Add(CellOutput output) { lock (_gate) { _outputs.Add(output); OnOutput?.Invoke(output); return _outputs.Count - 1; } }

    /// <summary>Replaces an output in place (a display the kernel updates, e.g. a progress line).</summary>
    public void Replace(int index, CellOutput output) { lock (_gate) _outputs[index] = output; }

    public void Write(string stream, string text)
    {
        if (text.Length == 0) return;
        lock (_gate)
        {
            OnOutput?.Invoke(new StreamOutput(stream, text));
            if (_outputs.Count > 0 && _outputs[^1] is StreamOutput last && last.Name == stream)
                _outputs[^1] = last with { Text = last.Text + text };
            else
                _outputs.Add(new StreamOutput(stream, text));
        }
    }
}
