using HaloNotebooks.Catalogs;
using Xunit;

namespace HaloNotebooks.Tests.Catalogs;

public class SegueKGiantsTests
{
    [SkippableFact]
    public void Read_JoinsXueAndGaiaByRowIndex_ToTheDocumentedRowCount()
    {
        var xue = TestPaths.RequireShared("data/external/segue_kgiants_xue2014/Xue2014KGiant14.txt");
        var gaia = TestPaths.RequireShared("data/external/segue_kgiants_xue2014/Xue2015KGiantxmatch_gaia_corr.txt");
        var t = SegueKGiants.Read(xue, gaia);
        Assert.Equal(SegueKGiants.DocumentedRowCount, t.RowCount);   // SOURCE.md: 6036 K giants
        // First data line of the MRT: 154.7659 -0.8354 17.257 ... HRV 43.7, Teff 4626, FeH -0.71, Dis 42.35.
        Assert.Equal(154.7659, t.GetDouble("ra")[0]);
        Assert.Equal(-0.8354, t.GetDouble("dec")[0]);
        Assert.Equal(43.7, t.GetDouble("rv")[0]);
        Assert.Equal(4626, t.GetInt64("teff")[0]);
        Assert.Equal(-0.71, t.GetDouble("feh")[0]);
        Assert.Equal(42.35, t.GetDouble("distance")[0]);
        // First Gaia row is S0: source_id 3830749024282130176, pmra -11.787686007499651.
        Assert.Equal(3830749024282130176L, t.GetInt64("source_id")[0]);
        Assert.Equal(-11.787686007499651, t.GetDouble("pmra")[0]);
        // Every star has a match within 0.98 arcsec (SOURCE.md). 20 cross-match rows have no proper
        // motion; keeping the closer of each duplicated match leaves 17 stars without one (counted
        // independently from the CSV with Python's csv module).
        Assert.All(t.GetDouble("gaia_separation_deg"), s => Assert.InRange(s, 0, 0.98 / 3600));
        Assert.Equal(17, t.GetDouble("pmra").Count(double.IsNaN));
        // Xue positions and Gaia positions agree: the row-index join is aligned.
        Assert.Equal(0, t.GetMissing("source_id").Count(m => m));
    }

    [Fact]
    public void Read_RejectsCrossMatchNamesOutsideTheTable()
    {
        var dir = Directory.CreateTempSubdirectory("segue");
        try
        {
            var mrt = Path.Combine(dir.FullName, "t.txt");
            File.WriteAllLines(mrt, [
                "Byte-by-byte Description of file: t.txt", new string('-', 40),
                "   Bytes Format Units    Label    Explanations", new string('-', 40),
                "   1-  8 F8.3   deg      RAdeg    RA", "   9- 16 F8.3   deg      DEdeg    Dec", new string('-', 40),
                "  10.000  20.000", "  11.000        "]);
            var table = MachineReadableTable.Read(mrt);
            Assert.Equal([10.0, 11.0], table.GetDouble("RAdeg"));
            Assert.Equal([false, true], table.GetMissing("DEdeg"));
            var csv = Path.Combine(dir.FullName, "g.csv");
            File.WriteAllLines(csv, ["name,source_id,pmra,pmdec,pmra_error,pmdec_error,pmra_pmdec_corr,phot_g_mean_mag,dist", "S7,1,0,0,0,0,0,0,0"]);
            var e = Assert.Throws<CatalogException>(() => SegueKGiants.Read(mrt, csv));
            Assert.Equal("name", e.Column);
            Assert.Equal(0, e.Row);
        }
        finally { dir.Delete(true); }
    }
}
