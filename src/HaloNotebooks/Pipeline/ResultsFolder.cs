using System.Diagnostics;
using System.Globalization;

namespace HaloNotebooks.Pipeline;

/// <summary>
/// A results folder written whole or not at all: the run writes into a hidden sibling (<see cref="Partial"/>,
/// <c>.NAME.partial-PID</c>) and <see cref="Commit"/> moves it into place with two renames, so an interrupted run leaves
/// the previous results untouched and nothing half-written. Disposing without a commit (an error, Ctrl+C) deletes the
/// partial folder; partial folders of earlier runs whose process is gone are removed on <see cref="Begin"/>.
/// </summary>
internal sealed class ResultsFolder : IDisposable
{
    readonly ConsoleCancelEventHandler _onCancel;
    bool _committed;

    ResultsFolder(string output)
    {
        Output = Path.GetFullPath(output);
        Partial = Path.Combine(Parent, $".{Path.GetFileName(Output)}.partial-{Environment.ProcessId}");
        _onCancel = (_, _) => TryDelete(Partial);
    }

    /// <summary>The folder the results end up in.</summary>
    internal string Output { get; }

    /// <summary>The hidden folder the run writes into.</summary>
    internal string Partial { get; }

    string Parent => Path.GetDirectoryName(Output) ?? ".";

    /// <summary>Starts a run into <paramref name="output"/>: stale partial folders removed, an empty partial path.</summary>
    internal static ResultsFolder Begin(string output)
    {
        var folder = new ResultsFolder(output);
        Console.CancelKeyPress += folder._onCancel;
        RemoveStalePartials(folder.Parent, Path.GetFileName(folder.Output));
        TryDelete(folder.Partial);
        return folder;
    }

    /// <summary>Replaces <see cref="Output"/> by the finished <see cref="Partial"/> folder (two renames).</summary>
    internal void Commit()
    {
        string? old = null;
        if (Directory.Exists(Output))
        {
            old = Output + $".old-{Environment.ProcessId}";
            TryDelete(old);
            Directory.Move(Output, old);
        }
        else if (File.Exists(Output)) throw new IOException($"{Output} exists and is a file, not a results folder");
        Directory.Move(Partial, Output);
        _committed = true;
        if (old is not null) TryDelete(old);
    }

    public void Dispose()
    {
        Console.CancelKeyPress -= _onCancel;
        if (!_committed) TryDelete(Partial);
    }

    /// <summary>Partial folders of earlier runs that were killed (their process is gone).</summary>
    static void RemoveStalePartials(string parent, string name)
    {
        if (!Directory.Exists(parent)) return;
        foreach (var dir in Directory.EnumerateDirectories(parent, $".{name}.partial-*"))
        {
            var suffix = dir[(dir.LastIndexOf('-') + 1)..];
            if (!int.TryParse(suffix, NumberStyles.None, CultureInfo.InvariantCulture, out int pid) || pid == Environment.ProcessId) continue;
            bool alive;
            try { using var p = Process.GetProcessById(pid); alive = !p.HasExited; } catch (ArgumentException) { alive = false; }
            if (!alive) TryDelete(dir);
        }
    }

    static void TryDelete(string dir)
    {
        try { if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }
}
