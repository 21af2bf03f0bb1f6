using Xunit;
using HaloNotebooks.Astrometry;
using HaloNotebooks.Catalogs;
using HaloNotebooks.Mocks;
using C = HaloNotebooks.Catalogs.CanonicalColumns;

namespace HaloNotebooks.Tests.Mocks;

/// <summary>One small mock shared by the tests of this class (scale 0.03 ≈ 13k stars).</summary>
public sealed class SmallMockFixture
{
    public MockCatalog Mock { get; } = MockCatalog.Generate(new MockSettings(Seed: 7, Scale: 0.03));
}

public class MockCatalogTests(SmallMockFixture fixture) : IClassFixture<SmallMockFixture>
{
    readonly MockCatalog mock = fixture.Mock;
    static readonly HaloVelocityField Field = new();

    (bool Mr, double R, double X, double Y, double Z, double Vr, double VPhi, double VTheta, double Feh)[] HaloTruth()
    {
        var t = mock.Truth;
        var pop = t.GetString("population");
        var r = t.GetDouble(C.RGc);
        double[] vr = t.GetDouble(C.VR), vphi = t.GetDouble(C.VPhi), vtheta = t.GetDouble(C.VTheta), feh = t.GetDouble(C.Feh);
        double[] x = t.GetDouble("x"), y = t.GetDouble("y"), z = t.GetDouble("z");
        return Enumerable.Range(0, t.RowCount).Where(i => pop[i] is "halo_mr" or "halo_mp")
            .Select(i => (pop[i] == "halo_mr", r[i], x[i], y[i], z[i], vr[i], vphi[i], vtheta[i], feh[i])).ToArray();
    }

    [Fact]
    public void Tables_HaveTheContractColumns_AlignedByTargetId()
    {
        string[] catalogue = [C.TargetId, C.Ra, C.Dec, C.Rv, C.RvErr, C.Teff, C.Logg, C.Feh, C.FehErr, C.Pmra, C.Pmdec,
                              C.PmraError, C.PmdecError, C.PmraPmdecCorr, C.Ebv, C.GaiaG, C.RMag];
        foreach (var c in catalogue) Assert.True(mock.Catalogue.Contains(c), c);
        Assert.False(mock.Catalogue.Contains(C.Distance));
        foreach (var c in new[] { C.TargetId, C.Distance, C.DistanceErr }) Assert.True(mock.Distances.Contains(c), c);
        foreach (var c in new[] { "name", "kind", "ra", "dec", "radius_deg", "distance", "distance_err", "pmra", "pmdec", "pm_err", "rv", "rv_err" })
            Assert.True(mock.Substructures.Contains(c), c);
        foreach (var c in new[] { C.TargetId, "population", "x", "y", "z", "vx", "vy", "vz", "r_gc", "v_r", "v_phi", "v_theta", "feh" })
            Assert.True(mock.Truth.Contains(c), c);
        // One PRIMARY row per star in the truth's order, then the repeat observations (PRIMARY = false) of some of them.
        var id = mock.Catalogue.GetInt64(C.TargetId);
        var primary = mock.Catalogue.GetBool(C.Primary);
        int stars = mock.Truth.RowCount;
        Assert.All(primary.Take(stars), p => Assert.True(p));
        Assert.All(primary.Skip(stars), p => Assert.False(p));
        Assert.Equal(id.Take(stars), mock.Distances.GetInt64(C.TargetId));
        Assert.Equal(id.Take(stars), mock.Truth.GetInt64(C.TargetId));
        Assert.Equal(stars, id.Distinct().Count());
        Assert.Equal(["dwarf", "gc", "disc", "halo_mp", "halo_mr", "non_kgiant", "sgr"],
                     mock.Truth.GetString("population").Distinct().Order(StringComparer.Ordinal).ToArray()
                         .OrderBy(p => p switch { "dwarf" => 0, "gc" => 1, _ => 2 }).ThenBy(p => p, StringComparer.Ordinal).ToArray());
    }

