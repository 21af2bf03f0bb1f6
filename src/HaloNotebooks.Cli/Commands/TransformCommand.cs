using System.CommandLine;
using System.Globalization;
using System.Text;
using HaloNotebooks.Astrometry;
using HaloNotebooks.Cli.Plumbing;
using HaloNotebooks.Uncertainties;

namespace HaloNotebooks.Cli.Commands;

/// <summary>
/// `halo transform`: heliocentric observables → Galactic, Galactocentric and Sagittarius coordinates
/// (§2.3 conventions), optional healpix pixels of (l, b), optional Monte-Carlo velocity errors.
/// Input and output are CSV (comma, '.' decimals). Every input column is copied unchanged.
/// Bad input stops the run with a message naming the file, row and column; the output is written to a
/// temporary file and moved into place only when complete, so a failed run leaves no partial output.
/// (A small CSV reader/writer lives here until the Catalogs area's CsvTable is merged.)
/// </summary>
public sealed class TransformCommand : ICliCommand
{
    static readonly string[] Required = ["ra", "dec", "distance", "pmra", "pmdec", "rv"];
    static readonly string[] ErrorColumns = ["distance_err", "pmra_error", "pmdec_error", "rv_err"];
    const string CorrelationColumn = "pmra_pmdec_corr";

    public Command Build()
    {
        var input = new Option<string>("--input") { Description = "input CSV with ra, dec [deg], distance [kpc], pmra [mas/yr, includes cos dec], pmdec [mas/yr], rv [km/s]; optionally distance_err, pmra_error, pmdec_error, pmra_pmdec_corr, rv_err", Required = true };
        var output = new Option<string>("--output") { Description = "output CSV: the input columns plus l, b, x, y, z, R, r_gc, vx, vy, vz, v_r, v_phi, v_theta, sgr_lambda, sgr_beta (and hpx_ring, hpx_nest; err_v_r, err_v_phi, err_v_theta)", Required = true };
        var healpix = new Option<int?>("--healpix") { Description = "also write the healpix pixel of (l, b), RING and NESTED, at this nside (power of two ≤ 8192)" };
        var samples = new Option<int?>("--mc-samples") { Description = "Monte-Carlo draws per star for the velocity errors (default 1000; needs the error columns)" };
        var seed = new Option<long>("--seed") { Description = $"seed of the Monte-Carlo draws (default {Defaults.Seed}, as every command)", DefaultValueFactory = _ => Defaults.Seed };
        var command = new Command("transform", "Galactocentric positions and velocities (and their Monte-Carlo errors) of the stars in a CSV file");
        command.Options.Add(input);
        command.Options.Add(output);
        command.Options.Add(healpix);
        command.Options.Add(samples);
        command.Options.Add(seed);
        command.SetAction(parse => CommandErrors.Run("transform", () =>
        {
            // Options first (exit 2), then the files (exit 1), before any row is read.
            int? nside = parse.GetValue(healpix), draws = parse.GetValue(samples);
            if (nside is { } ns && (ns < 1 || ns > 8192 || (ns & (ns - 1)) != 0))
                throw new UsageException($"--healpix {ns}: nside must be a power of two from 1 to 8192");
            if (draws is < 2) throw new UsageException($"--mc-samples {draws}: at least 2 draws are needed for a standard deviation");
            string inputPath = Check.InputFile(parse.GetValue(input), "--input");
            string outputPath = Check.OutputFile(parse.GetValue(output), "--output");
            try
            {
                Console.WriteLine(Run(inputPath, outputPath, nside, draws, parse.GetValue(seed)));
            }
            catch (TransformInputException ex) { throw new InputException(ex.Message.TrimEnd('.')); }
            return ExitCode.Ok;
        }));
        return command;
    }

