using System.Diagnostics;
using System.Text.Json.Nodes;
using Xunit;

namespace HaloNotebooks.Tests.Kernel;

/// <summary>One `halo kernel` process shared by the protocol tests of <see cref="JupyterKernelProtocolTests"/>.</summary>
public sealed class RunningKernel : IDisposable
{
    public JupyterTestClient Client { get; } = new(Path.GetTempPath());
    public void Dispose() => Client.Dispose();
}

/// <summary>
/// `halo kernel` as a Jupyter front end drives it: a real process, a connection file, NetMQ sockets, signed messages
/// (<see cref="JupyterTestClient"/>). Execute, a failing cell, interrupts, a bad signature, completion, comm_info, shutdown.
/// </summary>
public sealed class JupyterKernelProtocolTests(RunningKernel kernel) : IClassFixture<RunningKernel>
{
    readonly JupyterTestClient _client = kernel.Client;
    static readonly TimeSpan Short = TimeSpan.FromSeconds(30);

    static string State(JupyterTestClient.Message m) => m.Content["execution_state"]!.GetValue<string>();

    [Fact]
    public void Execute_PublishesBusyInputStreamResultIdle_AndRepliesOk()
    {
        var (reply, published) = _client.Execute("Console.WriteLine(\"hello from a cell\");\n6 * 7");
        Assert.Equal("execute_reply", reply.Type);
        Assert.Equal("ok", reply.Content["status"]!.GetValue<string>());
        var types = published.Select(m => m.Type).ToList();
        Assert.Equal(["status", "execute_input", "stream", "execute_result", "status"], types);
        Assert.Equal("busy", State(published[0]));
        Assert.Equal("hello from a cell\n", published[2].Content["text"]!.GetValue<string>());
        Assert.Equal("stdout", published[2].Content["name"]!.GetValue<string>());
        Assert.Equal("42", published[3].Content["data"]!["text/plain"]!.GetValue<string>());
        var count = reply.Content["execution_count"]!.GetValue<int>();
        Assert.Equal(count, published[1].Content["execution_count"]!.GetValue<int>());
        Assert.Equal(count, published[3].Content["execution_count"]!.GetValue<int>());

        // The next cell sees the state the previous ones left.
        _client.Execute("var keptAcrossCells = 2.5;");
        var (_, next) = _client.Execute("keptAcrossCells * 2");
        Assert.Equal("5", next.Single(m => m.Type == "execute_result").Content["data"]!["text/plain"]!.GetValue<string>());
    }

