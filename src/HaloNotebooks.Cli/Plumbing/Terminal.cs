namespace HaloNotebooks.Cli.Plumbing;

/// <summary>Messages for the person at the terminal: warnings on stderr, yellow when stderr is a terminal.</summary>
public static class Terminal
{
    static bool Colour => !Console.IsErrorRedirected && Environment.GetEnvironmentVariable("NO_COLOR") is null;

    /// <summary>"halo fit: warning: …" — every warning a result carries reaches the user, not only its JSON.</summary>
    public static void Warn(string command, string message) => Write(command, "warning", message, "\u001b[33m");

    /// <summary>"halo fit: note: …" — what the reader must know about the numbers (folding, labelling); not yellow.</summary>
    public static void Note(string command, string message) => Write(command, "note", message, null);

    static void Write(string command, string kind, string message, string? colour)
    {
        Console.Out.Flush();
        string line =
            $"halo {command}: {kind}: " +
            $"{string.Join(" ", message.ReplaceLineEndings("\n").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))}";
        Console.Error.WriteLine(Colour && colour is not null ? $"{colour}{line}\u001b[0m" : line);
    }
}
