using System.Security.Cryptography;
using System.Text;

namespace HaloNotebooks.Cli.Kernel;

/// <summary>
/// HMAC-SHA256 over the four JSON frames (header, parent header, metadata, content), hex-encoded, as the
/// messaging protocol's "wire protocol" section specifies. An empty key switches signing off (the signature is "").
/// </summary>
public sealed class MessageSigner(string key)
{
    readonly byte[] _key = Encoding.UTF8.GetBytes(key);

    public bool Enabled => _key.Length > 0;

    public string Sign(IReadOnlyList<byte[]> frames)
    {
        if (!Enabled) return "";
        using var hmac = new HMACSHA256(_key);
        foreach (var frame in frames) hmac.TransformBlock(frame, 0, frame.Length, null, 0);
        hmac.TransformFinalBlock([], 0, 0);
        return Convert.ToHexStringLower(hmac.Hash!);
    }

    /// <summary>Constant-time comparison, so the check leaks nothing about the expected signature.</summary>
    public bool Verify(string signature, IReadOnlyList<byte[]> frames)
    {
        if (!Enabled) return true;
        var expected = Encoding.ASCII.GetBytes(Sign(frames));
        var given = Encoding.ASCII.GetBytes(signature);
        return CryptographicOperations.FixedTimeEquals(expected, given);
    }
}
