using HaloNotebooks.Catalogs;
using HaloNotebooks.Figures;

namespace HaloNotebooks.Cli.Plumbing;

/// <summary>
/// Runs a command's work and turns a user error into one line on stderr ("halo fit: …") and an <see cref="ExitCode"/>.
/// A stack trace is a bug report, never a message: only exceptions no user input can cause escape this.
/// </summary>
public static class CommandErrors
{
    public static int Run(string command, Func<int> work)
    {
        try
        {
            return work();
        }
        catch (Exception e) when (Classify(e) is (int code, string message))
        {
            Console.Out.Flush();
            Console.Error.WriteLine($"halo {command}: {message}");
            return code;
        }
    }

    /// <summary>The exit code and one-line message of a user error, or null for a bug.</summary>
    internal static (int Code, string Message)? Classify(Exception e)
    {
        // Parallel fits wrap the first failure; the user wants that failure.
        if (e is AggregateException { InnerExceptions.Count: > 0 } a) return Classify(a.Flatten().InnerExceptions[0]);
        int? code = e switch
        {
            UsageException => ExitCode.Usage,
            ArgumentException => ExitCode.Usage,   // option values the library's Validate rejected
            InputException or CatalogException or FileNotFoundException or DirectoryNotFoundException or IOException
                or UnauthorizedAccessException or FormatException or InvalidOperationException or FigureExportException => ExitCode.BadInput,
            _ => null,
        };
        return code is int c ? (c, OneLine(e.Message)) : null;
    }

    static string OneLine(string message) =>
        string.Join(" ", message.ReplaceLineEndings("\n").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
