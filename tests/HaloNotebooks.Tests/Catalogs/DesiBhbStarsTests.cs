using HaloNotebooks.Astrometry;
using HaloNotebooks.Catalogs;
using Xunit;

namespace HaloNotebooks.Tests.Catalogs;

public class DesiBhbStarsTests
{
    const string Csv = "data/external/desi_dr1_bhb_bystrom2025/Bystrom_2025_BHB.csv";

    [SkippableFact]
    public void Read_GivesTheDocumentedRows_AndTheFirstStarsValues()
    {
        var t = DesiBhbStars.Read(TestPaths.RequireShared(Csv));
        Assert.Equal(DesiBhbStars.DocumentedRowCount, t.RowCount);   // SOURCE.md: 5438 BHB stars
        // First data line: ID 3702977354999642368, RA 192.6440238929946, d 13.602084493558747, vlos 88.16528232777561.
        Assert.Equal(3702977354999642368L, t.GetInt64("source_id")[0]);
        Assert.Equal(192.6440238929946, t.GetDouble("ra")[0]);
        Assert.Equal(13.602084493558747, t.GetDouble("distance")[0]);
        Assert.Equal(88.16528232777561, t.GetDouble("rv")[0]);
        Assert.Equal(1.040092670968329, t.GetDouble("rv_err")[0]);
        // d_err is the table's assumed 10 %, on every row.
        var d = t.GetDouble("distance"); var dErr = t.GetDouble("distance_err");
        Assert.All(Enumerable.Range(0, t.RowCount), i => Assert.Equal(DesiBhbStars.AssumedFractionalDistanceError * d[i], dErr[i], 1e-9 * d[i]));
        // SOURCE.md: 13 rows have NaN proper-motion errors, 4 of them no Gaia position either (counted with Python's csv
        // module); they stay NaN for the selection to count out by name.
        Assert.Equal(13, t.GetDouble("pmra_error").Count(double.IsNaN));
        Assert.Equal(4, t.GetDouble("ra").Count(double.IsNaN));
    }

    [SkippableFact]
    public void Read_ProperMotionsRotatedToIcrs_ReproduceTheTablesAstropyPhaseSpace()
    {
        // The table's x … vz come from astropy's Galactocentric frame (v4.0 defaults = the paper's). Our transform of the
        // canonical ICRS columns (proper motions rotated back from Galactic) must land on them.
        var t = DesiBhbStars.Read(TestPaths.RequireShared(Csv));
        var g = GalactocentricFrame.Paper.Transform(t.GetDouble("ra"), t.GetDouble("dec"), t.GetDouble("distance"),
            t.GetDouble("pmra"), t.GetDouble("pmdec"), t.GetDouble("rv"));
        double worstX = 0, worstV = 0;
        double[] bx = t.GetDouble("bystrom_x"), bvx = t.GetDouble("bystrom_vx"), bvz = t.GetDouble("bystrom_vz");
        int compared = 0;
        for (int i = 0; i < t.RowCount; i++)
        {
            if (double.IsNaN(bx[i] + g.Vx[i])) continue;
            compared++;
            worstX = Math.Max(worstX, Math.Abs(g.X[i] - bx[i]));
            worstV = Math.Max(worstV, Math.Max(Math.Abs(g.Vx[i] - bvx[i]), Math.Abs(g.Vz[i] - bvz[i])));
        }
        // Rows with a finite vx in the table (5425, counted with Python's csv module: 9 more lack a proper motion).
        Assert.Equal(5425, compared);
        Assert.InRange(worstX, 0, 1e-3);    // kpc
        Assert.InRange(worstV, 0, 0.05);    // km/s
    }

    [Fact]
    public void Read_SaysWhichFileIsMissing_AndWhichColumnIsAbsent()
    {
        var missing = Assert.Throws<CatalogException>(() => DesiBhbStars.Read("/nonexistent/Bystrom_2025_BHB.csv"));
        Assert.Contains("Bystrom_2025_BHB.csv", missing.Message);
        var dir = Directory.CreateTempSubdirectory("bhb");
        try
        {
            var csv = Path.Combine(dir.FullName, "t.csv");
            File.WriteAllLines(csv, [",ID,RA,DEC", "0,1,10,20"]);
            var e = Assert.Throws<CatalogException>(() => DesiBhbStars.Read(csv));
            Assert.Equal("l", e.Column);
        }
        finally { dir.Delete(true); }
    }
}
