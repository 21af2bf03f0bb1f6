using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using NetMQ;
using NetMQ.Sockets;

namespace HaloNotebooks.Tests.Kernel;

/// <summary>
/// A Jupyter front end for tests, written from the messaging protocol (v5.3) and not from the kernel's code: it writes a
/// connection file with free ports and a random key, starts the built <c>halo kernel</c> as a separate process, connects
/// NetMQ sockets (DEALER to shell and control, SUB to iopub, REQ to heartbeat) and signs with its own HMAC-SHA256.
/// </summary>
public sealed class JupyterTestClient : IDisposable
{
    public sealed record Message(JsonObject Header, JsonObject ParentHeader, JsonObject Content)
    {
        public string Type => Header["msg_type"]!.GetValue<string>();
        public string? ParentId => ParentHeader["msg_id"]?.GetValue<string>();
    }

    readonly DealerSocket _shell = new(), _control = new();
    readonly SubscriberSocket _iopub = new();
    readonly RequestSocket _heartbeat = new();
    // The key is the connection file's string; HMAC uses its UTF-8 bytes (as jupyter_client does).
    readonly string _key = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
    readonly string _session = Guid.NewGuid().ToString("N");
    readonly StringBuilder _stderr = new();
    readonly string _connectionFile;

    public Process Process { get; }

    /// <summary>What the kernel wrote to stderr so far (its log).</summary>
    public string Stderr { get { lock (_stderr) return _stderr.ToString(); } }