    [Fact]
    public void FailingCell_PublishesAnErrorWithTheCellsLine_AndRepliesError()
    {
        var (reply, published) = _client.Execute("var before = 1;\nthrow new InvalidOperationException(\"boom\");");
        var error = published.Single(m => m.Type == "error");
        Assert.Equal("System.InvalidOperationException", error.Content["ename"]!.GetValue<string>());
        Assert.Contains("line 2", error.Content["evalue"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("boom", error.Content["evalue"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("error", reply.Content["status"]!.GetValue<string>());
        Assert.Equal(error.Content["evalue"]!.GetValue<string>(), reply.Content["evalue"]!.GetValue<string>());

        var (compile, compilePublished) = _client.Execute("var fine = 1;\n\nint broken = \"text\";");
        Assert.Equal("error", compile.Content["status"]!.GetValue<string>());
        Assert.Contains("line 3", compilePublished.Single(m => m.Type == "error").Content["evalue"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Console.WriteLine(\"running\");\nwhile (true) { System.Threading.Thread.Sleep(5); }", 0)]   // a loop of the cell: its next iteration
    [InlineData("Console.WriteLine(\"running\");\nSystem.Threading.Thread.Sleep(120_000);", 3)]               // inside a call: after the grace period
    public void Interrupt_EndsALongCell_AndTheKernelRunsTheNextCell(string longCell, int graceSeconds)
    {
        var id = _client.SendShell("execute_request", new JsonObject { ["code"] = longCell, ["silent"] = false });
        while (_client.ReceiveIopub(TimeSpan.FromMinutes(2)) is { } m)
            if (m.ParentId == id && m.Type == "stream") break;   // compiled and running
        Thread.Sleep(500);
        _client.SendControl("interrupt_request", []);
        Assert.Equal("interrupt_reply", _client.ReceiveControl(Short)?.Type);
        var interrupted = Stopwatch.StartNew();
        var reply = _client.ReceiveShell(Short) ?? throw new TimeoutException("no execute_reply after the interrupt");
        Assert.Equal("error", reply.Content["status"]!.GetValue<string>());
        Assert.Equal("Interrupted", reply.Content["ename"]!.GetValue<string>());
        Assert.True(interrupted.Elapsed < TimeSpan.FromSeconds(graceSeconds + 10), $"answered {interrupted.Elapsed} after the interrupt");
        _client.IopubUntilIdle(id, Short);

        var (after, published) = _client.Execute("1 + 1");
        Assert.Equal("ok", after.Content["status"]!.GetValue<string>());
        Assert.Equal("2", published.Single(m => m.Type == "execute_result").Content["data"]!["text/plain"]!.GetValue<string>());
            }

    [Fact]
    public void BadSignature_IsDroppedAndLogged_AndTheKernelStaysAlive()
    {
        _client.SendShell("kernel_info_request", [], signature: new string('0', 64));
        Assert.Null(_client.ReceiveShell(TimeSpan.FromSeconds(3)));
        Assert.Contains("bad signature", _client.Stderr, StringComparison.Ordinal);
        Assert.False(_client.Process.HasExited);
        Assert.True(_client.Heartbeat(Short));
        _client.SendShell("kernel_info_request", []);
        var info = _client.ReceiveShell(Short);
        Assert.Equal("kernel_info_reply", info?.Type);
        Assert.Equal("5.3", info!.Content["protocol_version"]!.GetValue<string>());
        Assert.Equal("csharp", info.Content["language_info"]!["name"]!.GetValue<string>());
    }

    [Fact]
    public void Complete_OffersVariablesOfEarlierCells_MembersAfterADot_AndIsCompleteSeesOpenBlocks()
    {
        _client.Execute("var distanceKpc = 42.0;");
        List<string> Complete(string code)
        {
            _client.SendShell("complete_request", new JsonObject { ["code"] = code, ["cursor_pos"] = code.Length });
            var reply = _client.ReceiveShell(Short)!;
            Assert.Equal("complete_reply", reply.Type);
            Assert.Equal(code.Length, reply.Content["cursor_end"]!.GetValue<int>());
            return [.. reply.Content["matches"]!.AsArray().Select(n => n!.GetValue<string>())];
        }
        Assert.Contains("distanceKpc", Complete("var y = dist"));
        Assert.Contains("Sqrt", Complete("Math.Sq"));
        Assert.DoesNotContain("Sin", Complete("Math.Sq"));
        Assert.Contains("Length", Complete("\"abc\".Len"));
        Assert.Contains("ToString", Complete("distanceKpc.ToStr"));

        string IsComplete(string code)
        {
            _client.SendShell("is_complete_request", new JsonObject { ["code"] = code });
            return _client.ReceiveShell(Short)!.Content["status"]!.GetValue<string>();
        }
        Assert.Equal("incomplete", IsComplete("for (int i = 0; i < 3; i++) {"));
        Assert.Equal("complete", IsComplete("var z = 1;"));
    }

    [Fact]
    public void CommInfo_ListsNoComms()
    {
        _client.SendShell("comm_info_request", []);
        var reply = _client.ReceiveShell(Short)!;
        Assert.Equal("comm_info_reply", reply.Type);
        Assert.Empty(reply.Content["comms"]!.AsObject());
    }
}

/// <summary>Shutdown, with and without restart: the kernel answers and its process ends (the front end starts a new one for a restart).</summary>
public sealed class JupyterKernelShutdownTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Shutdown_Replies_AndLeavesNoProcess(bool restart)
    {
        using var client = new JupyterTestClient(Path.GetTempPath());
        client.Execute("var x = 1;");
        var pid = client.Process.Id;
        client.SendControl("shutdown_request", new JsonObject { ["restart"] = restart });
        var reply = client.ReceiveControl(TimeSpan.FromSeconds(30));
        Assert.Equal("shutdown_reply", reply?.Type);
        Assert.Equal(restart, reply!.Content["restart"]!.GetValue<bool>());
        Assert.True(client.Process.WaitForExit(TimeSpan.FromSeconds(20)), "the kernel process still runs 20 s after shutdown");
        Assert.Equal(0, client.Process.ExitCode);
        Assert.Throws<ArgumentException>(() => Process.GetProcessById(pid));
    }
}
