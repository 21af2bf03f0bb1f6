using System.Globalization;
using System.Net;
using System.Text;
using HaloNotebooks.Astrometry;
using HaloNotebooks.Display;
using HaloNotebooks.Inference;
using HaloNotebooks.Models;
using HaloNotebooks.Paper;
using HaloNotebooks.Selection;
using HaloNotebooks.Numerics;
using C = HaloNotebooks.Catalogs.CanonicalColumns;

namespace HaloNotebooks.Analysis;

/// <summary>One mode of the dipole posterior as the sampler visited it: the samples with μ_dipole of one sign.</summary>
/// <param name="Name">"μ_dipole &lt; 0" (the paper's canonical form) or "μ_dipole &gt; 0" (apex at the antipode).</param>
/// <param name="Samples">Post-burn-in samples in this mode.</param>
/// <param name="Fraction">Their share of all samples.</param>
/// <param name="Parameters">Median and 16/84th percentiles of mu_compr, mu_dipole, sigma_r, l_apex (in (−180°, 180°]),
/// b_apex; empty when the sampler never visited the mode.</param>
public sealed record DipoleMode(string Name, int Samples, double Fraction, IReadOnlyDictionary<string, Measurement> Parameters);

/// <summary>
/// The dipole + contraction field (§3.2, Eqs. 5–6) fitted to real DESI DR1 BHB stars (Byström et al. 2025's
/// catalogue; <see cref="BhbSelection"/>) with the model, priors and sampler of Table 3, over Table 3's 50–120 kpc.
/// The likelihood is unchanged under (μ_dipole, apex) → (−μ_dipole, antipode), so the posterior has two mirror modes;
/// both are reported as sampled (<see cref="Modes"/>) beside the folded result (<see cref="HaloFits.Dipole"/> folds
/// every sample to μ_dipole ≤ 0, as for Table 3). Also the north/south ⟨V_r⟩ profile of the same stars (Fig. 6).
/// </summary>
[TypeFormatterSource(typeof(HtmlFormatterSource))]
public sealed class BhbDipoleFit : IHtmlDisplay
{
    /// <summary>The fit's name, from which its sampler seed derives (<see cref="FitKey.Seed"/>).</summary>
    public static FitKey Key { get; } = new("bhb_dipole", FitModel.Dipole, FitKey.AllStars);

    BhbDipoleFit(HaloSample allRadii, HaloSample outer, BinFit folded, IReadOnlyList<DipoleMode> modes, HemisphereProfile hemispheres)
    {
        AllRadii = allRadii;
        Sample = outer;
        Folded = folded;
        Modes = modes;
        Hemispheres = hemispheres;
    }

    /// <summary>The BHB stars after the §4.4 error cut, 3–160 kpc (Fig. 6's profile).</summary>
    internal HaloSample AllRadii { get; }

    /// <summary>The stars of the dipole fit (50–120 kpc).</summary>
    public HaloSample Sample { get; }

    /// <summary>The fit, folded to μ_dipole ≤ 0 (Table 3's convention); its <see cref="BinFit.Fit"/> holds the chain.</summary>
    public BinFit Folded { get; }

    /// <summary>The two modes as sampled: μ_dipole &lt; 0 first, then μ_dipole &gt; 0.</summary>
    public IReadOnlyList<DipoleMode> Modes { get; }

    /// <summary>⟨V_r⟩ of the northern and southern BHB stars per radial bin (the Byström et al. curves of Fig. 6, refitted).</summary>
    public HemisphereProfile Hemispheres { get; }

    /// <summary>The folded field at its posterior medians.</summary>
    internal DipoleVelocityField Field => DipoleVelocityField.FromFit(Folded);

    /// <summary>Byström et al. (2025)'s published field (§4.4 quotes it; no errors shipped).</summary>
    public static DipoleVelocityField Published => DipoleVelocityField.Bystrom2025;

    /// <summary>
    /// Selects (<see cref="BhbSelection"/>, seeded with <paramref name="selection"/>.Seed) and fits the stars of
    /// <paramref name="catalogue"/> (Catalogs.DesiBhbStars.Read) between Table 3's outer edges, with
    /// <paramref name="settings"/>' walkers, steps and burn-in and the fit seed of <see cref="Key"/>.
    /// </summary>
    public static BhbDipoleFit Run(Catalogs.StarTable catalogue, AnalysisSettings settings, SelectionSettings? selection = null,
        IProgress<double>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        settings.Validate();
        var all = BhbSelection.Run(catalogue, selection ?? SelectionSettings.PaperDipole,
            progress is null ? null : FractionOf(progress, 0, 0.2));
        return Fit(all, settings, progress is null ? null : FractionOf(progress, 0.2, 0.8));
    }

