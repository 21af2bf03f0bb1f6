using System.Globalization;
using System.Net;
using System.Text;
using HaloNotebooks.Catalogs;
using HaloNotebooks.Display;
using C = HaloNotebooks.Catalogs.CanonicalColumns;

namespace HaloNotebooks.Mocks;

/// <summary>
/// A DESI-like mock catalogue of the stellar halo, forward-modelled from the paper: halo K giants drawn
/// from Table 2 (plus the outer halo's reflex travel velocity and contraction from Table 3), thin/thick-disc giants, Sagittarius stream members, globular
/// cluster and dwarf galaxy members, and stars outside the K-giant box, observed with DESI + Gaia DR3 errors, in
/// numbers that make the §2.3 funnel and Table 1's counts per bin come out. The project's default data:
/// <see cref="EnsureDefault"/> writes it to data/mock/ on first use.
/// </summary>
[TypeFormatterSource(typeof(HtmlFormatterSource))]
public sealed class MockCatalog : IHtmlDisplay
{
    /// <summary>First TARGETID of the mock (DESI TARGETIDs are 17-digit int64s).</summary>
    public const long FirstTargetId = 39_627_000_000_000_000;
    /// <summary>First Gaia SOURCE_ID of the mock.</summary>
    public const long FirstSourceId = 1_000_000_000_000_000_000;

    public const string CatalogueFile = "mwsall-mock.fits";
    public const string DistancesFile = "distances-mock.fits";
    public const string SubstructuresFile = "substructures.csv";
    public const string TruthFile = "truth.parquet";

    MockCatalog(MockSettings settings, StarTable catalogue, StarTable distances, StarTable substructures, StarTable truth)
    {
        Settings = settings;
        Catalogue = catalogue;
        Distances = distances;
        Substructures = substructures;
        Truth = truth;
    }

    public MockSettings Settings { get; }

    /// <summary>What DESI + Gaia report, canonical columns (no distance: that is in <see cref="Distances"/>): one PRIMARY row
    /// per star, in the order of <see cref="Truth"/>, then the repeat observations and failed fits of <see cref="MockRepeatObservations"/>.</summary>
    public StarTable Catalogue { get; }

    /// <summary>The SpecDis2-like distance catalogue: targetid, distance, distance_err (kpc).</summary>
    public StarTable Distances { get; }

    /// <summary>One row per globular cluster / dwarf galaxy: name, kind, ra, dec, radius_deg, distance, distance_err, pmra, pmdec, pm_err, rv, rv_err.</summary>
    public StarTable Substructures { get; }

    /// <summary>
    /// The truth per star: targetid, population (halo_mr, halo_mp, disc, sgr, gc, dwarf, non_kgiant), substructure name,
    /// true Galactocentric x, y, z (kpc), vx, vy, vz, r_gc, v_r, v_phi, v_theta (km/s), feh, distance, abs_mag_r, teff, logg,
    /// and forecast_cut: the first §2.3 cut the star is forecast to fail with linear velocity errors ("none" if it survives).
    /// </summary>
    public StarTable Truth { get; }

    /// <summary>Generates the mock. The result depends only on <paramref name="settings"/> (not on thread count).</summary>
    public static MockCatalog Generate(MockSettings settings, IProgress<double>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var stars = MockGenerator.Run(settings, progress);
        var distances = BuildDistances(stars);
        var truth = BuildTruth(stars, settings.Substructures);
        // DR1-like repeat spectra and failed/warned fits after the stars' own rows (Mocks/MockRepeatObservations).
        var catalogue = MockRepeatObservations.Append(BuildCatalogue(stars), distances, truth, settings.Seed);
        return new MockCatalog(settings, catalogue, distances, BuildSubstructures(settings.Substructures), truth);
    }

    static long[] TargetIds(int n) => Enumerable.Range(0, n).Select(i => FirstTargetId + i).ToArray();

    static double[] Col(List<MockStar> s, Func<MockStar, double> f)
    {
        var a = new double[s.Count];
        for (int i = 0; i < a.Length; i++) a[i] = f(s[i]);
        return a;
    }

