using System.Text.Json;
using System.Text.Json.Nodes;

namespace HaloNotebooks.Cli.Kernel;

/// <summary>
/// The connection file a Jupyter front end writes before it starts a kernel (jupyter_client's
/// <c>write_connection_file</c>): where the five sockets listen and the key that signs every message.
/// </summary>
public sealed record ConnectionFile(string Transport, string Ip, int ShellPort, int IoPubPort, int StdinPort, int ControlPort, int HeartbeatPort,
    string Key, string SignatureScheme)
{
    /// <summary>The ZeroMQ endpoint of one port, e.g. "tcp://127.0.0.1:5555".</summary>
    public string Endpoint(int port) => Transport == "ipc" ? $"ipc://{Ip}-{port}" : $"{Transport}://{Ip}:{port}";

    /// <exception cref="KernelStartException">The file is missing, not JSON, or lacks a field (the message names which).</exception>
    public static ConnectionFile Read(string path)
    {
        if (!File.Exists(path)) throw new KernelStartException($"{path}: connection file not found");
        JsonObject json;
        try { json = JsonNode.Parse(File.ReadAllText(path)) as JsonObject ?? throw new KernelStartException($"{path}: not a JSON object"); }
        catch (JsonException e) { throw new KernelStartException($"{path}: not valid JSON ({e.Message})"); }

        int Port(string name) => json[name] is JsonValue v && v.TryGetValue<int>(out var p) && p is > 0 and < 65536
            ? p : throw new KernelStartException($"{path}: '{name}' must be a port number");
        string Text(string name, string? fallback = null) => json[name] is JsonValue v && v.TryGetValue<string>(out var s)
            ? s : fallback ?? throw new KernelStartException($"{path}: '{name}' is missing");

        var scheme = Text("signature_scheme", "hmac-sha256");
        var key = Text("key", "");
        if (key.Length > 0 && scheme != "hmac-sha256")
            throw new KernelStartException($"{path}: signature_scheme '{scheme}' is not supported (only hmac-sha256)");
        return new ConnectionFile(Text("transport", "tcp"), Text("ip", "127.0.0.1"), Port("shell_port"), Port("iopub_port"), Port("stdin_port"),
            Port("control_port"), Port("hb_port"), key, scheme);
    }
}

/// <summary>The kernel could not start (a bad connection file, a port in use): one line for the user.</summary>
public sealed class KernelStartException(string message) : Exception(message);
