using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using HaloNotebooks.Inference;

namespace HaloNotebooks.Analysis;

/// <summary>
/// One <see cref="FitCache"/> entry on disk, little-endian:
/// <c>magic (8 ASCII bytes) | key digest (32) | payload length (int64) | payload | SHA-256 of the payload (32)</c>.
/// The payload holds every field a <see cref="FitResult"/> is built from: model, star count, parameter names, the
/// stored (derived, folded) samples, the chain, moves, τ, warning, start, wall time, notes, and the posterior summaries (so a
/// hit does not select them from the samples again). The chain is written
/// walker by walker with one bit per step saying whether the walker stayed where it was (a rejected proposal
/// repeats the position and log-probability bit for bit), so only the moves are stored: with the stretch move's
/// acceptance of 0.2–0.4 that is 60–80 % less than the raw chain, and exactly the same values come back.
/// </summary>
internal static class FitCacheEntry
{
    public static byte[] Write(FitResult fit, string magic, byte[] digest)
    {
        var chain = fit.Chain ?? throw new InvalidOperationException("a fit without its chain is not cached");
        using var payload = new MemoryStream();
        using (var w = new BinaryWriter(payload, Encoding.UTF8, leaveOpen: true))
        {
            w.Write(fit.Model);
            w.Write(fit.StarCount);
            Strings(w, fit.ParameterNames);
            Strings(w, fit.DerivedNames);
            Strings(w, fit.ChainParameterNames);
            var stored = fit.StoredSamples;
            w.Write(stored.Count);
            foreach (var (name, values) in stored.OrderBy(p => p.Key, StringComparer.Ordinal)) { w.Write(name); Doubles(w, values); }
            WriteChain(w, chain);
            w.Write(fit.Moves);
            w.Write(fit.AutocorrTime.Count);
            foreach (var (name, tau) in fit.AutocorrTime) { w.Write(name); w.Write(tau); }
            w.Write(fit.AutocorrWarning is not null);
            if (fit.AutocorrWarning is not null) w.Write(fit.AutocorrWarning);
            Doubles(w, fit.Start);
            w.Write(fit.WallTimeSeconds);
            Strings(w, fit.Notes);
            w.Write(fit.Summary.Count);
            foreach (var (name, sum) in fit.Summary.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                w.Write(name); w.Write(sum.Median); w.Write(sum.P16); w.Write(sum.P84);
            }
        }
        var body = payload.GetBuffer().AsSpan(0, (int)payload.Length);
        var file = new byte[8 + 32 + 8 + body.Length + 32];
        Encoding.ASCII.GetBytes(magic).CopyTo(file, 0);
        digest.CopyTo(file, 8);
        BitConverter.TryWriteBytes(file.AsSpan(40, 8), (long)body.Length);
        body.CopyTo(file.AsSpan(48));
        SHA256.HashData(body, file.AsSpan(48 + body.Length));
        return file;
    }

    /// <summary>The fit stored in <paramref name="file"/>; <see cref="InvalidDataException"/> (its message completes "the entry
    /// is …") when the file is not a sound entry of this key.</summary>
    public static FitResult Read(byte[] file, string magic, byte[] digest, FitSettings settings)
    {
        if (file.Length < 80 || Encoding.ASCII.GetString(file, 0, 8) != magic)
            throw new InvalidDataException("not a fit cache entry of this version (foreign or old format)");
        if (!file.AsSpan(8, 32).SequenceEqual(digest)) throw new InvalidDataException("foreign (it holds another fit's key)");
        long length = BitConverter.ToInt64(file, 40);
        if (length != file.Length - 80) throw new InvalidDataException("truncated or padded (its length does not match its header)");
        var body = file.AsSpan(48, (int)length);
        if (!SHA256.HashData(body).AsSpan().SequenceEqual(file.AsSpan(48 + (int)length, 32)))
            throw new InvalidDataException("damaged (its checksum does not match)");
        try
        {
            using var r = new BinaryReader(new MemoryStream(file, 48, (int)length, writable: false), Encoding.UTF8);
            string model = r.ReadString();
            int stars = r.ReadInt32();
            var names = Strings(r);
            var derived = Strings(r);
            var chainNames = Strings(r);
            int nStored = r.ReadInt32();
            var samples = new Dictionary<string, double[]>();
            for (int i = 0; i < nStored; i++) samples[r.ReadString()] = Doubles(r);
            var chain = ReadChain(r);
            string moves = r.ReadString();
            int nTau = r.ReadInt32();
            var tau = new Dictionary<string, double>();
            for (int i = 0; i < nTau; i++) tau[r.ReadString()] = r.ReadDouble();
            string? warning = r.ReadBoolean() ? r.ReadString() : null;
            var start = Doubles(r);
            double wall = r.ReadDouble();
            var notes = Strings(r);
            int nSummary = r.ReadInt32();
            var summary = new Dictionary<string, PosteriorSummary>();
            for (int i = 0; i < nSummary; i++) summary[r.ReadString()] = new PosteriorSummary(r.ReadDouble(), r.ReadDouble(), r.ReadDouble());
            return new FitResult(model, stars, names, derived, samples, chain, chainNames, moves, tau, warning, start, wall, settings, notes, summary);
        }
        catch (Exception e) when (e is EndOfStreamException or ArgumentException or IOException or OverflowException or KeyNotFoundException)
        {
            throw new InvalidDataException($"unreadable ({e.Message})", e);
        }
    }

