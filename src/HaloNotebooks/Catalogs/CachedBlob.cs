using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace HaloNotebooks.Catalogs;

/// <summary>
/// One checksummed file of bytes in the fit cache's folder, for results other than fits that `halo reproduce` keeps
/// (rendered PNGs, predictive checks): <c>magic (8 ASCII bytes) | key digest (32) | length (int64) | bytes | SHA-256 of the bytes (32)</c>,
/// as a fit entry (Analysis/FitCacheEntry.cs). Written to a temporary file and renamed, so a process sharing the folder never reads
/// half an entry; a damaged or foreign file is not used (a one-line warning) and the result is computed again.
/// </summary>
internal static class CachedBlob
{
    /// <summary>The extensions of these entries (PNGs, predictive checks, selections), for the fit cache's clear and size cap.</summary>
    public static readonly string[] Extensions = [".pngc", ".ppcc", ".selc"];

    /// <summary>SHA-256 of <paramref name="parts"/> joined, UTF-8 (each part ends with a newline so none runs into the next).</summary>
    public static byte[] Digest(params string[] parts)
    {
        using var h = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var p in parts) { h.AppendData(Encoding.UTF8.GetBytes(p)); h.AppendData("\n"u8); }
        return h.GetHashAndReset();
    }

    static string PathOf(string folder, byte[] digest, string extension) => Path.Combine(folder, Convert.ToHexStringLower(digest) + extension);

    /// <summary>The bytes kept under <paramref name="digest"/>, or null when there is no sound entry (a damaged or foreign one is
    /// reported through <paramref name="warn"/>).</summary>
    public static byte[]? TryRead(string folder, byte[] digest, string extension, string magic, Action<string> warn)
    {
        var path = PathOf(folder, digest, extension);
        byte[] file;
        try { file = File.ReadAllBytes(path); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return null; }   // absent or evicted: a miss
        string? problem = file.Length < 80 || Encoding.ASCII.GetString(file, 0, 8) != magic ? "not an entry of this version (foreign or old format)"
            : !file.AsSpan(8, 32).SequenceEqual(digest) ? "foreign (it holds another key)"
            : BitConverter.ToInt64(file, 40) != file.Length - 80 ? "truncated or padded (its length does not match its header)"
            : !SHA256.HashData(file.AsSpan(48, file.Length - 80)).AsSpan().SequenceEqual(file.AsSpan(file.Length - 32))
                ? "damaged (its checksum does not match)"
            : null;
        if (problem is not null)
        {
            warn($"cache entry {path} is {problem}; not used, it is computed again");
            return null;
        }
        try { File.SetLastWriteTimeUtc(path, DateTime.UtcNow); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
        return file.AsSpan(48, file.Length - 80).ToArray();
    }

    /// <summary>Keeps <paramref name="bytes"/> under <paramref name="digest"/>; a failure to write loses only the saving (one warning).</summary>
    public static void Write(string folder, byte[] digest, string extension, string magic, ReadOnlySpan<byte> bytes, Action<string> warn)
    {
        var path = PathOf(folder, digest, extension);
        var file = new byte[80 + bytes.Length];
        Encoding.ASCII.GetBytes(magic).CopyTo(file, 0);
        digest.CopyTo(file, 8);
        BitConverter.TryWriteBytes(file.AsSpan(40, 8), (long)bytes.Length);
        bytes.CopyTo(file.AsSpan(48));
        SHA256.HashData(bytes, file.AsSpan(48 + bytes.Length));
        string temp = Path.Combine(folder, "." + Path.GetFileName(path) + "." + Environment.ProcessId.ToString(CultureInfo.InvariantCulture) + "."
            + Guid.NewGuid().ToString("N")[..8] + ".tmp");
        try
        {
            Directory.CreateDirectory(folder);
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16)) stream.Write(file);
            File.Move(temp, path, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            warn($"cache: cannot write {path} ({e.Message}); the result is not kept");
            try { File.Delete(temp); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }
}
