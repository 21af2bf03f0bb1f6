using System.Runtime.CompilerServices;

namespace HaloNotebooks.Tests;

/// <summary>
/// The commands the tests run in process (`halo reproduce`) and the notebooks they run in child processes use the fit
/// cache by default; the tests give them a folder of their own (HALO_CACHE), removed when the test process ends, so no
/// test reads or fills the user's ~/.cache/halonotebooks/fits.
/// </summary>
static class TestFitCache
{
    [ModuleInitializer]
    internal static void UseATemporaryFolder()
    {
        if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable("HALO_CACHE"))) return;
        var folder = Path.Combine(Path.GetTempPath(), $"halo-test-fit-cache-{Environment.ProcessId}");
        Environment.SetEnvironmentVariable("HALO_CACHE", folder);
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try { if (Directory.Exists(folder)) Directory.Delete(folder, true); }
            catch (IOException) { }
            catch (UnauthorizedAccessException) { }
        };
    }
}
