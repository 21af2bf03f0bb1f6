using System.Text;

namespace HaloNotebooks.Cli.Notebooks;

/// <summary>
/// Per-cell capture of Console.Out / Console.Error without stealing other code's output: the console
/// writers are wrapped once by routers that send text to the cell's sink when written from the
/// running cell's execution flow (its thread, its tasks, threads it starts), and to the original
/// writer otherwise (other notebooks' hosts, tests running in parallel, the CLI's own progress lines).
/// <para>
/// Once means once: Console.SetOut wraps a writer in a synchronised one, so the installed writer is
/// remembered by reference (a type test never matched, and every cell used to add a router; two threads
/// entering that chain at different depths deadlocked, because the console stream also locks Console.Out).
/// <see cref="Install"/> runs before the CLI first writes, so Spectre.Console, which keeps the writer it
/// finds on first use, writes through the router like everyone else and all writers lock in one order.
/// </para>
/// </summary>
public static class ConsoleCapture
{
    static readonly AsyncLocal<CellOutputSink?> Current = new();
    static readonly Lock Gate = new();
    static TextWriter? installedOut, installedError;

    /// <summary>Wraps Console.Out and Console.Error in routers unless the current ones are already ours.</summary>
    public static void Install()
    {
        lock (Gate)
        {
            if (!ReferenceEquals(Console.Out, installedOut))
            {
                Console.SetOut(new Router(Console.Out, "stdout"));
                installedOut = Console.Out;
            }
            if (!ReferenceEquals(Console.Error, installedError))
            {
                Console.SetError(new Router(Console.Error, "stderr"));
                installedError = Console.Error;
            }
        }
    }

    /// <summary>Routes this flow's console output to <paramref name="sink"/> until the returned scope is disposed.</summary>
    public static IDisposable Begin(CellOutputSink sink)
    {
        Install();
        var previous = Current.Value;
        Current.Value = sink;
        return new Scope(previous);
    }

    sealed class Scope(CellOutputSink? previous) : IDisposable
    {
        public void Dispose() => Current.Value = previous;
    }

    sealed class Router(TextWriter original, string stream) : TextWriter
    {
        public override Encoding Encoding => original.Encoding;
        TextWriter? Target => Current.Value is null ? original : null;

        void Send(string text)
        {
            if (Current.Value is { } sink) sink.Write(stream, text);
            else original.Write(text);
        }

        public override void Write(char value) => Send(value.ToString());
        public override void Write(string? value) => Send(value ?? "");
        public override void Write(char[] buffer, int index, int count) => Send(new string(buffer, index, count));
        public override void WriteLine() => Send(NewLine);
        public override void WriteLine(string? value) => Send((value ?? "") + NewLine);
        public override void Flush() => Target?.Flush();
    }
}
