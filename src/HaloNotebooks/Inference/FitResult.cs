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
    readonly Dictionary<string, double[]> samples;

    internal FitResult(string model, int starCount, IReadOnlyList<string> parameterNames, IReadOnlyList<string> derivedNames,
        Dictionary<string, double[]> samples, double[] acceptanceFractions, IReadOnlyDictionary<string, double> autocorrTime,
        string? autocorrWarning, double maxLogProbability, double[] start, double wallTimeSeconds, FitSettings settings, IReadOnlyList<string> notes)
    {
        Model = model;
        StarCount = starCount;
        ParameterNames = parameterNames;
        DerivedNames = derivedNames;
        this.samples = samples;
        Summary = parameterNames.Concat(derivedNames).ToDictionary(n => n, n => PosteriorSummary.FromSamples(samples[n]));
        AcceptanceFractions = acceptanceFractions;
        AcceptanceFraction = acceptanceFractions.Average();
        AutocorrTime = autocorrTime;
        AutocorrWarning = autocorrWarning;
        MaxLogProbability = maxLogProbability;
        Start = start;
        WallTimeSeconds = wallTimeSeconds;
        Settings = settings;
        Notes = notes;
    }

    /// <summary>"single" | "double" | "dipole".</summary>
    public string Model { get; }
    public int StarCount { get; }
    /// <summary>Sampled parameters in order (names of issue 4).</summary>
    public IReadOnlyList<string> ParameterNames { get; }
    /// <summary>Quantities computed per sample (β…).</summary>
    public IReadOnlyList<string> DerivedNames { get; }
    public IReadOnlyDictionary<string, PosteriorSummary> Summary { get; }
    /// <summary>Mean acceptance fraction over walkers.</summary>
    public double AcceptanceFraction { get; }
    public double[] AcceptanceFractions { get; }
    /// <summary>
    /// Integrated autocorrelation time (steps) of each sampled parameter after burn-in (emcee's get_autocorr_time,
    /// quiet). Computed on the sampled coordinates before any folding (for the dipole, "b_apex" is τ of sin b_apex).
    /// </summary>
    public IReadOnlyDictionary<string, double> AutocorrTime { get; }
    /// <summary>emcee's "chain is shorter than 50 τ" message, or null.</summary>
    public string? AutocorrWarning { get; }
    public double MaxLogProbability { get; }
    /// <summary>The point estimate the walkers started around.</summary>
    public double[] Start { get; }
    public double WallTimeSeconds { get; }
    public FitSettings Settings { get; }
    /// <summary>What the reader must know about the reported numbers (e.g. the dipole folding).</summary>
    public IReadOnlyList<string> Notes { get; }

    /// <summary>Flat post-burn-in samples (sample = step × walkers + walker) of a sampled or derived parameter.</summary>
    public double[] Samples(string name) =>
        samples.TryGetValue(name, out var s) ? (double[])s.Clone()
            : throw new KeyNotFoundException($"no parameter '{name}' in the {Model} fit; known: {string.Join(", ", samples.Keys)}");

    /// <summary>The posterior medians of the sampled parameters, in order.</summary>
    public double[] Medians => ParameterNames.Select(n => Summary[n].Median).ToArray();

    /// <summary>The `halo fit` JSON of issue 4.</summary>
    public string ToJson()
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
                w.WriteNumber("median", s.Median); w.WriteNumber("p16", s.P16); w.WriteNumber("p84", s.P84);
                w.WriteEndObject();
            }
            w.WriteEndObject();
            w.WriteStartArray("derived");
            foreach (var n in DerivedNames) w.WriteStringValue(n);
            w.WriteEndArray();
            w.WriteNumber("acceptance_fraction", AcceptanceFraction);
            w.WriteStartObject("autocorr_time");
            foreach (var (name, t) in AutocorrTime) w.WriteNumber(name, t);
            w.WriteEndObject();
            if (AutocorrWarning is not null) w.WriteString("autocorr_warning", AutocorrWarning);
            w.WriteNumber("max_log_prob", MaxLogProbability);
            w.WriteNumber("wall_time_s", WallTimeSeconds);
            w.WriteStartObject("settings");
            w.WriteNumber("walkers", Settings.Walkers); w.WriteNumber("steps", Settings.Steps);
            w.WriteNumber("burn", Settings.Burn); w.WriteNumber("seed", Settings.Seed);
            if (Settings.MaxDegreeOfParallelism is int threads) w.WriteNumber("threads", threads); else w.WriteNull("threads");
            w.WriteString("move", "stretch (a = 2)");
            w.WriteEndObject();
            w.WriteStartArray("notes");
            foreach (var n in Notes) w.WriteStringValue(n);
            w.WriteEndArray();
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    public string ToHtml()
    {
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"<div class=\"fit-result\"><p><b>{Model}</b> fit of {StarCount} stars: ")
          .Append(CultureInfo.InvariantCulture, $"{Settings.Walkers} walkers × {Settings.Steps} steps, {Settings.Burn} burn-in; ")
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
