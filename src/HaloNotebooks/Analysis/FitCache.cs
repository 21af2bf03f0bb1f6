using System.Globalization;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using HaloNotebooks.Catalogs;
using HaloNotebooks.Inference;
using HaloNotebooks.Models;

namespace HaloNotebooks.Analysis;

/// <summary>
/// The fit cache (DESIGN.md: "the one cache … keyed by a digest of everything a fit reads"). A fit of
/// <see cref="HaloFits"/> is a pure function of the stars it sees, the model, the priors, the sampler settings, the seed
/// and the code; the cache keys each fit by the SHA-256 of all of them and keeps the whole result — summaries, derived
/// samples and the chain — in one file per fit, so a hit returns bit for bit what the fit would (its wall time is the
/// original fit's).
/// <para>
/// Folder: <c>$HALO_CACHE</c> when set (a path; <c>off</c> switches the cache off), else
/// <c>$XDG_CACHE_HOME/halonotebooks/fits</c>, else <c>~/.cache/halonotebooks/fits</c>. Size: at most
/// <c>$HALO_CACHE_MAX_GB</c> GiB (default 4); the least recently used entries are removed first. Entries are written to a
/// temporary file in the same folder and renamed into place, so processes sharing the folder (a sweep, two notebooks, a
/// Slurm array) never read a half-written one; an entry that is damaged or belongs to another key is recomputed with a
/// one-line warning, never used.
/// </para>
/// <para>
/// Off unless a program switches it on: <c>halo reproduce</c> (unless <c>--no-cache</c>) and the
/// notebooks' <c>NotebookSetup.FromEnvironment()</c> set <see cref="Current"/> to <see cref="FromEnvironment"/>; a
/// library caller does the same, or sets <see cref="Current"/> to null.
/// </para>
/// </summary>
internal sealed class FitCache
{
    /// <summary>The entry format; a file of another format is foreign (recomputed).</summary>
    const string Magic = "HALOFIT3";
    const string EntryExtension = ".fit";

    /// <summary>Default size cap: 4 GiB (a paper-settings `halo reproduce` keeps ≈ 0.3 GB).</summary>
    internal const long DefaultMaxBytes = 4L << 30;

    /// <param name="folder">Where the entries live (created on first write).</param>
    /// <param name="maxBytes">Size cap; after a write the least recently used entries are removed until the folder is below it.</param>
    internal FitCache(string folder, long maxBytes = DefaultMaxBytes)
    {
        if (string.IsNullOrWhiteSpace(folder)) throw new ArgumentException("the fit cache needs a folder");
        if (maxBytes <= 0) throw new ArgumentException($"the fit cache's size cap must be positive (got {maxBytes} bytes)");
        Folder = Path.GetFullPath(folder);
        MaxBytes = maxBytes;
    }

    /// <summary>The folder of the entries.</summary>
    internal string Folder { get; }

    /// <summary>The size cap in bytes.</summary>
    internal long MaxBytes { get; }

    /// <summary>Where a one-line warning goes (a damaged or foreign entry, a write that failed); default: standard error.</summary>
    internal Action<string> Warn { get; init; } = message => Console.Error.WriteLine("halo: warning: " + message);

    /// <summary>The cache <see cref="HaloFits"/> uses; null (the default) = no cache.</summary>
    internal static FitCache? Current
    {
        get => current;
        set
        {
            current = value;
            // The selections of Selection/ are kept in the same folder, switched with this one.
            Selection.SelectionCache.Store = value is null ? null : new Selection.CacheStore(value.Folder, CodeIdentity, value.Warn, value.Evict);
        }
    }
    static FitCache? current;

    /// <summary>The documented folder: $HALO_CACHE, else $XDG_CACHE_HOME/halonotebooks/fits, else ~/.cache/halonotebooks/fits.</summary>
    internal static string DefaultFolder
    {
        get
        {
            var env = Environment.GetEnvironmentVariable("HALO_CACHE");
            if (!string.IsNullOrWhiteSpace(env) && !IsOff(env)) return Path.GetFullPath(env);
            var xdg = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
            var root = !string.IsNullOrWhiteSpace(xdg) ? xdg
                : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache");
            return Path.Combine(root, "halonotebooks", "fits");
        }
    }

