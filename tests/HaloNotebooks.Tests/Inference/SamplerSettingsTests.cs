using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using HaloNotebooks.Analysis;
using HaloNotebooks.Inference;
using HaloNotebooks.Models;
using Xunit;

namespace HaloNotebooks.Tests.Inference;

/// <summary>One home for the sampler's settings: the paper's defaults, one rule, one-line messages that every caller shows.</summary>
public class SamplerSettingsTests
{
    [Fact]
    public void Paper_IsSection31_AndEveryDefaultIsIt()
    {
        // §3.1: "We employ 100 walkers, discarding the first 400 steps as burn-in, and run 1000 steps in total."
        var paperText = File.ReadAllText(TestPaths.RequireShared("paper/li2026_desi_dr2_halo_velocity_field.md"));
        Assert.Contains("We employ 100 walkers, discarding the first 400 steps as before burn-in, and run 1000 steps in total", paperText);
        Assert.Equal((100, 1000, 400), (SamplerSettings.Paper.Walkers, SamplerSettings.Paper.Steps, SamplerSettings.Paper.Burn));
        Assert.Equal(SamplerSettings.Paper, new SamplerSettings());
        Assert.Equal(SamplerSettings.Paper, new FitSettings().Sampler);
        Assert.Equal(SamplerSettings.Paper, AnalysisSettings.Paper.Sampler);
        Assert.Equal(SamplerSettings.Paper, HaloNotebooks.Pipeline.NotebookSetup.Paper.Fit.Sampler);
        Assert.Equal(SamplerSettings.Paper, HaloNotebooks.Pipeline.NotebookSetup.Paper.Analysis.Sampler);
        var cli = new HaloNotebooks.Cli.Plumbing.SamplerOptions();
        var parsed = new System.CommandLine.RootCommand { cli.Walkers, cli.Steps, cli.Burn }.Parse([]);
        Assert.Equal((100, 1000, 400), (parsed.GetValue(cli.Walkers), parsed.GetValue(cli.Steps), parsed.GetValue(cli.Burn)));
    }

    [Theory]
    [InlineData(34, 1000, 400, null)]
    [InlineData(34, 2, 1, null)]
    [InlineData(32, 1000, 400, "walkers 32: the double-component model has 17 parameters, so it needs an even number of walkers ≥ 34 (paper: 100)")]
    [InlineData(35, 1000, 400, "walkers 35: the double-component model has 17 parameters, so it needs an even number of walkers ≥ 34 (paper: 100)")]
    [InlineData(100, 1, 0, "steps 1: need at least 2 (paper: 1000)")]
    [InlineData(100, 1000, 1000, "burn 1000: need 0 ≤ burn < steps = 1000 (paper: 400 of 1000)")]
    [InlineData(100, 1000, -1, "burn -1: need 0 ≤ burn < steps = 1000 (paper: 400 of 1000)")]
    public void Validate_IsOneRule_WithOneLineMessages(int walkers, int steps, int burn, string? message)
    {
        var s = new SamplerSettings(walkers, steps, burn);
        if (message is null) { Assert.Same(s, s.Validate(TwoComponent.ParameterNames.Count, "the double-component model")); return; }
        Assert.Equal(message, Assert.Throws<ArgumentException>(() => s.Validate(TwoComponent.ParameterNames.Count, "the double-component model")).Message);
        // The same rule and words reach a fit, a red-blue move, the analysis and the CLI.
        if (burn >= 0 && burn < steps && steps >= 2)
        {
            Assert.Contains(message, Assert.Throws<ArgumentException>(() => new FitSettings(s).Validate(17, "the double-component model")).Message);
            Assert.Contains(message[(message.IndexOf(':') + 1)..].Replace("the double-component model", "the target"),
                Assert.Throws<ArgumentException>(() => new StretchMove().Check(walkers, 17)).Message);
        }
        else Assert.Equal(message, Assert.Throws<ArgumentException>(() => (AnalysisSettings.Paper with { Sampler = s }).Validate()).Message);
    }

    [Fact]
    public void Cli_ShowsTheRecordsMessage_OnTheOption()
    {
        var e = Assert.Throws<HaloNotebooks.Cli.Plumbing.UsageException>(() =>
            HaloNotebooks.Cli.Plumbing.Check.Sampler(32, 1000, 400, 1, null, 17, "the double-component model (Table 2)"));
        Assert.Equal("--walkers 32: the double-component model (Table 2) has 17 parameters, so it needs an even number of walkers ≥ 34 (paper: 100)",
            e.Message);
    }

    [Fact]
    public void DelegateLogDensity_SeesTheCallersSpan_AndAllocatesNothing()
    {
        var theta = new double[] { 1, 2, 3 };
        bool same = false;
        var target = new DelegateLogDensity(3, x =>
        {
            same = Unsafe.AreSame(ref MemoryMarshal.GetReference(x), ref theta[0]);
            return -0.5 * (x[0] * x[0] + x[1] * x[1] + x[2] * x[2]);
        });
        Assert.Equal(-7.0, target.LogDensity(theta));
        Assert.True(same);
        var quiet = new DelegateLogDensity(3, x => -0.5 * (x[0] * x[0] + x[1] * x[1] + x[2] * x[2]));
        quiet.LogDensity(theta);
        long before = GC.GetAllocatedBytesForCurrentThread();
        double sum = 0;
        for (int i = 0; i < 1000; i++) sum += quiet.LogDensity(theta);
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.Equal(-7000.0, sum);
    }
}
