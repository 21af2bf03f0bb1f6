using HaloNotebooks.Catalogs;

namespace HaloNotebooks.Selection;

/// <summary>
/// The funnel of a catalogue read in row chunks (<see cref="CatalogueChunks"/>): each chunk runs through the same cuts
/// in its own <see cref="FunnelBuilder"/>, which writes its removals into one record for the whole catalogue; the steps'
/// counts add up and the survivors are kept, so memory grows with the survivors, not with the input. After the last
/// chunk, <see cref="Survivors"/> continues the funnel on all survivors at once — exactly the funnel of the whole table.
/// </summary>
internal sealed class ChunkedFunnel(int inputCount)
{
    readonly string?[] _removedBy = new string?[inputCount];
    readonly List<StarTable> _survivors = [];
    readonly List<int[]> _inputRows = [];
    FunnelStep[]? _steps;

    /// <summary>A funnel for the chunk whose first row is input row <paramref name="firstRow"/>.</summary>
    internal FunnelBuilder Chunk(StarTable rows, int firstRow) => new(rows, firstRow, _removedBy);

    /// <summary>Adds a chunk that went through the same steps as every chunk before it.</summary>
    public void Add(FunnelBuilder chunk)
    {
        var steps = chunk.Steps;
        if (_steps is null) _steps = steps.ToArray();
        else
        {
            if (steps.Count != _steps.Length || steps.Where((s, k) => s.Cut != _steps[k].Cut).Any())
                throw new InvalidOperationException("every chunk of a catalogue must go through the same cuts");
            for (int k = 0; k < _steps.Length; k++)
                _steps[k] = _steps[k] with { In = _steps[k].In + steps[k].In, Kept = _steps[k].Kept + steps[k].Kept };
        }
        _survivors.Add(chunk.Current);
        _inputRows.Add(chunk.SurvivorInputRows());
    }

    /// <summary>All survivors so far in input order, as one funnel to continue.</summary>
    internal FunnelBuilder Survivors()
    {
        if (_steps is null) throw new InvalidOperationException("no chunk was added (an empty catalogue still gives one empty chunk)");
        var stars = StarTable.Concat(_survivors);
        var rows = _inputRows.SelectMany(r => r).ToArray();
        _survivors.Clear();
        _inputRows.Clear();
        return new FunnelBuilder(stars, inputCount, _removedBy, rows, _steps);
    }
}
