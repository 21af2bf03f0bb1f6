using HaloNotebooks.Catalogs;
using HaloNotebooks.Cli.Commands;
using Xunit;

namespace HaloNotebooks.Tests.Catalogs;

public class ConvertCommandTests
{
    [Fact]
    public void Convert_FitsToCsv_AllColumnsVectorsExpandedBooleansMissingAndInt64Exact()
    {
        var dir = Directory.CreateTempSubdirectory("convert");
        try
        {
            var output = Path.Combine(dir.FullName, "stars.csv");
            int code = HaloNotebooks.Cli.Program.Run(["convert", "--input", TestPaths.Fixture("catalogs/bintable_features.fits"),
                "--hdu", "STARS", "--output", output]);
            Assert.Equal(0, code);
            var lines = File.ReadAllLines(output);
            Assert.Equal("ID,FLAG,B8,U16,J32,K64,E32,D64,NAME,VEC_0,VEC_1,VEC_2,SCALED,SBYTE,U32", lines[0]);
            var row2 = lines[3].Split(',');
            Assert.Equal("42", row2[0]);
            Assert.Equal("", row2[1]);    // logical null
            Assert.Equal("", row2[4]);    // TNULL
            Assert.Equal("", row2[8]);    // blank string
            Assert.Equal("39627835862863901", lines[1].Split(',')[0]);
            Assert.Equal("true", lines[1].Split(',')[1]);
            Assert.Equal("-4611686018427387904", lines[1].Split(',')[5]);
        }
        finally { dir.Delete(true); }
    }

    [Fact]
    public void Convert_ProjectsColumnsToParquet()
    {
        var dir = Directory.CreateTempSubdirectory("convert");
        try
        {
            var output = Path.Combine(dir.FullName, "stars.parquet");
            Assert.Equal(0, HaloNotebooks.Cli.Program.Run(["convert", "--input", TestPaths.Fixture("catalogs/bintable_features.fits"),
                "--columns", "D64,ID,VEC", "--output", output]));
            var t = ParquetTable.Read(output);
            Assert.Equal(["D64", "ID", "VEC_0", "VEC_1", "VEC_2"], t.ColumnNames);
            Assert.Equal([39627835862863901L, -1L, 42L], t.GetInt64("ID"));
        }
        finally { dir.Delete(true); }
    }

    [Fact]
    public void Convert_BadInput_OneLineErrorNonZeroExitAndNoOutput()
    {
        var dir = Directory.CreateTempSubdirectory("convert");
        try
        {
            var bad = Path.Combine(dir.FullName, "bad.csv");
            File.WriteAllText(bad, "ra,dec\n1,2\n3,x\n");
            var output = Path.Combine(dir.FullName, "out.parquet");
            var error = new StringWriter();
            Assert.Equal(1, ConvertCommand.Run(bad, null, null, output, error));
            var message = error.ToString();
            Assert.Single(message.TrimEnd().Split('\n'));
            Assert.Contains("column 'dec'", message);
            Assert.Contains("row 1", message);
            Assert.Contains(bad, message);
            Assert.Equal(1, ConvertCommand.Run(TestPaths.Fixture("catalogs/bintable_features.fits"), "STARS", "ID,NOPE", output, error));
            Assert.Contains("NOPE", error.ToString());
            Assert.Equal(1, HaloNotebooks.Cli.Program.Run(["convert", "--input", bad, "--output", output]));
            Assert.Equal([bad], Directory.GetFiles(dir.FullName));
        }
        finally { dir.Delete(true); }
    }
}