    /// <summary>Fits an already selected BHB sample (all radii; the dipole range is cut here).</summary>
    public static BhbDipoleFit Fit(HaloSample allRadii, AnalysisSettings settings, IProgress<double>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(allRadii);
        var range = settings.DipoleRadialBins;
        var outer = allRadii.InRadialRange(range.RMin, range.RMax);
        if (outer.Count < 10)
            throw new ArgumentException($"only {outer.Count} BHB stars between {range.RMin} and {range.RMax} kpc after the cuts: too few for " +
                $"the 5-parameter dipole fit");
        var steps = progress is null ? null : new SyncProgress<SamplerProgress>(p => progress.Report((double)p.Step / settings.Sampler.Steps));
        var fitSettings = new FitSettings(settings.Sampler with { Seed = Key.Seed(settings.Sampler.Seed) }, settings.MaxDegreeOfParallelism)
        {
            Progress = steps,
        };
        var fit = HaloFits.Dipole(outer.ToRadialVelocitySample(), fitSettings);
        var bin = RadialBin.Of(range.RMin, range.RMax, outer.Stars.GetDouble(C.RGc));
        var stars = allRadii.Stars;
        var hemispheres = HemisphereProfile.Fit(stars.GetDouble(C.B), stars.GetDouble(C.RGc), stars.GetDouble(C.VR), stars.GetDouble(C.ErrVR),
            settings.HemisphereRadialBins, settings.HemisphereMinStars);
        var subBins = FitSubBins(allRadii, settings, fitSettings with { Progress = null });
        progress?.Report(1);
        return new BhbDipoleFit(allRadii, outer, BinFit.FromFit(bin, fit), SplitModes(fit), hemispheres) { SubBins = subBins };
    }

    /// <summary>The same fit in each of Table 3's sub-bins (Fig. 9's per-radius BHB points and 1σ bands), each with the seed of
    /// its own <see cref="FitKey"/>; a sub-bin with fewer than <see cref="MinSubBinStars"/> stars is left out.</summary>
    internal IReadOnlyList<BinFit> SubBins { get; private init; } = [];

    /// <summary>Fewest stars for a sub-bin fit of the five-parameter field.</summary>
    internal const int MinSubBinStars = 30;

    static List<BinFit> FitSubBins(HaloSample allRadii, AnalysisSettings settings, FitSettings fitSettings)
    {
        var range = settings.DipoleRadialBins;
        var fits = new List<BinFit>();
        if (range.Count < 2) return fits;
        for (int k = 0; k < range.Count; k++)
        {
            var (lo, hi) = range[k];
            var stars = allRadii.InRadialRange(lo, hi);
            if (stars.Count < MinSubBinStars) continue;
            var key = new FitKey(Key.Stage, FitModel.Dipole, k);
            var fit = HaloFits.Dipole(stars.ToRadialVelocitySample(),
                fitSettings with { Sampler = fitSettings.Sampler with { Seed = key.Seed(settings.Sampler.Seed) } });
            fits.Add(BinFit.FromFit(RadialBin.Of(lo, hi, stars.Stars.GetDouble(C.RGc)), fit));
        }
        return fits;
    }

    /// <summary>The post-burn-in samples as the sampler drew them, before folding: mu_compr, mu_dipole, sigma_r, l_apex
    /// in [0°, 360°), b_apex in degrees (from the sampled sin b_apex).</summary>
    public static IReadOnlyDictionary<string, double[]> UnfoldedSamples(FitResult dipoleFit)
    {
        ArgumentNullException.ThrowIfNull(dipoleFit);
        if (dipoleFit.Model != FitModel.Dipole.Name) throw new ArgumentException($"need a dipole fit, got '{dipoleFit.Model}'");
        var chain = dipoleFit.Chain ?? throw new ArgumentException("the fit's chain was dropped (FitResult.WithoutSamples): the modes need it");
        int burn = dipoleFit.Settings.Sampler.Burn;
        double[] Raw(string name) => chain.GetFlatSamples(IndexOf(dipoleFit.ChainParameterNames, name), burn);
        return new Dictionary<string, double[]>
        {
            ["mu_compr"] = Raw("mu_compr"), ["mu_dipole"] = Raw("mu_dipole"), ["sigma_r"] = Raw("sigma_r"),
            ["l_apex"] = Raw("l_apex"), ["b_apex"] = Raw("sin_b_apex").Select(s => Math.Asin(s) * Angles.RadToDeg).ToArray(),
        };
    }

