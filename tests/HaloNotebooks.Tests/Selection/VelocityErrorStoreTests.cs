using Xunit;
using HaloNotebooks.Mocks;
using HaloNotebooks.Selection;
using C = HaloNotebooks.Catalogs.CanonicalColumns;

namespace HaloNotebooks.Tests.Selection;

/// <summary>Counts the stars a selection draws, so it runs alone with the selection cache off (an in-process `halo reproduce`
/// or a notebook set-up switches it on for the whole process).</summary>
[Collection(nameof(HaloNotebooks.Tests.Analysis.FitCacheEnvironment))]
public class VelocityErrorStoreTests
{
    /// <summary>
    /// Errors saved by one memo and read by another (a rerun in a new process) give the selection bit for bit, with no
    /// star drawn again; a damaged file is not used (every star is drawn again, same values).
    /// </summary>
    [Fact]
    public void StoredErrors_GiveIdenticalSamples_WithoutDrawing_AndADamagedFileIsIgnored()
    {
        // Every selection here must draw its own errors: no selection read back from a cache another test switched on.
        var previous = HaloNotebooks.Analysis.FitCache.Current;
        HaloNotebooks.Analysis.FitCache.Current = null;
        try
        {
            var folder = Directory.CreateTempSubdirectory("halo-mcerr-").FullName;
            try
            {
                var mock = MockCatalog.Generate(new MockSettings(Seed: 7, Scale: 0.01));
                var catalogue = mock.Catalogue.Join(mock.Distances, C.TargetId, C.TargetId);
                var subs = SubstructureCatalog.FromTable(mock.Substructures, "mock");
                var settings = SelectionSettings.Paper with { McSamples = 100, Seed = 3 };
                var alone = PaperSelection.Run(catalogue, settings, subs);

                var first = new VelocityErrorMemo { StoreFolder = folder };
                PaperSelection.Run(catalogue, settings, subs, first, null);
                VelocityErrorStore.Save(first);
                var file = Assert.Single(Directory.GetFiles(folder, "*.mcerr"));

                var rerun = new VelocityErrorMemo { StoreFolder = folder };
                var again = PaperSelection.Run(catalogue, settings, subs, rerun, null);
                Assert.Equal(0, rerun.StarsDrawn);
                Assert.Equal(first.StarsDrawn, rerun.StarsReused);
                foreach (var column in new[] { C.ErrVR, C.ErrVPhi, C.ErrVTheta })
                    Assert.Equal(alone.Stars.GetDouble(column), again.Stars.GetDouble(column));

                var bytes = File.ReadAllBytes(file);
                bytes[bytes.Length / 2] ^= 0x01;
                File.WriteAllBytes(file, bytes);
                var damaged = new VelocityErrorMemo { StoreFolder = folder };
                var redrawn = PaperSelection.Run(catalogue, settings, subs, damaged, null);
                Assert.Equal(first.StarsDrawn, damaged.StarsDrawn);
                Assert.Equal(alone.Stars.GetDouble(C.ErrVR), redrawn.Stars.GetDouble(C.ErrVR));
            }
            finally { Directory.Delete(folder, true); }
        }
        finally { HaloNotebooks.Analysis.FitCache.Current = previous; }
    }
}
