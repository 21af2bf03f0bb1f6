using HaloNotebooks.Inference;
using HaloNotebooks.Analysis;
using Xunit;
using HaloNotebooks.Paper;
using HaloNotebooks.Pipeline;
using HaloNotebooks.Truth;

namespace HaloNotebooks.Tests.Analysis;

public class PaperAnalysisTests
{
    static readonly AnalysisSettings Small = new(Bins: new RadialBins([3, 15.9, 35.8, 160])) { Sampler = new SamplerSettings(36, 60, 30, 7) };

    [Fact]
    public void Run_FillsEveryProfile_AndTheTablesHaveThePaperShape()
    {
        var h = SyntheticHalo.Draw(starsPerBin: 20, dipoleStarsPerBin: 60, seed: 3);
        var res = PaperAnalysis.Run(h.Stars, h.RGc, h.DipoleStars, h.DipoleRGc, Small);
        Assert.Equal(3, res.Single.Bins.Count);
        Assert.Equal(3, res.Double.Bins.Count);
        Assert.Equal(3, res.Dipole.Bins.Count);
        Assert.Equal(h.Stars.Count, res.Single.AllStars.Bin.Count);
        Assert.Equal(1 + 3, res.Table1.Rows.Count);
        Assert.Equal(2 * (1 + 3), res.Table2.Rows.Count);
        Assert.Equal(1 + 3, res.Table3.Rows.Count);
        Assert.Equal(4, res.PolarVelocity.Bins.Count);
        Assert.All(res.Table1.Rows, r => Assert.Equal(9, r.Values.Count));
        Assert.All(res.Single.Bins.Concat(res.Double.Bins).Concat(res.Dipole.Bins), b => Assert.NotNull(b.Fit));
        // Median r_GC of the first bin: the median of the stars' r in [3, 15.9).
        var inner = h.RGc.Where(r => r >= 3 && r < 15.9).OrderBy(r => r).ToArray();
        Assert.Equal(Measurement.Percentile(inner, 50), res.Single.Bins[0].Bin.RMedian, 12);
        // Every fit used its own derived seed.
        Assert.Equal(res.Single.Bins.Count + res.Double.Bins.Count + 2,
            res.Single.Bins.Concat(res.Double.Bins).Append(res.Single.AllStars).Append(res.Double.AllStars).Select(b => b.Seed).Distinct().Count());
    }

    [Fact]
    public void Run_GivesIdenticalTables_ForOneOrTwoThreads()
    {
        var h = SyntheticHalo.Draw(starsPerBin: 15, dipoleStarsPerBin: 40, seed: 4);
        var one = PaperAnalysis.Run(h.Stars, h.RGc, h.DipoleStars, h.DipoleRGc, Small with { MaxDegreeOfParallelism = 1 });
        var two = PaperAnalysis.Run(h.Stars, h.RGc, h.DipoleStars, h.DipoleRGc, Small with { MaxDegreeOfParallelism = 2 });
        foreach (var (a, b) in one.Tables.Zip(two.Tables)) Assert.Equal(a.ToCsv(), b.ToCsv());
    }

    [Fact]
    public void Run_WithoutBinSamples_GivesIdenticalTables_AndKeepsOnlyTheChainsThatAreDrawn()
    {
        var h = SyntheticHalo.Draw(starsPerBin: 15, dipoleStarsPerBin: 40, seed: 4);
        var kept = PaperAnalysis.Run(h.Stars, h.RGc, h.DipoleStars, h.DipoleRGc, Small);
        var lean = PaperAnalysis.Run(h.Stars, h.RGc, h.DipoleStars, h.DipoleRGc, Small with { KeepBinSamples = false });
        foreach (var (a, b) in kept.Tables.Zip(lean.Tables)) Assert.Equal(a.ToCsv(), b.ToCsv());
        Assert.Equal(kept.PolarVelocity.ToCsv(), lean.PolarVelocity.ToCsv());
        // Corner plots (Figs. 1, 3, 7) draw the all-stars fits and Eq. 7 reads the dipole bins: those keep their chains.
        Assert.All(new[] { lean.Single.AllStars, lean.Double.AllStars, lean.Dipole.AllStars }.Concat(lean.Dipole.Bins), b => Assert.True(b.Fit!.HasSamples));
        Assert.All(lean.Single.Bins.Concat(lean.Double.Bins), b => Assert.False(b.Fit!.HasSamples));
        // The dropped fits keep every summary the report prints (τ, acceptance, notes).
        var (full, summary) = (kept.Double.Bins[0].Fit!, lean.Double.Bins[0].Fit!);
        static string Json(HaloNotebooks.Inference.FitResult f) =>
            System.Text.RegularExpressions.Regex.Replace(f.ToJson(), "\"wall_time_s\": [^,]+", "");   // two runs, two clocks
        Assert.Equal(Json(full), Json(summary));
        var e = Assert.Throws<InvalidOperationException>(() => summary.Samples("p_mr"));
        Assert.Contains("KeepBinSamples", e.Message);
    }

