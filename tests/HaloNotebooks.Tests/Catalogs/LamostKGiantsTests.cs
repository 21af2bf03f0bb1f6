using HaloNotebooks.Catalogs;
using Xunit;

namespace HaloNotebooks.Tests.Catalogs;

public class LamostKGiantsTests
{
    [SkippableTheory]
    [InlineData("lamost_kg_dr5_halo_forJorge", 15852)]
    [InlineData("lamost_kg_dr5_smoothhalo_forJorge", 9215)]
    public void Fits_ReadsIdenticallyToItsCsvTwin_EveryValue(string stem, int documentedRows)
    {
        var fitsPath = TestPaths.RequireShared($"data/external/lamost_dr5_kgiants_halo/{stem}.fits");
        var csvPath = TestPaths.RequireShared($"data/external/lamost_dr5_kgiants_halo/{stem}.csv");
        // Raw tables: every column, every value, bit for bit (the CSV holds Python repr of the doubles).
        var fits = TableFile.Read(fitsPath);
        var csv = CsvTable.Read(csvPath);
        Assert.Equal(documentedRows, fits.RowCount);
        Assert.Equal(csv.ColumnNames, fits.ColumnNames);
        Assert.Equal(csv.RowCount, fits.RowCount);
        foreach (var name in fits.ColumnNames)
        {
            if (fits.GetColumnType(name) is ColumnType.Int32 or ColumnType.Int64)
                Assert.Equal(csv.GetInt64(name), fits.GetInt64(name));
            else
                Assert.Equal(csv.GetDouble(name).Select(BitConverter.DoubleToInt64Bits), fits.GetDouble(name).Select(BitConverter.DoubleToInt64Bits));
        }
        // And through the canonical reader.
        FitsWriterTests.AssertSameTable(LamostKGiants.Read(csvPath), LamostKGiants.Read(fitsPath));
    }
}
