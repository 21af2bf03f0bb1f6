using System.CommandLine;
using HaloNotebooks.Cli.Commands;
using HaloNotebooks.Sweeps;
using Xunit;

namespace HaloNotebooks.Tests.Sweeps;

/// <summary>The task command line the library writes (Slurm script, local processes) is the one the CLI parses.</summary>
public class SweepTaskCommandLineTests
{
    [Fact]
    public void Arguments_ParseInTheCli_ToTheSameTaskAndThreads()
    {
        var root = new RootCommand { new SweepCommand().Build() };
        var parse = root.Parse([.. SweepTaskCommandLine.Arguments("/scratch/sweep", 17, 3)]);
        Assert.Empty(parse.Errors);
        Assert.Equal(SweepTaskCommandLine.Subcommand, parse.CommandResult.Command.Name);
        Assert.Equal(17, parse.GetValue<int>(SweepTaskCommandLine.IndexOption));
        Assert.Equal(3, parse.GetValue<int>(SweepTaskCommandLine.ThreadsOption));
        Assert.Equal("/scratch/sweep", parse.CommandResult.Tokens.Single(t => t.Type == System.CommandLine.Parsing.TokenType.Argument).Value);
    }

    [Fact]
    public void SlurmScript_CallsTheTaskThroughTheSameDefinition()
    {
        var script = SlurmArray.Script("/scratch/sweep", [0, 1], new SlurmOptions(), "halo");
        string expected = "exec halo " + string.Join(' ', SweepTaskCommandLine.Arguments("'/scratch/sweep'", "\"$SLURM_ARRAY_TASK_ID\"",
            "\"${SLURM_CPUS_PER_TASK:-1}\"")) + "\n";
        Assert.EndsWith(expected, script);
    }
}