    [Fact]
    public void FitProfile_GivesRunsProfile_BecauseEachFitIsSeededByItsName()
    {
        var h = SyntheticHalo.Draw(starsPerBin: 15, dipoleStarsPerBin: 40, seed: 4);
        var run = PaperAnalysis.Run(h.Stars, h.RGc, h.DipoleStars, h.DipoleRGc, Small);
        var @double = PaperAnalysis.FitProfile(FitModel.Double, h.Stars, null, h.RGc, Small);
        var dipole = PaperAnalysis.FitProfile(FitModel.Dipole, null, h.DipoleStars, h.DipoleRGc, Small);
        Assert.Equal(run.Table2.ToCsv(), PaperTables.Table2(@double).ToCsv());
        Assert.Equal(run.Table3.ToCsv(), PaperTables.Table3(dipole).ToCsv());
        Assert.Equal(new FitKey("table2", FitModel.Double, 1).Seed(Small.Sampler.Seed), @double.Bins[1].Seed);
    }

    [Fact]
    public void Run_ReportsProgressUpToCompletion()
    {
        var h = SyntheticHalo.Draw(starsPerBin: 15, dipoleStarsPerBin: 40, seed: 5);
        var reports = new List<AnalysisProgress>();
        var progress = new Recorder(reports);
        PaperAnalysis.Run(h.Stars, h.RGc, h.DipoleStars, h.DipoleRGc, Small, progress: progress);
        Assert.NotEmpty(reports);
        var last = reports[^1];
        Assert.Equal(last.FitsTotal, last.FitsDone);
        Assert.Equal(1.0, last.Fraction, 9);
    }

    [Fact]
    public void Run_WithTheAppendixMock_FitsEveryDistanceErrorLevel()
    {
        var h = SyntheticHalo.Draw(starsPerBin: 15, dipoleStarsPerBin: 40, seed: 8);
        var mockSettings = new HaloNotebooks.Mocks.AppendixMockSettings(Seed: 9, Stars: 1500);
        var appendix = AppendixMockInput.Generate(mockSettings, [0.0, 0.18, 0.30]);
        var res = PaperAnalysis.Run(h.Stars, h.RGc, h.DipoleStars, h.DipoleRGc, Small, appendix);
        Assert.NotNull(res.AppendixA);
        Assert.Equal([0.0, 0.18, 0.30], res.AppendixA!.Levels.Select(l => l.FractionalError));
        Assert.All(res.AppendixA.Levels, l => Assert.Equal(3, l.Bins.Count));
        // The input profiles are the mock's own p_MR(r) and β_MP(r).
        var (r, p) = res.AppendixA.InputMetalRichFraction[10];
        Assert.Equal(mockSettings.MetalRichFraction(r), p, 12);
        // With perfect distances the stars' r_GC are the true ones: the 0% level's inner bin holds exactly those stars.
        int inner = appendix.Samples[0].RGc.Count(x => x >= 3 && x < 15.9);
        Assert.Equal(inner, res.AppendixA.Levels[0].Bins[0].Bin.Count);
    }

    [Fact]
    public void Run_RejectsMismatchedColumns()
    {
        var h = SyntheticHalo.Draw(starsPerBin: 12, dipoleStarsPerBin: 12, seed: 6);
        Assert.Throws<ArgumentException>(() => PaperAnalysis.Run(h.Stars, h.RGc[1..], h.DipoleStars, h.DipoleRGc, Small));
    }

    sealed class Recorder(List<AnalysisProgress> list) : IProgress<AnalysisProgress>
    {
        public void Report(AnalysisProgress value) { lock (list) list.Add(value); }
    }
}
