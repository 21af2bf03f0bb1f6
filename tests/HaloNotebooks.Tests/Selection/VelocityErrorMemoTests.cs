using Xunit;
using HaloNotebooks.Catalogs;
using HaloNotebooks.Mocks;
using HaloNotebooks.Selection;
using C = HaloNotebooks.Catalogs.CanonicalColumns;

namespace HaloNotebooks.Tests.Selection;

/// <summary>Counts the stars a selection draws, so it runs alone with the selection cache off (an in-process `halo reproduce`
/// or a notebook set-up switches it on for the whole process).</summary>
[Collection(nameof(HaloNotebooks.Tests.Analysis.FitCacheEnvironment))]
public class VelocityErrorMemoTests
{
    /// <summary>
    /// §2.3, §4.4 and §2.3 without the Sgr mask sharing one memo give the same samples, bit for bit, as each run alone,
    /// and draw each star once: the memo's draws are the union of the three pre-error-cut samples (= the unmasked one's).
    /// </summary>
    [Fact]
    public void SharedErrors_GiveIdenticalSamples_AndDrawEachStarOnce()
    {
        // Every selection here must draw its own errors: no selection read back from a cache another test switched on.
        var previous = HaloNotebooks.Analysis.FitCache.Current;
        HaloNotebooks.Analysis.FitCache.Current = null;
        try
        {
            var mock = MockCatalog.Generate(new MockSettings(Seed: 7, Scale: 0.01));
            var catalogue = mock.Catalogue.Join(mock.Distances, C.TargetId, C.TargetId);
            var subs = SubstructureCatalog.FromTable(mock.Substructures, "mock");
            SelectionSettings[] settings =
            [
                SelectionSettings.Paper with { McSamples = 100, Seed = 3 },
                SelectionSettings.PaperDipole with { McSamples = 100, Seed = 3 },
                SelectionSettings.Paper with { McSamples = 100, Seed = 3, MaskSagittarius = false },
            ];
            var memo = new VelocityErrorMemo();
            var shared = settings.Select(s => PaperSelection.Run(catalogue, s, subs, memo, null)).ToList();
            var alone = settings.Select(s => PaperSelection.Run(catalogue, s, subs)).ToList();
            foreach (var (a, b) in shared.Zip(alone))
            {
                Assert.Equal(b.Stars.RowCount, a.Stars.RowCount);
                foreach (var column in new[] { C.ErrVR, C.ErrVPhi, C.ErrVTheta, C.VR, C.RGc })
                    Assert.Equal(b.Stars.GetDouble(column), a.Stars.GetDouble(column));
                Assert.Equal(b.Funnel.ToMarkdown(), a.Funnel.ToMarkdown());
            }
            // The unmasked selection's error step saw every star the other two did (same cuts before it, minus one).
            int unmaskedBeforeErrors = shared[2].Funnel.Steps.Single(s => s.Cut == PaperCuts.VelocityErrors(settings[2]).Name).In;
            Assert.Equal(unmaskedBeforeErrors, memo.StarsDrawn);
            Assert.True(memo.StarsReused > 0);
        }
        finally { HaloNotebooks.Analysis.FitCache.Current = previous; }
    }
}
