using System.Globalization;
using HaloNotebooks.Catalogs;
using HaloNotebooks.Mocks;
using HaloNotebooks.Selection;
using Xunit;
using C = HaloNotebooks.Catalogs.CanonicalColumns;

namespace HaloNotebooks.Tests.Catalogs;

/// <summary>
/// A file in the full DESI DR1 <c>mwsall</c> layout — the five HDUs and 334 columns of the data model
/// (../shared/data/external/desi_mws_datamodel/mwsall_dr1_columns.tsv), written by the project's own FITS writer —
/// with flagged rows, through the reader and the selection.
/// </summary>
public class Dr1LayoutTests
{
    const string ColumnList = "data/external/desi_mws_datamodel/mwsall_dr1_columns.tsv";
    static readonly SelectionSettings Fast = SelectionSettings.Paper with { McSamples = 100 };

    [SkippableFact]
    public void FullLayout_LosesExactlyTheFlaggedRowsToTheQualityCuts_AndOtherwiseSelectsLikeTheMinimalLayout()
    {
        var tsv = TestPaths.RequireShared(ColumnList);
        var mock = MockCatalog.Generate(new MockSettings(Seed: 5, Scale: 0.01));
        int stars = mock.Truth.RowCount;
        // The mock brings repeats (PRIMARY = false) and failed / warned repeat fits; on top, on PRIMARY rows of three
        // stars: a failed fit, a warned fit, a GALAXY classification; and a second TARGETID (PRIMARY, larger RV error)
        // of a fourth star's Gaia source.
        int failed = 10, warned = 20, galaxy = 30, twin = 40;
        var rows = Enumerable.Range(0, mock.Catalogue.RowCount).Append(twin).ToArray();
        var cat = mock.Catalogue.Take(rows);
        int n = cat.RowCount, extra = n - 1;
        var success = cat.GetBool(C.RvSuccess); success[failed] = false;
        var warn = cat.GetInt64(C.RvsWarn); warn[warned] = 4;
        var ids = cat.GetInt64(C.TargetId); ids[extra] = MockCatalog.FirstTargetId + 10_000_000;
        var rvErr = cat.GetDouble(C.RvErr); rvErr[extra] *= 2;
        cat = cat.WithColumn(C.RvSuccess, success).WithColumn(C.RvsWarn, warn).WithColumn(C.TargetId, ids).WithColumn(C.RvErr, rvErr);
        var spectype = Enumerable.Repeat("STAR", n).ToArray(); spectype[galaxy] = "GALAXY";

        // Which named cut must remove each row (first that applies, in the funnel's order); null = a clean row.
        var primary = cat.GetBool(C.Primary);
        var expected = new string?[n];
        for (int i = 0; i < n; i++)
            expected[i] = !success[i] ? "DESI: SUCCESS" : warn[i] != 0 ? "DESI: RVS_WARN = 0" : spectype[i] != "STAR" ? "DESI: RR_SPECTYPE = STAR"
                : !primary[i] ? "DESI: PRIMARY" : i == extra ? "Gaia SOURCE_ID: one row" : null;
        Assert.True(expected.Count(e => e == "DESI: PRIMARY") > stars / 10, "the mock has repeat observations");
        Assert.True(expected.Count(e => e == "DESI: SUCCESS") > 1 && expected.Count(e => e == "DESI: RVS_WARN = 0") > 1, "the mock has failed and warned fits");

        var dir = Directory.CreateTempSubdirectory("dr1-layout");
        try
        {
            string minimalAll = Path.Combine(dir.FullName, "minimal-all.fits"), full = Path.Combine(dir.FullName, "mwsall-dr1.fits");
            string minimalClean = Path.Combine(dir.FullName, "minimal-clean.fits"), distances = Path.Combine(dir.FullName, "distances.fits");
            DesiMwsCatalog.Write(minimalAll, cat);
            WriteFullLayout(full, minimalAll, tsv, spectype);
            DesiMwsCatalog.Write(minimalClean, cat.Where(expected.Select(e => e is null).ToArray()));
            FitsWriter.Write(distances, MwsLayout.DistanceTable(mock.Distances), MwsLayout.DistanceHdu);

            using (var f = FitsFile.Open(full))
            {
                Assert.Equal(["RVTAB", "SPTAB", "FIBERMAP", "SCORES", "GAIA"], f.Hdus.Skip(1).Select(h => h.ExtName ?? "").ToArray());
                // 334 data-model fields, the four vectors (PARAM[5], COVAR[25], ELEM[4], ELEM_ERR[4]) as vector fields.
                Assert.Equal(334, File.ReadLines(tsv).Count() - 1);
                Assert.Equal(334, f.Hdus.Skip(1).Sum(h => h.Fields));
                Assert.Equal("25D", Form(f, "SPTAB", "COVAR"));
                Assert.Equal("I", Form(f, "FIBERMAP", "RELEASE"));
                Assert.Equal("B", Form(f, "FIBERMAP", "FA_TYPE"));
            }
            var subs = SubstructureCatalog.FromTable(mock.Substructures, "mock");
            var a = PaperSelection.Run(DesiMwsCatalog.Read(full, distances), Fast, subs);
            var b = PaperSelection.Run(DesiMwsCatalog.Read(minimalClean, distances), Fast, subs);

            var quality = QualityCuts.All(Fast).Select(c => c.Name).ToHashSet();
            var removedByQuality = a.Funnel.RemovedBy.Select(r => r is not null && quality.Contains(r) ? r : null);
            Assert.Equal(expected.AsEnumerable(), removedByQuality);
            foreach (var cut in QualityCuts.All(Fast).Select(c => c.Name))
                Assert.Equal(expected.Count(e => e == cut), a.Funnel.Steps.Single(s => s.Cut == cut).Removed);
            Assert.Contains("not applied: column absent", b.Funnel.Steps.Single(s => s.Cut == "DESI: RR_SPECTYPE = STAR").Wording);

            // From the first of the paper's cuts on, the same funnel and the same sample, bit for bit.
            var stepsA = a.Funnel.Steps.SkipWhile(s => s.Cut != "measured").Select(s => (s.Cut, s.In, s.Kept)).ToArray();
            var stepsB = b.Funnel.Steps.SkipWhile(s => s.Cut != "measured").Select(s => (s.Cut, s.In, s.Kept)).ToArray();
            Assert.Equal(stepsB, stepsA);
            Assert.True(a.Count > 100, $"{a.Count} selected");
            Assert.Equal(b.Stars.GetInt64(C.TargetId), a.Stars.GetInt64(C.TargetId));
            foreach (var c in b.Stars.ColumnNames.Where(c => b.Stars.GetColumnType(c) is ColumnType.Double))
                Assert.True(b.Stars.GetDouble(c).AsSpan().SequenceEqual(a.Stars.GetDouble(c)), c);
        }
        finally { dir.Delete(true); }
    }

