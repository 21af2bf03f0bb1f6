using System.Collections.Immutable;
using System.Diagnostics;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.CSharp.Scripting;
using Microsoft.CodeAnalysis.Scripting;

namespace HaloNotebooks.Cli.Notebooks;

/// <summary>
/// One continuing C# script state, as the kernel keeps one per notebook: the first cell is
/// <c>CSharpScript.Create(…).RunAsync</c>, each later cell <c>ContinueWith(…)</c> on the previous
/// state, compiled with Release optimisation and portable debug information (for line numbers in
/// exceptions). Directives are lifted out of each cell first (<see cref="CellDirectives"/>).
/// </summary>
public sealed class NotebookSession : INotebookKernel
{
    /// <summary>The kernel's default usings for C# cells; notebooks must not rely on more, or they would not run there.</summary>
    public static readonly string[] DefaultImports =
        ["System", "System.Text", "System.Collections", "System.Collections.Generic", "System.Threading.Tasks", "System.Linq"];

    static readonly Lazy<ImmutableArray<MetadataReference>> FrameworkReferences = new(LoadFrameworkReferences);
    static readonly Lazy<PackageClosure> Closure = new(PackageClosure.ForCurrentProcess);

    readonly string _baseDirectory;
    readonly string _name;
    readonly NotebookGlobals _globals = new();
    readonly List<string> _warnings = [];
    ScriptOptions _options;
    ScriptState<object>? _state;
    int _executionCount;
    bool _interruptible;

    /// <param name="baseDirectory">Where <c>#r "relative.dll"</c> resolves (the notebook's folder).</param>
    /// <param name="name">Used in the script file names that locate exceptions ("name.cell3.csx").</param>
    public NotebookSession(string baseDirectory, string name = "notebook")
    {
        _baseDirectory = Path.GetFullPath(baseDirectory);
        _name = name;
        _options = ScriptOptions.Default
            .WithReferences(FrameworkReferences.Value)
            .WithImports(DefaultImports)
            .WithOptimizationLevel(OptimizationLevel.Release)
            .WithEmitDebugInformation(true)
            .WithAllowUnsafe(true)
            .WithFileEncoding(System.Text.Encoding.UTF8);
    }

    public IReadOnlyList<string> Warnings => _warnings;

    public string Description => "built-in runner (Roslyn scripting " + typeof(CSharpScript).Assembly.GetName().Version + ")";

    /// <summary>Nothing to release: the state is this object's.</summary>
    public void Dispose() { }

    /// <summary>True once a cell has timed out: its thread may still hold the state, so nothing more can run.</summary>
    public bool Abandoned { get; private set; }

    /// <summary>Compiles and runs one C# cell in the continuing state, capturing console output and displays.</summary>
    public CellExecution Execute(int cellNumber, string source, TimeSpan? timeout = null) =>
        Execute(cellNumber, source, timeout, new CellOutputSink(), default);

