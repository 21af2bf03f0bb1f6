using System.Diagnostics;
using HaloNotebooks.Catalogs;
using HaloNotebooks.Mocks;
using HaloNotebooks.Numerics;
using HaloNotebooks.Selection;
using HaloNotebooks.Analysis;
using HaloNotebooks.Paper;
using HaloNotebooks.Truth;

namespace HaloNotebooks.Pipeline;

/// <summary>Progress of <see cref="Reproduction.Run"/>: the stage and how far it is (0–1).</summary>
internal readonly record struct ReproductionProgress(string Stage, double Fraction, string Detail = "");

/// <summary>What `halo reproduce` was asked to do beyond the analysis settings.</summary>
/// <param name="Analysis">Walkers, steps, burn-in, master seed, bins, sky map…</param>
/// <param name="SelectionSeed">Seed of the selection's Monte-Carlo velocity errors.</param>
/// <param name="InputDescription">What is analysed, for the report ("default mock (data/mock)", a path…).</param>
/// <param name="Settings">Every option as given on the command line, for the report and summary.json.</param>
/// <param name="Png">Also render PNG figures when Chromium is available.</param>
/// <param name="AppendixStars">About how many stars of the calibrated mock each Appendix A level fits (0: no Appendix A;
/// Truth.AppendixCalibratedMock). Its seeds are derived from the master seed.</param>
/// <param name="TruthReplicas">Re-observations of a mock pooled for the truth of Tables 1–2 (MockTruthTables.Replicas).</param>
/// <param name="Selection">The §2.3 selection of Tables 1–2 (null: the paper's, seeded with SelectionSeed); a what-if changes it.</param>
/// <param name="DipoleSelection">The §4.4 selection of Table 3 (null: the paper's, seeded with SelectionSeed).</param>
/// <param name="MockTruth">
/// On a mock, also derive the truth of this one realisation from re-observed replicas (MockTruthTables): it separates
/// realisation noise from pipeline bias. Off by default: the calibrated mock's expected result is known by construction.
/// </param>
internal sealed record ReproductionSettings(AnalysisSettings Analysis, long SelectionSeed, string InputDescription,
    IReadOnlyList<(string Name, object Value)> Settings, bool Png = true, int AppendixStars = AppendixCalibratedMock.DefaultStars,
    int TruthReplicas = MockTruthTables.DefaultReplicas, SelectionSettings? Selection = null, SelectionSettings? DipoleSelection = null,
    bool MockTruth = false)
{
    /// <summary>The mock Appendix A perturbs (catalogue with distances, MockCatalog.Truth, its substructures) when the analysed
    /// catalogue is not that mock; null: the analysed catalogue when it is a mock (its truth given), else no Appendix A.</summary>
    internal (StarTable Catalogue, StarTable Truth, SubstructureCatalog? Substructures)? AppendixSource { get; init; }

    /// <summary>The §2.3 selection in effect.</summary>
    internal SelectionSettings EffectiveSelection => Selection ?? SelectionSettings.Paper with { Seed = SelectionSeed };

    /// <summary>The §4.4 selection in effect.</summary>
    internal SelectionSettings EffectiveDipoleSelection => DipoleSelection ?? SelectionSettings.PaperDipole with { Seed = SelectionSeed };

    /// <summary>Folder of the public comparison catalogues (Literature.LiteratureFits; tables/literature_fits.csv, Figs. 2, 5); null: none.</summary>
    internal string? LiteratureDirectory { get; init; }

    /// <summary>How the selections differ from the paper's (the seed is not a change of cut).</summary>
    internal IReadOnlyList<string> SelectionChanges =>
        SelectionParameter.Changes(EffectiveSelection with { Seed = 0, MaxDegreeOfParallelism = null }, SelectionSettings.Paper with { Seed = 0 })
            .Select(c => "§2.3 " + c)
            .Concat(SelectionParameter.Changes(EffectiveDipoleSelection with { Seed = 0, MaxDegreeOfParallelism = null },
                SelectionSettings.PaperDipole with { Seed = 0 })
            .Select(c => "§4.4 " + c)).ToList();
}

