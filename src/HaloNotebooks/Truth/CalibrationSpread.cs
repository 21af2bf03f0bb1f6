using HaloNotebooks.Catalogs;
using HaloNotebooks.Models;
using HaloNotebooks.Paper;

namespace HaloNotebooks.Truth;

/// <summary>
/// The calibration noise of data/reference/mock_calibrated_halo.csv: per Table 2 bin, component and parameter the standard
/// deviation over independent seeds of one calibration step's output (data/reference/mock_calibration_spread.csv, provenance
/// in its .md). Used as the noise of the shipped value without the 1/√3 the average of the last 3 steps would give for
/// independent steps: successive steps are independent only where the fit responds one-to-one to the input, and where it
/// responds less (a truncated [Fe/H] spread) the noise in input units is larger; so this is the conservative choice.
/// Entries the calibration does not move (bins with &lt; 500 stars, the outer halo's mean V_r, V_θ) are absent.
/// </summary>
internal static class CalibrationSpread
{
    public const string File = "mock_calibration_spread.csv";

    /// <summary>One step's spread keyed by (component, r_min, r_max, Table 2 key, e.g. "feh_sigma").</summary>
    public static IReadOnlyDictionary<(string Component, double RMin, double RMax, string Key), double> StepSpread { get; } =
        Parse(PublishedTables.ReadResource(File));

    /// <summary>How many independent seeds the spread is over (the file's "seeds" column; 0 if empty).</summary>
    public static int Seeds { get; } = PublishedTables.ReadResource(File).Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1)
        .Select(l => int.Parse(l.Split(',')[4], System.Globalization.CultureInfo.InvariantCulture)).DefaultIfEmpty(0).Max();

    public static Dictionary<(string, double, double, string), double> Parse(string csv, string source = File)
    {
        var t = CsvTable.Parse(csv, source, name => name is "component" or "parameter" ? ColumnType.String : ColumnType.Double);
        var comp = t.GetString("component");
        var key = t.GetString("parameter");
        var lo = t.GetDouble("r_min_kpc");
        var hi = t.GetDouble("r_max_kpc");
        var sd = t.GetDouble("step_sd");
        var d = new Dictionary<(string, double, double, string), double>();
        for (int i = 0; i < t.RowCount; i++)
        {
            if (!(sd[i] >= 0)) throw new CatalogException($"row {i + 2}, column step_sd: a spread must be ≥ 0, got {sd[i]}", source);
            d[(comp[i], lo[i], hi[i], key[i])] = sd[i];
        }
        return d;
    }

    /// <summary>The noise of the shipped intrinsic value (one step's spread over seeds), or NaN where the calibration did not touch the entry.</summary>
    public static double Of(string component, double rMin, double rMax, string key) =>
        StepSpread.TryGetValue((component, rMin, rMax, key), out double s) ? s : double.NaN;
}

/// <summary>Why a selection-bias entry says nothing about the population (null: it is constrained).</summary>
internal static class SelectionBiasConstraint
{
    public const string NotCalibrated = "not calibrated";
    public const string AtPriorBound = "at a prior bound";
    public const string BeyondFehCut = "beyond the [Fe/H] cut";

    /// <summary>An intrinsic value within this fraction of the prior's width (or within its calibration noise) of a footnote-11 bound is on it.</summary>
    public const double PriorBoundTolerance = 0.01;

    /// <summary>The [Fe/H] cut (§2.3) leaves the component's mean and spread unconstrained when it lies within this many
    /// intrinsic σ_[Fe/H] above the mean: then more than 16% of the component is cut away and the fit extrapolates its shape.</summary>
    public const double FehCutMinZ = 1.0;

    /// <summary>A constrained entry is a significant bias when |intrinsic − published| exceeds this many combined σ.</summary>
    public const double SignificanceSigmas = 3.0;

    /// <summary>
    /// The reason an entry is unconstrained, or null. <paramref name="calibrationSigma"/> NaN = the calibration did not touch it;
    /// <paramref name="fehMean"/>/<paramref name="fehSigma"/> = the component's intrinsic [Fe/H] Gaussian in that bin.
    /// </summary>
    public static string? Reason(string key, double intrinsic, double calibrationSigma, double fehMean, double fehSigma,
        MixturePriors priors, double fehCut)
    {
        if (double.IsNaN(calibrationSigma)) return NotCalibrated;
        var prior = key switch
        {
            "vr" or "vphi" or "vtheta" => priors.VelocityMean,
            "sigma_r" or "sigma_phi" or "sigma_theta" => priors.VelocitySigma,
            "feh_mean" => priors.FehMean,
            "feh_sigma" => priors.FehSigma,
            "p_mr" => priors.PMetalRich,
            _ => throw new ArgumentException($"unknown Table 2 parameter '{key}'", nameof(key)),
        };
        double tol = Math.Max(PriorBoundTolerance * prior.Width, calibrationSigma);
        if (intrinsic <= prior.Lower + tol || intrinsic >= prior.Upper - tol) return AtPriorBound;
        if (key is "feh_mean" or "feh_sigma" && (fehCut - fehMean) / fehSigma < FehCutMinZ) return BeyondFehCut;
        return null;
    }
}
