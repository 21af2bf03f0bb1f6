using HaloNotebooks.Astrometry;
using HaloNotebooks.Tests.Astrometry;
using HaloNotebooks.Uncertainties;
using Xunit;

namespace HaloNotebooks.Tests.Uncertainties;

public class LinearErrorsTests
{
    [Fact]
    public void Propagate_MatchesTheReferenceJacobianErrors_To1e4()
    {
        var reference = ReferenceCsv.Load(TestPaths.Fixture("reference/mc_errors.csv"));
        var obs = new ObservableColumns(reference.Column("ra"), reference.Column("dec"), reference.Column("distance"),
                                        reference.Column("pmra"), reference.Column("pmdec"), reference.Column("rv"));
        var err = new ObservableErrors(reference.Column("distance_err"), reference.Column("pmra_err"), reference.Column("pmdec_err"),
                                       reference.Column("pm_corr"), reference.Column("rv_err"));
        var e = LinearErrors.Propagate(GalactocentricFrame.Paper, obs, err);
        for (int i = 0; i < obs.Count; i++)
        {
            // linstd_* is printed with 6 significant digits: allow that rounding on top of the 1e-4 tolerance.
            foreach (var (name, values) in new[] { ("V_r", e.Vr), ("V_phi", e.VPhi), ("V_theta", e.VTheta) })
            {
                double expected = reference[i, $"linstd_{name}"];
                Assert.True(Math.Abs(values[i] / expected - 1) < 1e-4 + 5e-6, $"star {i} {name}: {values[i]} vs {expected}");
            }
        }
    }

    [Fact]
    public void PureRvError_TowardsTheGalacticCentre_IsTheRvError()
    {
        var obs = new ObservableColumns([GalactocentricFrame.GalacticCentreRa], [GalactocentricFrame.GalacticCentreDec], [20.0], [0.0], [0.0], [0.0]);
        var err = new ObservableErrors([0.0], [0.0], [0.0], [0.0], [7.0]);
        var e = LinearErrors.Propagate(GalactocentricFrame.Paper, obs, err);
        Assert.Equal(7.0, e.Vr[0], 4);
    }
}
