using HaloNotebooks.Analysis;
using HaloNotebooks.Numerics;
using Xunit;

namespace HaloNotebooks.Tests.Analysis;

public class FitKeyTests
{
    [Fact]
    public void StableHash_IsFnv1a64_OfTheUtf8Bytes()
    {
        // The published FNV-1a 64-bit test vectors (Fowler, Noll & Vo): "" → offset basis, "a", "foobar".
        Assert.Equal(unchecked((long)0xCBF29CE484222325UL), SeededRandom.StableHash(""));
        Assert.Equal(unchecked((long)0xAF63DC4C8601EC8CUL), SeededRandom.StableHash("a"));
        Assert.Equal(unchecked((long)0x85944171F73967E8UL), SeededRandom.StableHash("foobar"));
    }

    [Fact]
    public void Name_SaysStageModelBinAndLevel()
    {
        Assert.Equal("table2/double/all", new FitKey("table2", FitModel.Double, FitKey.AllStars).ToString());
        Assert.Equal("table3/dipole/bin 1", new FitKey("table3", FitModel.Dipole, 1).ToString());
        Assert.Equal("appendix_a/double/bin 0/level 2", new FitKey("appendix_a", FitModel.Double, 0, 2).ToString());
    }

    [Fact]
    public void Seed_DependsOnTheRunSeedAndTheName_Only()
    {
        var key = new FitKey("table1", FitModel.Single, 3);
        Assert.Equal(key.Seed(1), new FitKey("table1", FitModel.Single, 3).Seed(1));
        Assert.Equal(SeededRandom.DeriveSeed(1, SeededRandom.StableHash("table1/single/bin 3")), key.Seed(1));
        Assert.NotEqual(key.Seed(1), key.Seed(2));
        Assert.NotEqual(key.Seed(1), new FitKey("table1", FitModel.Single, 4).Seed(1));
        Assert.NotEqual(key.Seed(1), new FitKey("eq7", FitModel.Single, 3).Seed(1));
    }
}
