namespace HaloNotebooks.Cli.Plumbing;

/// <summary>
/// One exit-code scheme for every `halo` command (README, "Exit codes"): 0 success, 1 bad input or data (a missing or
/// unreadable file, a missing column, an output that cannot be written, data a fit cannot use), 2 usage (an unknown,
/// missing or out-of-range option).
/// </summary>
public static class ExitCode
{
    public const int Ok = 0;
    public const int BadInput = 1;
    public const int Usage = 2;
}

/// <summary>A mistake in the command line itself (exit 2): the message says which option and what it accepts.</summary>
public sealed class UsageException(string message) : Exception(message);

/// <summary>Bad input or data (exit 1): the message names the file or column and, where one exists, the command
/// that produces it.</summary>
public sealed class InputException(string message) : Exception(message);
