using HaloNotebooks.Catalogs;
using HaloNotebooks.Mocks;
using Xunit;
using C = HaloNotebooks.Catalogs.CanonicalColumns;

namespace HaloNotebooks.Tests.Mocks;

public class MockReobservationTests
{
    static readonly Lazy<(StarTable Catalogue, StarTable Truth)> Mock = new(() =>
    {
        var m = MockCatalog.Generate(new MockSettings(11, 0.02));
        // The stars' own (PRIMARY) rows: a failed repeat fit's velocity is meaningless by design (MockRepeatObservations).
        var primary = m.Catalogue.Where(m.Catalogue.GetBool(C.Primary));
        return (primary.Join(m.Distances, C.TargetId, C.TargetId), m.Truth);
    });

    [Fact]
    public void AReplica_ScattersAboutTheTruthWithTheQuotedErrors()
    {
        // Replica and catalogue are two independent draws about the same true value, so their difference over the quoted
        // error has mean 0 and standard deviation √2 (tolerances: 5σ of the sample mean and of the sample std).
        var (catalogue, truth) = Mock.Value;
        var replica = MockReobservation.Reobserve(catalogue, truth, seed: 3, replica: 0);
        foreach (var (value, error) in new[] { (C.Rv, C.RvErr), (C.Pmra, C.PmraError), (C.Pmdec, C.PmdecError), (C.Feh, C.FehErr), (C.Teff, C.TeffErr) })
        {
            double[] a = catalogue.GetDouble(value), b = replica.GetDouble(value), err = catalogue.GetDouble(error);
            var z = a.Select((x, i) => (b[i] - x) / (Math.Sqrt(2) * err[i])).ToArray();
            double mean = z.Average(), std = Math.Sqrt(z.Sum(v => (v - mean) * (v - mean)) / (z.Length - 1));
            Assert.InRange(mean, -5 / Math.Sqrt(z.Length), 5 / Math.Sqrt(z.Length));
            Assert.InRange(std, 1 - 5 / Math.Sqrt(2.0 * z.Length), 1 + 5 / Math.Sqrt(2.0 * z.Length));
        }
        // Distances keep their quoted fractional error: error / distance is the catalogue's for every star.
        double[] d = replica.GetDouble(C.Distance), de = replica.GetDouble(C.DistanceErr);
        double[] d0 = catalogue.GetDouble(C.Distance), de0 = catalogue.GetDouble(C.DistanceErr);
        for (int i = 0; i < d.Length; i++) Assert.Equal(de0[i] / d0[i], de[i] / d[i], 12);
        Assert.Equal(catalogue.GetDouble(C.Ra), replica.GetDouble(C.Ra));
    }

    [Fact]
    public void AReplica_DependsOnTheSeedAndReplicaButNotOnRowOrder()
    {
        var (catalogue, truth) = Mock.Value;
        var a = MockReobservation.Reobserve(catalogue, truth, 3, 1);
        var reversed = Enumerable.Range(0, catalogue.RowCount).Reverse().ToArray();
        var b = MockReobservation.Reobserve(catalogue.Take(reversed), truth, 3, 1);
        Assert.Equal(a.GetDouble(C.Rv), b.GetDouble(C.Rv).Reverse());
        Assert.Equal(a.GetDouble(C.Distance), b.GetDouble(C.Distance).Reverse());
        Assert.NotEqual(a.GetDouble(C.Rv), MockReobservation.Reobserve(catalogue, truth, 3, 2).GetDouble(C.Rv));
    }

    [Fact]
    public void AStarMissingFromTheTruth_IsNamed()
    {
        var (catalogue, truth) = Mock.Value;
        var keep = new bool[truth.RowCount];
        for (int i = 1; i < keep.Length; i++) keep[i] = true;
        var e = Assert.Throws<CatalogException>(() => MockReobservation.Reobserve(catalogue, truth.Where(keep), 3, 0));
        Assert.Contains(truth.GetInt64(C.TargetId)[0].ToString(), e.Message);
    }
}