    public JupyterTestClient(string workingDirectory, IReadOnlyDictionary<string, string>? environment = null)
    {
        var ports = FreePorts(5);
        _connectionFile = Path.Combine(Path.GetTempPath(), $"halo-kernel-test-{Guid.NewGuid():N}.json");
        File.WriteAllText(_connectionFile, new JsonObject
        {
            ["transport"] = "tcp", ["ip"] = "127.0.0.1", ["shell_port"] = ports[0], ["iopub_port"] = ports[1], ["stdin_port"] = ports[2],
            ["control_port"] = ports[3], ["hb_port"] = ports[4], ["key"] = _key, ["signature_scheme"] = "hmac-sha256",
        }.ToJsonString());
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = workingDirectory, RedirectStandardError = true, RedirectStandardOutput = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "halo.dll"));
        foreach (var a in new[] { "kernel", "--connection-file", _connectionFile }) start.ArgumentList.Add(a);
        foreach (var (k, v) in environment ?? new Dictionary<string, string>()) start.Environment[k] = v;
        Process = Process.Start(start)!;
        Process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (_stderr) _stderr.AppendLine(e.Data); };
        Process.OutputDataReceived += (_, _) => { };
        Process.BeginErrorReadLine();
        Process.BeginOutputReadLine();
        _shell.Connect($"tcp://127.0.0.1:{ports[0]}");
        _iopub.Connect($"tcp://127.0.0.1:{ports[1]}");
        _iopub.SubscribeToAnyTopic();
        _control.Connect($"tcp://127.0.0.1:{ports[3]}");
        _heartbeat.Connect($"tcp://127.0.0.1:{ports[4]}");
        WaitUntilReady(TimeSpan.FromMinutes(2));
    }

    /// <summary>kernel_info until it answers on shell and its status reaches iopub (a SUB socket misses what was sent before it joined).</summary>
    void WaitUntilReady(TimeSpan limit)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < limit)
        {
            if (Process.HasExited) throw new InvalidOperationException($"halo kernel exited ({Process.ExitCode}): {Stderr}");
            var id = SendShell("kernel_info_request", []);
            if (ReceiveShell(TimeSpan.FromSeconds(5)) is null) continue;
            var deadline = Stopwatch.StartNew();
            while (deadline.Elapsed < TimeSpan.FromSeconds(1))
                if (ReceiveIopub(TimeSpan.FromMilliseconds(200)) is { } m && m.ParentId == id) return;
        }
        throw new TimeoutException("halo kernel did not become ready: " + Stderr);
    }

    string? _lastShellRequest;

    public string SendShell(string type, JsonObject content, string? signature = null) =>
        _lastShellRequest = Send(_shell, type, content, signature);
    public string SendControl(string type, JsonObject content) => Send(_control, type, content, null);

    /// <summary>The reply to the last shell request (replies to earlier ones, e.g. repeated kernel_info while starting, are skipped).</summary>
    public Message? ReceiveShell(TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < timeout)
            if (Receive(_shell, timeout - clock.Elapsed) is { } m && m.ParentId == _lastShellRequest) return m;
        return null;
    }
    public Message? ReceiveControl(TimeSpan timeout) => Receive(_control, timeout);
    public Message? ReceiveIopub(TimeSpan timeout) => Receive(_iopub, timeout);

    /// <summary>True when the heartbeat socket echoes a ping within the timeout.</summary>
    public bool Heartbeat(TimeSpan timeout)
    {
        var ping = Encoding.ASCII.GetBytes("ping");
        _heartbeat.SendFrame(ping);
        return _heartbeat.TryReceiveFrameBytes(timeout, out var pong) && pong.AsSpan().SequenceEqual(ping);
    }

    /// <summary>Sends execute_request and collects, until its idle status, every iopub message it caused; then its reply.</summary>
    public (Message Reply, List<Message> Published) Execute(string code, TimeSpan? timeout = null)
    {
        var id = SendShell("execute_request", new JsonObject
        {
            ["code"] = code, ["silent"] = false, ["store_history"] = true, ["user_expressions"] = new JsonObject(), ["allow_stdin"] = false,
            ["stop_on_error"] = true,
        });
        var published = IopubUntilIdle(id, timeout ?? TimeSpan.FromMinutes(5));
        var reply = ReceiveShell(TimeSpan.FromSeconds(30)) ?? throw new TimeoutException("no execute_reply");
        return (reply, published);
    }

    public List<Message> IopubUntilIdle(string parentId, TimeSpan timeout)
    {
        var messages = new List<Message>();
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < timeout)
        {
            var m = ReceiveIopub(TimeSpan.FromMilliseconds(500));
            if (m is null || m.ParentId != parentId) continue;
            messages.Add(m);
            if (m.Type == "status" && m.Content["execution_state"]?.GetValue<string>() == "idle") return messages;
        }
        throw new TimeoutException($"no idle status for {parentId} within {timeout}; kernel log: {Stderr}");
    }

    string Send(NetMQSocket socket, string type, JsonObject content, string? signature)
    {
        var id = Guid.NewGuid().ToString("N");
        var header = new JsonObject
        {
            ["msg_id"] = id, ["session"] = _session, ["username"] = "test", ["msg_type"] = type, ["version"] = "5.3",
            ["date"] = DateTime.UtcNow.ToString("o", CultureInfo.InvariantCulture),
        };
        byte[][] frames = [Utf8(header), Utf8(new JsonObject()), Utf8(new JsonObject()), Utf8(content)];
        var wire = new NetMQMessage();
        wire.Append("<IDS|MSG>");
        wire.Append(signature ?? Sign(frames));
        foreach (var f in frames) wire.Append(f);
        socket.SendMultipartMessage(wire);
        return id;
    }

    Message? Receive(NetMQSocket socket, TimeSpan timeout)
    {
        NetMQMessage? wire = null;
        if (!socket.TryReceiveMultipartMessage(timeout, ref wire) || wire is null) return null;
        var frames = wire.Select(f => f.ToByteArray()).ToList();
        int d = frames.FindIndex(f => Encoding.ASCII.GetString(f) == "<IDS|MSG>");
        var json = frames.GetRange(d + 2, 4);
        if (Encoding.ASCII.GetString(frames[d + 1]) != Sign(json)) throw new InvalidOperationException("the kernel's signature does not verify");
        JsonObject Parse(byte[] b) => JsonNode.Parse(b)!.AsObject();
        return new Message(Parse(json[0]), Parse(json[1]), Parse(json[3]));
    }

    string Sign(IEnumerable<byte[]> frames)
    {
        using var hmac = new HMACSHA256(Encoding.UTF8.GetBytes(_key));
        var all = frames.SelectMany(f => f).ToArray();
        return Convert.ToHexStringLower(hmac.ComputeHash(all));
    }

    static byte[] Utf8(JsonObject o) => Encoding.UTF8.GetBytes(o.ToJsonString());

    static int[] FreePorts(int count)
    {
        var listeners = Enumerable.Range(0, count).Select(_ => new TcpListener(IPAddress.Loopback, 0)).ToList();
        foreach (var l in listeners) l.Start();
        var ports = listeners.Select(l => ((IPEndPoint)l.LocalEndpoint).Port).ToArray();
        foreach (var l in listeners) l.Stop();
        return ports;
    }

    public void Dispose()
    {
        if (!Process.HasExited) { try { Process.Kill(entireProcessTree: true); } catch (InvalidOperationException) { } Process.WaitForExit(5000); }
        foreach (var s in new NetMQSocket[] { _shell, _control, _iopub, _heartbeat }) { s.Options.Linger = TimeSpan.Zero; s.Dispose(); }
        Process.Dispose();
        File.Delete(_connectionFile);
    }
}
