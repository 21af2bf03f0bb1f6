using System.Globalization;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;

namespace HaloNotebooks.Selection;

/// <summary>
/// §2.3's Monte-Carlo velocity errors of a <see cref="VelocityErrorMemo"/> kept on disk beside the fit cache, so that a
/// rerun of `halo reproduce` on the same catalogue draws no star twice. One file per (frame, draws per star, seed) and
/// library build, named by their SHA-256: per star its stream id, the eleven observables and errors the draws were made
/// from, and the three velocity errors. The memo still compares every star's observables with the remembered ones and
/// redraws a star whose observables differ, so a stored value is used only where it is bit for bit what a draw would give.
/// Written to a temporary file and renamed, checksummed; a damaged file is ignored (the errors are drawn again).
/// </summary>
internal static class VelocityErrorStore
{
    const string Magic = "HALOMCE1";
    const string Extension = ".mcerr";
    const int DoublesPerStar = 14;   // 11 inputs, 3 errors (after the id)

    /// <summary>Where selections without a memo of their own keep their errors (null: nowhere). The notebooks' set-up sets it to
    /// the fit cache's folder (Pipeline.NotebookSetup.FromEnvironment), so a rerun of a notebook draws no star twice.</summary>
    internal static string? Folder { get; set; }

    static readonly string CodeIdentity = string.Join("|",
        typeof(VelocityErrorStore).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "",
        typeof(VelocityErrorStore).Assembly.ManifestModule.ModuleVersionId.ToString("N"), RuntimeInformation.FrameworkDescription);

    static byte[] Digest(VelocityErrorMemo.Draws draws)
    {
        var f = draws.Frame;
        return SHA256.HashData(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture,
            $"{Magic}|{CodeIdentity}|{f.SunPosition.X:R},{f.SunPosition.Y:R},{f.SunPosition.Z:R}|{f.SunVelocity.X:R},{f.SunVelocity.Y:R},{f.SunVelocity.Z:R}" +
            $"|{draws.Samples}|{draws.Seed}")));
    }

    static string PathOf(string folder, byte[] digest) => Path.Combine(folder, Convert.ToHexStringLower(digest) + Extension);

    /// <summary>The remembered errors of <paramref name="draws"/>, or null when there is no sound file.</summary>
    internal static Dictionary<long, (VelocityErrorMemo.Inputs In, double Vr, double VPhi, double VTheta)>? Load(string folder,
        VelocityErrorMemo.Draws draws)
    {
        var digest = Digest(draws);
        byte[] file;
        try { file = File.ReadAllBytes(PathOf(folder, digest)); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return null; }
        if (file.Length < 80 || Encoding.ASCII.GetString(file, 0, 8) != Magic || !file.AsSpan(8, 32).SequenceEqual(digest)) return null;
        long stars = BitConverter.ToInt64(file, 40);
        long length = stars * 8 * (1 + DoublesPerStar);
        if (stars < 0 || length != file.Length - 80) return null;
        var body = file.AsSpan(48, (int)length);
        if (!SHA256.HashData(body).AsSpan().SequenceEqual(file.AsSpan(48 + (int)length, 32))) return null;
        var values = MemoryMarshal.Cast<byte, double>(body);
        var ids = MemoryMarshal.Cast<byte, long>(body);
        var known = new Dictionary<long, (VelocityErrorMemo.Inputs, double, double, double)>((int)stars);
        for (int i = 0; i < stars; i++)
        {
            int o = i * (1 + DoublesPerStar);
            var v = values.Slice(o + 1, DoublesPerStar);
            known[ids[o]] = (new VelocityErrorMemo.Inputs(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9], v[10]), v[11], v[12], v[13]);
        }
        return known;
    }

    /// <summary>Writes every draw set of <paramref name="memo"/> that grew since it was read; a failure to write loses nothing
    /// but the saving.</summary>
    internal static void Save(VelocityErrorMemo memo)
    {
        if (memo.StoreFolder is not { } folder) return;
        foreach (var draws in memo.Grown)
        {
            var known = memo.memo[draws];
            var body = new double[known.Count * (1 + DoublesPerStar)];
            var ids = MemoryMarshal.Cast<double, long>(body.AsSpan());
            int o = 0;
            foreach (var (id, (x, vr, vphi, vtheta)) in known.OrderBy(p => p.Key))
            {
                ids[o] = id;
                double[] row = [x.Ra, x.Dec, x.Distance, x.Pmra, x.Pmdec, x.Rv, x.ErrDistance, x.ErrPmra, x.ErrPmdec, x.PmCorr, x.ErrRv, vr, vphi, vtheta];
                row.CopyTo(body, o + 1);
                o += 1 + DoublesPerStar;
            }
            var bytes = MemoryMarshal.AsBytes(body.AsSpan());
            var digest = Digest(draws);
            var file = new byte[80 + bytes.Length];
            Encoding.ASCII.GetBytes(Magic).CopyTo(file, 0);
            digest.CopyTo(file, 8);
            BitConverter.TryWriteBytes(file.AsSpan(40, 8), (long)known.Count);
            bytes.CopyTo(file.AsSpan(48));
            SHA256.HashData(bytes, file.AsSpan(48 + bytes.Length));
            string path = PathOf(folder, digest), temp = path + "." + Guid.NewGuid().ToString("N")[..8] + ".tmp";
            try
            {
                Directory.CreateDirectory(folder);
                File.WriteAllBytes(temp, file);
                File.Move(temp, path, overwrite: true);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                try { File.Delete(temp); } catch (IOException) { } catch (UnauthorizedAccessException) { }
            }
        }
        memo.Grown.Clear();
    }
}
