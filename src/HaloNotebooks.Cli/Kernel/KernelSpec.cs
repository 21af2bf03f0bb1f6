using System.Text.Json;
using System.Text.Json.Nodes;

namespace HaloNotebooks.Cli.Kernel;

/// <summary>
/// The kernelspec that makes <c>halo kernel</c> a choice in Jupyter front ends (JupyterLab, Notebook, VS Code's Jupyter
/// extension, nbclient): a folder <c>kernels/halo-csharp/</c> with <c>kernel.json</c> whose argv starts this build's
/// <c>halo</c> with the connection file Jupyter writes.
/// </summary>
public static class KernelSpec
{
    public const string Name = "halo-csharp";
    public const string DisplayName = "C# (HaloNotebooks)";

    /// <summary>
    /// Where Jupyter looks for a user's kernels: <c>$JUPYTER_DATA_DIR/kernels</c>, else the platform's data folder
    /// (<c>~/.local/share/jupyter</c> on Linux, <c>~/Library/Jupyter</c> on macOS, <c>%APPDATA%\jupyter</c> on Windows);
    /// with a prefix, <c>PREFIX/share/jupyter/kernels</c> (a virtual environment's or conda's).
    /// </summary>
    public static string KernelsFolder(string? prefix)
    {
        if (prefix is not null) return Path.Combine(Path.GetFullPath(prefix), "share", "jupyter", "kernels");
        var data = Environment.GetEnvironmentVariable("JUPYTER_DATA_DIR");
        if (string.IsNullOrEmpty(data))
        {
            var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
            data = OperatingSystem.IsWindows() ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.ApplicationData), "jupyter")
                : OperatingSystem.IsMacOS() ? Path.Combine(home, "Library", "Jupyter")
                : Path.Combine(Environment.GetEnvironmentVariable("XDG_DATA_HOME") is { Length: > 0 } xdg ? xdg : Path.Combine(home, ".local", "share"),
                    "jupyter");
        }
        return Path.Combine(data, "kernels");
    }

    /// <summary>The command that starts this build's kernel: <c>dotnet halo.dll</c> when run through the dotnet host, else the apphost itself.</summary>
    public static IReadOnlyList<string> Command()
    {
        var process = Environment.ProcessPath ?? throw new InvalidOperationException("the path of this process is unknown");
        var dll = typeof(KernelSpec).Assembly.Location;
        return Path.GetFileNameWithoutExtension(process).Equals("dotnet", StringComparison.OrdinalIgnoreCase) ? [process, dll] : [process];
    }

    /// <summary>kernel.json for <paramref name="command"/>.</summary>
    public static JsonObject Json(IReadOnlyList<string> command) => new()
    {
        ["argv"] = new JsonArray([.. command.Select(a => (JsonNode?)a), "kernel", "--connection-file", "{connection_file}"]),
        ["display_name"] = DisplayName,
        ["language"] = "csharp",
        // Interrupts come as interrupt_request on the control channel: a signal cannot stop a .NET thread (see CellInterrupt).
        ["interrupt_mode"] = "message",
        ["metadata"] = new JsonObject { ["debugger"] = false },
    };

    /// <summary>Writes the kernelspec; returns its folder (an existing one is replaced).</summary>
    public static string Install(string? prefix)
    {
        var folder = Path.Combine(KernelsFolder(prefix), Name);
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "kernel.json"), Json(Command()).ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n");
        return folder;
    }

    /// <summary>Removes the kernelspec; returns its folder, or null when none was installed there.</summary>
    public static string? Uninstall(string? prefix)
    {
        var folder = Path.Combine(KernelsFolder(prefix), Name);
        if (!Directory.Exists(folder)) return null;
        Directory.Delete(folder, recursive: true);
        return folder;
    }
}