    /// <summary>The cache in <see cref="DefaultFolder"/> capped at $HALO_CACHE_MAX_GB GiB; null when $HALO_CACHE is "off".</summary>
    public static FitCache? FromEnvironment()
    {
        var env = Environment.GetEnvironmentVariable("HALO_CACHE");
        if (env is not null && IsOff(env)) return null;
        var max = Environment.GetEnvironmentVariable("HALO_CACHE_MAX_GB");
        long bytes = DefaultMaxBytes;
        if (!string.IsNullOrWhiteSpace(max))
        {
            if (!double.TryParse(max, NumberStyles.Float, CultureInfo.InvariantCulture, out double gb) || !(gb > 0))
                throw new ArgumentException($"HALO_CACHE_MAX_GB={max}: give a positive number of GiB");
            bytes = (long)(gb * (1L << 30));
        }
        return new FitCache(DefaultFolder, bytes);
    }

    static bool IsOff(string value) => value.Trim().ToLowerInvariant() is "off" or "0" or "false" or "no" or "none";

    /// <summary>The entries now in the folder and their total size.</summary>
    internal FitCacheInfo Info()
    {
        var entries = Entries();
        return new FitCacheInfo(Folder, entries.Length, entries.Sum(f => f.Length), MaxBytes,
            entries.Length == 0 ? null : entries.Min(f => f.LastWriteTimeUtc), entries.Length == 0 ? null : entries.Max(f => f.LastWriteTimeUtc));
    }

    /// <summary>Removes every entry (and leftover temporary files); returns the number of fit entries removed.</summary>
    internal int Clear()
    {
        if (!Directory.Exists(Folder)) return 0;
        int n = 0;
        foreach (var f in new DirectoryInfo(Folder).EnumerateFiles())
        {
            // .mcerr: the Monte-Carlo velocity errors `halo reproduce` keeps beside the fits (Selection/VelocityErrorStore.cs);
            // CachedBlob's entries: its rendered PNGs.
            if (f.Extension is not (EntryExtension or ".mcerr") && !CachedBlob.Extensions.Contains(f.Extension)
                && !f.Name.EndsWith(".tmp", StringComparison.Ordinal)) continue;
            try { f.Delete(); if (f.Extension == EntryExtension) n++; }
            catch (IOException) { }
            catch (UnauthorizedAccessException) { }
        }
        return n;
    }

    /// <summary>Every entry the size cap counts: fits, the Monte-Carlo velocity errors and <see cref="CachedBlob"/>'s entries
    /// (PNGs, predictive checks, selections).</summary>
    FileInfo[] Entries() =>
        Directory.Exists(Folder)
            ? new DirectoryInfo(Folder).GetFiles()
                .Where(f => f.Extension is EntryExtension or ".mcerr" || CachedBlob.Extensions.Contains(f.Extension)).ToArray()
            : [];

    /// <summary>
    /// The fit of <paramref name="key"/>: read from its entry when one is there and sound, else computed by
    /// <paramref name="fit"/> and stored. <paramref name="settings"/> becomes the result's settings either way.
    /// </summary>
    internal FitResult GetOrFit(FitCacheKey key, FitSettings settings, Func<FitResult> fit)
    {
        var path = Path.Combine(Folder, key.Hex + EntryExtension);
        if (File.Exists(path))
        {
            var cached = TryRead(path, key, settings);
            if (cached is not null) return cached;
        }
        var result = fit();
        TryWrite(path, key, result);
        return result;
    }