    [Fact]
    public void TruthVelocities_AreDrawnFromTheFieldAtEachStar()
    {
        // Standardised residuals (x − μ(r, l, b)) / σ(r) of every halo star, per component and dimension: N(0, 1).
        foreach (bool mr in new[] { true, false })
        {
            var stars = HaloTruth().Where(s => s.Mr == mr).ToArray();
            Assert.True(stars.Length > 1000, $"{stars.Length} stars");
            var z = new List<double>[4] { [], [], [], [] };
            foreach (var s in stars)
            {
                var m = Field.MomentsAt(mr, s.X, s.Y, s.Z);
                z[0].Add((s.Vr - m.Vr) / m.SigmaR);
                z[1].Add((s.VPhi - m.VPhi) / m.SigmaPhi);
                z[2].Add((s.VTheta - m.VTheta) / m.SigmaTheta);
                z[3].Add((s.Feh - m.FehMean) / m.FehSigma);
            }
            int n = stars.Length;
            for (int d = 0; d < 4; d++)
            {
                double mean = z[d].Average(), sd = Math.Sqrt(z[d].Sum(v => (v - mean) * (v - mean)) / (n - 1));
                Assert.True(Math.Abs(mean) < 4 / Math.Sqrt(n), $"{(mr ? "MR" : "MP")} dim {d}: mean {mean:F3}, n {n}");
                Assert.True(Math.Abs(sd - 1) < 4 / Math.Sqrt(2.0 * n), $"{(mr ? "MR" : "MP")} dim {d}: sd {sd:F3}, n {n}");
            }
        }
    }

    [Fact]
    public void TruthMomentsPerTable2Bin_MatchTheInputs()
    {
        // In each Table 2 bin below 50 kpc, sample mean and dispersion of each component against the input moments averaged
        // over the stars (mean of μ(x_i), the reflex motion included; variance = mean σ² + variance of μ), within 4 standard errors.
        var t2 = MockInputTables.Table2;
        var halo = HaloTruth();
        int checkedBins = 0;
        for (int i = 0; i < t2.RowCount; i++)
        {
            double r0 = t2[i, "r_min_kpc"], r1 = t2[i, "r_max_kpc"];
            if (r0 == 3 && r1 == 160 || r1 > 50) continue;
            bool mr = t2.Labels![i] == "MR";
            var s = halo.Where(h => h.Mr == mr && h.R >= r0 && h.R < r1).ToArray();
            if (s.Length < 60) continue;
            var m = s.Select(h => Field.MomentsAt(mr, h.X, h.Y, h.Z)).ToArray();
            void Check(string what, Func<int, double> x, Func<PopulationMoments, double> mu, Func<PopulationMoments, double> sigma)
            {
                int n = s.Length;
                double mean = Enumerable.Range(0, n).Average(x), sd = Math.Sqrt(Enumerable.Range(0, n).Sum(k => Math.Pow(x(k) - mean, 2)) / (n - 1));
                double muBar = m.Average(mu), varMu = m.Average(p => Math.Pow(mu(p) - muBar, 2));
                double expectedSd = Math.Sqrt(m.Average(p => sigma(p) * sigma(p)) + varMu);
                Assert.True(Math.Abs(mean - muBar) < 4 * expectedSd / Math.Sqrt(n),
                    $"{t2.Labels[i]} [{r0}, {r1}) {what}: mean {mean:F2} vs {muBar:F2} (n {n})");
                Assert.True(Math.Abs(sd - expectedSd) < 4 * expectedSd / Math.Sqrt(2.0 * n), $"{t2.Labels[i]} [{r0}, {r1}) {what}: sd {sd:F2} " +
                    $"vs {expectedSd:F2} (n {n})");
            }
            Check("v_r", k => s[k].Vr, p => p.Vr, p => p.SigmaR);
            Check("v_phi", k => s[k].VPhi, p => p.VPhi, p => p.SigmaPhi);
            Check("v_theta", k => s[k].VTheta, p => p.VTheta, p => p.SigmaTheta);
            Check("feh", k => s[k].Feh, p => p.FehMean, p => p.FehSigma);
            checkedBins++;
        }
        Assert.True(checkedBins >= 16, $"only {checkedBins} bins had enough stars");
    }

