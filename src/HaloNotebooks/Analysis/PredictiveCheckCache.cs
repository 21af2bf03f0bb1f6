using System.Globalization;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using HaloNotebooks.Catalogs;
using HaloNotebooks.Inference;
using HaloNotebooks.Models;

namespace HaloNotebooks.Analysis;

/// <summary>
/// The posterior predictive checks of Tables 1–3 kept in the fit cache's folder (<see cref="CachedBlob"/>), so that a rerun
/// whose fits come from the cache does not redraw their replicated data either. A check is a pure function of the stars,
/// the posterior samples, its seed and its number of draws: the key is the SHA-256 of all of them (the stars' columns and
/// every sampled and derived parameter as raw bytes) and the library build. A hit returns the check as computed, its
/// seconds included.
/// </summary>
internal static class PredictiveCheckCache
{
    const string Magic = "HALOPPC1";
    const string Extension = ".ppcc";

    /// <summary>The check from <paramref name="cache"/> when there, else <paramref name="compute"/>d and kept.</summary>
    public static PredictiveCheck GetOrCompute(FitCache? cache, double[][] columns, FitResult fit, RadialBin bin, long seed, int draws,
        Func<PredictiveCheck> compute)
    {
        if (cache is null || !fit.HasSamples) return compute();
        var key = Key(columns, fit, seed, draws);
        var bytes = CachedBlob.TryRead(cache.Folder, key, Extension, Magic, cache.Warn);
        if (bytes is not null)
        {
            try { return Read(bytes, FitModel.Parse(fit.Model), bin); }
            catch (Exception e) when (e is EndOfStreamException or IOException or ArgumentException or FormatException)
            {
                cache.Warn($"predictive check cache entry of {fit.Model} {bin.Label} kpc cannot be decoded ({e.Message}); it is computed again");
            }
        }
        var check = compute();
        CachedBlob.Write(cache.Folder, key, Extension, Magic, Write(check), cache.Warn);
        return check;
    }

    static byte[] Key(double[][] columns, FitResult fit, long seed, int draws)
    {
        using var h = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        h.AppendData(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture,
            $"{Magic}\n{FitCache.CodeIdentity}\n{fit.Model}\nseed={seed} draws={draws}\n")));
        foreach (var column in columns) Add(h, column);
        foreach (var name in fit.ParameterNames.Concat(fit.DerivedNames))
        {
            h.AppendData(Encoding.UTF8.GetBytes(name + "\n"));
            Add(h, fit.Samples(name));
        }
        return h.GetHashAndReset();
    }

    static void Add(IncrementalHash h, double[] column)
    {
        h.AppendData(BitConverter.GetBytes((long)column.Length));
        h.AppendData(MemoryMarshal.AsBytes(column.AsSpan()));
    }

    internal static byte[] Write(PredictiveCheck check)
    {
        using var stream = new MemoryStream();
        using (var w = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true))
        {
            w.Write(check.Draws);
            w.Write(check.Seconds);
            w.Write(check.Dimensions.Count);
            foreach (var d in check.Dimensions)
            {
                w.Write(d.Component); w.Write(d.Dimension); w.Write(d.StarCount); w.Write(d.EffectiveCount); w.Write(d.ChiSquare);
                w.Write(d.DegreesOfFreedom); w.Write(d.PValue); w.Write(d.Distance); Doubles(w, d.PitFractions);
                w.Write(d.Histogram is not null);
                if (d.Histogram is { } hist)
                    foreach (var a in new[] { hist.Edges, hist.Data, hist.Low, hist.Median, hist.High }) Doubles(w, a);
                w.Write(d.ReplicatedPValue);
            }
        }
        return stream.ToArray();
    }

    internal static PredictiveCheck Read(byte[] bytes, FitModel model, RadialBin bin)
    {
        using var r = new BinaryReader(new MemoryStream(bytes, writable: false), Encoding.UTF8);
        int draws = r.ReadInt32();
        double seconds = r.ReadDouble();
        int n = r.ReadInt32();
        if (n < 0 || n > 1000) throw new FormatException($"{n} dimensions");
        var dims = new List<PredictiveDimension>(n);
        for (int i = 0; i < n; i++)
        {
            string component = r.ReadString(), dimension = r.ReadString();
            int stars = r.ReadInt32();
            double effective = r.ReadDouble(), chi = r.ReadDouble();
            int dof = r.ReadInt32();
            double p = r.ReadDouble(), distance = r.ReadDouble();
            var pit = Doubles(r);
            PredictiveHistogram? hist = r.ReadBoolean() ? new PredictiveHistogram(Doubles(r), Doubles(r), Doubles(r), Doubles(r), Doubles(r)) : null;
            dims.Add(new PredictiveDimension(component, dimension, stars, effective, chi, dof, p, distance, pit, hist, r.ReadDouble()));
        }
        if (r.BaseStream.Position != bytes.Length) throw new FormatException("trailing bytes");
        return new PredictiveCheck(model, bin, draws, dims) { Seconds = seconds };
    }

    static void Doubles(BinaryWriter w, double[] values)
    {
        w.Write(values.Length);
        w.Write(MemoryMarshal.AsBytes(values.AsSpan()));
    }

    static double[] Doubles(BinaryReader r)
    {
        int n = r.ReadInt32();
        if (n < 0 || n > 1 << 24) throw new FormatException($"an array of {n} values");
        var values = new double[n];
        var bytes = r.ReadBytes(n * sizeof(double));
        if (bytes.Length != n * sizeof(double)) throw new EndOfStreamException();
        MemoryMarshal.Cast<byte, double>(bytes).CopyTo(values);
        return values;
    }
}