    FitResult? TryRead(string path, FitCacheKey key, FitSettings settings)
    {
        byte[] bytes;
        try { bytes = File.ReadAllBytes(path); }
        catch (IOException) { return null; }              // removed by another process's eviction meanwhile: a miss
        catch (UnauthorizedAccessException e) { Warn($"fit cache entry {path} cannot be read ({e.Message}); the fit is recomputed"); return null; }
        try
        {
            var result = FitCacheEntry.Read(bytes, Magic, key.Digest, settings);
            try { File.SetLastWriteTimeUtc(path, DateTime.UtcNow); }   // least recently used = oldest write time
            catch (IOException) { }
            catch (UnauthorizedAccessException) { }
            return result;
        }
        catch (InvalidDataException e)
        {
            Warn($"fit cache entry {path} is {e.Message}; not used, the fit is recomputed");
            return null;
        }
    }

    void TryWrite(string path, FitCacheKey key, FitResult result)
    {
        if (!result.HasSamples) return;
        string? temp = null;
        try
        {
            Directory.CreateDirectory(Folder);
            var bytes = FitCacheEntry.Write(result, Magic, key.Digest);
            // Write-then-rename in the same folder: a reader sees the whole entry or none.
            temp = Path.Combine(Folder, "." + key.Hex + "." + Environment.ProcessId.ToString(CultureInfo.InvariantCulture) + "."
                + Guid.NewGuid().ToString("N")[..8] + ".tmp");
            // No fsync: the rename is atomic for other processes, and an entry a power cut leaves damaged fails its checksum.
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16))
                stream.Write(bytes);
            File.Move(temp, path, overwrite: true);
            temp = null;
            Evict();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Warn($"fit cache: cannot write {path} ({e.Message}); the result is not cached");
        }
        finally
        {
            if (temp is not null) try { File.Delete(temp); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }

    /// <summary>Removes the least recently used entries until the folder is under the cap, and temporary files a crash left (older than a day).</summary>
    internal void Evict()
    {
        var dir = new DirectoryInfo(Folder);
        foreach (var t in dir.EnumerateFiles("*.tmp"))
            if (t.LastWriteTimeUtc < DateTime.UtcNow.AddDays(-1))
                try { t.Delete(); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        var entries = Entries();
        long total = entries.Sum(f => f.Length);
        if (total <= MaxBytes) return;
        foreach (var f in entries.OrderBy(f => f.LastWriteTimeUtc).ThenBy(f => f.Name, StringComparer.Ordinal))
        {
            if (total <= MaxBytes) break;
            long length = f.Length;          // read first: a deleted FileInfo has no length
            try { f.Delete(); total -= length; }
            catch (IOException) { }
            catch (UnauthorizedAccessException) { }
        }
    }

    /// <summary>What identifies the code: the library's informational version and module id (a content hash under the
    /// deterministic build) and the .NET runtime.</summary>
    internal static string CodeIdentity { get; } = string.Join("|",
        typeof(FitCache).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "",
        typeof(FitCache).Assembly.ManifestModule.ModuleVersionId.ToString("N"), RuntimeInformation.FrameworkDescription);
}

/// <summary>What <see cref="FitCache.Info"/> reports: folder, entries, their size, the cap, the oldest and newest use.</summary>
internal sealed class FitCacheInfo
{
    internal FitCacheInfo(string folder, int entries, long bytes, long maxBytes, DateTime? oldestUtc, DateTime? newestUtc)
    {
        Folder = folder; Entries = entries; Bytes = bytes; MaxBytes = maxBytes; OldestUtc = oldestUtc; NewestUtc = newestUtc;
    }

    internal string Folder { get; }
    public int Entries { get; }
    internal long Bytes { get; }
    internal long MaxBytes { get; }
    /// <summary>When the least recently used entry was last written or read (UTC); null when empty.</summary>
    internal DateTime? OldestUtc { get; }
    /// <summary>When the most recently used entry was last written or read (UTC); null when empty.</summary>
    internal DateTime? NewestUtc { get; }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"fit cache {Folder}: {Entries} entries, {Bytes / 1048576.0:F1} MiB of {MaxBytes / 1073741824.0:G3} GiB")
        + (OldestUtc is { } o && NewestUtc is { } n
            ? string.Create(CultureInfo.InvariantCulture, $"; used {o:yyyy-MM-dd HH:mm} to {n:yyyy-MM-dd HH:mm} UTC") : "");
}

