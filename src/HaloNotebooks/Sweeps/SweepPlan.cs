using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using HaloNotebooks.Analysis;
using HaloNotebooks.Paper;
using HaloNotebooks.Catalogs;
using HaloNotebooks.Inference;
using HaloNotebooks.Models;
using HaloNotebooks.Numerics;
using HaloNotebooks.Selection;

namespace HaloNotebooks.Sweeps;

/// <summary>One selection setting varied by a sweep: its name (<see cref="SelectionSettings.ParameterNames"/>) and values.</summary>
public sealed record VariedSetting(string Name, IReadOnlyList<double> Values);

/// <summary>One analysis choice of a sweep: the selection settings changed from the paper's (none for the default).</summary>
public sealed record SweepVariant(int Index, IReadOnlyDictionary<string, double> Settings)
{
    /// <summary>"paper" or "FehMax=-1, …".</summary>
    [JsonIgnore]
    public string Label => Settings.Count == 0 ? "paper"
        : string.Join(", ", Settings.Select(s => s.Key + "=" + s.Value.ToString("R", CultureInfo.InvariantCulture)));

    /// <summary><paramref name="paper"/> with this variant's settings (applied to both the §2.3 and the §4.4 selection).</summary>
    internal SelectionSettings Apply(SelectionSettings paper) =>
        Settings.Aggregate(paper, (s, kv) => s.With(kv.Key, kv.Value.ToString("R", CultureInfo.InvariantCulture)));
}

/// <summary>
/// One element of a sweep's grid. Kind "realisation": an independent mock (its own <see cref="MockSeed"/>: new stars
/// from the population, not a re-observation) through the variant's selection and the fits of Tables 1–3. Kind
/// "truth": the variant's truth tables (<see cref="SweepTruth"/>). Realisation r has the same seeds in every variant,
/// so a change of setting is measured on the same stars (paired differences).
/// </summary>
public sealed record SweepTask(int Index, string Kind, int Variant, int Realisation, long MockSeed, long SelectionSeed, long FitSeed)
{
    public const string RealisationKind = "realisation", TruthKind = "truth";
}