/// <summary>
/// The paper from one call: §2.3 and §4.4 selections → every fit (Tables 1–3, hemispheres, sky map, Eq. 7,
/// Appendix A) → figures → tables (CSV, Markdown, LaTeX) with comparisons against the paper (and the mock's truth when
/// given) → index.html and summary.json, all written into one directory. Appendix A runs on the calibrated default mock
/// (Truth.AppendixCalibratedMock): the analysed one, or <see cref="ReproductionSettings.AppendixSource"/> for another catalogue.
/// </summary>
internal static class Reproduction
{
    /// <summary>
    /// Runs everything on <paramref name="catalogue"/> (canonical columns with distances) and writes the results into
    /// <paramref name="directory"/>. <paramref name="mockTruth"/> (MockCatalog.Truth) marks a mock (the selection-bias table)
    /// and, with <see cref="ReproductionSettings.MockTruth"/>, adds comparisons against the truth. <paramref name="earlierTimings"/> are stages the caller
    /// ran before (mock generation, reading), listed first in the report. <paramref name="bhbStars"/> (Catalogs.DesiBhbStars)
    /// adds the dipole fit of the DESI DR1 BHB stars: a report section, tables/bhb_dipole.csv and overlays in Figs. 6, 8, 9.
    /// </summary>
    public static ReproductionReport Run(StarTable catalogue, SubstructureCatalog? substructures, StarTable? mockTruth,
        ReproductionSettings settings, string directory, IProgress<ReproductionProgress>? progress = null,
        IReadOnlyList<(string Stage, double Seconds)>? earlierTimings = null, StarTable? bhbStars = null) =>
        Run(CatalogueChunks.FromTable(catalogue), substructures, mockTruth, settings, directory, progress, earlierTimings,
            CatalogueChunks.DefaultChunkRows, bhbStars);

