using HaloNotebooks.Astrometry;
using Xunit;

namespace HaloNotebooks.Tests.Astrometry;

public class SagittariusFrameTests
{
    static readonly ReferenceCsv Reference = ReferenceCsv.Load(TestPaths.Fixture("reference/coordinates.csv"));

    [Fact]
    public void FromIcrs_MatchesTheReference_On200Cases()
    {
        for (int i = 0; i < Reference.Count; i++)
        {
            var (lambda, b) = SagittariusFrame.FromIcrs(Reference[i, "ra"], Reference[i, "dec"]);
            Assert.InRange(lambda, 0, 360);
            ReferenceCsv.AssertClose(Reference[i, "Lambda_tilde"], lambda, $"row {i} Lambda_tilde", angle: true);
            ReferenceCsv.AssertClose(Reference[i, "B_tilde"], b, $"row {i} B_tilde");
        }
    }

    [Fact]
    public void FromGalactic_ComposedWithGalactic_EqualsFromIcrs()
    {
        for (int i = 0; i < Reference.Count; i++)
        {
            var viaGalactic = SagittariusFrame.FromGalactic(Reference[i, "l"], Reference[i, "b"]);
            ReferenceCsv.AssertClose(Reference[i, "Lambda_tilde"], viaGalactic.Lambda, $"row {i} Lambda_tilde", angle: true);
            ReferenceCsv.AssertClose(Reference[i, "B_tilde"], viaGalactic.B, $"row {i} B_tilde");
        }
    }

    [Fact]
    public void EulerAngleMatrix_EqualsTheReadmeMatrix()
    {
        double[,] expected =
        {
            { 0.96403480586603807, 0.12005879763019348, -0.23711342895420859 },
            { -0.25805248195399738, 0.20931297585810987, -0.943184496636159 },
            { 0.063606679179250586, -0.97045039195675253, -0.23276646475549978 },
        };
        for (int r = 0; r < 3; r++)
            for (int c = 0; c < 3; c++)
                Assert.True(Math.Abs(SagittariusFrame.GalacticToLawMajewski[r, c] - expected[r, c]) < 1e-15, $"M[{r},{c}]");
    }

    [Fact]
    public void SgrCore_IsNearTheOrigin_AndTheLeadingArmAtPositiveLambda()
    {
        var (lambda, b) = SagittariusFrame.FromIcrs(283.764, -30.480);   // Sgr dSph core
        Assert.True(Math.Abs(Angles.Wrap180(lambda)) < 0.1 && Math.Abs(b + 1.49) < 0.05, $"core at ({lambda}, {b})");
        // ../shared/data/external/sgr_coordinates/SOURCE.md: (l, b) = (2.37, 5.73) lies at (Λ̃, B̃) ≈ (+20, 0).
        var (lambda20, b20) = SagittariusFrame.FromGalactic(2.37, 5.73);
        Assert.True(Math.Abs(lambda20 - 20) < 0.05 && Math.Abs(b20) < 0.05, $"got ({lambda20}, {b20})");
    }

    [SkippableFact]
    public void MatchesDavidLawsTable_WithinOneArcsecond()
    {
        // Law & Majewski (2010) convention: λ = 360° − Λ̃, β = −B̃ (gala's SgrCoord_data test, < 1 arcsec).
        var table = ReferenceCsv.Load(TestPaths.RequireShared("data/external/sgr_coordinates/SgrCoord_data_LawMajewski.csv"));
        Assert.Equal(10, table.Count);
        for (int i = 0; i < table.Count; i++)
        {
            var (lambda, b) = SagittariusFrame.FromGalactic(table[i, "l"], table[i, "b"]);
            double dLambda = Angles.Wrap180(360 - lambda - table[i, "lambda"]);
            Assert.True(Math.Abs(dLambda) * Math.Cos(b * Angles.DegToRad) < 1.0 / 3600, $"row {i} lambda off by {dLambda * 3600:F3} arcsec");
            Assert.True(Math.Abs(-b - table[i, "beta"]) < 1.0 / 3600, $"row {i} beta off by {(-b - table[i, "beta"]) * 3600:F3} arcsec");
        }
    }

    [SkippableFact]
    public void MatchesVasiliev2021Table_WithinGalasTolerance()
    {
        // Vasiliev et al. (2021): Λ = Λ̃, B = −B̃; gala tests its frame to 1e-3 deg, and the table prints 3 decimals.
        var table = ReferenceCsv.Load(TestPaths.RequireShared("data/external/sgr_coordinates/Vasiliev2020-Sagittarius-subset.csv"));
        Assert.Equal(1000, table.Count);
        for (int i = 0; i < table.Count; i++)
        {
            var (lambda, b) = SagittariusFrame.FromIcrs(table[i, "ra"], table[i, "dec"]);
            double dLambda = Angles.Wrap180(lambda - table[i, "Lambda"]);
            Assert.True(Math.Abs(dLambda) < 1.5e-3, $"row {i} Lambda: {lambda} vs {table[i, "Lambda"]}");
            Assert.True(Math.Abs(-b - table[i, "Beta"]) < 1.5e-3, $"row {i} Beta: {-b} vs {table[i, "Beta"]}");
        }
    }
}
