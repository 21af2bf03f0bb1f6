using System.CommandLine;
using HaloNotebooks.Astrometry;
using HaloNotebooks.Catalogs;
using HaloNotebooks.Cli.Plumbing;
using HaloNotebooks.Uncertainties;

namespace HaloNotebooks.Cli.Commands;

/// <summary>
/// `halo transform`: heliocentric observables → Galactic, Galactocentric and Sagittarius coordinates
/// (§2.3 conventions), optional healpix pixels of (l, b), optional Monte-Carlo velocity errors.
/// Input and output are CSV (comma, '.' decimals), read and written by the library's CsvTable: every input column
/// is carried through (numbers in shortest round-trip form, text quoted). Bad input stops the run with a message
/// naming the file, row and column; the output is written to a temporary file and moved into place only when
/// complete, so a failed run leaves no partial output.
/// </summary>
public sealed class TransformCommand : ICliCommand
{
    static readonly string[] Required = ["ra", "dec", "distance", "pmra", "pmdec", "rv"];
    static readonly string[] ErrorColumns = ["distance_err", "pmra_error", "pmdec_error", "rv_err"];
    const string CorrelationColumn = "pmra_pmdec_corr";

    public Command Build()
    {
        var input = new Option<string>("--input")
        {
            Description = "input CSV with ra, dec [deg], distance [kpc], pmra [mas/yr, includes cos dec], pmdec [mas/yr], rv [km/s]; optionally " +
                "distance_err, pmra_error, pmdec_error, pmra_pmdec_corr, rv_err",
            Required = true,
        };
        var output = new Option<string>("--output")
        {
            Description = "output CSV: the input columns plus l, b, x, y, z, R, r_gc, vx, vy, vz, v_r, v_phi, v_theta, sgr_lambda, sgr_beta (and hpx_ring, " +
                "hpx_nest; err_v_r, err_v_phi, err_v_theta)",
            Required = true,
        };
        var healpix = new Option<int?>("--healpix")
        {
            Description = "also write the healpix pixel of (l, b), RING and NESTED, at this nside (power of two ≤ 8192)",
        };
        var samples = new Option<int?>("--mc-samples")
        {
            Description = "Monte-Carlo draws per star for the velocity errors (default 1000; needs the error columns)",
        };
        var seed = new Option<long>("--seed")
        {
            Description = $"seed of the Monte-Carlo draws (default {Defaults.Seed}, as every command)",
            DefaultValueFactory = _ => Defaults.Seed,
        };
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

        var table = InputTable.Read(inputPath);
        foreach (var name in Required)
            if (!table.Has(name))
                throw new TransformInputException($"{inputPath}: required column '{name}' is missing (header has: {string.Join(", ", table.Header)}).");
        var presentErrors = ErrorColumns.Where(table.Has).ToArray();
        bool withErrors = presentErrors.Length > 0;
        if (withErrors && presentErrors.Length != ErrorColumns.Length)
            throw new TransformInputException($"{inputPath}: error column(s) " +
                $"{string.Join(", ", ErrorColumns.Except(presentErrors).Select(c => $"'{c}'"))} missing; " +
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

        var added = new List<(string Name, Array Values)>
        {
            ("l", l), ("b", b), ("x", g.X), ("y", g.Y), ("z", g.Z), ("R", g.R), ("r_gc", g.RGc), ("vx", g.Vx), ("vy", g.Vy), ("vz", g.Vz),
            ("v_r", g.Vr), ("v_phi", g.VPhi), ("v_theta", g.VTheta), ("sgr_lambda", sgrLambda), ("sgr_beta", sgrBeta),
        };
        if (nside is { } side)
        {
            var hp = new HealPix(side);
            added.Add(("hpx_ring", Enumerable.Range(0, n).Select(i => hp.Ang2PixRing(l[i], b[i])).ToArray()));
            added.Add(("hpx_nest", Enumerable.Range(0, n).Select(i => hp.Ang2PixNest(l[i], b[i])).ToArray()));
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
            added.Add(("err_v_r", e.Vr));
            added.Add(("err_v_phi", e.VPhi));
            added.Add(("err_v_theta", e.VTheta));
        }
        foreach (var (name, _) in added)
            if (table.Has(name))
                throw new TransformInputException($"{inputPath}: input already has a column '{name}', which transform writes; rename or drop it.");

        foreach (var (name, values) in added) table.Add(name, values);
        table.Write(outputPath);
        return $"halo transform: {n} stars from {inputPath} → {outputPath}" +
               (nside is { } s2 ? $", healpix nside {s2}" : "") +
               (withErrors ? $", Monte-Carlo errors ({samples} draws, seed {seed})" : "");
    }

    /// <summary>A bad input file or option; the message names the file, row and column.</summary>
    internal sealed class TransformInputException(string message) : Exception(message);

    /// <summary>The input table (CsvTable: RFC 4180, typed columns), with transform's messages for its problems.</summary>
    sealed class InputTable(string path, StarTable table)
    {
        public StarTable Table { get; private set; } = table;
        public IReadOnlyList<string> Header => Table.ColumnNames;
        public int RowCount => Table.RowCount;
        public bool Has(string column) => Table.Contains(column);

        public static InputTable Read(string path)
        {
            try { return new InputTable(path, CsvTable.Read(path)); }
            catch (CatalogException ex) { throw new TransformInputException(Message(path, ex)); }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                throw new TransformInputException($"{path}: cannot read the input file ({ex.Message}).");
            }
        }

        /// <summary>A numeric column; a value that fails <paramref name="valid"/> is an error naming row and column
        /// (CsvTable reads an empty cell of a number column as NaN, so the message says "NaN (or empty)").</summary>
        public double[] Numbers(string column, Func<double, bool> valid, string requirement)
        {
            double[] values;
            try { values = Table.GetDouble(column); }
            catch (CatalogException ex) { throw new TransformInputException(Message(path, ex)); }
            for (int r = 0; r < values.Length; r++)
                if (!valid(values[r]))
                    throw new TransformInputException(FormattableString.Invariant($"{path}: row {r + 1} (line {r + 2}), column '{column}': ") +
                        FormattableString.Invariant($"{(double.IsNaN(values[r]) ? "NaN (or empty)" : values[r])} is not {requirement}."));
            return values;
        }

        /// <summary>Adds a column of doubles, or of 64-bit integers.</summary>
        public void Add(string name, Array values) => Table = Table.WithColumn(name, values, null);

        /// <summary>Writes the table with CsvTable (a temporary file moved into place when complete).</summary>
        public void Write(string outputPath)
        {
            var directory = Path.GetDirectoryName(Path.GetFullPath(outputPath))!;
            if (!Directory.Exists(directory))
                throw new TransformInputException($"{outputPath}: the output folder {directory} does not exist.");
            try { CsvTable.Write(Table, outputPath); }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                throw new TransformInputException($"{outputPath}: cannot write the output file ({ex.Message}).");
            }
        }

        /// <summary>CsvTable's problem with its location in transform's words: 1-based row and line.</summary>
        static string Message(string path, CatalogException ex) =>
            $"{path}: " + (ex.Row is long row ? $"row {row + 1} (line {row + 2}), " : "") + (ex.Column is string c ? $"column '{c}': " : "") + ex.Problem;
    }
}
