using HaloNotebooks.Analysis;
using HaloNotebooks.Mocks;

namespace HaloNotebooks.Truth;

/// <summary>Appendix A's input drawn from the mocks (the analysis only reads an <see cref="AppendixInput"/>).</summary>
internal static class AppendixMockInput
{
    /// <summary>
    /// Appendix A's experiment from the mocks' spherical halo (Mocks.AppendixMock): the same stars with perfect distances
    /// and with each fractional distance error of <paramref name="fractionalErrors"/> (paper: 0, 18%, 30%), and the
    /// p_MR(r) and β_MP(r) the halo was built from, tabulated on 3–160 kpc.
    /// </summary>
    public static AppendixInput Generate(AppendixMockSettings settings, IReadOnlyList<double> fractionalErrors, int? maxDegreeOfParallelism = null)
    {
        var samples = fractionalErrors.Select(f => AppendixInput.FromTable(f, AppendixMock.Generate(settings, f, maxDegreeOfParallelism))).ToList();
        var grid = Enumerable.Range(0, 61).Select(i => 3 * Math.Pow(160.0 / 3, i / 60.0)).ToArray();
        return new AppendixInput(samples, grid.Select(r => (r, settings.MetalRichFraction(r))).ToList(),
            grid.Select(r => (r, settings.BetaMetalPoor(r))).ToList());
    }
}