    /// <summary>The unfolded samples split by the sign of μ_dipole, each mode summarised on its own.</summary>
    internal static IReadOnlyList<DipoleMode> SplitModes(FitResult dipoleFit)
    {
        var raw = UnfoldedSamples(dipoleFit);
        var mu = raw["mu_dipole"];
        DipoleMode Mode(string name, Func<double, bool> inMode)
        {
            var idx = Enumerable.Range(0, mu.Length).Where(i => inMode(mu[i])).ToArray();
            var parameters = new Dictionary<string, Measurement>();
            if (idx.Length > 0)
                foreach (var (key, values) in raw)
                {
                    var pick = idx.Select(i => values[i]).ToArray();
                    parameters[key] = key == "l_apex" ? BinFit.CircularLongitude(pick) : Measurement.FromSamples(pick);
                }
            return new DipoleMode(name, idx.Length, mu.Length == 0 ? 0 : (double)idx.Length / mu.Length, parameters);
        }
        return [Mode("μ_dipole < 0", m => m <= 0), Mode("μ_dipole > 0", m => m > 0)];
    }

    static int IndexOf(IReadOnlyList<string> names, string name)
    {
        for (int k = 0; k < names.Count; k++) if (names[k] == name) return k;
        throw new KeyNotFoundException($"no chain coordinate '{name}'");
    }

    /// <summary>The parameters compared with Byström et al. (2025): (name, ours folded, theirs, ours − theirs in our σ).</summary>
    public IReadOnlyList<(string Name, Measurement Ours, double Published, double DifferenceInSigma)> ComparisonWithPublished()
    {
        var p = Published;
        var rows = new List<(string, Measurement, double, double)>();
        foreach (var (name, theirs) in new[] { ("mu_compr", p.MuCompr), ("mu_dipole", p.MuDipole), ("l_apex", p.LApex), ("b_apex", p.BApex) })
        {
            var ours = Folded[name];
            double diff = name == "l_apex" ? Angles.Wrap180(ours.Value - theirs) : ours.Value - theirs;
            double sigma = diff > 0 ? ours.ErrMinus : ours.ErrPlus;
            rows.Add((name, ours, theirs, sigma > 0 ? diff / sigma : double.NaN));
        }
        return rows;
    }

    /// <summary>What differs from the paper's K-giant fit and from Byström et al.'s own fit, for the report and notebook.</summary>
    internal static string Adaptation =>
        "§4.4 error cut adapted to the catalogue: |δV_r| < 50 km/s from the Monte-Carlo draws of §2.3 over the measured RV and Gaia " +
        "proper-motion errors and of the table's distance error, which is an assumed 10 % of the distance (the processed " +
        "DR1 BHB table holds no measured distance error). The K-giant and disc cuts of §2.3 do not apply to BHB stars; " +
        "the Sgr mask |B̃| < 15° does. Byström et al. fitted the line-of-sight V_GSR of DESI and SDSS BHB stars with their own " +
        "likelihood; here the paper's Eq. 6 is fitted to the Galactocentric V_r of the DESI DR1 stars alone.";

