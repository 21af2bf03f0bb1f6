using HaloNotebooks.Cli.Plumbing;
using Xunit;

namespace HaloNotebooks.Tests.Cli;

public class StageProgressTests
{
    /// <summary>In a log: every stage starts and ends on a line with its number and time, percentages at most every 10 %,
    /// a stage left open is closed when the next starts, and a stage not announced in advance is numbered on.</summary>
    [Fact]
    public void LogMode_OneLinePerStageStartAndEnd_AndAtMostEveryTenPercent()
    {
        var log = new StringWriter();
        int result = StageProgress.Run("test", ["read", "fits"], p =>
        {
            p.Report("read", 0);
            p.Report("read", 1);
            for (int k = 0; k <= 1000; k++) p.Report("fits", k / 1000.0, $"{k}/1000");
            p.Report("extra", 0.5);   // left open: closed at the end
            return 7;
        }, log);
        Assert.Equal(7, result);
        var lines = log.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.StartsWith("halo test [1/2] read: started", lines[0]);
        Assert.StartsWith("halo test [1/2] read: done in", lines[1]);
        Assert.StartsWith("halo test [2/2] fits: started", lines[2]);
        var percents = lines.Where(l => l.StartsWith("halo test [2/2] fits: ", StringComparison.Ordinal) && l.Contains('%')).ToList();
        Assert.Equal(9, percents.Count);   // 10 % … 90 %; 100 % is the "done" line
        Assert.Contains("fits: 10% (100/1000) after", percents[0]);
        Assert.Contains("left", percents[0]);
        Assert.Contains(lines, l => l.StartsWith("halo test [2/2] fits: done in", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("halo test [3/3] extra: started", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("halo test [3/3] extra: done in", StringComparison.Ordinal));
        Assert.StartsWith("halo test: 3 stages done in", lines[^1]);
        Assert.Equal(2 + (1 + 9 + 1) + (1 + 1 + 1) + 1, lines.Length);   // read, fits, extra (started, 50 %, done), total
    }
}