    static void WriteChain(BinaryWriter w, ChainBackend chain)
    {
        int walkers = chain.Walkers, dim = chain.Dimension, steps = chain.Iterations;
        w.Write(walkers); w.Write(dim); w.Write(steps);
        foreach (long a in chain.AcceptedCounts) w.Write(a);
        var values = chain.ChainValues;
        var logProb = chain.LogProbValues;
        var stayed = new byte[((long)steps * walkers + 7) / 8];
        var moved = new List<double>();
        var movedLogProb = new List<double>();
        for (int s = 0; s < steps; s++)
            for (int k = 0; k < walkers; k++)
            {
                long row = (long)s * walkers + k;
                var here = values.Slice((int)(row * dim), dim);
                if (s > 0 && BitwiseEqual(here, values.Slice((int)((row - walkers) * dim), dim))
                    && BitConverter.DoubleToInt64Bits(logProb[(int)row]) == BitConverter.DoubleToInt64Bits(logProb[(int)(row - walkers)]))
                {
                    stayed[row >> 3] |= (byte)(1 << (int)(row & 7));
                    continue;
                }
                foreach (double x in here) moved.Add(x);
                movedLogProb.Add(logProb[(int)row]);
            }
        w.Write(stayed);
        Doubles(w, CollectionsMarshal.AsSpan(moved));
        Doubles(w, CollectionsMarshal.AsSpan(movedLogProb));
    }

    static ChainBackend ReadChain(BinaryReader r)
    {
        int walkers = r.ReadInt32(), dim = r.ReadInt32(), steps = r.ReadInt32();
        if (walkers < 1 || dim < 1 || steps < 1 || (long)walkers * dim * steps > Array.MaxLength)
            throw new InvalidDataException($"unreadable (a chain of {steps} × {walkers} × {dim})");
        var accepted = new long[walkers];
        for (int k = 0; k < walkers; k++) accepted[k] = r.ReadInt64();
        var stayed = r.ReadBytes((int)(((long)steps * walkers + 7) / 8));
        var moved = Doubles(r);
        var movedLogProb = Doubles(r);
        var values = new double[steps * walkers * dim];
        var logProb = new double[steps * walkers];
        int m = 0;
        for (long row = 0; row < (long)steps * walkers; row++)
        {
            bool stay = (stayed[row >> 3] & (1 << (int)(row & 7))) != 0;
            if (stay && row < walkers) throw new InvalidDataException("unreadable (a first step marked as a repeat)");
            if (stay)
            {
                Array.Copy(values, (row - walkers) * dim, values, row * dim, dim);
                logProb[row] = logProb[row - walkers];
            }
            else
            {
                if (m >= movedLogProb.Length) throw new InvalidDataException("unreadable (fewer stored positions than moves)");
                Array.Copy(moved, (long)m * dim, values, row * dim, dim);
                logProb[row] = movedLogProb[m++];
            }
        }
        if (m != movedLogProb.Length || moved.LongLength != (long)m * dim) throw new InvalidDataException("unreadable (stored positions left over)");
        var chain = new ChainBackend();
        chain.Load(walkers, dim, steps, values, logProb, accepted);
        return chain;
    }

    static bool BitwiseEqual(ReadOnlySpan<double> a, ReadOnlySpan<double> b) =>
        MemoryMarshal.AsBytes(a).SequenceEqual(MemoryMarshal.AsBytes(b));

    static void Strings(BinaryWriter w, IReadOnlyList<string> list)
    {
        w.Write(list.Count);
        foreach (var s in list) w.Write(s);
    }

    static string[] Strings(BinaryReader r)
    {
        int n = r.ReadInt32();
        if (n < 0 || n > 1 << 20) throw new InvalidDataException($"unreadable (a list of {n} names)");
        var list = new string[n];
        for (int i = 0; i < n; i++) list[i] = r.ReadString();
        return list;
    }

    static void Doubles(BinaryWriter w, ReadOnlySpan<double> values)
    {
        w.Write(values.Length);
        w.Write(MemoryMarshal.AsBytes(values));
    }

    static double[] Doubles(BinaryReader r)
    {
        int n = r.ReadInt32();
        if (n < 0 || (long)n * 8 > r.BaseStream.Length - r.BaseStream.Position) throw new InvalidDataException($"unreadable (an array of {n} values)");
        var values = new double[n];
        if (r.Read(MemoryMarshal.AsBytes(values.AsSpan())) != n * 8) throw new EndOfStreamException();
        return values;
    }
}
