using Xunit;
using HaloNotebooks.Astrometry;
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
            // Beyond 50 kpc the outer halo's mean V_r and V_θ are its reflex motion and contraction alone (§4.4).
            bool outer = Centre(T2, i) > HaloVelocityField.OuterHaloRadius;
            Assert.Equal(outer ? 0.0 : T2[i, "Vr"], m.Vr, 9);
            Assert.Equal(T2[i, "Vphi"], m.VPhi, 9);
            Assert.Equal(outer ? 0.0 : T2[i, "Vtheta"], m.VTheta, 9);
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
    public void AtATable3SubBinCentre_TheTravelVelocityIsTable3s_ProjectedOnEachStar()
    {
        // Table 3 row 60-80 kpc at its centre: mu_compr −17.5, mu_dipole −20.0, apex (−14.3, −41.6).
        double r = Math.Sqrt(60.0 * 80.0);
        var (compr, dipole, la, ba) = field.DipoleParameters(r);
        Assert.Equal(-17.5, compr, 9);
        Assert.Equal(-20.0, dipole, 9);
        Assert.Equal(-14.3, la, 9);
        Assert.Equal(-41.6, ba, 9);
        // A star seen from the Galactic centre towards the apex, and one towards the antapex: Eq. 6's ±μ_dipole, and no
        // polar component (U is along r̂ there).
        var apex = r * ReflexMotion.Apex(la, ba);
        var atApex = field.MomentsAt(true, apex.X, apex.Y, apex.Z);
        var antiApex = field.MomentsAt(false, -apex.X, -apex.Y, -apex.Z);
        Assert.Equal(-17.5 - 20.0, atApex.Vr, 9);
        Assert.Equal(-17.5 + 20.0, antiApex.Vr, 9);
        Assert.Equal(0.0, atApex.VTheta, 9);
        Assert.Equal(0.0, antiApex.VTheta, 9);
        // A star almost above the Galactic centre (r̂ ≈ ẑ): V_r = μ_compr + U_z.
        var pole = field.MomentsAt(true, 1e-3, 0, r);
        Assert.True(Math.Abs(-17.5 + -20.0 * Math.Sin(-41.6 * Math.PI / 180) - pole.Vr) < 1e-3, $"V_r {pole.Vr}");
        // Dispersions and the [Fe/H] moments stay the binned ones.
        Assert.Equal(field.Table2Moments(true, r).SigmaR, atApex.SigmaR, 12);
        Assert.Equal(field.Table2Moments(true, r).FehMean, atApex.FehMean, 12);
    }

    [Fact]
    public void WholeSkyMeanPolarVelocity_IsEq7_AResultOfTheProjection()
    {
        // Equal-area grid (uniform in z, midpoints) at the 60–80 kpc centre: the mean of the drawn ⟨V_θ⟩ is
        // (π/4) μ_dipole sin b_apex (Eq. 7), and ⟨V_r⟩ is μ_compr (the dipole averages out). Grid error ~1/n² ≈ 1e-5.
        double r = Math.Sqrt(60.0 * 80.0);
        var (compr, dipole, _, ba) = field.DipoleParameters(r);
        int nz = 400, nphi = 400;
        double vTheta = 0, vr = 0;
        for (int i = 0; i < nz; i++)
            for (int j = 0; j < nphi; j++)
            {
                double z = -1 + (i + 0.5) * 2.0 / nz, phi = (j + 0.5) * 2 * Math.PI / nphi, rho = Math.Sqrt(1 - z * z);
                var m = field.MomentsAt(true, r * rho * Math.Cos(phi), r * rho * Math.Sin(phi), r * z);
                vTheta += m.VTheta; vr += m.Vr;
            }
        vTheta /= nz * nphi; vr /= nz * nphi;
        double eq7 = Math.PI / 4.0 * dipole * Math.Sin(ba * Math.PI / 180.0);
        Assert.InRange(eq7, 10.0, 11.0);
        Assert.Equal(eq7, vTheta, 3);
        Assert.Equal(compr, vr, 3);
    }

    [Fact]
    public void ReflexMotion_GrowsSmoothlyFromTheOnset_WithNoSwitchAt50Kpc()
    {
        Assert.Equal(0.0, field.TravelVelocity(HaloVelocityField.ReflexOnsetRadius).Norm, 12);
        Assert.Equal(0.0, field.Contraction(20.0), 12);
        var m = field.MomentsAt(false, 20.0, 0, 0);
        Assert.Equal(field.Table2Moments(false, 20.0), m);
        // Linear in ln r from 0 at 30 kpc to Table 3's [50, 60) row (|U| = 18.1) at its centre: small at 40 kpc.
        double c1 = Math.Sqrt(50.0 * 60.0), at40 = 18.1 * Math.Log(40.0 / 30.0) / Math.Log(c1 / 30.0);
        Assert.Equal(at40, field.TravelVelocity(40.0).Norm, 9);
        Assert.InRange(at40, 5.0, 10.0);
        // Continuous across 50 kpc: between 49.9 and 50.1 kpc the field changes by its slope (≈ 30 km/s per e-fold in r
        // × 0.004) ≈ 0.12 km/s, not by a switch.
        Assert.True((field.TravelVelocity(50.1) - field.TravelVelocity(49.9)).Norm < 0.15);
        Assert.True(Math.Abs(field.Contraction(50.1) - field.Contraction(49.9)) < 0.15);
        // Beyond the last sub-bin centre the [80, 120) row holds.
        Assert.Equal(-44.0, field.DipoleParameters(150.0).MuDipole, 9);
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
