namespace HaloNotebooks.Cli.Plumbing;

/// <summary>Messages for the person at the terminal: warnings on stderr, yellow when stderr is a terminal.</summary>
public static class Terminal
{
    static bool Colour => !Console.IsErrorRedirected && Environment.GetEnvironmentVariable("NO_COLOR") is null;

    /// <summary>"halo fit: warning: …" — every warning a result carries reaches the user, not only its JSON.</summary>
    public static void Warn(string command, string message)
    {
        Console.Out.Flush();
        string line = $"halo {command}: warning: {string.Join(" ", message.ReplaceLineEndings("\n").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))}";
        Console.Error.WriteLine(Colour ? $"\u001b[33m{line}\u001b[0m" : line);
    }
}
