using System.Diagnostics;
using HaloNotebooks.Analysis;
using HaloNotebooks.Catalogs;
using HaloNotebooks.Figures;
using HaloNotebooks.Models;
using HaloNotebooks.Pipeline;
using HaloNotebooks.Selection;

namespace HaloNotebooks.Benchmarks;

/// <summary>
/// The posterior predictive checks on real stars (issue 28): the SEGUE K giants of Xue et al. (2014) through §2.3 and the
/// single- and double-component fits on notebook 06's bins (Pipeline/SegueComparison), and the DESI DR1 BHB stars of
/// Byström et al. (2025) through the dipole fit of `--bhb`, at the paper's sampler. Writes ppc.csv (the run's format, tables
/// "segue/table1", "segue/table2", "bhb/table3"), convergence.csv and one figure per fit into HALO_CHECKS_OUT (default
/// ppc-real/); the catalogues are read from HALO_SHARED/data/external (default /work/shared).
/// </summary>
public sealed class RealDataChecksBenchmarks : IBenchmark
{
    public string Name => "ppc-real";

    public void Run(TextWriter output)
    {
        string shared = Environment.GetEnvironmentVariable("HALO_SHARED") ?? "/work/shared";
        string external = Path.Combine(shared, "data", "external");
        string dir = Environment.GetEnvironmentVariable("HALO_CHECKS_OUT") ?? "ppc-real";
        Directory.CreateDirectory(Path.Combine(dir, "figures"));
        var settings = new AnalysisSettings(MaxDegreeOfParallelism: 1);
        var clock = Stopwatch.StartNew();
        var segue = SegueComparison.Run(external, settings, SelectionSettings.Paper, log: output.WriteLine);
        output.WriteLine($"SEGUE: {segue.Sample.Count} stars selected; fits and checks {clock.Elapsed.TotalSeconds:F0} s");
        var checks = ModelChecks.Of(segue.Single, "segue/table1").Concat(ModelChecks.Of(segue.Double, "segue/table2")).ToList();
        var extra = ConvergenceTable.ProfileFits("segue", segue.Single).Concat(ConvergenceTable.ProfileFits("segue", segue.Double)).ToList();

        clock.Restart();
        var bhbStars = DesiBhbStars.Read(Path.Combine(external, "desi_dr1_bhb_bystrom2025", "Bystrom_2025_BHB.csv"));
        var bhb = BhbDipoleFit.Run(bhbStars, settings, SelectionSettings.PaperDipole);
        var bhbCheck = PosteriorPredictive.Check(bhb.Sample.ToRadialVelocitySample(), bhb.Folded.Fit!, bhb.Folded.Bin,
            Numerics.SeededRandom.DeriveSeed(BhbDipoleFit.Key.Seed(settings.Sampler.Seed), "ppc"), settings.PredictiveDraws);
        checks.Add(new TablePredictiveCheck("bhb/table3", "all", bhbCheck));
        extra.Add((BhbDipoleFit.Key.ToString(), bhb.Folded.Fit!));
        output.WriteLine($"DESI DR1 BHB: {bhb.Sample.Count} stars in 50-120 kpc; fit and check {clock.Elapsed.TotalSeconds:F0} s");

        var model = new ModelChecks(checks, new ConvergenceTable(extra.Select(e => ConvergenceRow.Of(e.Item1, e.Item2)).ToList()));
        model.WriteTables(dir);
        foreach (var c in checks)
        {
            string stem = (c.Table + "_" + c.Row).Replace('/', '_').Replace("[", "").Replace(")", "").Replace(", ", "-").Replace(' ', '_');
            FigureExport.WriteHtml(PredictiveCheckFigure.ForFit(c.Check, $"{c.Table} {c.Row}", stem), Path.Combine(dir, "figures", stem + ".html"));
        }
        output.WriteLine();
        output.WriteLine("| table | dimension | fits | p < 1e-3 | median distance | largest excess: distance (noise) row | tail there | mean tail |");
        output.WriteLine("| --- | --- | ---: | ---: | ---: | --- | ---: | ---: |");
        foreach (var s in model.Summary())
            output.WriteLine($"| {s.Table} | {s.Dimension} | {s.Fits} | {s.Failing} | {s.MedianDistance:F3} | {s.LargestDistance:F3} ({s.NoiseDistance:F3}) " +
                $"{s.WorstRow} | {s.WorstTail:F3} | {s.MeanTail:F3} |");
    }
}
