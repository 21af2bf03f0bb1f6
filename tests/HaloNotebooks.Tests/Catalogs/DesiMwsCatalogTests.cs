using HaloNotebooks.Catalogs;
using HaloNotebooks.Numerics;
using Xunit;

namespace HaloNotebooks.Tests.Catalogs;

public class DesiMwsCatalogTests
{
    static StarTable Canonical(int n, long seed)
    {
        var rng = new SeededRandom(seed, 1);
        double[] G(double mean, double sd) { var a = new double[n]; for (int i = 0; i < n; i++) a[i] = mean + sd * rng.NextGaussian(); return a; }
        var id = new long[n];
        for (int i = 0; i < n; i++) id[i] = 39627000000000000L + 7919L * i;
        var r = G(18, 1.5);
        r[1] = double.NaN;
        return StarTable.FromColumns([
            (CanonicalColumns.TargetId, id), (CanonicalColumns.Ra, G(180, 50)), (CanonicalColumns.Dec, G(20, 20)),
            (CanonicalColumns.Rv, G(0, 120)), (CanonicalColumns.RvErr, G(3, 1)), (CanonicalColumns.Teff, G(4900, 300)),
            (CanonicalColumns.Logg, G(2, 0.5)), (CanonicalColumns.Feh, G(-1.5, 0.5)), (CanonicalColumns.FehErr, G(0.1, 0.02)),
            (CanonicalColumns.Pmra, G(0, 2)), (CanonicalColumns.Pmdec, G(0, 2)), (CanonicalColumns.PmraError, G(0.1, 0.02)),
            (CanonicalColumns.PmdecError, G(0.1, 0.02)), (CanonicalColumns.PmraPmdecCorr, G(0, 0.2)),
            (CanonicalColumns.Ebv, Array.ConvertAll(G(0.05, 0.01), v => (float)v)), (CanonicalColumns.GaiaG, G(17, 1)),
            (CanonicalColumns.RMag, r), ("population_hint", Enumerable.Range(0, n).Select(i => i % 3 == 0 ? "halo" : "disc").ToArray())]);
    }

    [Fact]
    public void Write_ThenRead_ReturnsTheSameCanonicalTable_InDesiLayout()
    {
        var dir = Directory.CreateTempSubdirectory("desi");
        try
        {
            var path = Path.Combine(dir.FullName, "mwsall-mock.fits");
            var table = Canonical(2000, 5);
            DesiMwsCatalog.Write(path, table);
            using (var fits = FitsFile.Open(path))
            {
                Assert.Equal([null, "RVTAB", "FIBERMAP", "GAIA"], fits.Hdus.Select(h => h.ExtName));
                Assert.Contains("VRAD", fits.ColumnNames("RVTAB"));
                Assert.Contains("PMRA_PMDEC_CORR", fits.ColumnNames("GAIA"));
                var flux = fits.ReadTable("FIBERMAP", ["FLUX_R"]).GetDouble("FLUX_R");
                var r = table.GetDouble(CanonicalColumns.RMag);
                for (int i = 0; i < r.Length; i++)
                    if (double.IsFinite(r[i])) Assert.Equal(Math.Pow(10, (22.5 - r[i]) / 2.5), flux[i], 1e-9 * flux[i]);   // nanomaggies
            }
            var back = DesiMwsCatalog.Read(path);
            Assert.Equal(table.ColumnNames.Order(), back.ColumnNames.Order());
            FitsWriterTests.AssertSameTable(table, back.Select([.. table.ColumnNames]));
        }
        finally { dir.Delete(true); }
    }

    [Fact]
    public void MagnitudeFromFlux_IsTheNanomaggyAbZeroPoint()
    {
        Assert.Equal([22.5, 17.5, 20.0], DesiMwsCatalog.MagnitudeFromFlux([1.0, 100.0, 10.0]));
        Assert.True(double.IsNaN(DesiMwsCatalog.MagnitudeFromFlux([0.0])[0]));
        Assert.True(double.IsNaN(DesiMwsCatalog.MagnitudeFromFlux([-3.0])[0]));
    }

