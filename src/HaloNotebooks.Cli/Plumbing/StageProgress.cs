using System.Diagnostics;
using System.Globalization;
using Spectre.Console;

namespace HaloNotebooks.Cli.Plumbing;

/// <summary>
/// Progress of a command's stages for whoever watches it. In a terminal: one Spectre bar per stage, "[k/N] stage",
/// elapsed time and an ETA (the bar's rate) where the work is countable. Not a terminal (a Slurm log, nohup, a pipe):
/// one line when a stage starts, one at each further 10 % with elapsed time and ETA, and one when it ends with its
/// time — so a log shows every stage and how long it took.
/// </summary>
public sealed class StageProgress
{
    readonly string command;
    readonly List<string> stages;
    readonly TextWriter? log;
    readonly Stopwatch total = Stopwatch.StartNew();
    readonly object gate = new();
    readonly Dictionary<string, Stage> state = new();
    ProgressContext? context;

    sealed class Stage(int number)
    {
        public int Number { get; } = number;
        public Stopwatch Clock { get; } = Stopwatch.StartNew();
        /// <summary>This process's CPU time (all threads) when the stage started: a log line gives both (benchmarks/README.md).</summary>
        public TimeSpan CpuAtStart { get; } = Process.GetCurrentProcess().TotalProcessorTime;
        public int Decile { get; set; }
        public bool Done { get; set; }
        public ProgressTask? Bar { get; set; }
    }

    StageProgress(string command, IEnumerable<string> stages, TextWriter? log)
    {
        this.command = command;
        this.stages = stages.ToList();
        this.log = log;
    }

    /// <summary>True when stdout is a terminal (bars); false for a log (lines).</summary>
    public static bool IsTerminal => !Console.IsOutputRedirected && AnsiConsole.Profile.Capabilities.Interactive;

    /// <summary>
    /// Runs <paramref name="work"/> with progress for the <paramref name="stages"/> it is expected to report (stages it
    /// reports beyond them are numbered on). <paramref name="log"/> forces line mode into that writer (tests).
    /// </summary>
    public static T Run<T>(string command, IEnumerable<string> stages, Func<StageProgress, T> work, TextWriter? log = null)
    {
        if (log is not null || !IsTerminal)
        {
            var lines = new StageProgress(command, stages, log ?? Console.Out);
            var result = work(lines);
            lines.FinishAll();
            return result;
        }
        T value = default!;
        AnsiConsole.Progress()
            .AutoClear(false)
            .HideCompleted(false)
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(),
                     new ElapsedTimeColumn(), new RemainingTimeColumn())
            .Start(ctx =>
            {
                var bars = new StageProgress(command, stages, null) { context = ctx };
                value = work(bars);
                bars.FinishAll();
            });
        return value;
    }

    /// <summary>Stage <paramref name="stage"/> is <paramref name="fraction"/> done (0–1); a new stage ends the ones before it.</summary>
    public void Report(string stage, double fraction, string detail = "")
    {
        fraction = double.IsFinite(fraction) ? Math.Clamp(fraction, 0, 1) : 0;
        lock (gate)
        {
            if (!state.TryGetValue(stage, out var s))
            {
                foreach (var (name, open) in state.Where(kv => !kv.Value.Done).ToList()) Finish(name, open);
                int number = stages.IndexOf(stage);
                if (number < 0) { stages.Add(stage); number = stages.Count - 1; }
                state[stage] = s = new Stage(number + 1);
                if (context is not null) s.Bar = context.AddTask(Markup.Escape(BarLabel(s, stage)), maxValue: 1.0);
                else log!.WriteLine($"{Label(s, stage)}: started at {Clock(total.Elapsed.TotalSeconds)}");
            }
            if (s.Done) return;
            if (s.Bar is not null)
            {
                s.Bar.Value = fraction;
                if (detail.Length > 0) s.Bar.Description = Markup.Escape($"{BarLabel(s, stage)} · {detail}");
            }
            else
            {
                int decile = (int)Math.Floor(fraction * 10 + 1e-9);
                if (decile > s.Decile && decile < 10)
                {
                    s.Decile = decile;
                    double elapsed = s.Clock.Elapsed.TotalSeconds;
                    string eta = fraction > 0 ? $", about {Seconds(elapsed * (1 - fraction) / fraction)} left" : "";
                    log!.WriteLine($"{Label(s, stage)}: {decile * 10}%{(detail.Length > 0 ? " (" + detail + ")" : "")} after {Seconds(elapsed)}{eta}");
                }
            }
            if (fraction >= 1) Finish(stage, s);
        }
    }

    void Finish(string name, Stage s)
    {
        if (s.Done) return;
        s.Done = true;
        s.Clock.Stop();
        if (s.Bar is not null) { s.Bar.Value = 1.0; s.Bar.StopTask(); }
        else log!.WriteLine($"{Label(s, name)}: done in {Seconds(s.Clock.Elapsed.TotalSeconds)}, CPU " +
            Seconds((Process.GetCurrentProcess().TotalProcessorTime - s.CpuAtStart).TotalSeconds));
    }

    void FinishAll()
    {
        lock (gate)
        {
            foreach (var (name, s) in state) Finish(name, s);
            log?.WriteLine($"halo {command}: {state.Count} stage{(state.Count == 1 ? "" : "s")} done in {Seconds(total.Elapsed.TotalSeconds)}");
            log?.Flush();
        }
    }

    string Label(Stage s, string name) => $"halo {command} {BarLabel(s, name)}";

    string BarLabel(Stage s, string name) => $"[{s.Number}/{Math.Max(stages.Count, s.Number)}] {name}";

    static string Seconds(double s) => s < 100 ? s.ToString("0.0", CultureInfo.InvariantCulture) + " s"
        : $"{(int)(s / 60)} min {(int)(s % 60)} s";

    static string Clock(double s) => TimeSpan.FromSeconds(s).ToString(@"mm\:ss", CultureInfo.InvariantCulture);
}