    /// <summary>Runs the transform; throws <see cref="TransformInputException"/> on bad input or options.</summary>
    internal static string Run(string inputPath, string outputPath, int? nside, int? mcSamples, long seed)
    {
        if (nside is { } ns && (ns < 1 || ns > 8192 || (ns & (ns - 1)) != 0))
            throw new TransformInputException($"--healpix {ns}: nside must be a power of two from 1 to 8192.");
        if (mcSamples is < 2)
            throw new TransformInputException($"--mc-samples {mcSamples}: at least 2 draws are needed for a standard deviation.");

        var table = CsvText.Read(inputPath);
        foreach (var name in Required)
            if (!table.Has(name))
                throw new TransformInputException($"{inputPath}: required column '{name}' is missing (header has: {string.Join(", ", table.Header)}).");
        var presentErrors = ErrorColumns.Where(table.Has).ToArray();
        bool withErrors = presentErrors.Length > 0;
        if (withErrors && presentErrors.Length != ErrorColumns.Length)
            throw new TransformInputException($"{inputPath}: error column(s) {string.Join(", ", ErrorColumns.Except(presentErrors).Select(c => $"'{c}'"))} missing; " +
                                              $"give all of {string.Join(", ", ErrorColumns)} (and optionally {CorrelationColumn}) or none.");
        if (!withErrors && mcSamples is not null)
            throw new TransformInputException($"{inputPath}: --mc-samples needs the error columns {string.Join(", ", ErrorColumns)}.");

        var ra = table.Numbers("ra", v => double.IsFinite(v), "a finite angle in degrees");
        var dec = table.Numbers("dec", v => Math.Abs(v) <= 90, "in [-90, 90] degrees");
        var distance = table.Numbers("distance", v => v > 0 && double.IsFinite(v), "a positive, finite distance in kpc");
        var pmra = table.Numbers("pmra", double.IsFinite, "finite (mas/yr)");
        var pmdec = table.Numbers("pmdec", double.IsFinite, "finite (mas/yr)");
        var rv = table.Numbers("rv", double.IsFinite, "finite (km/s)");

        var frame = GalactocentricFrame.Paper;
        var g = frame.Transform(ra, dec, distance, pmra, pmdec, rv);
        int n = table.RowCount;
        var l = new double[n];
        var b = new double[n];
        var sgrLambda = new double[n];
        var sgrBeta = new double[n];
        GalacticCoordinates.FromIcrs(ra, dec, l, b);
        SagittariusFrame.FromIcrs(ra, dec, sgrLambda, sgrBeta);

        var added = new List<(string Name, Func<int, string> Cell)>
        {
            ("l", i => F(l[i])), ("b", i => F(b[i])), ("x", i => F(g.X[i])), ("y", i => F(g.Y[i])), ("z", i => F(g.Z[i])),
            ("R", i => F(g.R[i])), ("r_gc", i => F(g.RGc[i])), ("vx", i => F(g.Vx[i])), ("vy", i => F(g.Vy[i])), ("vz", i => F(g.Vz[i])),
            ("v_r", i => F(g.Vr[i])), ("v_phi", i => F(g.VPhi[i])), ("v_theta", i => F(g.VTheta[i])),
            ("sgr_lambda", i => F(sgrLambda[i])), ("sgr_beta", i => F(sgrBeta[i])),
        };
        if (nside is { } side)
        {
            var hp = new HealPix(side);
            added.Add(("hpx_ring", i => hp.Ang2PixRing(l[i], b[i]).ToString(CultureInfo.InvariantCulture)));
            added.Add(("hpx_nest", i => hp.Ang2PixNest(l[i], b[i]).ToString(CultureInfo.InvariantCulture)));
        }
        int samples = mcSamples ?? 1000;
        if (withErrors)
        {
            var nonNegative = (Func<double, bool>)(v => v >= 0 && double.IsFinite(v));
            var err = new ObservableErrors(
                table.Numbers("distance_err", nonNegative, "a non-negative, finite error"),
                table.Numbers("pmra_error", nonNegative, "a non-negative, finite error"),
                table.Numbers("pmdec_error", nonNegative, "a non-negative, finite error"),
                table.Has(CorrelationColumn) ? table.Numbers(CorrelationColumn, v => Math.Abs(v) <= 1, "a correlation in [-1, 1]") : new double[n],
                table.Numbers("rv_err", nonNegative, "a non-negative, finite error"));
            var e = MonteCarloErrors.Propagate(frame, new ObservableColumns(ra, dec, distance, pmra, pmdec, rv), err,
                                               new MonteCarloSettings(Samples: samples, Seed: seed));
            added.Add(("err_v_r", i => F(e.Vr[i])));
            added.Add(("err_v_phi", i => F(e.VPhi[i])));
            added.Add(("err_v_theta", i => F(e.VTheta[i])));
        }
        foreach (var (name, _) in added)
            if (table.Has(name))
                throw new TransformInputException($"{inputPath}: input already has a column '{name}', which transform writes; rename or drop it.");

        table.WriteWith(outputPath, added);
        return $"halo transform: {n} stars from {inputPath} → {outputPath}" +
               (nside is { } s2 ? $", healpix nside {s2}" : "") +
               (withErrors ? $", Monte-Carlo errors ({samples} draws, seed {seed})" : "");
    }

    static string F(double v) => v.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>A bad input file or option; the message names the file, row and column.</summary>
    internal sealed class TransformInputException(string message) : Exception(message);

    /// <summary>The text of a CSV file: header, and every row's cells as written (RFC 4180 quoting).</summary>
    sealed class CsvText
    {
        readonly string path;
        readonly Dictionary<string, int> index;
        readonly List<string[]> rows;

        CsvText(string path, string[] header, List<string[]> rows)
        {
            this.path = path;
            Header = header;
            this.rows = rows;
            index = new Dictionary<string, int>(StringComparer.Ordinal);
            for (int c = 0; c < header.Length; c++)
                if (!index.TryAdd(header[c], c))
                    throw new TransformInputException($"{path}: column '{header[c]}' appears twice in the header.");
        }

