namespace HaloNotebooks.Tests;

/// <summary>Where test inputs live: fixtures copied into the repository, and the optional
/// `../shared` folder beside the clone (public catalogues that must not be copied in).</summary>
public static class TestPaths
{
    /// <summary>The repository root (the folder holding HaloNotebooks.sln).</summary>
    public static string RepoRoot { get; } = FindRoot();

    /// <summary>A file under tests/HaloNotebooks.Tests/Fixtures (copied to the output folder).</summary>
    public static string Fixture(string relative) => Path.Combine(AppContext.BaseDirectory, "Fixtures", relative);

    /// <summary>A path under ../shared, or null when that folder (or the file) is absent.</summary>
    public static string? Shared(string relative)
    {
        // HALO_SHARED names the folder explicitly (e.g. for a git worktree elsewhere on disk).
        var root = Environment.GetEnvironmentVariable("HALO_SHARED") is { Length: > 0 } env
            ? env : Path.Combine(RepoRoot, "..", "shared");
        var path = Path.GetFullPath(Path.Combine(root, relative));
        return File.Exists(path) || Directory.Exists(path) ? path : null;
    }

    /// <summary>Skips the calling [SkippableFact] with a clear message when a ../shared input is absent.</summary>
    public static string RequireShared(string relative)
    {
        var path = Shared(relative);
        Xunit.Skip.If(path is null, $"../shared/{relative} is not present beside this clone; test skipped.");
        return path!;
    }

    static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "HaloNotebooks.sln"))) return dir.FullName;
        throw new InvalidOperationException("HaloNotebooks.sln not found above " + AppContext.BaseDirectory);
    }
}