    /// <summary>Every HDU and column of the data model in its order and type: the columns the minimal writer put in
    /// <paramref name="minimal"/> (same bytes), RR_SPECTYPE, the rest filled by type; int16 as TFORM I, binary as B
    /// (uint8) and a float64[k] vector as one kD field from its k columns NAME_0 … NAME_k−1.</summary>
    static void WriteFullLayout(string path, string minimal, string tsv, string[] spectype)
    {
        using var f = FitsFile.Open(minimal);
        var written = new[] { DesiMwsCatalog.RvTab, DesiMwsCatalog.FiberMap, DesiMwsCatalog.Gaia }.ToDictionary(h => h, h => f.ReadTable(h));
        int n = written[DesiMwsCatalog.RvTab].RowCount;
        var ids = written[DesiMwsCatalog.RvTab].GetInt64("TARGETID");
        var hdus = new List<(string, List<(string, Array)>)>();
        var forms = new Dictionary<string, Dictionary<string, string>>();
        foreach (var line in File.ReadLines(tsv).Skip(1))
        {
            var p = line.Split('\t');
            string hdu = p[1], name = p[2], type = p[3];
            if (hdus.Count == 0 || hdus[^1].Item1 != hdu) hdus.Add((hdu, []));
            var cols = hdus[^1].Item2;
            var form = forms.TryGetValue(hdu, out var fm) ? fm : forms[hdu] = [];
            var own = written.GetValueOrDefault(hdu);
            if (own is not null && own.Contains(name)) { cols.Add((name, Values(own, name))); continue; }
            if (name == "TARGETID") { cols.Add((name, ids)); continue; }
            if (name == "RR_SPECTYPE") { cols.Add((name, spectype)); continue; }
            if (type.EndsWith(']') && !type.StartsWith("char"))
            {
                int k = int.Parse(type[(type.IndexOf('[') + 1)..^1], CultureInfo.InvariantCulture);
                for (int e = 0; e < k; e++) cols.Add(($"{name}_{e}", Filler("float64", n, e)));
                form[name] = $"{k}D";
                continue;
            }
            cols.Add((name, Filler(type, n, name.Length)));
            if (type == "int16") form[name] = "I";
            if (type == "binary") form[name] = "B";
        }
        Assert.All(written, kv => Assert.All(kv.Value.ColumnNames, c => Assert.Contains(c, hdus.Single(h => h.Item1 == kv.Key).Item2.Select(x => x.Item1))));
        FitsWriter.Write(path, hdus.Select(h => (h.Item1, StarTable.FromColumns(h.Item2), (IReadOnlyDictionary<string, string>?)forms[h.Item1])));
    }

    /// <summary>The TFORM of column <paramref name="name"/> of an HDU, from its header.</summary>
    static object Form(FitsFile f, string hdu, string name)
    {
        var header = f.Header(hdu);
        string ttype = header.Single(kv => kv.Key.StartsWith("TTYPE", StringComparison.Ordinal) && kv.Value is string v && v == name).Key;
        return header["TFORM" + ttype["TTYPE".Length..]];
    }

    static Array Values(StarTable t, string name) => t.GetColumnType(name) switch
    {
        ColumnType.Double => t.GetDouble(name),
        ColumnType.Int64 => t.GetInt64(name),
        ColumnType.Boolean => t.GetBool(name),
        ColumnType.String => t.GetString(name),
        var other => throw new InvalidOperationException($"{name}: {other}"),
    };

    /// <summary>Values that are not ours to read: a column the reader picked by mistake would change the selection.</summary>
    static Array Filler(string type, int n, int salt) => type switch
    {
        "float32" => Enumerable.Range(0, n).Select(i => (float)(i % 97 + salt)).ToArray(),
        "float64" => Enumerable.Range(0, n).Select(i => -999.0 - i - salt).ToArray(),
        "int16" or "int32" or "binary" => Enumerable.Range(0, n).Select(i => i % 7 + salt).ToArray(),
        "int64" => Enumerable.Range(0, n).Select(i => (long)i * 3 + salt).ToArray(),
        "logical" => Enumerable.Range(0, n).Select(i => (i + salt) % 2 == 0).ToArray(),
        _ when type.StartsWith("char[") => Enumerable.Repeat(new string('X', int.Parse(type[5..^1], CultureInfo.InvariantCulture)), n).ToArray(),
        _ => throw new InvalidOperationException($"data-model type '{type}' has no filler"),
    };
}
