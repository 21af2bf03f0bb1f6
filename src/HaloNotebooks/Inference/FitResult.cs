using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using HaloNotebooks.Display;

namespace HaloNotebooks.Inference;

/// <summary>
/// The outcome of one MCMC fit (§3): posterior summaries (median, 16th, 84th percentiles) of the sampled
/// and derived parameters, the flat post-burn-in samples, acceptance, autocorrelation times, wall time.
/// </summary>
[TypeFormatterSource(typeof(HtmlFormatterSource))]
public sealed class FitResult : IHtmlDisplay
{
    readonly Dictionary<string, double[]> samples;     // derived or transformed parameters; the rest come from the chain
    readonly Dictionary<string, int> chainColumn;

    /// <param name="samples">Flat post-burn-in samples of every reported parameter that is not a stored chain coordinate (derived, folded).</param>
    /// <param name="chain">The whole chain (with the burn-in), in the sampled coordinates <paramref name="chainNames"/>.</param>
    /// <param name="summary">Summaries already computed from these samples (the fit cache's); null: computed here.</param>
    internal FitResult(string model, int starCount, IReadOnlyList<string> parameterNames, IReadOnlyList<string> derivedNames,
        Dictionary<string, double[]> samples, ChainBackend chain, IReadOnlyList<string> chainNames, string moves,
        IReadOnlyDictionary<string, double> autocorrTime, string? autocorrWarning, double[] start, double wallTimeSeconds,
        FitSettings settings, IReadOnlyList<string> notes, IReadOnlyDictionary<string, PosteriorSummary>? summary = null)
    {
        if (chainNames.Count != chain.Dimension) throw new ArgumentException($"{chainNames.Count} names for a chain of {chain.Dimension} coordinates");
        Model = model;
        StarCount = starCount;
        ParameterNames = parameterNames;
        DerivedNames = derivedNames;
        this.samples = samples;
        Chain = chain;
        ChainParameterNames = chainNames;
        chain.ParameterNames ??= chainNames;
        chainColumn = chainNames.Select((n, i) => (n, i)).ToDictionary(p => p.n, p => p.i);
        Moves = moves;
        Settings = settings;
        // A fit read back from the fit cache brings the summaries it was written with: the same numbers, not selected again.
        Summary = summary is not null && parameterNames.Concat(derivedNames).All(summary.ContainsKey)
            ? parameterNames.Concat(derivedNames).ToDictionary(n => n, n => summary[n])
            : parameterNames.Concat(derivedNames).ToDictionary(n => n, n => PosteriorSummary.FromSamples(SamplesView(n)));
        AcceptanceFractions = chain.AcceptanceFraction;
        AcceptanceFraction = AcceptanceFractions.Average();
        AutocorrTime = autocorrTime;
        AutocorrWarning = autocorrWarning;
        MaxLogProbability = chain.GetFlatLogProb().Max();
        Start = start;
        WallTimeSeconds = wallTimeSeconds;
        Notes = notes;
    }

    /// <summary>A copy of <paramref name="full"/> without its chain and samples (<see cref="WithoutSamples"/>).</summary>
    FitResult(FitResult full)
    {
        Model = full.Model;
        StarCount = full.StarCount;
        ParameterNames = full.ParameterNames;
        DerivedNames = full.DerivedNames;
        samples = [];
        chainColumn = [];
        Chain = null;
        ChainParameterNames = full.ChainParameterNames;
        Moves = full.Moves;
        Settings = full.Settings;
        Summary = full.Summary;
        AcceptanceFractions = full.AcceptanceFractions;
        AcceptanceFraction = full.AcceptanceFraction;
        AutocorrTime = full.AutocorrTime;
        AutocorrWarning = full.AutocorrWarning;
        MaxLogProbability = full.MaxLogProbability;
        Start = full.Start;
        WallTimeSeconds = full.WallTimeSeconds;
        Notes = full.Notes;
    }

    /// <summary>
    /// This fit's summaries, acceptance, τ and notes without the chain and samples: what a run keeps of a fit nothing
    /// draws (at the paper's 100 × 1000 a 17-parameter chain alone is 13.6 MB). <see cref="Samples"/> then throws.
    /// </summary>
    internal FitResult WithoutSamples() => Chain is null ? this : new FitResult(this);

