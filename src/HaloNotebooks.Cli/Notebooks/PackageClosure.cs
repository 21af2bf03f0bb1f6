using System.Reflection;
using System.Text.Json;

namespace HaloNotebooks.Cli.Notebooks;

/// <summary>
/// <c>#r "nuget: Id, Version"</c> without a package restore. The runner does not download or restore
/// packages (CI machines may be offline and a restore per notebook costs tens of seconds); instead a
/// package reference is mapped onto the runner's OWN package closure, read from the host's
/// <c>*.deps.json</c> (for <c>halo</c>: MathNet.Numerics, Deedle, FSharp.Core, Plotly.NET,
/// Plotly.NET.CSharp, Parquet.Net and their dependencies). The package's assemblies — and those of
/// every package it depends on — are the ones already loaded in the runner's process, so a notebook
/// and the library share one copy of each type. An id outside the closure is an error naming it;
/// a requested version different from the runner's is a warning (the runner's version is used).
/// </summary>
public sealed class PackageClosure
{
    /// <summary>A package of the closure: its version, runtime assembly names and package dependencies.</summary>
    public sealed record Package(string Id, string Version, IReadOnlyList<string> AssemblyNames, IReadOnlyList<string> Dependencies);

    readonly Dictionary<string, Package> _packages;

    PackageClosure(Dictionary<string, Package> packages) => _packages = packages;

    public IReadOnlyCollection<Package> Packages => _packages.Values;

    /// <summary>The closure of the running application: its deps files (APP_CONTEXT_DEPS_FILES when the host sets it,
    /// else the entry assembly's, else every *.deps.json beside the application).</summary>
    public static PackageClosure ForCurrentProcess()
    {
        var files = (AppContext.GetData("APP_CONTEXT_DEPS_FILES") as string ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries).Where(File.Exists).ToList();
        if (files.Count == 0)
        {
            var entry = Assembly.GetEntryAssembly()?.GetName().Name;
            var own = entry is null ? null : Path.Combine(AppContext.BaseDirectory, entry + ".deps.json");
            files = own is not null && File.Exists(own) ? [own]
                : [.. Directory.EnumerateFiles(AppContext.BaseDirectory, "*.deps.json").Order(StringComparer.Ordinal)];
        }
        if (files.Count == 0)
            throw new NotebookDirectiveException($"no *.deps.json beside {AppContext.BaseDirectory}: cannot map #r \"nuget:\" onto the runner's packages");
        var all = new Dictionary<string, Package>(StringComparer.OrdinalIgnoreCase);
        foreach (var file in files)
            foreach (var p in ReadDepsFile(file)) all.TryAdd(p.Id, p);
        return new PackageClosure(all);
    }

    /// <summary>Packages (type "package") of one deps.json, with their runtime assemblies.</summary>
    public static IEnumerable<Package> ReadDepsFile(string path)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        var root = doc.RootElement;
        if (!root.TryGetProperty("targets", out var targets) || !root.TryGetProperty("libraries", out var libraries)) yield break;
        var targetName = root.TryGetProperty("runtimeTarget", out var rt) && rt.TryGetProperty("name", out var n) ? n.GetString() : null;
        var target = targetName is not null && targets.TryGetProperty(targetName, out var t) ? t : targets.EnumerateObject().First().Value;
        foreach (var entry in target.EnumerateObject())
        {
            if (!libraries.TryGetProperty(entry.Name, out var lib) || lib.GetProperty("type").GetString() != "package") continue;
            var slash = entry.Name.IndexOf('/');
            var assemblies = entry.Value.TryGetProperty("runtime", out var runtime)
                ? runtime.EnumerateObject().Select(a => Path.GetFileNameWithoutExtension(a.Name)).ToList()
                : [];
            var deps = entry.Value.TryGetProperty("dependencies", out var d) ? d.EnumerateObject().Select(x => x.Name).ToList() : [];
            yield return new Package(entry.Name[..slash], entry.Name[(slash + 1)..], assemblies, deps);
        }
    }

    /// <summary>The outcome of resolving one <c>#r "nuget: …"</c>.</summary>
    public sealed record Resolution(Package Package, IReadOnlyList<Assembly> Assemblies, string? Warning);

    /// <summary>The package's assemblies and those of its dependencies, loaded in the runner's context.</summary>
    /// <exception cref="NotebookDirectiveException">The id is not in the runner's closure.</exception>
    public Resolution Resolve(string id, string? version)
    {
        if (!_packages.TryGetValue(id, out var package))
            throw new NotebookDirectiveException(
                $"package '{id}' is not available: the runner maps #r \"nuget:\" onto its own packages, which are "
                + string.Join(", ", _packages.Keys.Where(k => !k.StartsWith("System.", StringComparison.OrdinalIgnoreCase)
                                                            && !k.StartsWith("Microsoft.", StringComparison.OrdinalIgnoreCase))
                                                                .Order(StringComparer.OrdinalIgnoreCase)));
        string? warning = version is null || SameVersion(version, package.Version) ? null
            : $"#r \"nuget: {id}, {version}\": the runner provides {package.Id} {package.Version} (its own package closure); using that.";

        var assemblies = new List<Assembly>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var queue = new Queue<Package>([package]);
        while (queue.Count > 0)
        {
            var p = queue.Dequeue();
            if (!seen.Add(p.Id)) continue;
            foreach (var name in p.AssemblyNames)
            {
                try { assemblies.Add(Assembly.Load(new AssemblyName(name))); }
                catch (FileNotFoundException) { /* a deps entry for another RID or trimmed away: nothing to reference */ }
            }
            foreach (var dep in p.Dependencies)
                if (_packages.TryGetValue(dep, out var dp)) queue.Enqueue(dp);
        }
        return new Resolution(package, assemblies, warning);
    }

    /// <summary>Versions compare on their numeric parts ("6.0" equals "6.0.0"); ranges and wildcards always match.</summary>
    static bool SameVersion(string requested, string available)
    {
        if (requested.IndexOfAny(['*', '[', '(', ',']) >= 0) return true;
        return Version.TryParse(Pad(requested), out var a) && Version.TryParse(Pad(available), out var b)
            ? a == b
            : string.Equals(requested, available, StringComparison.OrdinalIgnoreCase);

        static string Pad(string v)
        {
            var core = v.Split('-', '+')[0];
            var parts = core.Split('.').ToList();
            while (parts.Count < 3) parts.Add("0");
            return string.Join('.', parts);
        }
    }
}

/// <summary>A kernel directive the runner cannot honour (unknown package, missing assembly, unsupported magic).</summary>
public sealed class NotebookDirectiveException(string message) : Exception(message);