    static StarTable BuildCatalogue(List<MockStar> s) => StarTable.FromColumns(
    [
        (C.TargetId, TargetIds(s.Count)),
        (C.SourceId, Enumerable.Range(0, s.Count).Select(i => FirstSourceId + 7L * i).ToArray()),
        (C.Ra, Col(s, x => x.Ra)), (C.Dec, Col(s, x => x.Dec)),
        (C.Rv, Col(s, x => x.Rv)), (C.RvErr, Col(s, x => x.RvErr)),
        (C.Teff, Col(s, x => x.Teff)), (C.TeffErr, Col(s, x => x.TeffErr)),
        (C.Logg, Col(s, x => x.Logg)), (C.LoggErr, Col(s, x => x.LoggErr)),
        // RVSpecFit quality flags of a good fit, as a real catalogue carries them.
        (C.RvsWarn, new long[s.Count]), (C.RvSuccess, Enumerable.Repeat(true, s.Count).ToArray()), (C.Primary, Enumerable.Repeat(true, s.Count).ToArray()),
        (C.Feh, Col(s, x => x.Feh)), (C.FehErr, Col(s, x => x.FehErr)),
        (C.Pmra, Col(s, x => x.Pmra)), (C.Pmdec, Col(s, x => x.Pmdec)),
        (C.PmraError, Col(s, x => x.PmraError)), (C.PmdecError, Col(s, x => x.PmdecError)), (C.PmraPmdecCorr, Col(s, x => x.PmCorr)),
        (C.Ebv, Col(s, x => x.Ebv)), (C.GaiaG, Col(s, x => x.GaiaG)), (C.RMag, Col(s, x => x.RMag)),
    ]);

    static StarTable BuildDistances(List<MockStar> s) => StarTable.FromColumns(
    [
        (C.TargetId, TargetIds(s.Count)), (C.Distance, Col(s, x => x.DistanceObs)), (C.DistanceErr, Col(s, x => x.DistanceErr)),
    ]);

    static StarTable BuildSubstructures(IReadOnlyList<MockSubstructure> o) => StarTable.FromColumns(
    [
        ("name", o.Select(x => x.Name).ToArray()), ("kind", o.Select(x => x.Kind).ToArray()),
        ("ra", o.Select(x => x.Ra).ToArray()), ("dec", o.Select(x => x.Dec).ToArray()), ("radius_deg", o.Select(x => x.RadiusDeg).ToArray()),
        ("distance", o.Select(x => x.Distance).ToArray()), ("distance_err", o.Select(x => x.DistanceErr).ToArray()),
        ("pmra", o.Select(x => x.Pmra).ToArray()), ("pmdec", o.Select(x => x.Pmdec).ToArray()), ("pm_err", o.Select(x => x.PmErr).ToArray()),
        ("rv", o.Select(x => x.Rv).ToArray()), ("rv_err", o.Select(x => x.RvErr).ToArray()),
    ]);

    static StarTable BuildTruth(List<MockStar> s, IReadOnlyList<MockSubstructure> objects)
    {
        var sph = s.Select(x => new Astrometry.PhaseSpacePoint(x.True.X, x.True.Y, x.True.Z, x.True.Vx, x.True.Vy, x.True.Vz)).ToArray();
        return StarTable.FromColumns(
        [
            (C.TargetId, TargetIds(s.Count)),
            ("population", s.Select(x => x.True.Population.Name()).ToArray()),
            ("substructure", s.Select(x => x.True.Substructure >= 0 ? objects[x.True.Substructure].Name : "").ToArray()),
            (C.X, Col(s, x => x.True.X)), (C.Y, Col(s, x => x.True.Y)), (C.Z, Col(s, x => x.True.Z)),
            (C.Vx, Col(s, x => x.True.Vx)), (C.Vy, Col(s, x => x.True.Vy)), (C.Vz, Col(s, x => x.True.Vz)),
            (C.RGc, sph.Select(p => p.RGc).ToArray()), (C.VR, sph.Select(p => p.Vr).ToArray()),
            (C.VPhi, sph.Select(p => p.VPhi).ToArray()), (C.VTheta, sph.Select(p => p.VTheta).ToArray()),
            (C.Feh, Col(s, x => x.True.Feh)), (C.Distance, Col(s, x => x.Distance)), (C.AbsMagR, Col(s, x => x.True.AbsMagR)),
            (C.Teff, Col(s, x => x.True.Teff)), (C.Logg, Col(s, x => x.True.Logg)),
            ("forecast_cut", s.Select(x => x.Forecast == ForecastCut.None ? "none" : x.Forecast.ToString()).ToArray()),
        ]);
    }