    [Fact]
    public void MetalRichFraction_FollowsTable2PMr()
    {
        var halo = HaloTruth();
        foreach (var (r0, r1) in new[] { (3.0, 15.9), (15.9, 28.7), (28.7, 160.0) })
        {
            var s = halo.Where(h => h.R >= r0 && h.R < r1).ToArray();
            double expected = s.Sum(h => Field.MetalRichFraction(h.R)),
                variance = s.Sum(h => Field.MetalRichFraction(h.R) * (1 - Field.MetalRichFraction(h.R)));
            double observed = s.Count(h => h.Mr);
            Assert.True(Math.Abs(observed - expected) < 4 * Math.Sqrt(variance), $"[{r0}, {r1}): {observed} MR vs {expected:F1} ± {Math.Sqrt(variance):F1}");
        }
    }

    [Fact]
    public void Forecast_FinalCountsPerBinAreTable1N_AndTheFunnelResemblesSection23()
    {
        // The halo quota makes the forecast survivors per bin Table 1's N × scale (±1 star of rounding per bin, and the
        // last star drawn may land a contaminant above it); the funnel ratios should be §2.3's within ±20%.
        var cut = mock.Truth.GetString("forecast_cut");
        var r = mock.Truth.GetDouble(C.RGc);
        var stars = MockGenerator.Run(mock.Settings);   // same settings → same stars (checked byte-wise elsewhere)
        var summary = ForecastSummary.Of(stars, MockInputTables.Table1);
        foreach (var (a, b, n, tableN) in summary.Bins)
            Assert.True(Math.Abs(n - tableN * 0.03) <= 2, $"[{a}, {b}): {n} vs {tableN * 0.03:F1}");
        Assert.Equal(cut.Count(c => c == "none"), summary.Remaining(ForecastCut.RadialRange));
        double kGiants = summary.Remaining(ForecastCut.KGiant), afterDisc = summary.Remaining(ForecastCut.Disc);
        double afterSubstructures = summary.Remaining(ForecastCut.Sagittarius), final = summary.Remaining(ForecastCut.VelocityError);
        Assert.InRange(kGiants / 0.03, 0.8 * 370_000, 1.2 * 370_000);
        Assert.InRange(afterDisc / 0.03, 0.8 * 150_000, 1.2 * 150_000);
        Assert.InRange(afterSubstructures / 0.03, 0.8 * 94_000, 1.2 * 94_000);
        Assert.InRange(final / 0.03, 0.8 * 64_000, 1.2 * 64_000);
    }

    [Fact]
    public void Contaminants_SitWhereTheCutsLook()
    {
        var pop = mock.Truth.GetString("population");
        var cut = mock.Truth.GetString("forecast_cut");
        double[] ra = mock.Catalogue.GetDouble(C.Ra), dec = mock.Catalogue.GetDouble(C.Dec);
        int n(string p) => pop.Count(x => x == p);
        for (int i = 0; i < pop.Length; i++)
        {
            if (pop[i] == "sgr")
                Assert.True(Math.Abs(SagittariusFrame.FromIcrs(ra[i], dec[i]).B) < 11.0 + 1e-9, $"Sgr star at B̃ {SagittariusFrame.FromIcrs(ra[i], dec[i]).B}");
            if (pop[i] == "sgr") Assert.NotEqual("none", cut[i]);
            Assert.True(dec[i] > -20, $"row {i} at dec {dec[i]}");
        }
        // Stars outside the K-giant box: only a rare dwarf with a large distance error scatters into −3 < M_r < 2.
        Assert.True(Enumerable.Range(0, pop.Length).Count(i => pop[i] == "non_kgiant" && cut[i] != "KGiant") <= 0.005 * n("non_kgiant"));
        // The disc cut removes nearly every disc giant (only through their measurement errors: the mock draws none that pass it in truth).
        Assert.True(Enumerable.Range(0, pop.Length).Count(i => pop[i] == "disc" && cut[i] == "none") < 0.02 * n("disc"));
        // Table 2's 3–9 kpc rows already hold the metal-weak thick disc beyond 2 kpc, so no disc giant passes the cut in truth.
        double[] fehTrue = mock.Truth.GetDouble("feh"), zTrue = mock.Truth.GetDouble("z");
        Assert.DoesNotContain(Enumerable.Range(0, pop.Length), i => pop[i] == "disc" && fehTrue[i] < -0.85 && Math.Abs(zTrue[i]) > 2);
        Assert.Contains(Enumerable.Range(0, pop.Length), i => pop[i] == "disc" && fehTrue[i] < -0.85);   // the metal-weak tail near the plane stays
        // Members lie inside their object's radius and are matched by the substructure cut unless an earlier cut took them.
        var members = Enumerable.Range(0, pop.Length).Where(i => pop[i] is "gc" or "dwarf").ToArray();
        Assert.True(members.Count(i => cut[i] is "Substructure" or "KGiant" or "Disc") >= 0.97 * members.Length);
        // A 3σ match in distance, proper motion (χ², 2 dof) and RV misses ≈2% of true members; those that also pass later cuts stay.
        Assert.True(members.Count(i => cut[i] == "none") <= 0.03 * members.Length + 2,
            $"{members.Count(i => cut[i] == "none")} of {members.Length} members survive");
    }

