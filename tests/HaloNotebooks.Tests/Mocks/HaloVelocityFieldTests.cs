using Xunit;
using HaloNotebooks.Mocks;

namespace HaloNotebooks.Tests.Mocks;

public class HaloVelocityFieldTests
{
    // The interpolation is tested on Table 2 itself (the default field reads the calibrated inputs, same layout).
    readonly HaloVelocityField field = new(MockInputTables.Table2, MockInputTables.Table3);
    static readonly MockInputTable T2 = MockInputTables.Table2;

    static double Centre(MockInputTable t, int row) => Math.Sqrt(t[row, "r_min_kpc"] * t[row, "r_max_kpc"]);

    [Fact]
    public void AtEachBinCentre_MomentsAreTheTable2Row()
    {
        for (int i = 0; i < T2.RowCount; i++)
        {
            if (T2[i, "r_min_kpc"] == 3 && T2[i, "r_max_kpc"] == 160) continue;
            bool mr = T2.Labels![i] == "MR";
            var m = field.Table2Moments(mr, Centre(T2, i));
            Assert.Equal(T2[i, "Vr"], m.Vr, 9);
            Assert.Equal(T2[i, "Vphi"], m.VPhi, 9);
            Assert.Equal(T2[i, "Vtheta"], m.VTheta, 9);
            Assert.Equal(T2[i, "sigma_r"], m.SigmaR, 9);
            Assert.Equal(T2[i, "sigma_phi"], m.SigmaPhi, 9);
            Assert.Equal(T2[i, "sigma_theta"], m.SigmaTheta, 9);
            Assert.Equal(T2[i, "feh_mean"], m.FehMean, 9);
            Assert.Equal(T2[i, "feh_sigma"], m.FehSigma, 9);
            if (mr) Assert.Equal(T2[i, "p_mr"], field.MetalRichFraction(Centre(T2, i)), 9);
        }
    }

    [Fact]
    public void BetweenCentres_InterpolatesLinearlyInLnR()
    {
        // MR bins [9, 11.5) and [11.5, 13.7): halfway in ln r between their geometric centres.
        double c1 = Math.Sqrt(9 * 11.5), c2 = Math.Sqrt(11.5 * 13.7), mid = Math.Sqrt(c1 * c2);
        Assert.Equal(0.5 * (0.524 + 0.568), field.MetalRichFraction(mid), 9);
        Assert.Equal(0.5 * (40.3 + 30.0), field.Table2Moments(true, mid).SigmaPhi, 9);
        Assert.Equal(0.5 * (106.0 + 100.4), field.Table2Moments(false, mid).SigmaPhi, 9);
        // Outside the first/last centre the end values hold.
        Assert.Equal(0.517, field.MetalRichFraction(3.0), 12);
        Assert.Equal(0.653, field.MetalRichFraction(200.0), 12);
    }

    [Fact]
    public void Beyond50Kpc_MeanVrIsTheDipoleField_AndMeanVthetaIsEq7()
    {
        // Table 3 row 60-80 kpc at its centre: mu_compr −17.5, mu_dipole −20.0, apex (−14.3, −41.6).
        double r = Math.Sqrt(60.0 * 80.0);
        var (compr, dipole, la, ba) = field.DipoleParameters(r);
        Assert.Equal(-17.5, compr, 9);
        Assert.Equal(-20.0, dipole, 9);
        Assert.Equal(-14.3, la, 9);
        Assert.Equal(-41.6, ba, 9);
        var atApex = field.MomentsAt(true, r, la, ba);
        var antiApex = field.MomentsAt(false, r, la + 180.0, -ba);
        Assert.Equal(-17.5 - 20.0, atApex.Vr, 9);
        Assert.Equal(-17.5 + 20.0, antiApex.Vr, 9);
        double eq7 = Math.PI / 4.0 * -20.0 * Math.Sin(-41.6 * Math.PI / 180.0);
        Assert.Equal(eq7, atApex.VTheta, 9);
        Assert.Equal(eq7, antiApex.VTheta, 9);
        Assert.InRange(eq7, 10.0, 11.0);
        // Dispersions and the rest of the moments stay Table 2's.
        Assert.Equal(field.Table2Moments(true, r).SigmaR, atApex.SigmaR, 12);
        Assert.Equal(field.Table2Moments(true, r).VPhi, atApex.VPhi, 12);
    }

    [Fact]
    public void Inside50Kpc_NoDipole()
    {
        var m = field.MomentsAt(false, 20.0, 280.0, -30.0);
        Assert.Equal(field.Table2Moments(false, 20.0), m);
    }
}

public class HaloVelocityFieldDefaultTests
{
    [Fact]
    public void DefaultField_DrawsTheCalibratedInputs_NotTable2()
    {
        var field = new HaloVelocityField();
        var c = MockInputTables.CalibratedHalo;
        int mr = Array.FindIndex(c.Labels!.ToArray(), l => l == "MR");
        double centre = Math.Sqrt(c[mr, "r_min_kpc"] * c[mr, "r_max_kpc"]);
        Assert.Equal(c[mr, "feh_sigma"], field.Table2Moments(true, centre).FehSigma, 9);
        Assert.Equal(c[mr, "p_mr"], field.MetalRichFraction(centre), 9);
        Assert.Same(MockInputTables.CalibratedHalo, new MockSettings().HaloInputs);
    }
}
