using System.Text.Json.Nodes;
using HaloNotebooks.Cli.Kernel;
using HaloNotebooks.Tests.Cli;
using Xunit;

namespace HaloNotebooks.Tests.Kernel;

public sealed class KernelSpecTests
{
    [Fact]
    public void InstallWithPrefix_WritesAKernelspecThatStartsThisBuild_AndUninstallRemovesIt()
    {
        var prefix = Path.Combine(Path.GetTempPath(), "halo-kernelspec-" + Guid.NewGuid().ToString("N"));
        try
        {
            var install = HaloProcess.Run(Path.GetTempPath(), "kernel", "install", "--prefix", prefix);
            Assert.Equal(0, install.ExitCode);
            var file = Path.Combine(prefix, "share", "jupyter", "kernels", "halo-csharp", "kernel.json");
            var spec = JsonNode.Parse(File.ReadAllText(file))!.AsObject();
            Assert.Equal("C# (HaloNotebooks)", spec["display_name"]!.GetValue<string>());
            Assert.Equal("csharp", spec["language"]!.GetValue<string>());
            Assert.Equal("message", spec["interrupt_mode"]!.GetValue<string>());
            var argv = spec["argv"]!.AsArray().Select(a => a!.GetValue<string>()).ToList();
            Assert.Equal(Path.Combine(AppContext.BaseDirectory, "halo.dll"), argv[1]);   // this build, through the dotnet host
            Assert.Equal(["kernel", "--connection-file", "{connection_file}"], argv[^3..]);

            var uninstall = HaloProcess.Run(Path.GetTempPath(), "kernel", "uninstall", "--prefix", prefix);
            Assert.Equal(0, uninstall.ExitCode);
            Assert.False(Directory.Exists(Path.GetDirectoryName(file)));
        }
        finally { if (Directory.Exists(prefix)) Directory.Delete(prefix, recursive: true); }
    }

    [Fact]
    public void KernelWithoutConnectionFile_OrWithAMissingOne_FailsWithOneLine()
    {
        var none = HaloProcess.Run(Path.GetTempPath(), "kernel");
        Assert.Equal(2, none.ExitCode);
        Assert.StartsWith("error: halo kernel needs --connection-file", Assert.Single(none.ErrorLines));
        var missing = HaloProcess.Run(Path.GetTempPath(), "kernel", "--connection-file", "/nonexistent/kernel-1.json");
        Assert.Equal(1, missing.ExitCode);
        Assert.Equal("error: /nonexistent/kernel-1.json: connection file not found", Assert.Single(missing.ErrorLines));
    }

    [Fact]
    public void Instrument_PutsAnInterruptCheckInEveryLoopBody_OnTheSameLines()
    {
        var code = "var n = 0;\nfor (int i = 0; i < 3; i++)\n    n += i;\nwhile (n < 10) { n++; }\nforeach (var c in \"ab\") n++;\ndo n--; while (n > 0);";
        var instrumented = CellInterrupt.Instrument(code);
        Assert.Equal(code.Split('\n').Length, instrumented.Split('\n').Length);
        Assert.Equal(4, instrumented.Split("CellInterrupt.Check();").Length - 1);
        Assert.Equal("var n = 0;", instrumented.Split('\n')[0]);
        Assert.Equal("int broken = ;", CellInterrupt.Instrument("int broken = ;"));   // unparsable: left as written, so errors point at it
    }
}