    [Fact]
    public void SameSeed_WritesTheSameBytes_OnAnyThreadCount_AndAnotherSeedDiffers()
    {
        string root = Path.Combine(Path.GetTempPath(), "halo-mock-test-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            MockCatalog.Generate(new MockSettings(3, 0.004) { MaxDegreeOfParallelism = 1 }).Write(Path.Combine(root, "a"));
            MockCatalog.Generate(new MockSettings(3, 0.004)).Write(Path.Combine(root, "b"));
            MockCatalog.Generate(new MockSettings(4, 0.004)).Write(Path.Combine(root, "c"));
            foreach (var f in new[] { MockCatalog.CatalogueFile, MockCatalog.DistancesFile, MockCatalog.SubstructuresFile, MockCatalog.TruthFile })
                Assert.True(File.ReadAllBytes(Path.Combine(root, "a", f)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(root, "b", f))), f);
            Assert.False(File.ReadAllBytes(Path.Combine(root, "a", MockCatalog.CatalogueFile)).AsSpan()
                .SequenceEqual(File.ReadAllBytes(Path.Combine(root, "c", MockCatalog.CatalogueFile))));
        }
        finally { if (Directory.Exists(root)) Directory.Delete(root, true); }
    }

    [Fact]
    public void WrittenFiles_ReadBackAsTheTables()
    {
        string dir = Path.Combine(Path.GetTempPath(), "halo-mock-test-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            mock.Write(dir);
            var read = DesiMwsCatalog.Read(Path.Combine(dir, MockCatalog.CatalogueFile), Path.Combine(dir, MockCatalog.DistancesFile));
            Assert.Equal(mock.Catalogue.RowCount, read.RowCount);
            foreach (var c in mock.Catalogue.ColumnNames.Where(c => mock.Catalogue.GetColumnType(c) is ColumnType.Double && c != C.RMag))
                Assert.True(mock.Catalogue.GetDouble(c).AsSpan().SequenceEqual(read.GetDouble(c)), c);
            // r_mag travels as FLUX_R in nanomaggies: equal to rounding.
            var rMag = read.GetDouble(C.RMag);
            var expected = mock.Catalogue.GetDouble(C.RMag);
            for (int i = 0; i < rMag.Length; i++) Assert.Equal(expected[i], rMag[i], 9);
            Assert.Equal(mock.Catalogue.GetInt64(C.TargetId), read.GetInt64(C.TargetId));
            Assert.Equal(mock.Catalogue.GetInt64(C.SourceId), read.GetInt64(C.SourceId));
            // Every row, repeats included, gets its star's distance (one distance row per TARGETID).
            var joined = mock.Catalogue.Join(mock.Distances, C.TargetId, C.TargetId);
            Assert.Equal(joined.GetDouble(C.Distance), read.GetDouble(C.Distance));
            Assert.Equal(joined.GetDouble(C.DistanceErr), read.GetDouble(C.DistanceErr));
            Assert.All(read.GetInt64(C.DistanceRows), k => Assert.Equal(1, k));
            var subs = CsvTable.Read(Path.Combine(dir, MockCatalog.SubstructuresFile));
            Assert.Equal(mock.Substructures.GetString("name"), subs.GetString("name"));
            Assert.Equal(mock.Substructures.GetDouble("pm_err"), subs.GetDouble("pm_err"));
            // Numeric truth columns (ParquetTable.Read of string columns is broken in Catalogs/ at the time of writing: reported).
            string[] numeric = mock.Truth.ColumnNames.Where(c => mock.Truth.GetColumnType(c) is ColumnType.Double or ColumnType.Int64).ToArray();
            var truth = ParquetTable.Read(Path.Combine(dir, MockCatalog.TruthFile), numeric);
            foreach (var c in numeric.Where(c => c != C.TargetId))
                Assert.True(mock.Truth.GetDouble(c).AsSpan().SequenceEqual(truth.GetDouble(c)), c);
            Assert.Equal(mock.Truth.GetInt64(C.TargetId), truth.GetInt64(C.TargetId));
        }
        finally { if (Directory.Exists(dir)) Directory.Delete(dir, true); }
    }

    [Fact]
    public void EnsureDefault_KeepsAnExistingMock()
    {
        string dir = Path.Combine(Path.GetTempPath(), "halo-mock-test-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            mock.Write(dir);
            var before = File.GetLastWriteTimeUtc(Path.Combine(dir, MockCatalog.TruthFile));
            Assert.Equal(dir, MockCatalog.EnsureDefault(dir));
            Assert.Equal(before, File.GetLastWriteTimeUtc(Path.Combine(dir, MockCatalog.TruthFile)));
        }
        finally { if (Directory.Exists(dir)) Directory.Delete(dir, true); }
    }

    [Fact]
    public void IsCurrent_OnlyForAFolderStampedByThisGenerator()
    {
        string dir = Path.Combine(Path.GetTempPath(), "halo-mock-test-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            mock.Write(dir);
            Assert.True(MockCatalog.IsCurrent(dir));
            Assert.StartsWith("generator ", File.ReadAllText(Path.Combine(dir, MockCatalog.VersionFile)));
            // A folder written before the stamp existed, or by another generator, is stale: EnsureDefault replaces it.
            File.WriteAllText(Path.Combine(dir, MockCatalog.VersionFile), "generator 0; calibration sha256 00\n");
            Assert.False(MockCatalog.IsCurrent(dir));
            File.Delete(Path.Combine(dir, MockCatalog.VersionFile));
            Assert.False(MockCatalog.IsCurrent(dir));
            mock.Write(dir);
            File.Delete(Path.Combine(dir, MockCatalog.TruthFile));
            Assert.False(MockCatalog.IsCurrent(dir));
        }
        finally { if (Directory.Exists(dir)) Directory.Delete(dir, true); }
    }

    [Fact]
    public void Settings_RejectBadValues()
    {
        Assert.Contains("Scale", Assert.Throws<ArgumentException>(() => MockCatalog.Generate(new MockSettings(1, 0))).Message);
        Assert.Contains("MaxDegreeOfParallelism",
            Assert.Throws<ArgumentException>(() => MockCatalog.Generate(new MockSettings(1, 0.01) { MaxDegreeOfParallelism = 0 })).Message);
    }

    [Fact]
    public void MockCommand_WritesTheFourFiles_AndRejectsABadScale()
    {
        string dir = Path.Combine(Path.GetTempPath(), "halo-mock-test-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            Assert.Equal(0, HaloNotebooks.Cli.Program.Run(["mock", "--seed", "5", "--scale", "0.002", "--output", dir]));
            foreach (var f in new[] { MockCatalog.CatalogueFile, MockCatalog.DistancesFile, MockCatalog.SubstructuresFile, MockCatalog.TruthFile })
                Assert.True(File.Exists(Path.Combine(dir, f)), f);
            Assert.Equal(2, HaloNotebooks.Cli.Program.Run(["mock", "--scale", "-1", "--output", dir]));   // a bad option is usage (README, exit codes)
        }
        finally { if (Directory.Exists(dir)) Directory.Delete(dir, true); }
    }
}
