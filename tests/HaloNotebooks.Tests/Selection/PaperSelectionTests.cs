using Xunit;
using HaloNotebooks.Astrometry;
using HaloNotebooks.Catalogs;
using HaloNotebooks.Numerics;
using HaloNotebooks.Selection;
using C = HaloNotebooks.Catalogs.CanonicalColumns;

namespace HaloNotebooks.Tests.Selection;

public class PaperSelectionTests
{
    static readonly SelectionSettings Fast = SelectionSettings.Paper with { McSamples = 200 };

    /// <summary>A random Galactocentric position at radius r with |z| &gt; zMin and |B̃| in the given range (deg).</summary>
    static Vector3d Position(SeededRandom rng, double r, double zMin, double bMin, double bMax)
    {
        for (int attempt = 0; attempt < 100_000; attempt++)
        {
            double cosT = 2 * rng.NextDouble() - 1, phi = 2 * Math.PI * rng.NextDouble(), sinT = Math.Sqrt(1 - cosT * cosT);
            var p = new Vector3d(r * sinT * Math.Cos(phi), r * sinT * Math.Sin(phi), r * cosT);
            if (Math.Abs(p.Z) < zMin) continue;
            var o = GalactocentricFrame.Paper.ToObservables(new PhaseSpacePoint(p.X, p.Y, p.Z, 0, 0, 0));
            double b = Math.Abs(SagittariusFrame.FromIcrs(o.Ra, o.Dec).B);
            if (b >= bMin && b < bMax) return p;
        }
        throw new InvalidOperationException($"no position at r = {r} kpc with |z| > {zMin} and {bMin} ≤ |B̃| < {bMax}");
    }

    /// <summary>Every population of the mock, each built to fail exactly one cut of §2.3 (or none, for the halo).</summary>
    static (SyntheticCatalogue Cat, SubstructureCatalog Subs) Build()
    {
        var cat = new SyntheticCatalogue();
        var v = new Vector3d(30, -40, 20);
        int s = 0;
        SeededRandom Rng() => new(99, s++);
        for (int i = 0; i < 60; i++)
        {
            var rng = Rng();
            cat.Add("halo", Position(rng, 8 + 40 * rng.NextDouble(), 3, 17, 90),
                new(80 * rng.NextGaussian(), 80 * rng.NextGaussian(), 80 * rng.NextGaussian()),
                feh: -1.5 + 0.2 * rng.NextDouble(), absMag: -2.5 + 4 * rng.NextDouble(), teff: 4600 + 800 * rng.NextDouble());
        }
        for (int i = 0; i < 5; i++) cat.Add("hot", Position(Rng(), 20, 3, 17, 90), v, teff: 6000);
        for (int i = 0; i < 5; i++) cat.Add("cool", Position(Rng(), 20, 3, 17, 90), v, teff: 4400);
        for (int i = 0; i < 5; i++) cat.Add("dwarf_star", Position(Rng(), 20, 3, 17, 90), v, absMag: 4.5);
        for (int i = 0; i < 5; i++) cat.Add("metal_rich", Position(Rng(), 15, 3, 17, 90), v, feh: -0.5);
        for (int i = 0; i < 5; i++) cat.Add("thick_disc", Position(Rng(), 9, 0, 17, 90) with { Z = 0.5 + 0.2 * i }, new(0, -200, 0));
        for (int i = 0; i < 5; i++) cat.Add("sgr", Position(Rng(), 30, 3, 0, 10), v);
        for (int i = 0; i < 4; i++) cat.Add("noisy", Position(Rng(), 40, 3, 17, 90), v, pmErr: 3);
        for (int i = 0; i < 4; i++) cat.Add("far", Position(Rng(), 175, 3, 17, 90), new(10, 10, 10), distFracErr: 0.02, pmErr: 0.005);

        // A cluster and a dwarf: members share the systemic distance, PM and RV and lie within the radius.
        var gcCentre = GalactocentricFrame.Paper.ToObservables(new PhaseSpacePoint(Position(Rng(), 15, 5, 20, 90) is var g ? g.X : 0, g.Y, g.Z, 50, 60, -70));
        var dwCentre = GalactocentricFrame.Paper.ToObservables(new PhaseSpacePoint(Position(Rng(), 60, 5, 20, 90) is var d ? d.X : 0, d.Y, d.Z, -20, 90, 30));
        var subs = new SubstructureCatalog(
        [
            new Substructure("GC test", SubstructureKind.GlobularCluster, gcCentre.Ra, gcCentre.Dec, 0.3, gcCentre.Distance, 0.3, gcCentre.Pmra,
                gcCentre.Pmdec, 0.1, gcCentre.Rv, 8),
            new Substructure("dSph test", SubstructureKind.DwarfGalaxy, dwCentre.Ra, dwCentre.Dec, 1.0, dwCentre.Distance, 3, dwCentre.Pmra,
                dwCentre.Pmdec, 0.05, dwCentre.Rv, 10),
        ], "test list");
        for (int i = 0; i < 6; i++)
        {
            double off = 0.04 * i;
            cat.AddObserved("gc", gcCentre with { Ra = gcCentre.Ra + off / Math.Cos(gcCentre.Dec * Math.PI / 180), Rv = gcCentre.Rv + 2 * i - 5 });
            cat.AddObserved("dwarf", dwCentre with { Dec = dwCentre.Dec + 0.12 * i, Distance = dwCentre.Distance * (1 + 0.01 * i) });
        }
        // A halo star in front of the cluster (same sky position) but moving differently: not a member.
        cat.AddObserved("halo", gcCentre with { Rv = gcCentre.Rv + 250 });
        // Rows lacking a measurement.
        cat.Add("no_distance", Position(Rng(), 20, 3, 17, 90), v);
        cat.Dist[^1] = double.NaN;
        return (cat, subs);
    }

