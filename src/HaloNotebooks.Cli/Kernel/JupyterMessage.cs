using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using NetMQ;

namespace HaloNotebooks.Cli.Kernel;

/// <summary>
/// One message of the Jupyter messaging protocol (v5.3): routing identities, the header, the parent's header,
/// metadata and content. On the wire: identities…, "&lt;IDS|MSG&gt;", HMAC signature, the four JSON frames, buffers.
/// </summary>
public sealed record JupyterMessage(IReadOnlyList<byte[]> Identities, JsonObject Header, JsonObject ParentHeader, JsonObject Metadata,
    JsonObject Content)
{
    public const string ProtocolVersion = "5.3";
    static readonly byte[] Delimiter = Encoding.ASCII.GetBytes("<IDS|MSG>");

    public string Type => Header["msg_type"]?.GetValue<string>() ?? "";

    /// <summary>A new message answering or caused by <paramref name="parent"/> (null: none), from this kernel's session.</summary>
    public static JupyterMessage Create(string type, JsonObject content, JupyterMessage? parent, string session, IReadOnlyList<byte[]>? identities = null)
    {
        var header = new JsonObject
        {
            ["msg_id"] = Guid.NewGuid().ToString("N"),
            ["session"] = session,
            ["username"] = "halo",
            ["date"] = DateTime.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture),
            ["msg_type"] = type,
            ["version"] = ProtocolVersion,
        };
        var parentHeader = parent?.Header.DeepClone().AsObject() ?? [];
        return new JupyterMessage(identities ?? parent?.Identities ?? [], header, parentHeader, [], content);
    }

    /// <summary>The frames to send, signed with <paramref name="signer"/>.</summary>
    public NetMQMessage ToWire(MessageSigner signer)
    {
        byte[][] json = [Utf8(Header), Utf8(ParentHeader), Utf8(Metadata), Utf8(Content)];
        var wire = new NetMQMessage();
        foreach (var id in Identities) wire.Append(id);
        wire.Append(Delimiter);
        wire.Append(signer.Sign(json));
        foreach (var frame in json) wire.Append(frame);
        return wire;
    }

    /// <summary>
    /// Parses received frames. Null when the message is malformed or its signature does not match; <paramref name="problem"/> says why
    /// (the caller logs it and drops the message, as the protocol asks).
    /// </summary>
    public static JupyterMessage? FromWire(NetMQMessage wire, MessageSigner signer, out string? problem)
    {
        var frames = wire.Select(f => f.ToByteArray()).ToList();
        int delimiter = frames.FindIndex(f => f.AsSpan().SequenceEqual(Delimiter));
        if (delimiter < 0 || frames.Count < delimiter + 6) { problem = "malformed message (no <IDS|MSG> delimiter or too few frames)"; return null; }
        var signature = Encoding.ASCII.GetString(frames[delimiter + 1]);
        var json = frames.GetRange(delimiter + 2, 4);
        if (!signer.Verify(signature, json)) { problem = "bad signature"; return null; }
        try
        {
            var parts = json.Select(f => JsonNode.Parse(f) as JsonObject ?? []).ToArray();
            problem = null;
            return new JupyterMessage(frames.GetRange(0, delimiter), parts[0], parts[1], parts[2], parts[3]);
        }
        catch (System.Text.Json.JsonException e) { problem = "a JSON frame does not parse: " + e.Message; return null; }
    }

    static byte[] Utf8(JsonObject o) => Encoding.UTF8.GetBytes(o.ToJsonString());
}