    public string ToHtml()
    {
        static string E(string s) => WebUtility.HtmlEncode(s);
        var sb = new StringBuilder();
        var ci = CultureInfo.InvariantCulture;
        sb.Append("<div class=\"bhb-dipole\"><p><b>Dipole + contraction field (Eq. 6) of the DESI DR1 BHB stars</b>, ")
          .Append(Folded.Bin.Count.ToString("N0", ci)).Append(" stars in ").Append(E(Folded.Bin.Label)).Append(" kpc, median r<sub>GC</sub> = ")
          .Append(Folded.Bin.RMedian.ToString("F1", ci)).Append(" kpc.</p><p>").Append(E(Adaptation)).Append("</p>");
        sb.Append("<table><tr><th></th><th>stars</th><th>share of samples</th>");
        foreach (var n in DipoleField.ParameterNames) sb.Append("<th>").Append(E(n)).Append("</th>");
        sb.Append("</tr>");
        void Row(string label, string count, string share, Func<string, Measurement?> value)
        {
            sb.Append("<tr><td>").Append(E(label)).Append("</td><td>").Append(count).Append("</td><td>").Append(share).Append("</td>");
            foreach (var n in DipoleField.ParameterNames) sb.Append("<td>").Append(value(n) is { } m ? m.ToHtml(1) : "—").Append("</td>");
            sb.Append("</tr>");
        }
        foreach (var mode in Modes)
            Row("mode " + mode.Name, mode.Samples.ToString("N0", ci), (100 * mode.Fraction).ToString("F1", ci) + " %",
                n => mode.Parameters.TryGetValue(n, out var m) ? m : null);
        Row("folded (μ_dipole ≤ 0)", Folded.Bin.Count.ToString("N0", ci), "100 %", n => Folded.Parameters.TryGetValue(n, out var m) ? m : null);
        var p = Published;
        Row("Byström et al. (2025), published", "", "", n => n switch
        {
            "mu_compr" => Measurement.Exact(p.MuCompr), "mu_dipole" => Measurement.Exact(p.MuDipole),
            "l_apex" => Measurement.Exact(p.LApex), "b_apex" => Measurement.Exact(p.BApex), _ => null,
        });
        sb.Append("</table></div>");
        return sb.ToString();
    }

    /// <summary>One row per mode, the folded fit and Byström et al.'s published values: row, samples, fraction, then
    /// median/p16/p84 of each parameter (published: the value in every column of the median).</summary>
    internal string ToCsv()
    {
        var ci = CultureInfo.InvariantCulture;
        var sb = new StringBuilder("row,stars,samples,fraction");
        foreach (var n in DipoleField.ParameterNames) sb.Append(ci, $",{n},{n}_p16,{n}_p84");
        sb.Append('\n');
        string F(double x) => double.IsFinite(x) ? x.ToString("R", ci) : "";
        void Row(string name, string stars, string samples, string fraction, Func<string, Measurement?> value)
        {
            sb.Append(name).Append(',').Append(stars).Append(',').Append(samples).Append(',').Append(fraction);
            foreach (var n in DipoleField.ParameterNames)
            {
                var m = value(n);
                sb.Append(',').Append(m is { } a ? F(a.Value) : "").Append(',').Append(m is { } b && !b.IsExact ? F(b.P16) : "")
                  .Append(',').Append(m is { } c && !c.IsExact ? F(c.P84) : "");
            }
            sb.Append('\n');
        }
        int total = Modes.Sum(m => m.Samples);
        foreach (var mode in Modes)
            Row(mode.Name.Replace("μ_dipole", "mu_dipole", StringComparison.Ordinal), Folded.Bin.Count.ToString(ci),
                mode.Samples.ToString(ci), F(mode.Fraction),
                n => mode.Parameters.TryGetValue(n, out var m) ? m : null);
        Row("folded", Folded.Bin.Count.ToString(ci), total.ToString(ci), "1", n => Folded.Parameters.TryGetValue(n, out var m) ? m : null);
        foreach (var sub in SubBins)   // Fig. 9's per-radius points: one row per Table 3 sub-bin with enough stars
            Row(string.Create(ci, $"folded {sub.Bin.RMin:0.#}-{sub.Bin.RMax:0.#} kpc"), sub.Bin.Count.ToString(ci), "", "",
                n => sub.Parameters.TryGetValue(n, out var m) ? m : null);
        var p = Published;
        Row("bystrom2025_published", "", "", "", n => n switch
        {
            "mu_compr" => Measurement.Exact(p.MuCompr), "mu_dipole" => Measurement.Exact(p.MuDipole),
            "l_apex" => Measurement.Exact(p.LApex), "b_apex" => Measurement.Exact(p.BApex), _ => null,
        });
        return sb.ToString();
    }

    public override string ToString()
    {
        var f = Folded;
        return string.Create(CultureInfo.InvariantCulture,
            $"BHB dipole fit: {f.Bin.Count} stars {f.Bin.Label} kpc; mu_compr {f["mu_compr"]}, mu_dipole {f["mu_dipole"]}, l_apex " +
                $"{f["l_apex"]}, b_apex {f["b_apex"]}");
    }

    /// <summary>A stage's 0–1 mapped onto [start, start + width] of the whole.</summary>
    static SyncProgress<double> FractionOf(IProgress<double> progress, double start, double width) =>
        new(value => progress.Report(start + width * value));
}