/// <summary>
/// The SHA-256 of everything a fit reads: the code (<see cref="FitCache.CodeIdentity"/>), the model, the stars' columns
/// as raw bytes, the priors, the sampler settings (walkers, steps, burn-in, seed, moves) and the starting point.
/// The thread count and progress reporter are left out: they do not change the result.
/// </summary>
internal sealed class FitCacheKey
{
    FitCacheKey(byte[] digest) { Digest = digest; Hex = Convert.ToHexStringLower(digest); }

    internal byte[] Digest { get; }
    internal string Hex { get; }

    /// <summary>The key of a single- or double-component fit; null when the moves are not the library's own (a user's move
    /// may hold state its description does not show, so its fits are not cached).</summary>
    public static FitCacheKey? Of(FitModel model, KinematicSample data, MixturePriors priors, FitSettings settings, double[]? start)
    {
        using var h = Begin(model, settings, start);
        if (h is null) return null;
        foreach (var column in (double[][])[data.Vr, data.VPhi, data.VTheta, data.Feh, data.ErrVr, data.ErrVPhi, data.ErrVTheta, data.ErrFeh])
            Add(h, column);
        Add(h, [priors.VelocityMean.Lower, priors.VelocityMean.Upper, priors.VelocitySigma.Lower, priors.VelocitySigma.Upper,
            priors.FehMean.Lower, priors.FehMean.Upper, priors.FehSigma.Lower, priors.FehSigma.Upper, priors.PMetalRich.Lower, priors.PMetalRich.Upper]);
        return new FitCacheKey(h.GetHashAndReset());
    }

    /// <summary>The key of a dipole fit (<see cref="Of(FitModel, KinematicSample, MixturePriors, FitSettings, double[])"/>).</summary>
    public static FitCacheKey? Of(RadialVelocitySample data, DipolePriors priors, FitSettings settings, double[]? start)
    {
        using var h = Begin(FitModel.Dipole, settings, start);
        if (h is null) return null;
        foreach (var column in (double[][])[data.L, data.B, data.Vr, data.ErrVr]) Add(h, column);
        Add(h, [priors.MuCompr.Lower, priors.MuCompr.Upper, priors.MuDipole.Lower, priors.MuDipole.Upper, priors.SigmaR.Lower, priors.SigmaR.Upper]);
        return new FitCacheKey(h.GetHashAndReset());
    }

    static IncrementalHash? Begin(FitModel model, FitSettings settings, double[]? start)
    {
        // A fit that writes or continues a chain store has a side effect a cached result cannot replay.
        if (settings.Chain is not null) return null;
        var moves = settings.MovesOrDefault;
        if (moves.Any(m => m.Move.GetType().Assembly != typeof(FitCache).Assembly)) return null;
        var h = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var text = new StringBuilder()
            .Append(FitCache.CodeIdentity).Append('\n').Append(model.Name).Append('\n')
            .Append(CultureInfo.InvariantCulture, $"walkers={settings.Sampler.Walkers} steps={settings.Sampler.Steps} ")
            .Append(CultureInfo.InvariantCulture, $"burn={settings.Sampler.Burn} seed={settings.Sampler.Seed}\n");
        foreach (var (move, weight) in moves)
            text.Append(move.GetType().FullName).Append(':').Append(move.Description).Append(':')
                .Append(weight.ToString("R", CultureInfo.InvariantCulture)).Append('\n');
        h.AppendData(Encoding.UTF8.GetBytes(text.ToString()));
        Add(h, start ?? []);
        h.AppendData(BitConverter.GetBytes(start is null));
        return h;
    }

    /// <summary>A column as its length and raw IEEE-754 bytes.</summary>
    static void Add(IncrementalHash h, double[] column)
    {
        h.AppendData(BitConverter.GetBytes((long)column.Length));
        h.AppendData(MemoryMarshal.AsBytes(column.AsSpan()));
    }
}