    static readonly Dictionary<string, string?> IntendedCut = new()
    {
        ["halo"] = null, ["hot"] = "K giants: T_eff", ["cool"] = "K giants: T_eff", ["dwarf_star"] = "K giants: M_r",
        ["metal_rich"] = "disc: [Fe/H]", ["thick_disc"] = "disc: |z|", ["gc"] = "globular clusters", ["dwarf"] = "dwarf galaxies",
        ["sgr"] = "Sagittarius stream", ["noisy"] = "velocity errors", ["far"] = "r_GC range",
        ["no_distance"] = "measured",
    };

    [Fact]
    public void Run_RemovesEachPopulationByTheCutMeantForIt()
    {
        var (cat, subs) = Build();
        var sample = PaperSelection.Run(cat.ToTable(), Fast, subs);
        var removedBy = sample.Funnel.RemovedBy;
        for (int i = 0; i < cat.Count; i++)
            Assert.True(IntendedCut[cat.Label[i]] == removedBy[i], $"row {i} ({cat.Label[i]}) removed by '{removedBy[i]}', expected " +
                $"'{IntendedCut[cat.Label[i]]}'");
        Assert.Equal(cat.Label.Count(l => l == "halo"), sample.Count);
        Assert.Equal(
            ["DESI: SUCCESS", "DESI: RVS_WARN = 0", "DESI: RR_SPECTYPE = STAR", "DESI: PRIMARY", "Gaia SOURCE_ID: one row",
             "distances: ID found", "distances: one row per ID", "measured", "K giants: T_eff", "K giants: M_r", "disc: [Fe/H]", "disc: |z|",
             "globular clusters", "dwarf galaxies",
             "Sagittarius stream", "velocity errors", "r_GC range"],
            sample.Funnel.Steps.Select(s => s.Cut).ToArray());
    }

