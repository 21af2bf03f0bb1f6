using System.Globalization;

namespace HaloNotebooks.Sweeps;

/// <summary>
/// The command line of one sweep task, <c>halo sweep task DIR --index I --threads T</c>: the one definition that the
/// `halo` CLI parses (its command and option names) and that <see cref="SlurmArray"/>'s batch script and
/// <see cref="SweepLocal"/>'s processes write, so the two cannot drift apart.
/// </summary>
internal static class SweepTaskCommandLine
{
    /// <summary>The command: <c>halo sweep</c>.</summary>
    internal const string Command = "sweep";

    /// <summary>Its subcommand that runs one task.</summary>
    internal const string Subcommand = "task";

    /// <summary>The task's index (a line of tasks.jsonl; $SLURM_ARRAY_TASK_ID).</summary>
    internal const string IndexOption = "--index";

    /// <summary>Threads for the task (the result does not depend on it).</summary>
    internal const string ThreadsOption = "--threads";

    /// <summary>The arguments after the halo executable, each a word (e.g. for <c>ProcessStartInfo.ArgumentList</c>).</summary>
    internal static IReadOnlyList<string> Arguments(string directory, int index, int threads) =>
        Arguments(directory, index.ToString(CultureInfo.InvariantCulture), threads.ToString(CultureInfo.InvariantCulture));

    /// <summary>As the other overload, with index and threads as text (already quoted shell words in a script).</summary>
    internal static IReadOnlyList<string> Arguments(string directory, string index, string threads) =>
        [Command, Subcommand, directory, IndexOption, index, ThreadsOption, threads];
}