    [Fact]
    public void Read_JoinsDistancesByTargetId_DefaultNamesCanonicalFallbackAndCustomNames()
    {
        var dir = Directory.CreateTempSubdirectory("desi");
        try
        {
            var path = Path.Combine(dir.FullName, "mwsall.fits");
            var table = Canonical(50, 9).Select(CanonicalColumns.TargetId, CanonicalColumns.Rv);
            DesiMwsCatalog.Write(path, table);
            var ids = table.GetInt64(CanonicalColumns.TargetId);
            // Distances for every other star, in reverse order, plus one unknown ID.
            var sel = Enumerable.Range(0, 50).Where(i => i % 2 == 0).Reverse().ToArray();
            var dId = sel.Select(i => ids[i]).Append(12345L).ToArray();
            var dist = sel.Select(i => 10.0 + i).Append(99.0).ToArray();
            var err = sel.Select(i => 1.0 + i / 100.0).Append(9.0).ToArray();
            TableFile.Write(StarTable.FromColumns([("TARGETID", dId), ("DIST", dist), ("DIST_ERR", err)]), Path.Combine(dir.FullName, "specdis.fits"));
            TableFile.Write(StarTable.FromColumns([("targetid", dId), ("distance", dist), ("distance_err", err)]), Path.Combine(dir.FullName, "mock.csv"));
            TableFile.Write(StarTable.FromColumns([("id", dId), ("d_kpc", dist), ("e_d", err)]), Path.Combine(dir.FullName, "other.parquet"));
            var results = new[]
            {
                DesiMwsCatalog.Read(path, Path.Combine(dir.FullName, "specdis.fits")),
                DesiMwsCatalog.Read(path, Path.Combine(dir.FullName, "mock.csv")),
                DesiMwsCatalog.Read(path, Path.Combine(dir.FullName, "other.parquet"), new DistanceColumns("id", "d_kpc", "e_d")),
            };
            foreach (var t in results)
            {
                var d = t.GetDouble(CanonicalColumns.Distance);
                var e = t.GetDouble(CanonicalColumns.DistanceErr);
                for (int i = 0; i < 50; i++)
                {
                    if (i % 2 == 0) { Assert.Equal(10.0 + i, d[i]); Assert.Equal(1.0 + i / 100.0, e[i]); }
                    else { Assert.True(double.IsNaN(d[i])); Assert.True(double.IsNaN(e[i])); }
                }
            }
            var bad = Assert.Throws<CatalogException>(() => DesiMwsCatalog.Read(path, Path.Combine(dir.FullName, "other.parquet")));
            Assert.NotNull(bad.Column);
        }
        finally { dir.Delete(true); }
    }

    [Fact]
    public void Read_RejectsHdusThatAreNotRowAligned()
    {
        var dir = Directory.CreateTempSubdirectory("desi");
        try
        {
            var path = Path.Combine(dir.FullName, "bad.fits");
            var ids = new long[] { 1, 2, 3 };
            FitsWriter.Write(path, [
                ("RVTAB", StarTable.FromColumns([("TARGETID", ids), ("VRAD", new double[] { 1, 2, 3 })])),
                ("FIBERMAP", StarTable.FromColumns([("TARGETID", new long[] { 1, 3, 2 }), ("TARGET_RA", new double[] { 1, 2, 3 })])),
                ("GAIA", StarTable.FromColumns([("SOURCE_ID", ids)]))]);
            var e = Assert.Throws<CatalogException>(() => DesiMwsCatalog.Read(path));
            Assert.Equal(1, e.Row);
            Assert.Equal("FIBERMAP", e.Hdu);
        }
        finally { dir.Delete(true); }
    }
}
