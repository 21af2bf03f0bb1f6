using System.Text.Json.Nodes;
using HaloNotebooks.Cli.Notebooks;
using HaloNotebooks.Figures;

namespace HaloNotebooks.Cli.Kernel;

/// <summary>
/// <c>halo kernel</c>: a Jupyter kernel (messaging protocol 5.3) on the built-in runner's engine — one
/// <see cref="NotebookSession"/> (Roslyn scripting, the notebook's folder as working directory, <c>#r "nuget:"</c> from the
/// runner's own packages) and the runner's <see cref="DisplayFormatter"/>, so a notebook gives the outputs
/// <c>halo notebooks run --kernel builtin</c> gives. Requests: kernel_info, execute, is_complete, complete, inspect (empty),
/// history (empty), comm_info (no comms), interrupt (<see cref="CellInterrupt"/>), shutdown (with or without restart: the
/// front end starts the new process).
/// </summary>
public sealed class JupyterKernel : IDisposable
{
    readonly KernelSockets _sockets;
    readonly NotebookSession _session;
    readonly FigurePage _figurePage = new();
    readonly string _sessionId = Guid.NewGuid().ToString("N");
    readonly ManualResetEventSlim _shutdown = new();
    readonly Lock _runningGate = new();
    CancellationTokenSource? _running;
    bool _plotlyIncluded;

    public JupyterKernel(ConnectionFile connection, string workingDirectory)
    {
        _sockets = new KernelSockets(connection);
        _session = new NotebookSession(workingDirectory, "kernel");
    }

    /// <summary>Serves requests until a shutdown request; returns the process's exit code.</summary>
    public int Run()
    {
        _sockets.Start(OnShell, OnControl);
        Publish("status", new JsonObject { ["execution_state"] = "starting" }, null);
        KernelSockets.Log($"ready (pid {Environment.ProcessId}, {_session.Description})");
        _shutdown.Wait();
        return 0;
    }

    void OnShell(JupyterMessage request) => Handle(request, _sockets.ReplyOnShell);

    void OnControl(JupyterMessage request) => Handle(request, _sockets.ReplyOnControl);

    void Handle(JupyterMessage request, Action<JupyterMessage> reply)
    {
        var type = request.Type;
        if (type == "execute_request") { Execute(request, reply); return; }
        Publish("status", new JsonObject { ["execution_state"] = "busy" }, request);
        try
        {
            switch (type)
            {
                case "kernel_info_request": Reply(reply, request, "kernel_info_reply", KernelInfo()); break;
                case "is_complete_request":
                    Reply(reply, request, "is_complete_reply", IsComplete(Text(request, "code")));
                    break;
                case "complete_request": Reply(reply, request, "complete_reply", Complete(request)); break;
                case "inspect_request":
                    Reply(reply, request, "inspect_reply", new JsonObject { ["status"] = "ok", ["found"] = false, ["data"] = new JsonObject(),
                        ["metadata"] = new JsonObject() });
                    break;
                case "history_request": Reply(reply, request, "history_reply", new JsonObject { ["status"] = "ok", ["history"] = new JsonArray() }); break;
                case "comm_info_request": Reply(reply, request, "comm_info_reply", new JsonObject { ["status"] = "ok", ["comms"] = new JsonObject() }); break;
                case "interrupt_request":
                    lock (_runningGate) _running?.Cancel();
                    Reply(reply, request, "interrupt_reply", new JsonObject { ["status"] = "ok" });
                    break;
                case "shutdown_request":
                    var restart = request.Content["restart"] is JsonValue r && r.TryGetValue<bool>(out var b) && b;
                    lock (_runningGate) _running?.Cancel();
                    Reply(reply, request, "shutdown_reply", new JsonObject { ["status"] = "ok", ["restart"] = restart });
                    Publish("status", new JsonObject { ["execution_state"] = "idle" }, request);
                    _sockets.Stop();
                    _shutdown.Set();
                    return;
                default:
                    KernelSockets.Log($"ignored a {type} (not supported)");
                    break;
            }
        }
        finally
        {
            if (type != "shutdown_request") Publish("status", new JsonObject { ["execution_state"] = "idle" }, request);
        }
    }

