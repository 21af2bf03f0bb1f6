using HaloNotebooks.Sweeps;
using Xunit;

namespace HaloNotebooks.Tests.Sweeps;

public class SlurmArrayTests
{
    [Fact]
    public void IndexRanges_CompressRunsOfTasks()
    {
        Assert.Equal("0-99", SlurmArray.IndexRanges(Enumerable.Range(0, 100).ToList()));
        Assert.Equal("3,5,7-10", SlurmArray.IndexRanges([10, 3, 5, 7, 8, 9]));
    }

    [Fact]
    public void Script_IsAnArrayOfSweepTasks_WithTheThrottle()
    {
        string s = SlurmArray.Script("/scratch/sweep", Enumerable.Range(0, 100).ToList(),
            new SlurmOptions("debug", "00:10:00", 2, 8, "2G"), "dotnet /opt/halo/halo.dll");
        Assert.Contains("#SBATCH --array=0-99%8\n", s);
        Assert.Contains("#SBATCH --partition=debug\n", s);
        Assert.Contains("#SBATCH --time=00:10:00\n", s);
        Assert.Contains("#SBATCH --cpus-per-task=2\n", s);
        Assert.Contains("#SBATCH --mem=2G\n", s);
        Assert.Contains("exec dotnet /opt/halo/halo.dll sweep task '/scratch/sweep' --index \"$SLURM_ARRAY_TASK_ID\"", s);
        Assert.Throws<ArgumentException>(() => SlurmArray.Script("/x", [], new SlurmOptions(), "halo"));
    }
}
