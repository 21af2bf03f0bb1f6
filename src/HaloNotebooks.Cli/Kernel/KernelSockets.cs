using NetMQ;
using NetMQ.Sockets;

namespace HaloNotebooks.Cli.Kernel;

/// <summary>
/// The five ZeroMQ sockets of a Jupyter kernel (NetMQ), bound at the connection file's ports: shell and control
/// (ROUTER: requests in, replies out), iopub (PUB: status, outputs), stdin (ROUTER; bound, never asks — cells get no input)
/// and heartbeat (REP: echoes every ping). Each receiving socket is served by its own thread; iopub is shared behind a lock.
/// Messages whose signature does not verify are dropped and logged to stderr, as the protocol asks.
/// </summary>
public sealed class KernelSockets : IDisposable
{
    static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);

    readonly RouterSocket _shell = new(), _control = new(), _stdin = new();
    readonly PublisherSocket _iopub = new();
    readonly ResponseSocket _heartbeat = new();
    readonly Lock _iopubGate = new(), _shellGate = new(), _controlGate = new();
    readonly List<Thread> _threads = [];
    readonly CancellationTokenSource _stopping = new();

    public KernelSockets(ConnectionFile connection)
    {
        Signer = new MessageSigner(connection.Key);
        foreach (var socket in new NetMQSocket[] { _shell, _control, _stdin, _iopub, _heartbeat }) socket.Options.Linger = TimeSpan.FromMilliseconds(500);
        try
        {
            _shell.Bind(connection.Endpoint(connection.ShellPort));
            _control.Bind(connection.Endpoint(connection.ControlPort));
            _stdin.Bind(connection.Endpoint(connection.StdinPort));
            _iopub.Bind(connection.Endpoint(connection.IoPubPort));
            _heartbeat.Bind(connection.Endpoint(connection.HeartbeatPort));
        }
        catch (NetMQException e)
        {
            Dispose();
            throw new KernelStartException($"cannot bind the kernel's sockets on {connection.Ip}: {e.Message}");
        }
    }

    public MessageSigner Signer { get; }

    /// <summary>Signalled when <see cref="Stop"/> is called.</summary>
    public CancellationToken Stopping => _stopping.Token;

    /// <summary>Starts the threads: shell and control requests go to their handlers, one at a time per socket.</summary>
    public void Start(Action<JupyterMessage> onShell, Action<JupyterMessage> onControl)
    {
        Spawn("jupyter-heartbeat", Heartbeat);
        Spawn("jupyter-control", () => Serve(_control, _controlGate, "control", onControl));
        Spawn("jupyter-shell", () => Serve(_shell, _shellGate, "shell", onShell));
    }

    public void Stop() => _stopping.Cancel();

    public void ReplyOnShell(JupyterMessage reply) { lock (_shellGate) _shell.SendMultipartMessage(reply.ToWire(Signer)); }

    public void ReplyOnControl(JupyterMessage reply) { lock (_controlGate) _control.SendMultipartMessage(reply.ToWire(Signer)); }

    /// <summary>Publishes on iopub; the message type is the topic frame.</summary>
    public void Publish(JupyterMessage message)
    {
        var wire = message.ToWire(Signer);
        wire.Push(message.Type);
        lock (_iopubGate) _iopub.SendMultipartMessage(wire);
    }

    void Spawn(string name, Action loop)
    {
        var thread = new Thread(() =>
        {
            try { loop(); }
            catch (Exception e) when (_stopping.IsCancellationRequested && e is NetMQException or ObjectDisposedException) { }
        }) { IsBackground = true, Name = name };
        _threads.Add(thread);
        thread.Start();
    }

    void Serve(RouterSocket socket, Lock gate, string channel, Action<JupyterMessage> handle)
    {
        while (!_stopping.IsCancellationRequested)
        {
            NetMQMessage? wire = null;
            bool received;
            lock (gate) received = socket.TryReceiveMultipartMessage(PollInterval, ref wire);
            if (!received || wire is null) continue;
            var message = JupyterMessage.FromWire(wire, Signer, out var problem);
            if (message is null) { Log($"{channel}: dropped a message: {problem}"); continue; }
            try { handle(message); }
            catch (Exception e) when (e is not OutOfMemoryException) { Log($"{channel}: {message.Type} failed: {e}"); }
        }
    }

    void Heartbeat()
    {
        while (!_stopping.IsCancellationRequested)
            if (_heartbeat.TryReceiveFrameBytes(PollInterval, out var ping)) _heartbeat.SendFrame(ping);
    }

    /// <summary>The kernel's own log: stderr, which Jupyter front ends show in their kernel log.</summary>
    public static void Log(string line) => Console.Error.WriteLine("halo kernel: " + line);

    public void Dispose()
    {
        _stopping.Cancel();
        foreach (var thread in _threads) if (thread != Thread.CurrentThread) thread.Join(TimeSpan.FromSeconds(2));
        foreach (var socket in new NetMQSocket[] { _shell, _control, _stdin, _iopub, _heartbeat }) socket.Dispose();
    }
}