    void Execute(JupyterMessage request, Action<JupyterMessage> reply)
    {
        var code = Text(request, "code");
        var silent = request.Content["silent"] is JsonValue s && s.TryGetValue<bool>(out var q) && q;
        Publish("status", new JsonObject { ["execution_state"] = "busy" }, request);
        var count = _session.NextExecutionCount;
        if (!silent) Publish("execute_input", new JsonObject { ["code"] = code, ["execution_count"] = count }, request);
        var sink = new CellOutputSink { OnOutput = silent ? null : output => PublishOutput(output, count, request) };
        using var interrupt = new CancellationTokenSource();
        lock (_runningGate) _running = interrupt;
        CellExecution run;
        try
        {
            FigurePage.Current = _figurePage;   // plotly.js once per kernel session, as once per notebook in the runner
            run = _session.Execute(count, code, null, sink, interrupt.Token);
        }
        finally
        {
            lock (_runningGate) _running = null;
        }
        var content = new JsonObject { ["execution_count"] = run.ExecutionCount ?? count };
        if (run.Status == CellStatus.Succeeded)
        {
            content["status"] = "ok";
            content["payload"] = new JsonArray();
            content["user_expressions"] = new JsonObject();
        }
        else
        {
            var error = run.Outputs.OfType<ErrorOutput>().LastOrDefault() ?? new ErrorOutput("Error", run.Message ?? "failed", []);
            content["status"] = "error";
            content["ename"] = error.Name;
            content["evalue"] = error.Value;
            content["traceback"] = new JsonArray([.. error.Traceback.Select(t => (JsonNode?)t)]);
        }
        Reply(reply, request, "execute_reply", content);
        Publish("status", new JsonObject { ["execution_state"] = "idle" }, request);
    }

    void PublishOutput(CellOutput output, int count, JupyterMessage parent)
    {
        switch (output)
        {
            case StreamOutput s:
                Publish("stream", new JsonObject { ["name"] = s.Name, ["text"] = s.Text }, parent);
                break;
            case DisplayOutput d:
                var data = JupyterMimeBundle.ToJson(((DisplayOutput)JupyterMimeBundle.WithPlotlyOnce(d, ref _plotlyIncluded)).Data);
                if (d.IsResult)
                    Publish("execute_result", new JsonObject { ["execution_count"] = count, ["data"] = data, ["metadata"] = new JsonObject() }, parent);
                else
                    Publish("display_data", new JsonObject { ["data"] = data, ["metadata"] = new JsonObject(), ["transient"] = new JsonObject() }, parent);
                break;
            case ErrorOutput e:
                Publish("error", new JsonObject
                {
                    ["ename"] = e.Name, ["evalue"] = e.Value, ["traceback"] = new JsonArray([.. e.Traceback.Select(t => (JsonNode?)t)]),
                }, parent);
                break;
        }
    }

    JsonObject KernelInfo() => new()
    {
        ["status"] = "ok",
        ["protocol_version"] = JupyterMessage.ProtocolVersion,
        ["implementation"] = "halo",
        ["implementation_version"] = typeof(JupyterKernel).Assembly.GetName().Version?.ToString() ?? "",
        ["language_info"] = new JsonObject
        {
            ["name"] = "csharp",
            ["version"] = "14.0",
            ["mimetype"] = "text/x-csharp",
            ["file_extension"] = ".cs",
            ["pygments_lexer"] = "csharp",
            ["codemirror_mode"] = "text/x-csharp",
        },
        ["banner"] = "C# (HaloNotebooks): " + _session.Description,
        ["help_links"] = new JsonArray(),
        ["debugger"] = false,
    };

    static JsonObject IsComplete(string code)
    {
        var status = CodeCompletion.IsComplete(code);
        var content = new JsonObject { ["status"] = status };
        if (status == "incomplete") content["indent"] = "";
        return content;
    }

    JsonObject Complete(JupyterMessage request)
    {
        var code = Text(request, "code");
        // cursor_pos counts Unicode code points (protocol 5.2); the compiler counts UTF-16 units.
        var cursor = request.Content["cursor_pos"] is JsonValue v && v.TryGetValue<int>(out var c) ? c : code.Length;
        var position = Utf16Offset(code, cursor);
        var result = CodeCompletion.Complete(_session.CompilationOf(code), position);
        return new JsonObject
        {
            ["status"] = "ok",
            ["matches"] = new JsonArray([.. result.Matches.Select(m => (JsonNode?)m)]),
            ["cursor_start"] = CodePoints(code, result.Start),
            ["cursor_end"] = CodePoints(code, result.End),
            ["metadata"] = new JsonObject(),
        };
    }

    static int Utf16Offset(string text, int codePoints)
    {
        int offset = 0;
        for (int n = 0; n < codePoints && offset < text.Length; n++) offset += char.IsSurrogatePair(text, offset) ? 2 : 1;
        return offset;
    }

    static int CodePoints(string text, int utf16) => text[..utf16].EnumerateRunes().Count();

    static string Text(JupyterMessage request, string field) =>
        request.Content[field] is JsonValue v && v.TryGetValue<string>(out var s) ? s : "";

    void Reply(Action<JupyterMessage> send, JupyterMessage request, string type, JsonObject content) =>
        send(JupyterMessage.Create(type, content, request, _sessionId));

    void Publish(string type, JsonObject content, JupyterMessage? parent) =>
        _sockets.Publish(JupyterMessage.Create(type, content, parent, _sessionId, identities: []));

    public void Dispose()
    {
        _sockets.Dispose();
        _session.Dispose();
        _shutdown.Dispose();
    }
}
