using System.Globalization;
using System.Net;
using System.Text;
using HaloNotebooks.Astrometry;
using HaloNotebooks.Display;
using HaloNotebooks.Inference;
using HaloNotebooks.Paper;

namespace HaloNotebooks.Analysis;

/// <summary>
/// One model fitted to the stars of one radial bin: the bin (count, median r_GC) and, per parameter, the posterior
/// median with its 16th/84th-percentile errors, keyed by the parameter names of `halo fit`'s JSON
/// (single: vr … feh_sigma, beta; double: … _mr / _mp, p_mr, beta_mr, beta_mp; dipole: mu_compr, mu_dipole,
/// sigma_r, l_apex, b_apex in degrees with l_apex's median in [−180, 180) as Table 3 prints it).
/// </summary>
[TypeFormatterSource(typeof(HtmlFormatterSource))]
public sealed class BinFit : IHtmlDisplay
{
    public BinFit(FitModel model, RadialBin bin, IReadOnlyDictionary<string, Measurement> parameters, long seed, double wallTimeSeconds, FitResult? fit = null)
    {
        Fit = fit;
        Model = model;
        Bin = bin;
        Parameters = parameters;
        Seed = seed;
        WallTimeSeconds = wallTimeSeconds;
    }

    /// <summary>
    /// A bin's MCMC fit summarised: medians and 16/84th percentiles of every sampled and derived parameter; l_apex is
    /// summarised on the circle in the one convention of <see cref="Angles.LongitudeCentre"/> (median in [−180°, 180°)).
    /// </summary>
    public static BinFit FromFit(RadialBin bin, FitResult fit)
    {
        var parameters = new Dictionary<string, Measurement>();
        foreach (var (name, s) in fit.Summary)
            parameters[name] = name == "l_apex" ? CircularLongitude(fit.Samples(name)) : Measurement.FromPercentiles(s.Median, s.P16, s.P84);
        return new BinFit(FitModel.Parse(fit.Model), bin, parameters, fit.Settings.Sampler.Seed, fit.WallTimeSeconds, fit);
    }

    /// <summary>Median and 16/84th percentiles of longitudes (deg) in the one l_apex convention
    /// (<see cref="Angles.LongitudeCentre"/>): unwrapped around their mode, median in [−180, 180).</summary>
    internal static Measurement CircularLongitude(ReadOnlySpan<double> longitudes) => Measurement.FromSamples(Angles.UnwrapLongitudes(longitudes));

    /// <summary>The sampler's result (corner plots, chains); null for the one-dimensional grid fits.</summary>
    public FitResult? Fit { get; }

    /// <summary>The model fitted.</summary>
    internal FitModel Model { get; }

    /// <summary>The radial interval, its star count and median r_GC.</summary>
    public RadialBin Bin { get; }

    /// <summary>Posterior median and 1σ errors per parameter.</summary>
    public IReadOnlyDictionary<string, Measurement> Parameters { get; }

    /// <summary>The seed this fit's sampler used (derived from the master seed).</summary>
    public long Seed { get; }

    /// <summary>Wall time of this fit.</summary>
    internal double WallTimeSeconds { get; }

    /// <summary>The parameter's measurement; a clear error if this fit has no such parameter.</summary>
    public Measurement this[string parameter] => Parameters.TryGetValue(parameter, out var m) ? m
        : throw new KeyNotFoundException($"the {Model} fit of {Bin.Label} kpc has no parameter '{parameter}'; it has {string.Join(", ", Parameters.Keys)}");

    public string ToHtml()
    {
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"<table><caption>{Model} fit, r<sub>GC</sub> in {WebUtility.HtmlEncode(Bin.Label)} kpc, N = {Bin.Count}, " +
            $"median r = {Bin.RMedian:0.0} kpc</caption><tr><th>parameter</th><th>value</th></tr>");
        foreach (var (name, m) in Parameters)
            sb.Append(CultureInfo.InvariantCulture, $"<tr><td>{WebUtility.HtmlEncode(name)}</td><td>{m.ToHtml(3)}</td></tr>");
        return sb.Append("</table>").ToString();
    }

    public override string ToString() => $"{Model} {Bin.Label} N={Bin.Count}: " + string.Join(", ", Parameters.Select(p => $"{p.Key}={p.Value}"));
}
