using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace HaloNotebooks.Cli.Notebooks;

/// <summary>
/// The released .NET Interactive kernel driven over its stdio protocol, exactly as VS Code's Polyglot Notebooks
/// drives it: <c>dotnet tool run dotnet-interactive -- [vscode] stdio --working-dir NOTEBOOK_FOLDER</c> from the
/// repository whose tool manifest pins it (<c>.config/dotnet-tools.json</c>), one <c>SubmitCode</c> command
/// envelope per code cell (a JSON line on stdin), kernel events read back as JSON lines from stdout.
/// A cell ends with <c>CommandSucceeded</c> or <c>CommandFailed</c> for its token; its outputs are the
/// <c>DisplayedValueProduced</c>/<c>Updated</c>, <c>ReturnValueProduced</c>, <c>StandardOutputValueProduced</c> and
/// <c>StandardErrorValueProduced</c> events of that token and its child commands. The kernel process (and its
/// children) is killed on every exit path: disposal, a time-out, Ctrl-C and process exit.
/// </summary>
public sealed class DotnetInteractiveKernel : INotebookKernel
{
    /// <summary>The tool's package id, as the manifest spells it.</summary>
    public const string ToolPackage = "microsoft.dotnet-interactive";

    static readonly ConcurrentDictionary<DotnetInteractiveKernel, byte> Live = new();
    static int _exitHooks;

    readonly Process _process;
    readonly BlockingCollection<JsonObject> _events = new();
    readonly StringBuilder _stderr = new();
    readonly List<string> _warnings = [];
    int _executionCount;
    bool _disposed;

    DotnetInteractiveKernel(Process process, string version)
    {
        _process = process;
        Description = $"dotnet-interactive {version} (stdio, the released .NET Interactive kernel)";
    }

    public string Description { get; }
    public bool Abandoned { get; private set; }

    /// <summary>The kernel's process id (its children are killed with it).</summary>
    public int ProcessId => _process.Id;

    /// <summary>True once the kernel process has ended (after a time-out or disposal).</summary>
    public bool HasExited
    {
        get { try { return _process.HasExited; } catch (InvalidOperationException) { return true; } }
    }
    public IReadOnlyList<string> Warnings => _warnings;

    /// <summary>The pinned tool: the manifest that names it, searching up from <paramref name="start"/>, and its version.</summary>
    public sealed record Tool(string ManifestRoot, string Version)
    {
        /// <summary>True when <c>dotnet tool restore</c> has put the package in the NuGet cache.</summary>
        public bool IsRestored => Directory.Exists(Path.Combine(PackageCache(), ToolPackage, Version));
    }

    /// <summary>The nearest <c>.config/dotnet-tools.json</c> (or <c>dotnet-tools.json</c>) pinning the kernel, or null.</summary>
    public static Tool? FindTool(string start)
    {
        for (var dir = new DirectoryInfo(Path.GetFullPath(start)); dir is not null; dir = dir.Parent)
        {
            foreach (var manifest in new[] { Path.Combine(dir.FullName, ".config", "dotnet-tools.json"), Path.Combine(dir.FullName, "dotnet-tools.json") })
            {
                if (!File.Exists(manifest)) continue;
                var version = JsonNode.Parse(File.ReadAllText(manifest))?["tools"]?[ToolPackage]?["version"]?.GetValue<string>();
                if (version is not null) return new Tool(dir.FullName, version);
            }
        }
        return null;
    }

    static string PackageCache() =>
        Environment.GetEnvironmentVariable("NUGET_PACKAGES")
        ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");

    /// <summary>Starts the kernel with <paramref name="workingDirectory"/> as its working directory and waits for <c>KernelReady</c>.</summary>
    /// <exception cref="NotebookKernelException">The tool is not restored, or the kernel did not start.</exception>
    public static DotnetInteractiveKernel Start(Tool tool, string workingDirectory, IReadOnlyDictionary<string, string?> environment,
        TimeSpan? startTimeout = null)
    {
        if (!tool.IsRestored)
            throw new NotebookKernelException($"the kernel {ToolPackage} {tool.Version} is pinned in {tool.ManifestRoot} but not restored: run " +
                $"`dotnet tool restore` there");
        var psi = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = tool.ManifestRoot,   // where `dotnet tool run` finds the manifest
            RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true,
            StandardInputEncoding = new UTF8Encoding(false), StandardOutputEncoding = Encoding.UTF8, StandardErrorEncoding = Encoding.UTF8,
            UseShellExecute = false,
        };
        foreach (var a in new[] { "tool", "run", "dotnet-interactive", "--", "[vscode]", "stdio", "--working-dir", Path.GetFullPath(workingDirectory) })
            psi.ArgumentList.Add(a);
        psi.Environment["DOTNET_INTERACTIVE_CLI_TELEMETRY_OPTOUT"] = "1";
        psi.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        psi.Environment["DOTNET_NOLOGO"] = "1";
        foreach (var (key, value) in environment) psi.Environment[key] = value;   // the rest of ours passes through

