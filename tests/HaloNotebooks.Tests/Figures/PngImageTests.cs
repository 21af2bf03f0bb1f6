using Xunit;
using System.Buffers.Binary;
using System.IO.Compression;
using HaloNotebooks.Figures;

namespace HaloNotebooks.Tests.Figures;

public class PngImageTests
{
    /// <summary>A 3×3 RGB PNG whose rows use filters None, Sub and Paeth, written here byte by byte.</summary>
    static byte[] ThreeByThree(byte[][] filteredRows)
    {
        using var raw = new MemoryStream();
        foreach (var row in filteredRows) raw.Write(row);
        using var idat = new MemoryStream();
        using (var z = new ZLibStream(idat, CompressionLevel.Optimal, leaveOpen: true)) z.Write(raw.ToArray());
        using var png = new MemoryStream();
        png.Write([137, 80, 78, 71, 13, 10, 26, 10]);
        void Chunk(string type, byte[] data)
        {
            var len = new byte[4]; BinaryPrimitives.WriteInt32BigEndian(len, data.Length);
            png.Write(len); png.Write(System.Text.Encoding.ASCII.GetBytes(type)); png.Write(data); png.Write(new byte[4]); // CRC not checked
        }
        var ihdr = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(ihdr, 3); BinaryPrimitives.WriteInt32BigEndian(ihdr.AsSpan(4), 3);
        ihdr[8] = 8; ihdr[9] = 2;
        Chunk("IHDR", ihdr); Chunk("IDAT", idat.ToArray()); Chunk("IEND", []);
        return png.ToArray();
    }

    [Fact]
    public void Read_UndoesTheScanlineFilters()
    {
        // Target pixels (r,g,b): row 0 = (10,20,30) (40,50,60) (70,80,90); row 1 = row 0 + 5; row 2 = row 1 + 1.
        byte[][] rows =
        [
            [0, 10, 20, 30, 40, 50, 60, 70, 80, 90],                  // None
            [1, 15, 25, 35, 30, 30, 30, 30, 30, 30],                  // Sub: differences from the left pixel
            [2, 1, 1, 1, 1, 1, 1, 1, 1, 1],                           // Up: differences from the row above
        ];
        string path = Path.Combine(Path.GetTempPath(), $"halo-png-{Guid.NewGuid():N}.png");
        try
        {
            File.WriteAllBytes(path, ThreeByThree(rows));
            var img = PngImage.Read(path);
            Assert.Equal(3, img.Width);
            Assert.Equal(3, img.Height);
            int Px(int x, int y, int c) => img.Rgba[(y * 3 + x) * 4 + c];
            Assert.Equal([10, 20, 30], new[] { Px(0, 0, 0), Px(0, 0, 1), Px(0, 0, 2) });
            Assert.Equal([75, 85, 95], new[] { Px(2, 1, 0), Px(2, 1, 1), Px(2, 1, 2) });
            Assert.Equal([46, 56, 66], new[] { Px(1, 2, 0), Px(1, 2, 1), Px(1, 2, 2) });
            Assert.Equal(255, Px(1, 1, 3));
            Assert.True(img.LuminanceVariance() > 100);
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void Read_RejectsFilesThatAreNotPng()
    {
        string path = Path.Combine(Path.GetTempPath(), $"halo-png-{Guid.NewGuid():N}.png");
        try
        {
            File.WriteAllText(path, "<html>not an image</html>");
            Assert.Throws<InvalidDataException>(() => PngImage.Read(path));
        }
        finally { File.Delete(path); }
    }
}
