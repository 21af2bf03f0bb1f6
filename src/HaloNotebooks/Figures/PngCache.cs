using System.Globalization;
using HaloNotebooks.Catalogs;
using HaloNotebooks.Analysis;

namespace HaloNotebooks.Figures;

/// <summary>
/// PNGs `halo reproduce` rendered before, kept in the fit cache's folder (<see cref="CachedBlob"/>), so a rerun with the
/// same results starts no Chromium: Chromium is most of a rerun's time once the fits are cached. A PNG is keyed by the
/// SHA-256 of the figure exactly as it is sent to Chromium (its JSON at its size, static), the scale, the library build
/// (plotly.js and the render page are part of it) and the Chromium binary (path, size, modification time).
/// </summary>
internal static class PngCache
{
    const string Magic = "HALOPNG1";
    static string Extension => CachedBlob.Extensions[0];

    /// <summary>
    /// As <see cref="FigureExport.WritePngs(IReadOnlyList{ValueTuple{Figure, string}}, double, int)"/>, reading each PNG from
    /// <paramref name="cache"/>'s folder when it is there and keeping each one rendered; null cache or no Chromium: no caching.
    /// </summary>
    public static IReadOnlyList<string?> WritePngs(IReadOnlyList<(Figure Figure, string Path)> figures, double scale, int sessions, FitCache? cache) =>
        WritePngs(FigureExport.ChromiumPath, figures, scale, sessions, cache, FigureExport.WritePngs);

    /// <summary>As above with the Chromium binary and the renderer given (tests count what is rendered).</summary>
    internal static IReadOnlyList<string?> WritePngs(string? chromium, IReadOnlyList<(Figure Figure, string Path)> figures, double scale, int sessions,
        FitCache? cache, Func<string?, IReadOnlyList<(Figure Figure, string Path)>, double, int, IReadOnlyList<string?>> render)
    {
        if (cache is null || chromium is null) return render(chromium, figures, scale, sessions);
        string binary = ChromiumIdentity(chromium);
        var keys = figures.Select(f => CachedBlob.Digest(Magic, FitCache.CodeIdentity, binary, scale.ToString("R", CultureInfo.InvariantCulture),
            f.Figure.ToJson(f.Figure.Width, f.Figure.Height, staticPlot: true))).ToArray();
        var outcome = new string?[figures.Count];
        var missing = new List<int>();
        for (int i = 0; i < figures.Count; i++)
        {
            var png = CachedBlob.TryRead(cache.Folder, keys[i], Extension, Magic, cache.Warn);
            if (png is null) { missing.Add(i); continue; }
            var dir = Path.GetDirectoryName(Path.GetFullPath(figures[i].Path));
            if (!string.IsNullOrEmpty(dir)) Directory.CreateDirectory(dir);
            File.WriteAllBytes(figures[i].Path, png);
        }
        if (missing.Count == 0) return outcome;
        var rendered = render(chromium, missing.Select(i => figures[i]).ToList(), scale, sessions);
        for (int j = 0; j < missing.Count; j++)
        {
            int i = missing[j];
            outcome[i] = rendered[j];
            if (rendered[j] is null) CachedBlob.Write(cache.Folder, keys[i], Extension, Magic, File.ReadAllBytes(figures[i].Path), cache.Warn);
        }
        return outcome;
    }

    static string ChromiumIdentity(string path)
    {
        try
        {
            var file = new FileInfo(path);
            return string.Create(CultureInfo.InvariantCulture, $"{file.FullName}|{file.Length}|{file.LastWriteTimeUtc:O}");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return path; }
    }
}