    /// <summary>Whether the chain and samples were kept (false after <see cref="WithoutSamples"/>).</summary>
    internal bool HasSamples => Chain is not null;

    /// <summary>The fitted model's name (the paper's fits: Analysis.FitModel's "single", "double" or "dipole").</summary>
    internal string Model { get; }
    public int StarCount { get; }
    /// <summary>Sampled parameters in order (the names `halo fit` prints).</summary>
    public IReadOnlyList<string> ParameterNames { get; }
    /// <summary>Quantities computed per sample (β…).</summary>
    internal IReadOnlyList<string> DerivedNames { get; }
    public IReadOnlyDictionary<string, PosteriorSummary> Summary { get; }
    /// <summary>Mean acceptance fraction over walkers.</summary>
    internal double AcceptanceFraction { get; }
    internal double[] AcceptanceFractions { get; }
    /// <summary>
    /// Integrated autocorrelation time (steps) of each sampled parameter after burn-in (emcee's get_autocorr_time,
    /// quiet). Computed on the sampled coordinates before any folding (for the dipole, "b_apex" is τ of sin b_apex).
    /// </summary>
    internal IReadOnlyDictionary<string, double> AutocorrTime { get; }
    /// <summary>emcee's "chain is shorter than 50 τ" message, or null.</summary>
    internal string? AutocorrWarning { get; }
    internal double MaxLogProbability { get; }
    /// <summary>The point estimate the walkers started around.</summary>
    internal double[] Start { get; }
    internal double WallTimeSeconds { get; }
    internal FitSettings Settings { get; }
    /// <summary>What the reader must know about the reported numbers (e.g. the dipole folding).</summary>
    internal IReadOnlyList<string> Notes { get; }

    /// <summary>The moves the sampler ran, with their weights (e.g. "stretch (a = 2)").</summary>
    internal string Moves { get; }

    /// <summary>The whole chain, burn-in included, in the sampled coordinates (<see cref="ChainParameterNames"/>); null when dropped
    /// (<see cref="WithoutSamples"/>).</summary>
    internal ChainBackend? Chain { get; }

    /// <summary>
    /// The coordinates the sampler moved in, in order: the sampled parameters, except for the dipole, which samples
    /// sin b_apex and reports the folded (μ_dipole, l_apex, b_apex).
    /// </summary>
    internal IReadOnlyList<string> ChainParameterNames { get; }

    /// <summary>The samples kept beside the chain (derived, folded), without a copy: what the fit cache stores.</summary>
    internal IReadOnlyDictionary<string, double[]> StoredSamples => samples;

    /// <summary>Flat post-burn-in samples (sample = step × walkers + walker) of a sampled or derived parameter.</summary>
    public double[] Samples(string name) => samples.TryGetValue(name, out var s) ? (double[])s.Clone() : SamplesView(name);

    double[] SamplesView(string name) =>
        Chain is null
            ? throw new InvalidOperationException($"the samples of this {Model} fit were dropped after its summary (keep them with " +
                $"AnalysisSettings.KeepBinSamples)")
            : samples.TryGetValue(name, out var s) ? s
            : chainColumn.TryGetValue(name, out int column) ? Chain.GetFlatSamples(column, Settings.Sampler.Burn)
            : throw new KeyNotFoundException($"no parameter '{name}' in the {Model} fit; known: {string.Join(", ", ParameterNames.Concat(DerivedNames))}");

    /// <summary>
    /// Writes the whole chain (burn-in included, sampled coordinates): <c>.h5</c>/<c>.hdf5</c> in emcee's HDF5 backend
    /// layout (<see cref="HdfChainBackend"/>; Python: <c>emcee.backends.HDFBackend(path, read_only=True)</c>), <c>.csv</c>
    /// as walker, step, parameters, log_prob (<see cref="ChainCsv"/>).
    /// </summary>
    internal void SaveChain(string path)
    {
        if (Chain is null) throw new InvalidOperationException($"the chain of this {Model} fit was dropped after its summary, so it " +
            $"cannot be written to {path}");
        switch (Path.GetExtension(path).ToLowerInvariant())
        {
            case ".h5" or ".hdf5": HdfChainBackend.Write(Chain, path); break;
            case ".csv": ChainCsv.Write(Chain, path); break;
            default: throw new ArgumentException($"chain file '{path}': use .h5 (emcee's HDF5 layout) or .csv");
        }
    }

