using Xunit;
using HaloNotebooks.Catalogs;
using HaloNotebooks.Selection;

namespace HaloNotebooks.Tests.Selection;

public class SubstructureCatalogTests
{
    [SkippableFact]
    public void ReadBaumgardtVasiliev_OrbitTableWithVb21Radii()
    {
        var orbits = TestPaths.RequireShared("data/external/gc_baumgardt_orbits/orbits_table.txt");
        var vb21 = TestPaths.RequireShared("data/external/gc_vasiliev_baumgardt2021_pm/GCs_VB21.txt");
        var cat = SubstructureCatalog.ReadBaumgardtVasiliev(orbits, vb21);
        Assert.Equal(165, cat.Count);    // SOURCE.md: 165 clusters
        Assert.All(cat.Items, s => Assert.Equal(SubstructureKind.GlobularCluster, s.Kind));
        // NGC 104 (47 Tuc): orbit table row RA 6.023792, Dec −72.081306, Rsun 4.52 ± 0.03, ⟨RV⟩ −17.45 ± 0.16,
        // PM (5.253, −2.557) ± 0.008; VB21 Rscale 10.03 arcmin.
        var tuc = cat.Items.Single(s => s.Name == "NGC 104");
        Assert.Equal(6.023792, tuc.Ra, 9);
        Assert.Equal(-72.081306, tuc.Dec, 9);
        Assert.Equal(4.52, tuc.Distance, 9);
        Assert.Equal(0.03, tuc.DistanceErr, 9);
        Assert.Equal(-17.45, tuc.Rv, 9);
        Assert.Equal(Math.Sqrt(0.16 * 0.16 + 100), tuc.RvErr, 9);
        Assert.Equal(5.253, tuc.Pmra, 9);
        Assert.Equal(-2.557, tuc.Pmdec, 9);
        Assert.Equal(5 * 10.03 / 60, tuc.RadiusDeg, 9);
        // 10 km/s at 4.52 kpc is 0.467 mas/yr, which dominates the 0.008 mas/yr error of the mean.
        Assert.Equal(Math.Sqrt(0.008 * 0.008 + Math.Pow(10 / (4.740470463533349 * 4.52), 2)), tuc.PmErr, 9);
        // Every cluster got a VB21 radius (names matched ignoring '_' vs ' ') or the documented fallback.
        int withScale = cat.Items.Count(s => s.RadiusDeg != 0.25);
        Assert.True(withScale >= 150, $"only {withScale} of 165 clusters matched a VB21 scale radius");
    }

    [SkippableFact]
    public void ReadBaumgardtVasiliev_FolderOrVb21Alone()
    {
        var vb21 = TestPaths.RequireShared("data/external/gc_vasiliev_baumgardt2021_pm/GCs_VB21.txt");
        var cat = SubstructureCatalog.ReadBaumgardtVasiliev(vb21);
        Assert.Equal(170, cat.Count);     // SOURCE.md: 170 clusters
        var bh140 = cat.Items.Single(s => s.Name == "BH 140");
        Assert.Equal((193.473, -67.177, -14.848, 1.224), (bh140.Ra, bh140.Dec, bh140.Pmra, bh140.Pmdec));
        Assert.True(double.IsNaN(bh140.Distance) && double.IsNaN(bh140.Rv));   // not in VB21: those criteria are skipped
        var dir = TestPaths.RequireShared("data/external/gc_baumgardt_orbits");
        Assert.Equal(165, SubstructureCatalog.Read(dir).Count);
    }

    [SkippableFact]
    public void ReadPace_MilkyWayDwarfs()
    {
        var dir = TestPaths.RequireShared("data/external/lvdb_pace2022");
        var cat = SubstructureCatalog.ReadPace(dir);
        Assert.Equal(68, cat.Count);      // SOURCE.md: dwarf_mw has 68 rows, all with rhalf
        Assert.All(cat.Items, s => Assert.Equal(SubstructureKind.DwarfGalaxy, s.Kind));
        // Antlia II: rhalf 104.6', distance 124.17 (−5.04 +5.25) kpc, vlos 288.8 ± 0.4, σ 5.98 km/s.
        var ant = cat.Items.Single(s => s.Name == "Antlia II");
        Assert.Equal(5 * 104.6 / 60, ant.RadiusDeg, 9);
        Assert.Equal(124.17, ant.Distance, 9);
        Assert.Equal(0.5 * (5.04 + 5.25), ant.DistanceErr, 9);
        Assert.Equal(288.8, ant.Rv, 9);
        Assert.Equal(Math.Sqrt(0.16 + 5.98 * 5.98), ant.RvErr, 9);
        Assert.Equal(-0.093, ant.Pmra, 9);
        var withGcs = SubstructureCatalog.ReadPace(dir, includeGlobularClusters: true);
        Assert.Equal(68 + 155 + 41, withGcs.Count);   // + gc_harris 155 + the 41 of gc_mw_new's 58 rows that have an rhalf
        Assert.Equal(68, SubstructureCatalog.Read(dir).Count);
    }

    [Fact]
    public void MockList_RoundTripsAndCombines()
    {
        var list = new SubstructureCatalog(
        [
            new Substructure("Fake GC", SubstructureKind.GlobularCluster, 10, -20, 0.2, 12, 0.5, 1.5, -2.5, 0.1, 150, 5),
            new Substructure("Fake dSph", SubstructureKind.DwarfGalaxy, 200, 30, 1.0, 80, 4, 0.1, -0.2, 0.05, double.NaN, double.NaN),
        ], "test");
        var path = Path.Combine(Path.GetTempPath(), $"subs-{Guid.NewGuid():N}.csv");
        try
        {
            list.WriteList(path);
            var back = SubstructureCatalog.ReadMockList(path);
            Assert.Equal(2, back.Count);
            Assert.Equal(list.Items[0], back.Items[0]);
            Assert.Equal("Fake dSph", back.Items[1].Name);
            Assert.True(double.IsNaN(back.Items[1].Rv));
            Assert.Equal(4, SubstructureCatalog.Combine(back, list).Count);
            Assert.Equal(2, SubstructureCatalog.Read(path).Count);
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void MockList_BadKind_NamesFileColumnAndRow()
    {
        var path = Path.Combine(Path.GetTempPath(), $"subs-{Guid.NewGuid():N}.csv");
        try
        {
            File.WriteAllText(path, "name,kind,ra,dec,radius_deg,distance,distance_err,pmra,pmdec,pm_err,rv,rv_err\nA,globular_cluster,1,2,0.1,5,0.1,0,0," +
                "0.1,0,1\nB,open_cluster,1,2,0.1,5,0.1,0,0,0.1,0,1\n");
            var e = Assert.Throws<CatalogException>(() => SubstructureCatalog.ReadMockList(path));
            Assert.Equal("kind", e.Column);
            Assert.Equal(1, e.Row);
            Assert.Contains("open_cluster", e.Message);
        }
        finally { File.Delete(path); }
    }
}