    [Fact]
    public void Run_AddsTheDerivedColumnsWithKnownValues()
    {
        var cat = new SyntheticCatalogue();
        cat.Add("halo", new Vector3d(-20, 10, 15), new(100, -50, 30), absMag: 0.7, ebv: 0.08);
        var sample = PaperSelection.Run(cat.ToTable(), Fast);
        var t = sample.Stars;
        Assert.Equal(1, sample.Count);
        Assert.Equal(0.7, t.GetDouble(C.AbsMagR)[0], 9);
        Assert.Equal(-20, t.GetDouble(C.X)[0], 9);
        Assert.Equal(15, t.GetDouble(C.Z)[0], 9);
        Assert.Equal(Math.Sqrt(400 + 100 + 225), t.GetDouble(C.RGc)[0], 9);
        var p = new PhaseSpacePoint(-20, 10, 15, 100, -50, 30);
        Assert.Equal(p.Vr, t.GetDouble(C.VR)[0], 6);
        Assert.Equal(p.VPhi, t.GetDouble(C.VPhi)[0], 6);
        Assert.Equal(p.VTheta, t.GetDouble(C.VTheta)[0], 6);
        var (_, bSgr) = SagittariusFrame.FromIcrs(cat.Ra[0], cat.Dec[0]);
        Assert.Equal(bSgr, t.GetDouble(C.SgrBeta)[0], 9);
        foreach (var c in new[] { C.ErrVR, C.ErrVPhi, C.ErrVTheta }) Assert.True(t.GetDouble(c)[0] is > 0 and < 100);
        foreach (var c in new[] { C.L, C.B, C.RCyl, C.SgrLambda, C.Vx, C.Feh, C.FehErr }) Assert.True(t.Contains(c), c);
    }

    [Fact]
    public void Run_IsDeterministicForASeed_AndOptionalStepsCanBeSwitchedOff()
    {
        var (cat, subs) = Build();
        var table = cat.ToTable();
        var a = PaperSelection.Run(table, Fast, subs);
        var b = PaperSelection.Run(table, Fast with { MaxDegreeOfParallelism = 1 }, subs);
        Assert.Equal(a.Stars.GetDouble(C.ErrVPhi), b.Stars.GetDouble(C.ErrVPhi));   // same seed, any thread count
        Assert.Equal(a.Funnel.RemovedBy, b.Funnel.RemovedBy);
        var c = PaperSelection.Run(table, Fast with { Seed = 43 }, subs);
        Assert.NotEqual(a.Stars.GetDouble(C.ErrVPhi), c.Stars.GetDouble(C.ErrVPhi));

        var open = PaperSelection.Run(table, Fast with { MaskSagittarius = false, RemoveSubstructures = false }, subs);
        Assert.DoesNotContain(open.Funnel.Steps, s => s.Cut is "Sagittarius stream" or "globular clusters" or "dwarf galaxies");
        Assert.Equal(a.Count + 5 + 6 + 6, open.Count);   // the Sgr, cluster and dwarf stars come back

        // No list given: the substructure steps stay in the funnel, remove nothing and say so.
        var noList = PaperSelection.Run(table, Fast);
        var gcStep = noList.Funnel.Steps.Single(s => s.Cut == "globular clusters");
        Assert.Equal(0, gcStep.Removed);
        Assert.Contains("SKIPPED", gcStep.Wording);
    }

    [Fact]
    public void Run_MissingColumn_IsNamed()
    {
        var (cat, _) = Build();
        var e = Assert.Throws<CatalogException>(() => PaperSelection.Run(cat.ToTable().WithoutColumns(C.Ebv), Fast));
        Assert.Equal(C.Ebv, e.Column);
    }

    [Fact]
    public void RadialRangeCut_IsHalfOpen()
    {
        // Stars within 3 kpc of the centre are seen towards it, inside the Sgr footprint, so the cut is tested on its own.
        var t = StarTable.FromColumns([(C.RGc, new[] { 2.999, 3.0, 159.999, 160.0, double.NaN })]);
        Assert.Equal([false, true, true, false, false], PaperCuts.RadialRange(SelectionSettings.Paper).Keep(t));
    }

    [Fact]
    public void VelocityErrorCut_DipoleVariantIgnoresTangentialErrors()
    {
        var t = StarTable.FromColumns([(C.ErrVR, new[] { 10.0, 60.0, 40.0 }), (C.ErrVPhi, new[] { 500.0, 1.0, 50.0 }),
            (C.ErrVTheta, new[] { 1.0, 1.0, 150.0 })]);
        Assert.Equal([true, false, true], PaperCuts.VelocityErrors(SelectionSettings.PaperDipole).Keep(t));
        Assert.Equal([false, true, false], PaperCuts.VelocityErrors(SelectionSettings.Paper).Keep(t));
    }
}