    /// <summary>The posterior medians of the sampled parameters, in order.</summary>
    internal double[] Medians => ParameterNames.Select(n => Summary[n].Median).ToArray();

    /// <summary>The JSON that `halo fit` writes.</summary>
    internal string ToJson()
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteString("model", Model);
            w.WriteNumber("n_stars", StarCount);
            w.WriteStartObject("parameters");
            foreach (var (name, s) in Summary)
            {
                w.WriteStartObject(name);
                Number(w, "median", s.Median); Number(w, "p16", s.P16); Number(w, "p84", s.P84);
                w.WriteEndObject();
            }
            w.WriteEndObject();
            w.WriteStartArray("derived");
            foreach (var n in DerivedNames) w.WriteStringValue(n);
            w.WriteEndArray();
            Number(w, "acceptance_fraction", AcceptanceFraction);
            w.WriteStartObject("autocorr_time");
            foreach (var (name, t) in AutocorrTime) Number(w, name, t);
            w.WriteEndObject();
            if (AutocorrWarning is not null) w.WriteString("autocorr_warning", AutocorrWarning);
            Number(w, "max_log_prob", MaxLogProbability);
            w.WriteNumber("wall_time_s", WallTimeSeconds);
            w.WriteStartObject("settings");
            w.WriteNumber("walkers", Settings.Sampler.Walkers); w.WriteNumber("steps", Settings.Sampler.Steps);
            w.WriteNumber("burn", Settings.Sampler.Burn); w.WriteNumber("seed", Settings.Sampler.Seed);
            if (Settings.MaxDegreeOfParallelism is int threads) w.WriteNumber("threads", threads); else w.WriteNull("threads");
            w.WriteString("move", Moves);
            w.WriteEndObject();
            w.WriteStartArray("notes");
            foreach (var n in Notes) w.WriteStringValue(n);
            w.WriteEndArray();
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>JSON has no ∞ or NaN (a short chain's τ estimate can be infinite): those are written as null.</summary>
    static void Number(Utf8JsonWriter w, string name, double value)
    {
        if (double.IsFinite(value)) w.WriteNumber(name, value); else w.WriteNull(name);
    }

    public string ToHtml()
    {
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"<div class=\"fit-result\"><p><b>{Model}</b> fit of {StarCount} stars: ")
          .Append(CultureInfo.InvariantCulture, $"{Settings.Sampler.Walkers} walkers × {Settings.Sampler.Steps} steps, {Settings.Sampler.Burn} burn-in; ")
          .Append(CultureInfo.InvariantCulture, $"acceptance {AcceptanceFraction:F3}; {WallTimeSeconds:F1} s</p>")
          .Append("<table><thead><tr><th>parameter</th><th>median</th><th>+</th><th>−</th><th>τ (steps)</th></tr></thead><tbody>");
        foreach (var (name, s) in Summary)
        {
            string tau = AutocorrTime.TryGetValue(name, out var t) ? t.ToString("F1", CultureInfo.InvariantCulture) : "";
            string label = DerivedNames.Contains(name) ? name + " (derived)" : name;
            sb.Append(CultureInfo.InvariantCulture,
                $"<tr><td>{WebUtility.HtmlEncode(label)}</td><td>{s.Median:G6}</td><td>{s.ErrPlus:G3}</td><td>{s.ErrMinus:G3}</td><td>{tau}</td></tr>");
        }
        sb.Append("</tbody></table>");
        foreach (var n in Notes.Concat(AutocorrWarning is null ? [] : [AutocorrWarning]))
            sb.Append("<p><i>").Append(WebUtility.HtmlEncode(n)).Append("</i></p>");
        return sb.Append("</div>").ToString();
    }

    public override string ToString() =>
        $"{Model} fit, {StarCount} stars: " + string.Join("; ", Summary.Select(kv => $"{kv.Key} = {kv.Value}"));
}