    /// <summary>
    /// Writes mwsall-mock.fits (DESI MWS layout through <see cref="DesiMwsCatalog.Write"/>: RVTAB, FIBERMAP, GAIA), distances-mock.fits
    /// (HDU DISTANCES: TARGETID, DIST, DIST_ERR), substructures.csv and truth.parquet into <paramref name="directory"/> (created if needed).
    /// <c>DesiMwsCatalog.Read(mwsall, distances)</c> gives back <see cref="Catalogue"/> with the distance columns joined.
    /// </summary>
    public void Write(string directory)
    {
        Directory.CreateDirectory(directory);
        DesiMwsCatalog.Write(Path.Combine(directory, CatalogueFile), Catalogue);
        FitsWriter.Write(Path.Combine(directory, DistancesFile), MwsLayout.DistanceTable(Distances), MwsLayout.DistanceHdu);
        CsvTable.Write(Substructures, Path.Combine(directory, SubstructuresFile));
        ParquetTable.Write(Truth, Path.Combine(directory, TruthFile));
    }

    /// <summary>The default mock's folder relative to the repository root.</summary>
    public const string DefaultDirectory = "data/mock";

    /// <summary>
    /// Generates and writes the default mock (seed 42, scale 1) into <paramref name="directory"/> unless all four files are
    /// already there; returns the directory. One call from a fresh clone gets a user the project's data.
    /// </summary>
    public static string EnsureDefault(string directory, IProgress<double>? progress = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        string[] files = [CatalogueFile, DistancesFile, SubstructuresFile, TruthFile];
        if (files.All(f => File.Exists(Path.Combine(directory, f)))) return directory;
        Generate(new MockSettings(), progress).Write(directory);
        return directory;
    }

    /// <summary>Stars per population in the catalogue and forecast to survive §2.3.</summary>
    public string ToHtml()
    {
        var pop = Truth.GetString("population");
        var cut = Truth.GetString("forecast_cut");
        var sb = new StringBuilder();
        sb.Append("<table><caption>Mock catalogue (seed ").Append(Settings.Seed).Append(", scale ")
          .Append(Settings.Scale.ToString("G", CultureInfo.InvariantCulture)).Append("): ").Append(Catalogue.RowCount.ToString("N0", CultureInfo.InvariantCulture))
          .Append(" stars</caption><thead><tr><th>population</th><th>stars</th><th>forecast to survive §2.3</th></tr></thead><tbody>");
        foreach (var g in pop.Select((p, i) => (p, i)).GroupBy(t => t.p).OrderBy(g => g.Key, StringComparer.Ordinal))
            sb.Append("<tr><td>").Append(WebUtility.HtmlEncode(g.Key)).Append("</td><td>").Append(g.Count().ToString("N0", CultureInfo.InvariantCulture))
              .Append("</td><td>").Append(g.Count(t => cut[t.i] == "none").ToString("N0", CultureInfo.InvariantCulture)).Append("</td></tr>");
        sb.Append("</tbody></table>");
        return sb.ToString();
    }

    public override string ToString() => $"MockCatalog(seed {Settings.Seed}, scale {Settings.Scale.ToString(CultureInfo.InvariantCulture)}: {Catalogue.RowCount} stars)";
}