    /// <summary>As the overload above on a catalogue read in row chunks (the selections stream it; only the mock truth's
    /// re-observations need it whole, and read it so when <paramref name="mockTruth"/> is given).</summary>
    internal static ReproductionReport Run(CatalogueChunks catalogue, SubstructureCatalog? substructures, StarTable? mockTruth,
        ReproductionSettings settings, string directory, IProgress<ReproductionProgress>? progress,
        IReadOnlyList<(string Stage, double Seconds)>? earlierTimings, int rowsPerChunk, StarTable? bhbStars = null)
    {
        var timings = new List<(string Stage, double Seconds)>(earlierTimings ?? []);
        var clock = Stopwatch.StartNew();

        void Stage(string name) { progress?.Report(new ReproductionProgress(name, 0)); clock.Restart(); }
        void Done(string name, string timingKey) { timings.Add((timingKey, clock.Elapsed.TotalSeconds)); progress?.Report(new ReproductionProgress(name, 1)); }
        IProgress<double>? Fraction(string name) => progress is null ? null : new SyncProgress<double>(f => progress.Report(new ReproductionProgress(name, f)));

        const string selection = ReproductionStages.Selection, dipoleSelection = ReproductionStages.DipoleSelection, fits = ReproductionStages.Fits,
            tables = ReproductionStages.Tables;
        // The three selections differ only in cuts: each star's Monte-Carlo velocity errors are drawn once (§2.3 (4)).
        // With the fit cache on, the errors are kept in its folder too: a rerun draws none (Selection/VelocityErrorStore.cs).
        var velocityErrors = new VelocityErrorMemo { StoreFolder = FitCache.Current?.Folder };
        Stage(selection);
        var sample = PaperSelection.Select(catalogue, settings.EffectiveSelection, substructures, velocityErrors, Fraction(selection), rowsPerChunk);
        Done(selection, "selection");
        Stage(dipoleSelection);
        var dipoleSample = PaperSelection.Select(catalogue, settings.EffectiveDipoleSelection, substructures, velocityErrors,
            Fraction(dipoleSelection), rowsPerChunk);
        Done(dipoleSelection, "selection_dipole");
        // Fig. 2's Sgr argument (§4.1.2): β of the same selection with the Sgr footprint kept.
        const string noSgrSelection = ReproductionStages.SelectionNoSgrMask;
        Stage(noSgrSelection);
        var noSgrSample = PaperSelection.Select(catalogue, SelectionSettings.Paper with { Seed = settings.SelectionSeed, MaskSagittarius = false },
            substructures, velocityErrors, Fraction(noSgrSelection), rowsPerChunk);
        VelocityErrorStore.Save(velocityErrors);
        Done(noSgrSelection, "selection_no_sgr_mask");
        // Table 3's σ_r (issue 27): the §4.4 stars without the Sgr mask, fitted below at a reduced sampler.
        const string noSgrDipole = ReproductionStages.DipoleSelectionNoSgrMask;
        Stage(noSgrDipole);
        var noSgrDipoleSample = PaperSelection.Select(catalogue, settings.EffectiveDipoleSelection with { MaskSagittarius = false }, substructures,
            velocityErrors, Fraction(noSgrDipole), rowsPerChunk);
        Done(noSgrDipole, "selection_dipole_no_sgr_mask");

        // Appendix A on the calibrated mock (issue 28): the default mock's own stars with perturbed distances, selected again.
        AppendixMockRun? appendixRun = null;
        var appendixSource = settings.AppendixSource ?? (mockTruth is not null ? (catalogue.ReadAll(), mockTruth, substructures) : null);
        if (settings.AppendixStars > 0 && appendixSource is { } source)
        {
            const string appendixStage = ReproductionStages.AppendixMock;
            Stage(appendixStage);
            var bins = settings.Analysis.RadialBins;
            var counts = bins.Describe(sample.Stars.GetDouble(CanonicalColumns.RGc)).Select(b => b.Count).ToList();
            appendixRun = AppendixCalibratedMock.Build(source.Catalogue, source.Truth, source.Substructures,
                settings.EffectiveSelection with { MaxDegreeOfParallelism = settings.Analysis.MaxDegreeOfParallelism },
                settings.Analysis.DistanceErrors, bins, counts, settings.AppendixStars,
                SeededRandom.DeriveSeed(settings.Analysis.Sampler.Seed, SeedStream.ReproduceAppendixMock), FitCache.Current?.Folder, Fraction(appendixStage));
            Done(appendixStage, "appendix_mock");
        }
        var appendix = appendixRun?.Input;

        Stage(fits);
        var results = PaperAnalysis.Run(sample, dipoleSample, settings.Analysis, appendix,
            progress is null ? null : new SyncProgress<AnalysisProgress>(p =>
                progress.Report(new ReproductionProgress(fits, p.Fraction, $"{p.FitsDone}/{p.FitsTotal} fits"))));
        Done(fits, "fits");
        foreach (var (stage, seconds) in results.Timings) timings.Add(("fits." + stage, seconds));
        const string noSgrFits = ReproductionStages.FitsNoSgrMask;
        Stage(noSgrFits);
        var singleWithoutSgrMask = PaperAnalysis.FitProfile(FitModel.Single, noSgrSample, settings.Analysis with { PredictiveDraws = 0 },
            progress is null ? null : new SyncProgress<AnalysisProgress>(p =>
                progress.Report(new ReproductionProgress(noSgrFits, p.Fraction, $"{p.FitsDone}/{p.FitsTotal} fits"))));
        Done(noSgrFits, "fits_no_sgr_mask");

        BhbDipoleFit? bhb = null;
        if (bhbStars is not null)
        {
            const string bhbStage = ReproductionStages.BhbDipoleFit;
            Stage(bhbStage);
            bhb = BhbDipoleFit.Run(bhbStars, settings.Analysis, SelectionSettings.PaperDipole with { Seed = settings.SelectionSeed }, Fraction(bhbStage));
            Done(bhbStage, "bhb_dipole");
        }

        const string sigmaRStage = ReproductionStages.Table3SigmaR;
        Stage(sigmaRStage);
        var table3SigmaR = Table3SigmaRTest.Run(results, noSgrDipoleSample, settings.Analysis);
        Done(sigmaRStage, "table3_sigma_r_no_sgr_mask");

        Literature.LiteratureResult? literature = null;
        if (settings.LiteratureDirectory is not null)
        {
            const string literatureStage = ReproductionStages.LiteratureFits;
            Stage(literatureStage);
            literature = Literature.LiteratureResult.Run(settings.LiteratureDirectory, bhbStars, settings.Analysis, settings.SelectionSeed,
                Path.Combine(directory, "tables"), Fraction(literatureStage));
            Done(literatureStage, "literature_fits");
        }

        var figures = ReproductionFigures.Write(results, singleWithoutSgrMask, directory, settings.Png, Fraction(ReproductionStages.Figures), timings, bhb,
            literature?.Fits);

        IReadOnlyList<TableComparison> truthComparisons = [];
        IReadOnlyList<ErrorCalibration> calibrations = [];
        if (mockTruth is not null && settings.MockTruth)
        {
            const string truthStage = ReproductionStages.MockTruth;
            Stage(truthStage);
            var replicas = MockTruthTables.Replicas(catalogue.ReadAll(), mockTruth, substructures, settings.EffectiveSelection,
                settings.TruthReplicas, SeededRandom.DeriveSeed(settings.Analysis.Sampler.Seed, SeedStream.ReproduceMockTruth),
                // The replicas are about 70 % of this stage; the deconvolution fits of Build the rest.
                progress is null ? null : new SyncProgress<double>(f => progress.Report(new ReproductionProgress(truthStage, 0.7 * f, "re-observing"))));
            progress?.Report(new ReproductionProgress(truthStage, 0.7, "deconvolution fits"));
            var truth = MockTruthTables.Build(sample, dipoleSample, replicas, mockTruth, settings.Analysis, MockTruthTables.DefaultMockField());
            truthComparisons = results.Tables.Zip([truth.Table1, truth.Table2, truth.Table3],
                (ours, t) => TableComparison.Compare(ours, t, "mock truth")).ToList();
            calibrations = [ErrorCalibration.Compare(results.Table1, truth.Scatter1), ErrorCalibration.Compare(results.Table2, truth.Scatter2)];
            Done(truthStage, "mock_truth");
        }

        Stage(tables);
        var tablesDir = Path.Combine(directory, "tables");
        Directory.CreateDirectory(tablesDir);
        foreach (var t in results.Tables)
        {
            t.WriteAll(tablesDir);
            File.WriteAllText(Path.Combine(tablesDir, t.Name + "_vs_paper.csv"),
                BetaErrorConvention.ComparisonCsv(TableComparison.Compare(t, PublishedTables.Table(t.Number))));
        }
        foreach (var c in truthComparisons)
        {
            c.Reference.WriteCsv(Path.Combine(tablesDir, c.Ours.Name + "_mock_truth.csv"));
            File.WriteAllText(Path.Combine(tablesDir, c.Ours.Name + "_vs_mock_truth.csv"), c.ToCsv());
        }
        foreach (var c in calibrations) File.WriteAllText(Path.Combine(tablesDir, $"table{c.Table}_noise_scatter_fixed_stars.csv"), c.ToCsv());
        // On a mock: the intrinsic inputs the calibration found, beside the paper's Table 2 (the selection bias of its numbers).
        var selectionBias = mockTruth is not null ? SelectionBias.Calibrated() : null;
        selectionBias?.WriteAll(tablesDir);
        // On a mock: does Eq. 7 hold over the footprint of the §2.3 stars whose ⟨V_θ⟩ Fig. 9 fits? (the mock's reflex motion, noise-free)
        var eq7Footprint = mockTruth is not null
            ? PolarVelocityFootprint.Measure(sample, new HaloVelocityField().TravelVelocity, settings.Analysis.DipoleRadialBins) : null;
        if (eq7Footprint is not null) File.WriteAllText(Path.Combine(tablesDir, "eq7_footprint.csv"), eq7Footprint.ToCsv());
        File.WriteAllText(Path.Combine(tablesDir, "hemispheres.csv"), results.Hemispheres.ToCsv());
        var hemisphereField = HemisphereFieldCheck.Measure(dipoleSample, results.Hemispheres, HemisphereFieldCheck.Table3Field);   // issue 27
        File.WriteAllText(Path.Combine(tablesDir, "hemispheres_table3_field.csv"), hemisphereField.ToCsv());
        var sgrUnmasked = mockTruth is null ? null : SgrUnmaskedBeta.Measure(noSgrSample, singleWithoutSgrMask, mockTruth);   // issue 27
        if (sgrUnmasked is not null) File.WriteAllText(Path.Combine(tablesDir, "sgr_unmasked_beta.csv"), sgrUnmasked.ToCsv());
        File.WriteAllText(Path.Combine(tablesDir, "sky_map.csv"), results.SkyMap.ToCsv());
        File.WriteAllText(Path.Combine(tablesDir, "eq7_polar_velocity.csv"), results.PolarVelocity.ToCsv());
        if (results.AppendixA is not null)
        {
            File.WriteAllText(Path.Combine(tablesDir, "appendix_a.csv"), results.AppendixA.ToCsv());
            File.WriteAllText(Path.Combine(tablesDir, "appendix_a_bias.csv"), AppendixABias.From(results.AppendixA).ToCsv());
        }
        var appendixComparison = results.AppendixA is not null && appendixRun is not null ? new AppendixAComparison(results.AppendixA, appendixRun) : null;
        if (appendixComparison is not null) File.WriteAllText(Path.Combine(tablesDir, "appendix_a_truth.csv"), appendixComparison.TruthCsv());
        File.WriteAllText(Path.Combine(tablesDir, "funnel.md"), sample.Funnel.ToMarkdown());
        File.WriteAllText(Path.Combine(tablesDir, "funnel_dipole.md"), dipoleSample.Funnel.ToMarkdown());
        if (bhb is not null)
        {
            File.WriteAllText(Path.Combine(tablesDir, "bhb_dipole.csv"), bhb.ToCsv());
            File.WriteAllText(Path.Combine(tablesDir, "funnel_bhb.md"), bhb.Sample.Funnel.ToMarkdown());
        }
        var modelChecks = ModelChecks.ForRun(results, singleWithoutSgrMask, bhb);   // issue 28: tables/ppc.csv, convergence.csv
        if (appendixComparison is not null)
            modelChecks = new ModelChecks(modelChecks.Checks, modelChecks.Convergence) { Sections = [.. modelChecks.Sections, appendixComparison.Section()] };
        modelChecks.WriteTables(tablesDir);
        timings.Add(("tables", clock.Elapsed.TotalSeconds));
        timings.Add(("total", timings.Where(t => !t.Stage.StartsWith("fits.", StringComparison.Ordinal)).Sum(t => t.Seconds)));
        var report = new ReproductionReport(sample.Funnel, dipoleSample.Funnel, results, figures, settings.Settings, timings,
            settings.InputDescription, truthComparisons, calibrations, selectionBias, settings.SelectionChanges, eq7Footprint)
            { Bhb = bhb, Literature = literature, Table3SigmaR = table3SigmaR, ModelChecks = modelChecks, HemisphereField = hemisphereField,
                SgrUnmasked = sgrUnmasked };
        report.Write(directory);
        progress?.Report(new ReproductionProgress(tables, 1));
        return report;
    }
}