        public string[] Header { get; }
        public int RowCount => rows.Count;
        public bool Has(string column) => index.ContainsKey(column);

        public static CsvText Read(string path)
        {
            string text;
            try { text = File.ReadAllText(path); }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                throw new TransformInputException($"{path}: cannot read the input file ({ex.Message}).");
            }
            var lines = SplitRecords(text, path);
            if (lines.Count == 0 || lines[0].Length == 1 && lines[0][0].Length == 0)
                throw new TransformInputException($"{path}: the file is empty (a header line is needed).");
            var header = lines[0].Select(h => h.Trim()).ToArray();
            var rows = new List<string[]>(lines.Count - 1);
            for (int r = 1; r < lines.Count; r++)
            {
                if (lines[r].Length == 1 && lines[r][0].Length == 0 && r == lines.Count - 1) continue;   // final newline
                if (lines[r].Length != header.Length)
                    throw new TransformInputException($"{path}: row {r} (line {r + 1}) has {lines[r].Length} cells but the header has {header.Length} columns.");
                rows.Add(lines[r]);
            }
            return new CsvText(path, header, rows);
        }

        /// <summary>A numeric column; a cell that does not parse or fails <paramref name="valid"/> is an error naming row and column.</summary>
        public double[] Numbers(string column, Func<double, bool> valid, string requirement)
        {
            int c = index[column];
            var values = new double[rows.Count];
            for (int r = 0; r < rows.Count; r++)
            {
                string cell = rows[r][c].Trim();
                if (!double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out double v))
                    throw new TransformInputException($"{path}: row {r + 1} (line {r + 2}), column '{column}': cannot parse '{cell}' as a number.");
                if (!valid(v))
                    throw new TransformInputException($"{path}: row {r + 1} (line {r + 2}), column '{column}': {cell} is not {requirement}.");
                values[r] = v;
            }
            return values;
        }

        /// <summary>Writes the input cells and the added columns to a temporary file, then moves it onto <paramref name="outputPath"/>.</summary>
        public void WriteWith(string outputPath, IReadOnlyList<(string Name, Func<int, string> Cell)> added)
        {
            var full = Path.GetFullPath(outputPath);
            var directory = Path.GetDirectoryName(full)!;
            if (!Directory.Exists(directory))
                throw new TransformInputException($"{outputPath}: the output folder {directory} does not exist.");
            var temporary = Path.Combine(directory, $".{Path.GetFileName(full)}.{Environment.ProcessId}.tmp");
            try
            {
                using (var writer = new StreamWriter(temporary, false, new UTF8Encoding(false)))
                {
                    writer.NewLine = "\n";
                    writer.WriteLine(string.Join(",", Header.Concat(added.Select(a => a.Name)).Select(Quote)));
                    var line = new StringBuilder();
                    for (int r = 0; r < rows.Count; r++)
                    {
                        line.Clear();
                        line.AppendJoin(',', rows[r].Select(Quote));
                        foreach (var (_, cell) in added) line.Append(',').Append(cell(r));
                        writer.WriteLine(line);
                    }
                }
                File.Move(temporary, full, overwrite: true);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                throw new TransformInputException($"{outputPath}: cannot write the output file ({ex.Message}).");
            }
            finally
            {
                if (File.Exists(temporary)) File.Delete(temporary);
            }
        }

        static string Quote(string cell) =>
            cell.IndexOfAny([',', '"', '\n', '\r']) < 0 ? cell : "\"" + cell.Replace("\"", "\"\"") + "\"";

        /// <summary>Splits CSV text into records of cells, honouring double-quoted cells.</summary>
        static List<string[]> SplitRecords(string text, string path)
        {
            var records = new List<string[]>();
            var cells = new List<string>();
            var cell = new StringBuilder();
            bool quoted = false;
            for (int k = 0; k < text.Length; k++)
            {
                char ch = text[k];
                if (quoted)
                {
                    if (ch == '"' && k + 1 < text.Length && text[k + 1] == '"') { cell.Append('"'); k++; }
                    else if (ch == '"') quoted = false;
                    else cell.Append(ch);
                }
                else if (ch == '"' && cell.Length == 0) quoted = true;
                else if (ch == ',') { cells.Add(cell.ToString()); cell.Clear(); }
                else if (ch == '\n' || ch == '\r')
                {
                    if (ch == '\r' && k + 1 < text.Length && text[k + 1] == '\n') k++;
                    cells.Add(cell.ToString()); cell.Clear();
                    records.Add(cells.ToArray()); cells.Clear();
                }
                else cell.Append(ch);
            }
            if (quoted)
                throw new TransformInputException($"{path}: a quoted cell is not closed (line {records.Count + 1}).");
            if (cell.Length > 0 || cells.Count > 0) { cells.Add(cell.ToString()); records.Add(cells.ToArray()); }
            return records;
        }
    }
}