    /// <summary>
    /// As above, with outputs going to <paramref name="sink"/> as they happen, and <paramref name="interrupt"/> stopping the cell (the Jupyter kernel's
    /// interrupt): loops in the cell's own code stop at their next iteration (<see cref="Kernel.CellInterrupt"/>); work inside a library call cannot be
    /// stopped from outside, so after <see cref="Kernel.CellInterrupt.Grace"/> the cell is reported interrupted, its work goes on in the background, and
    /// the next cell continues from the state before it.
    /// </summary>
    public CellExecution Execute(int cellNumber, string source, TimeSpan? timeout, CellOutputSink sink, CancellationToken interrupt)
    {
        if (Abandoned) throw new InvalidOperationException("the session was abandoned after a cell timed out");
        var clock = Stopwatch.StartNew();
        var count = ++_executionCount;
        var cellPath = Path.Combine(_baseDirectory, $"{_name}.cell{cellNumber}.csx");
        bool timeMagic = false;

        CellExecution Fail(string name, string message, IEnumerable<string> traceback)
        {
            sink.Add(new ErrorOutput(name, message, [.. traceback]));
            return new CellExecution(CellStatus.Failed, sink.Snapshot(), count, clock.Elapsed, message);
        }

        var split = CellDirectives.Parse(source);
        try
        {
            foreach (var d in split.Directives)
                timeMagic |= Apply(d, cellNumber, sink);
        }
        catch (NotebookDirectiveException e)
        {
            var where = $"cell {cellNumber}: {e.Message}";
            return Fail("DirectiveError", where, [where]);
        }

        if (interrupt.CanBeCanceled && !_interruptible)
        {
            _options = _options.AddReferences(typeof(Kernel.CellInterrupt).Assembly);   // the instrumented loops call into it
            _interruptible = true;
        }
        var options = _options.WithFilePath(cellPath);
        var code = interrupt.CanBeCanceled ? Kernel.CellInterrupt.Instrument(split.Code) : split.Code;
        var script = _state is null
            ? CSharpScript.Create(code, options, typeof(NotebookGlobals))
            : _state.Script.ContinueWith(code, options);
        var errors = script.Compile().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        if (errors.Count > 0)
        {
            var lines = errors.Select(d => Describe(cellNumber, d)).ToList();
            return Fail("CompilationError", lines[0], lines);
        }

        if (interrupt.IsCancellationRequested) return Fail("Interrupted", $"cell {cellNumber}: interrupted", [$"cell {cellNumber}: interrupted"]);

        ScriptState<object>? next;
        _globals.Sink = sink;
        try
        {
            var previous = _state;
            Task<ScriptState<object>> task;
            using (ConsoleCapture.Begin(sink))   // the task started here inherits the capture, later code does not
            using (Kernel.CellInterrupt.Begin(interrupt))
                task = Task.Run(() => previous is null
                    ? script.RunAsync(_globals, catchException: _ => true)
                    : script.RunFromAsync(previous, catchException: _ => true));
            if (interrupt.CanBeCanceled && !Kernel.CellInterrupt.Wait(task, timeout, interrupt))
            {
                if (!interrupt.IsCancellationRequested) Abandoned = true;
                var message = interrupt.IsCancellationRequested
                    ? $"cell {cellNumber}: interrupted; its work goes on in the background until the call it is in returns"
                    : $"cell {cellNumber}: did not finish within {timeout!.Value.TotalSeconds:0.###} s";
                return Fail(interrupt.IsCancellationRequested ? "Interrupted" : "TimeoutError", message, [message]);
            }
            if (!interrupt.CanBeCanceled && timeout is { } limit && !task.Wait(limit))
            {
                Abandoned = true;
                var message = $"cell {cellNumber}: did not finish within {limit.TotalSeconds:0.###} s (--timeout-per-cell)";
                return Fail("TimeoutError", message, [message]);
            }
            next = task.GetAwaiter().GetResult();
        }
        finally
        {
            _globals.Sink = null;
        }

        if (next.Exception is OperationCanceledException && interrupt.IsCancellationRequested)
        {
            var message = $"cell {cellNumber}: interrupted";   // a loop of the cell stopped; the state stays as before the cell
            return Fail("Interrupted", message, [message]);
        }
        _state = next;
        if (next.Exception is { } ex)
        {
            var line = LineOf(ex, cellPath);
            var head = $"cell {cellNumber}{(line is null ? "" : $", line {line}")}: {ex.GetType().FullName}: {ex.Message}";
            return Fail(ex.GetType().FullName ?? "Exception", head, [head, .. UserFrames(ex)]);
        }
        if (ReturnsValue(next.Script))
            sink.Add(new DisplayOutput(DisplayFormatter.Format(next.ReturnValue), IsResult: true));
        if (timeMagic) sink.Write("stdout", $"Wall time: {clock.Elapsed.TotalMilliseconds:F0} ms\n");
        return new CellExecution(CellStatus.Succeeded, sink.Snapshot(), count, clock.Elapsed, null);
    }

    /// <summary>The number the next cell gets (Jupyter's <c>execute_input</c> announces it before the cell runs).</summary>
    internal int NextExecutionCount => _executionCount + 1;

    /// <summary>The compilation <paramref name="code"/> would have as the next cell (for completion); directives left in, as Roslyn's script
    /// syntax allows them.</summary>
    internal Compilation CompilationOf(string code)
    {
        var options = _options.WithFilePath(Path.Combine(_baseDirectory, $"{_name}.completion.csx"));
        var script = _state is null ? CSharpScript.Create(code, options, typeof(NotebookGlobals)) : _state.Script.ContinueWith(code, options);
        return script.GetCompilation();
    }

    /// <summary>A cell ending in an expression without ';' has a result (the kernel shows it, null included).</summary>
    static bool ReturnsValue(Script script)
    {
        var compilation = script.GetCompilation();
        var tree = compilation.SyntaxTrees.Last();
        if (tree.GetRoot() is not CompilationUnitSyntax { Members: [.., GlobalStatementSyntax { Statement: ExpressionStatementSyntax last }] }
            || !last.SemicolonToken.IsMissing) return false;
        var type = compilation.GetSemanticModel(tree).GetTypeInfo(last.Expression).Type;
        return type is not null && type.SpecialType != SpecialType.System_Void;
    }

