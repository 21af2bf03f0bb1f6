using System.Buffers.Binary;
using System.IO.Compression;

namespace HaloNotebooks.Figures;

/// <summary>
/// A minimal PNG reader (8-bit grey, RGB, or RGBA, non-interlaced — what Chromium writes) used to
/// check that an exported figure is not blank: a page that failed to draw is still a valid PNG.
/// </summary>
internal sealed class PngImage
{
    static readonly byte[] Signature = [137, 80, 78, 71, 13, 10, 26, 10];

    PngImage(int width, int height, byte[] rgba) { Width = width; Height = height; Rgba = rgba; }

    internal int Width { get; }
    internal int Height { get; }
    /// <summary>Pixels, row-major, 4 bytes each.</summary>
    internal byte[] Rgba { get; }

    public static PngImage Read(string path)
    {
        var bytes = File.ReadAllBytes(path);
        if (bytes.Length < 8 || !bytes.AsSpan(0, 8).SequenceEqual(Signature))
            throw new InvalidDataException($"{path}: not a PNG file.");
        int width = 0, height = 0, colourType = -1, channels = 0;
        using var idat = new MemoryStream();
        for (int pos = 8; pos + 8 <= bytes.Length;)
        {
            int length = BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(pos));
            string type = System.Text.Encoding.ASCII.GetString(bytes, pos + 4, 4);
            var data = bytes.AsSpan(pos + 8, length);
            if (type == "IHDR")
            {
                width = BinaryPrimitives.ReadInt32BigEndian(data);
                height = BinaryPrimitives.ReadInt32BigEndian(data[4..]);
                int depth = data[8];
                colourType = data[9];
                channels = colourType switch { 0 => 1, 2 => 3, 4 => 2, 6 => 4, _ => 0 };
                if (depth != 8 || channels == 0 || data[12] != 0)
                    throw new InvalidDataException($"{path}: only 8-bit non-interlaced grey/RGB/RGBA PNGs are supported (depth {depth}, " +
                        $"colour type {colourType}).");
            }
            else if (type == "IDAT") idat.Write(data);
            else if (type == "IEND") break;
            pos += 12 + length;
        }
        if (width <= 0 || height <= 0) throw new InvalidDataException($"{path}: no IHDR chunk.");

        idat.Position = 0;
        using var inflated = new MemoryStream();
        using (var z = new ZLibStream(idat, CompressionMode.Decompress)) z.CopyTo(inflated);
        var raw = inflated.ToArray();
        int stride = width * channels;
        if (raw.Length < height * (stride + 1)) throw new InvalidDataException($"{path}: truncated image data.");

        var rgba = new byte[width * height * 4];
        var previous = new byte[stride];
        var current = new byte[stride];
        for (int y = 0; y < height; y++)
        {
            int filter = raw[y * (stride + 1)];
            Array.Copy(raw, y * (stride + 1) + 1, current, 0, stride);
            Unfilter(filter, current, previous, channels);
            for (int x = 0; x < width; x++)
            {
                int o = (y * width + x) * 4, i = x * channels;
                switch (channels)
                {
                    case 1: rgba[o] = rgba[o + 1] = rgba[o + 2] = current[i]; rgba[o + 3] = 255; break;
                    case 2: rgba[o] = rgba[o + 1] = rgba[o + 2] = current[i]; rgba[o + 3] = current[i + 1]; break;
                    case 3: rgba[o] = current[i]; rgba[o + 1] = current[i + 1]; rgba[o + 2] = current[i + 2]; rgba[o + 3] = 255; break;
                    default: Array.Copy(current, i, rgba, o, 4); break;
                }
            }
            (previous, current) = (current, previous);
        }
        return new PngImage(width, height, rgba);
    }

    static void Unfilter(int filter, byte[] line, byte[] above, int bpp)
    {
        for (int i = 0; i < line.Length; i++)
        {
            int a = i >= bpp ? line[i - bpp] : 0, b = above[i], c = i >= bpp ? above[i - bpp] : 0;
            line[i] = (byte)(line[i] + filter switch
            {
                0 => 0,
                1 => a,
                2 => b,
                3 => (a + b) / 2,
                4 => Paeth(a, b, c),
                _ => throw new InvalidDataException($"unknown PNG filter {filter}."),
            });
        }
    }

    static int Paeth(int a, int b, int c)
    {
        int p = a + b - c, pa = Math.Abs(p - a), pb = Math.Abs(p - b), pc = Math.Abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }

    /// <summary>Variance of the luminance (0–255 scale) over all pixels; a blank page gives 0.</summary>
    internal double LuminanceVariance()
    {
        double sum = 0, sumSq = 0;
        int n = Width * Height;
        for (int p = 0; p < n; p++)
        {
            double l = 0.299 * Rgba[4 * p] + 0.587 * Rgba[4 * p + 1] + 0.114 * Rgba[4 * p + 2];
            sum += l; sumSq += l * l;
        }
        double mean = sum / n;
        return Math.Max(0, sumSq / n - mean * mean);
    }

    /// <summary>Fraction of pixels that differ from the top-left (background) pixel.</summary>
    internal double InkFraction()
    {
        int n = Width * Height, ink = 0;
        for (int p = 0; p < n; p++)
            if (Math.Abs(Rgba[4 * p] - Rgba[0]) + Math.Abs(Rgba[4 * p + 1] - Rgba[1]) + Math.Abs(Rgba[4 * p + 2] - Rgba[2]) > 24) ink++;
        return (double)ink / n;
    }
}
