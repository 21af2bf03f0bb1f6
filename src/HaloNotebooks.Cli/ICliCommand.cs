using System.CommandLine;

namespace HaloNotebooks.Cli;

/// <summary>One `halo` sub-command. Program discovers every implementation, so each command
/// lives in a file of its own under Commands/ and nothing else has to change to add one.</summary>
public interface ICliCommand
{
    Command Build();
}