        var process = Process.Start(psi) ?? throw new NotebookKernelException("could not start `dotnet tool run dotnet-interactive`");
        var kernel = new DotnetInteractiveKernel(process, tool.Version);
        Live[kernel] = 0;
        HookProcessExit();
        new Thread(kernel.ReadEvents) { IsBackground = true, Name = "dotnet-interactive stdout" }.Start();
        new Thread(kernel.ReadErrors) { IsBackground = true, Name = "dotnet-interactive stderr" }.Start();

        var limit = startTimeout ?? TimeSpan.FromMinutes(3);
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var left = limit - clock.Elapsed;
            if (left <= TimeSpan.Zero || !kernel._events.TryTake(out var e, left))
            {
                var why = kernel._events.IsCompleted ? $"exited with code {SafeExitCode(process)}" : $"was not ready within {limit.TotalSeconds:0} s";
                var tail = kernel.StderrTail();
                kernel.Dispose();
                throw new NotebookKernelException($"the kernel {why}{(tail.Length > 0 ? ": " + tail : "")}");
            }
            if (EventType(e) == "KernelReady") return kernel;
        }
    }

    public CellExecution Execute(int cellNumber, string source, TimeSpan? timeout)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (Abandoned) throw new InvalidOperationException("the kernel was abandoned after a cell timed out or the kernel exited");
        var clock = Stopwatch.StartNew();
        var count = ++_executionCount;
        var sink = new CellOutputSink();
        var token = $"halo-cell-{cellNumber}-{Guid.NewGuid():N}";
        var displays = new Dictionary<string, int>();   // valueId → output index, for DisplayedValueUpdated

        CellExecution Fail(string name, string message, IReadOnlyList<string> traceback)
        {
            sink.Add(new ErrorOutput(name, message, traceback));
            return new CellExecution(CellStatus.Failed, sink.Snapshot(), count, clock.Elapsed, message);
        }

        var envelope = new JsonObject
        {
            ["commandType"] = "SubmitCode",
            ["command"] = new JsonObject { ["code"] = source, ["targetKernelName"] = "csharp" },
            ["token"] = token,
        };
        try
        {
            _process.StandardInput.WriteLine(envelope.ToJsonString());
            _process.StandardInput.Flush();
        }
        catch (IOException e)
        {
            Abandoned = true;
            return Fail("KernelExited", $"cell {cellNumber}: the kernel is gone ({e.Message}){Tail()}", []);
        }

        while (true)
        {
            var left = timeout is { } t ? t - clock.Elapsed : Timeout.InfiniteTimeSpan;
            if (timeout is not null && left <= TimeSpan.Zero) return TimedOut();
            JsonObject e;
            try
            {
                if (!_events.TryTake(out e!, left)) return TimedOut();
            }
            catch (InvalidOperationException) { e = null!; }   // completed: the reader saw the end of stdout
            if (e is null)
            {
                Abandoned = true;
                var message = $"cell {cellNumber}: the kernel exited (code {SafeExitCode(_process)}) while the cell ran{Tail()}";
                return Fail("KernelExited", message, [message]);
            }
            var owner = e["command"]?["token"]?.GetValue<string>();
            if (owner is null || !(owner == token || owner.StartsWith(token + ".", StringComparison.Ordinal))) continue;
            var payload = e["event"] as JsonObject;
            switch (EventType(e))
            {
                case "DisplayedValueProduced":
                    Display(payload, sink, displays, isResult: false);
                    break;
                case "DisplayedValueUpdated":
                    var id = payload?["valueId"]?.GetValue<string>();
                    if (id is not null && displays.TryGetValue(id, out var index)) sink.Replace(index, new DisplayOutput(MimeBundle(payload), IsResult: false));
                    else Display(payload, sink, displays, isResult: false);
                    break;
                case "ReturnValueProduced":
                    Display(payload, sink, displays, isResult: true);
                    break;
                case "StandardOutputValueProduced":
                    sink.Write("stdout", PlainText(payload));
                    break;
                case "StandardErrorValueProduced":
                    sink.Write("stderr", PlainText(payload));
                    break;
                case "ErrorProduced":
                    sink.Write("stderr", (payload?["message"]?.GetValue<string>() ?? PlainText(payload)) + "\n");
                    break;
                case "CommandSucceeded" when owner == token:
                    return new CellExecution(CellStatus.Succeeded, sink.Snapshot(), count, clock.Elapsed, null);
                case "CommandFailed" when owner == token:
                    var text = (payload?["message"]?.GetValue<string>() ?? "the command failed").Replace("\r\n", "\n").TrimEnd();
                    var lines = text.Split('\n');
                    return Fail(ExceptionName(lines[0]), $"cell {cellNumber}: {lines[0]}", [$"cell {cellNumber}: {lines[0]}", .. lines.Skip(1)]);
            }
        }

        CellExecution TimedOut()
        {
            Abandoned = true;
            Kill();
            var message = $"cell {cellNumber}: did not finish within {timeout!.Value.TotalSeconds:0.###} s (--timeout-per-cell); the kernel was stopped";
            return Fail("TimeoutError", message, [message]);
        }
    }

    static void Display(JsonObject? payload, CellOutputSink sink, Dictionary<string, int> displays, bool isResult)
    {
        var index = sink.Add(new DisplayOutput(MimeBundle(payload), isResult));
        if (payload?["valueId"]?.GetValue<string>() is { } id) displays[id] = index;
    }

    /// <summary>The event's formatted values as a MIME bundle (values the kernel marks <c>suppressDisplay</c> left out).</summary>
    static Dictionary<string, string> MimeBundle(JsonObject? payload)
    {
        var data = new Dictionary<string, string>();
        foreach (var v in payload?["formattedValues"]?.AsArray() ?? [])
        {
            if (v?["suppressDisplay"]?.GetValue<bool>() == true) continue;
            var mime = v?["mimeType"]?.GetValue<string>();
            if (mime is not null) data[mime] = v?["value"]?.GetValue<string>() ?? "";
        }
        return data;
    }

    static string PlainText(JsonObject? payload) =>
        string.Concat((payload?["formattedValues"]?.AsArray() ?? [])
            .Where(v => v?["mimeType"]?.GetValue<string>() == "text/plain")
            .Select(v => v?["value"]?.GetValue<string>() ?? ""));

    /// <summary>"System.IO.FileNotFoundException: …" → its type name; compile errors and others → "Error".</summary>
    static string ExceptionName(string firstLine)
    {
        var colon = firstLine.IndexOf(':');
        var head = colon > 0 ? firstLine[..colon] : "";
        return head.Length > 0 && head.All(c => char.IsLetterOrDigit(c) || c is '.' or '_') && head.Contains('.') ? head : "Error";
    }

    static string? EventType(JsonObject e) => e["eventType"]?.GetValue<string>();

    void ReadEvents()
    {
        try
        {
            while (_process.StandardOutput.ReadLine() is { } line)
            {
                if (line.Length == 0 || line[0] != '{') continue;   // the welcome banner and telemetry notice
                JsonObject? e;
                try { e = JsonNode.Parse(line) as JsonObject; }
                catch (JsonException) { continue; }
                if (e is not null) _events.Add(e);
            }
        }
        catch (ObjectDisposedException) { }
        catch (IOException) { }
        finally { _events.CompleteAdding(); }
    }

    void ReadErrors()
    {
        try
        {
            while (_process.StandardError.ReadLine() is { } line)
                lock (_stderr) { _stderr.AppendLine(line); if (_stderr.Length > 20_000) _stderr.Remove(0, _stderr.Length - 10_000); }
        }
        catch (ObjectDisposedException) { }
        catch (IOException) { }
    }

    string StderrTail()
    {
        lock (_stderr)
        {
            var lines = _stderr.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            return string.Join(" | ", lines.TakeLast(5));
        }
    }

    string Tail() => StderrTail() is { Length: > 0 } t ? "; kernel stderr: " + t : "";

    static string SafeExitCode(Process p)
    {
        try { return p.HasExited ? p.ExitCode.ToString(System.Globalization.CultureInfo.InvariantCulture) : "still running"; }
        catch (InvalidOperationException) { return "unknown"; }
    }

    void Kill()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(10_000);
            }
        }
        catch (InvalidOperationException) { }
        catch (System.ComponentModel.Win32Exception) { }
    }

    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        Live.TryRemove(this, out _);
        try { _process.StandardInput.Close(); } catch (IOException) { }
        Kill();
        _process.Dispose();
    }

    /// <summary>Ctrl-C and the end of the process take every live kernel with them.</summary>
    static void HookProcessExit()
    {
        if (Interlocked.Exchange(ref _exitHooks, 1) == 1) return;
        AppDomain.CurrentDomain.ProcessExit += (_, _) => DisposeAll();
        Console.CancelKeyPress += (_, _) => DisposeAll();
    }

    static void DisposeAll()
    {
        foreach (var kernel in Live.Keys) kernel.Dispose();
    }
}

/// <summary>The kernel could not be started or used; the message says what to do.</summary>
public sealed class NotebookKernelException(string message) : Exception(message);