    /// <summary>Applies one directive; returns true for <c>#!time</c>.</summary>
    bool Apply(Directive directive, int cellNumber, CellOutputSink sink)
    {
        switch (directive)
        {
            case PackageReference p:
                var resolution = Closure.Value.Resolve(p.Id, p.Version);
                if (resolution.Warning is { } w) Warn(cellNumber, w, sink);
                AddReferences(resolution.Assemblies);
                return false;
            case AssemblyReference a:
                AddReferences([LoadAssemblyFile(a.Path)]);
                return false;
            case SourceDirective s:
                Warn(cellNumber, $"#i \"{s.Value}\" ignored: the runner resolves #r \"nuget:\" from its own packages, not from package sources.", sink);
                return false;
            case MagicCommand m when m.Line == 1 && KernelNames.Normalise(m.Name) == "csharp":
                return false;
            case MagicCommand m when KernelNames.Normalise(m.Name) is { } kernel:
                throw new NotebookDirectiveException($"line {m.Line}: switching to the {kernel} kernel inside a cell (#!{m.Name}) is not " +
                    $"supported by the headless runner");
            case MagicCommand { Name: "time" }:
                return true;
            case MagicCommand { Name: "about" or "lsmagic" or "who" or "whos" } m:
                Warn(cellNumber, $"#!{m.Name} ignored (informational magic command).", sink);
                return false;
            case MagicCommand m:
                throw new NotebookDirectiveException($"line {m.Line}: magic command #!{m.Name} is not supported by the headless runner");
            default:
                throw new ArgumentOutOfRangeException(nameof(directive));
        }
    }

    void Warn(int cellNumber, string message, CellOutputSink sink)
    {
        _warnings.Add($"cell {cellNumber}: {message}");
        sink.Write("stderr", "warning: " + message + "\n");
    }

    /// <summary>
    /// <c>#r "file.dll"</c>. An assembly the runner already has loaded (the library itself, a package
    /// of its closure) is referenced as that loaded copy, so the process holds one copy of each type.
    /// </summary>
    Assembly LoadAssemblyFile(string relative)
    {
        var path = Path.GetFullPath(Path.Combine(_baseDirectory, relative));
        if (!File.Exists(path)) throw new NotebookDirectiveException($"#r \"{relative}\": {path} does not exist (build it first?)");
        var name = AssemblyName.GetAssemblyName(path);
        var loaded = AppDomain.CurrentDomain.GetAssemblies()
            .FirstOrDefault(a => !a.IsDynamic && string.Equals(a.GetName().Name, name.Name, StringComparison.OrdinalIgnoreCase));
        if (loaded is not null) return loaded;
        try { return Assembly.Load(name); }
        catch (FileNotFoundException) { return System.Runtime.Loader.AssemblyLoadContext.Default.LoadFromAssemblyPath(path); }
    }

    void AddReferences(IEnumerable<Assembly> assemblies)
    {
        var known = _options.MetadataReferences.OfType<PortableExecutableReference>().Select(r => r.FilePath).ToHashSet(StringComparer.Ordinal);
        var added = assemblies.Where(a => !string.IsNullOrEmpty(a.Location) && !known.Contains(a.Location))
            .Select(a => (MetadataReference)MetadataReference.CreateFromFile(a.Location)).ToList();
        if (added.Count > 0) _options = _options.AddReferences(added);
    }

    static string Describe(int cellNumber, Diagnostic d)
    {
        var span = d.Location.GetLineSpan();
        return span.IsValid
            ? $"cell {cellNumber}, line {span.StartLinePosition.Line + 1}, column {span.StartLinePosition.Character + 1}: {d.Id}: " +
                $"{d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}"
            : $"cell {cellNumber}: {d.Id}: {d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}";
    }

    /// <summary>The stack trace without the scripting engine's own frames (they say nothing about the notebook).</summary>
    static IEnumerable<string> UserFrames(Exception ex) =>
        (ex.StackTrace ?? "").Split('\n').Select(l => l.TrimEnd())
            .Where(l => l.Length > 0 && !l.Contains("Microsoft.CodeAnalysis.Scripting", StringComparison.Ordinal)
                        && !l.StartsWith("--- End of stack trace", StringComparison.Ordinal));

    /// <summary>The line of the cell where the exception passed through the cell's own code.</summary>
    static int? LineOf(Exception ex, string cellPath)
    {
        foreach (var frame in new StackTrace(ex, fNeedFileInfo: true).GetFrames())
            if (string.Equals(frame.GetFileName(), cellPath, StringComparison.Ordinal) && frame.GetFileLineNumber() > 0)
                return frame.GetFileLineNumber();
        return null;
    }

    /// <summary>The whole shared framework, as the kernel references it (System.Net.Http, System.Text.Json, …).</summary>
    static ImmutableArray<MetadataReference> LoadFrameworkReferences()
    {
        var frameworkDir = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var tpa = (AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") as string ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        return [.. tpa.Where(p => p.EndsWith(".dll", StringComparison.OrdinalIgnoreCase)
                             && string.Equals(Path.GetDirectoryName(p), frameworkDir, StringComparison.Ordinal))
                   .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))];
    }
}
