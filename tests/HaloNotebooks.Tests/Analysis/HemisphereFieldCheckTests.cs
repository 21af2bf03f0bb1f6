using HaloNotebooks.Analysis;
using HaloNotebooks.Astrometry;
using HaloNotebooks.Selection;
using Xunit;
using Xunit.Abstractions;

namespace HaloNotebooks.Tests.Analysis;

/// <summary>Issue 27: Fig. 6's outer hemisphere ⟨V_r⟩ against Eq. 6 averaged over the same stars.</summary>
public class HemisphereFieldCheckTests(ITestOutputHelper output)
{
    [Fact]
    public void OnStarsDrawnFromAField_TheFieldsAverageMatchesTheFittedHemisphereMeans()
    {
        var truth = new DipoleVelocityField(-18, -40, -35, -38);
        var sample = BhbSelection.Run(BhbDipoleFitTests.Synthetic(truth, 6000, 21),
            SelectionSettings.PaperDipole with { MaskSagittarius = false, McSamples = 50 });
        var bins = new RadialBins([47.5, 80, 160]);
        var stars = sample.Stars;
        var profile = HemisphereProfile.Fit(stars.GetDouble("b"), stars.GetDouble("r_gc"), stars.GetDouble("v_r"), stars.GetDouble("err_v_r"), bins);
        var check = HemisphereFieldCheck.Measure(sample, profile, truth);
        output.WriteLine(check.ToCsv());
        Assert.Equal(4, check.Rows.Count);   // north and south, two outer bins each
        double[] l = stars.GetDouble("l"), b = stars.GetDouble("b"), r = stars.GetDouble("r_gc");
        foreach (var row in check.Rows)
        {
            // ⟨cos θ⟩ recomputed here over the row's stars, and the same stars as the fit's bin.
            bool north = row.Hemisphere == "north";
            var idx = Enumerable.Range(0, r.Length).Where(i => r[i] >= row.Bin.RMin && r[i] < row.Bin.RMax && (b[i] > 0) == north).ToList();
            Assert.Equal(row.Bin.Count, idx.Count);
            Assert.Equal(idx.Average(i => ReflexMotion.CosTheta(l[i], b[i], truth.LApex, truth.BApex)), row.MeanCosTheta, 12);
            // The field's average is what the ML fit of the same stars finds, within 3σ (σ_r = 100 km/s, a few hundred stars).
            Assert.InRange((row.Measured.Value - row.Predicted) / row.Measured.Sigma, -3, 3);
        }
        // The north sees the southern apex from far: ⟨cos θ⟩ < 0 there, > 0 in the south.
        Assert.All(check.Rows.Where(x => x.Hemisphere == "north"), x => Assert.True(x.MeanCosTheta < 0));
        Assert.All(check.Rows.Where(x => x.Hemisphere == "south"), x => Assert.True(x.MeanCosTheta > 0));
    }

    [Fact]
    public void Table3Field_IsTheWholeRangeRow()
    {
        var f = HemisphereFieldCheck.Table3Field;
        Assert.Equal((-17.9, -24.0, -34.8, -37.87), (f.MuCompr, f.MuDipole, f.LApex, f.BApex));
    }
}