/// <summary>
/// The plan of a `halo sweep`: variants × realisations (plus one truth task per variant when <see cref="TruthScale"/>
/// &gt; 0), the mock's scale and the sampler's settings. Written as DIR/sweep.json and, one task a line, DIR/tasks.jsonl.
/// </summary>
/// <param name="Realisations">Independent mocks per variant.</param>
/// <param name="Varied">The settings varied (--vary), in the order given.</param>
/// <param name="Cross">Variants are every combination of the varied values; otherwise one setting at a time about the paper's.</param>
/// <param name="Walkers">Walkers per fit (§3.1: 100).</param>
/// <param name="Steps">Steps per walker (§3.1: 1000).</param>
/// <param name="Burn">Burn-in (§3.1: 400).</param>
/// <param name="Scale">Mock size as a fraction of the paper's (MockSettings.Scale).</param>
/// <param name="Seed">Master seed of the sweep: every task's seeds derive from it.</param>
/// <param name="TruthScale">Scale of the mock the truth tables are measured on (0: no truth, no coverage).</param>
/// <param name="TruthSeed">Seed of that mock (42: the default mock of `halo mock`).</param>
public sealed record SweepPlan(int Realisations, IReadOnlyList<VariedSetting> Varied, bool Cross, int Walkers, int Steps, int Burn,
    double Scale, long Seed, double TruthScale = 1, long TruthSeed = 42)
{
    internal const string PlanFile = "sweep.json", TasksFile = "tasks.jsonl", TasksDirectory = "tasks";

    internal static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    internal static readonly JsonSerializerOptions IndentedJson = new(Json) { WriteIndented = true };

    /// <summary>Throws on a plan no task can run, naming the bad setting.</summary>
    internal SweepPlan Validate()
    {
        if (Realisations < 1) throw new ArgumentException($"--realisations must be at least 1, got {Realisations}");
        // Every task fits Table 2's 17-parameter mixture (§3.1).
        new SamplerSettings(Walkers, Steps, Burn).Validate(TwoComponent.ParameterNames.Count, "the two-component model of Table 2");
        if (!(Scale > 0 && Scale <= 10)) throw new ArgumentException($"--scale must be in (0, 10], got {Scale}");
        if (!(TruthScale >= 0 && TruthScale <= 10)) throw new ArgumentException($"--truth-scale must be in [0, 10], got {TruthScale}");
        foreach (var v in Varied)
        {
            if (v.Values.Count == 0) throw new ArgumentException($"--vary {v.Name} has no values");
            foreach (double x in v.Values)
                SelectionSettings.Paper.With(v.Name, x.ToString("R", CultureInfo.InvariantCulture));   // unknown names and bad values fail here
        }
        if (Varied.Select(v => v.Name.ToLowerInvariant()).Distinct().Count() != Varied.Count) throw new ArgumentException("a setting is varied twice");
        return this;
    }

    /// <summary>
    /// The variants: the paper's settings first, then (one at a time) each varied value that differs from the paper's, or
    /// (<see cref="Cross"/>) every combination.
    /// </summary>
    internal IReadOnlyList<SweepVariant> Variants()
    {
        var list = new List<Dictionary<string, double>> { new() };
        if (Cross && Varied.Count > 0)
        {
            list.Clear();
            list.Add([]);
            foreach (var v in Varied)
                list = list.SelectMany(d => v.Values.Select(x => new Dictionary<string, double>(d) { [v.Name] = x })).ToList();
        }
        else
            foreach (var v in Varied)
                foreach (double x in v.Values)
                    if (x != PaperValue(v.Name)) list.Add(new Dictionary<string, double> { [v.Name] = x });
        return list.Select((d, i) => new SweepVariant(i, d)).ToList();
    }

    /// <summary>The paper's value of a numeric selection setting (NaN for one that is not a number).</summary>
    internal static double PaperValue(string name)
    {
        var p = typeof(SelectionSettings).GetProperties()
            .FirstOrDefault(p => string.Equals(p.Name.Replace("_", ""), name.Replace("_", ""), StringComparison.OrdinalIgnoreCase));
        return p?.GetValue(SelectionSettings.Paper) switch { double d => d, int i => i, long l => l, bool b => b ? 1 : 0, _ => double.NaN };
    }

    /// <summary>Every task: variant by variant its realisations, then one truth task per variant.</summary>
    public IReadOnlyList<SweepTask> Tasks()
    {
        var variants = Variants();
        var tasks = new List<SweepTask>();
        foreach (var v in variants)
            for (int r = 0; r < Realisations; r++)
                tasks.Add(new SweepTask(tasks.Count, SweepTask.RealisationKind, v.Index, r,
                    SeededRandom.DeriveSeed(Seed, SeedStream.SweepMock(r)), SeededRandom.DeriveSeed(Seed, SeedStream.SweepSelection(r)),
                    SeededRandom.DeriveSeed(Seed, SeedStream.SweepAnalysis(r))));
        if (TruthScale > 0)
            foreach (var v in variants)
                tasks.Add(new SweepTask(tasks.Count, SweepTask.TruthKind, v.Index, -1, TruthSeed,
                    SeededRandom.DeriveSeed(Seed, SeedStream.SweepTruthSelection), SeededRandom.DeriveSeed(Seed, SeedStream.SweepTruthAnalysis)));
        return tasks;
    }

    /// <summary>The fits' settings of one task (one thread per task by default: tasks are the parallel unit).</summary>
    public AnalysisSettings Analysis(SweepTask task, int? threads = 1) =>
        new(MaxDegreeOfParallelism: threads) { Sampler = new SamplerSettings(Walkers, Steps, Burn, task.FitSeed) };

    /// <summary>Writes DIR/sweep.json and DIR/tasks.jsonl; refuses a directory that already holds a different plan.</summary>
    public void Write(string directory)
    {
        Validate();
        string planPath = Path.Combine(directory, PlanFile);
        string json = JsonSerializer.Serialize(new PlanDocument(this, Variants(), Tasks().Count), IndentedJson);
        if (File.Exists(planPath))
        {
            var existing = Read(directory);
            if (JsonSerializer.Serialize(existing, Json) != JsonSerializer.Serialize(this, Json))
                throw new ArgumentException($"{directory} already holds a different sweep plan; choose another --output");
        }
        Directory.CreateDirectory(Path.Combine(directory, TasksDirectory));
        AtomicFile.Write(Path.Combine(directory, TasksFile), s =>
        {
            using var w = new StreamWriter(s);
            foreach (var t in Tasks()) w.WriteLine(JsonSerializer.Serialize(t, Json));
        });
        if (!File.Exists(planPath)) AtomicFile.Write(planPath, s => s.Write(System.Text.Encoding.UTF8.GetBytes(json)));
    }

    /// <summary>The plan of a sweep directory (its sweep.json).</summary>
    public static SweepPlan Read(string directory)
    {
        string path = Path.Combine(directory, PlanFile);
        if (!File.Exists(path)) throw new ArgumentException($"{directory} is not a sweep directory (no {PlanFile}; run `halo sweep plan` first)");
        try
        {
            using var doc = JsonDocument.Parse(File.ReadAllText(path));
            return doc.RootElement.GetProperty("plan").Deserialize<SweepPlan>(Json) ?? throw new FormatException("empty plan");
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            throw new FormatException($"{path}: not a sweep plan ({e.Message})");
        }
    }

    /// <summary>The task list of a sweep directory (its tasks.jsonl).</summary>
    internal static IReadOnlyList<SweepTask> ReadTasks(string directory) =>
        File.ReadLines(Path.Combine(directory, TasksFile)).Where(l => l.Length > 0)
            .Select(l => JsonSerializer.Deserialize<SweepTask>(l, Json) ?? throw new FormatException("empty task line")).ToList();

    /// <summary>DIR/tasks/I.json: where task I writes its result.</summary>
    internal static string ResultPath(string directory, int index) =>
        Path.Combine(directory, TasksDirectory, index.ToString(CultureInfo.InvariantCulture) + ".json");

    /// <summary>sweep.json: the plan, its variants and task count (merge adds the measured per-task cost).</summary>
    internal sealed record PlanDocument(SweepPlan Plan, IReadOnlyList<SweepVariant> Variants, int TaskCount, SweepCost? Cost = null);
}
