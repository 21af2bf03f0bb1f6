using Xunit;
using HaloNotebooks.Figures;
using static HaloNotebooks.Tests.Figures.FigureTestData;

namespace HaloNotebooks.Tests.Figures;

public class FigureExportTests
{
    [Fact]
    public void WriteHtml_IsSelfContained_CharsetFirst_PlotlyOnce()
    {
        string path = Path.Combine(Path.GetTempPath(), $"halo-fig-{Guid.NewGuid():N}.html");
        try
        {
            FigureExport.WriteHtml([SmallCorner(), SmallProfile(), SmallSkyMap()], path, "three figures");
            string html = File.ReadAllText(path);
            Assert.StartsWith("<!DOCTYPE html>", html);
            int charset = html.IndexOf("<meta charset=\"utf-8\">", StringComparison.Ordinal);
            Assert.True(charset > 0 && charset < html.IndexOf("<script", StringComparison.Ordinal), "charset must precede the first script");
            Assert.Equal(1, Count(html, FigureHtml.PlotlyJs));
            var rest = WithoutPlotlyJs(html);
            Assert.Equal(3, Count(rest, "Plotly.newPlot("));
            Assert.DoesNotContain("cdn", rest, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("https://", rest, StringComparison.Ordinal);
            Assert.DoesNotContain("\"showland\":true", rest, StringComparison.Ordinal);
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void WritePng_WithoutChromium_SaysWhatToInstall()
    {
        var ex = Assert.Throws<FigureExportException>(() =>
            FigureExport.WritePng(null, SmallProfile(), Path.Combine(Path.GetTempPath(), "never.png"), null, null, 1.0));
        Assert.Contains("Chromium", ex.Message);
        Assert.Contains("apt-get install chromium", ex.Message);
    }

    [Fact]
    public void FindChromium_PrefersTheOverride_ThenUsrBin_ThenPath()
    {
        Assert.Equal("/opt/c", FigureExport.FindChromium("/opt/c", "/bin", p => p == "/opt/c"));
        Assert.Null(FigureExport.FindChromium("/opt/missing", "/bin", p => p == "/usr/bin/chromium"));
        Assert.Equal("/usr/bin/chromium", FigureExport.FindChromium(null, "/x", p => p is "/usr/bin/chromium" or "/x/chromium"));
        Assert.Equal(Path.Combine("/x", "chromium-browser"), FigureExport.FindChromium(null, "/y:/x", p => p == Path.Combine("/x", "chromium-browser")));
        Assert.Null(FigureExport.FindChromium(null, "/y", _ => false));
    }

    public static TheoryData<string> FigureKinds => new() { "corner", "profile", "skymap" };

    [SkippableTheory]
    [MemberData(nameof(FigureKinds))]
    public void WritePng_RendersAFigureThatIsNotBlank(string kind)
    {
        Skip.IfNot(FigureExport.ChromiumAvailable, "Chromium is not installed (apt-get install chromium); PNG export not tested.");
        var fig = kind switch { "corner" => SmallCorner().WithSize(420, 420), "profile" => SmallProfile(), _ => SmallSkyMap() };
        string path = Path.Combine(Path.GetTempPath(), $"halo-{kind}-{Guid.NewGuid():N}.png");
        try
        {
            FigureExport.WritePng(fig, path);
            var png = PngImage.Read(path);
            Assert.Equal(fig.Width, png.Width);
            Assert.Equal(fig.Height, png.Height);
            Assert.True(png.LuminanceVariance() > 100, $"luminance variance {png.LuminanceVariance():0.0}: the page looks blank");
            Assert.True(png.InkFraction() > 0.02, $"only {png.InkFraction():P1} of the pixels differ from the background");
        }
        finally { File.Delete(path); }
    }

    [SkippableFact]
    public void WritePngs_RendersEveryFigureInOneSession_AtItsSize()
    {
        Skip.IfNot(FigureExport.ChromiumAvailable, "Chromium is not installed (apt-get install chromium); PNG export not tested.");
        var figures = new[] { SmallCorner().WithSize(420, 420), SmallProfile(), SmallSkyMap() };
        var dir = Path.Combine(Path.GetTempPath(), $"halo-pngs-{Guid.NewGuid():N}");
        try
        {
            var outcome = FigureExport.WritePngs(figures.Select((f, i) => (f, Path.Combine(dir, $"f{i}.png"))).ToList(), sessions: 2);
            Assert.All(outcome, Assert.Null);
            for (int i = 0; i < figures.Length; i++)
            {
                var png = PngImage.Read(Path.Combine(dir, $"f{i}.png"));
                Assert.Equal(figures[i].Width, png.Width);
                Assert.Equal(figures[i].Height, png.Height);
                Assert.True(png.InkFraction() > 0.02, $"figure {i}: only {png.InkFraction():P1} of the pixels differ from the background");
            }
        }
        finally { if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true); }
    }

    [SkippableFact]
    public void WritePngs_WithABrowserThatLogsNothing_FallsBackToAScreenshotPerFigure()
    {
        Skip.IfNot(FigureExport.ChromiumPath is not null && OperatingSystem.IsLinux(), "Chromium is not installed; PNG export not tested.");
        // The real Chromium behind a script that drops --enable-logging: the page draws, its log holds no image.
        var dir = Directory.CreateTempSubdirectory("halo-pngs-nolog-").FullName;
        string wrapper = Path.Combine(dir, "chromium-without-log");
        File.WriteAllText(wrapper, "#!/bin/sh\nfor a; do shift; case \"$a\" in --enable-logging*) ;; *) set -- \"$@\" \"$a\";; esac; done\n" +
            $"exec \"{FigureExport.ChromiumPath}\" \"$@\"\n");
        if (OperatingSystem.IsLinux()) File.SetUnixFileMode(wrapper, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        try
        {
            var figure = SmallProfile();
            var outcome = FigureExport.WritePngs(wrapper, [(figure, Path.Combine(dir, "f.png"))], 1.0, 1);
            Assert.Null(outcome[0]);
            var png = PngImage.Read(Path.Combine(dir, "f.png"));
            Assert.Equal((figure.Width, figure.Height), (png.Width, png.Height));
            Assert.True(png.InkFraction() > 0.02);
        }
        finally { Directory.Delete(dir, recursive: true); }
    }

    [Fact]
    public void LoggedImages_JoinsEachFiguresChunks_InOrder_AndGivesNullWhenOneIsMissing()
    {
        // Chromium's console lines (--enable-logging=stderr), as the PNG page writes them, among other log lines.
        static string Line(string message) => $"[7113:7113:1208/023940.494327:INFO:CONSOLE:38] \"{message}\", source: file:///tmp/figures.html (38)";
        string log = string.Join("\n",
            "[7113:7140:1208/023938.1:ERROR:dbus/bus.cc:405] Failed to connect to the bus",
            Line("halo-png 0 1 2 AAAA"), Line("halo-png 0 0 2 data:image/png;base64,iVBO"),
            Line("halo-png 1 0 3 data:image/png;base64,x"), Line("halo-png 1 2 3 z"),
            Line("halo-png 2 0 1 data:image/png;base64,QQ=="));
        var images = FigureExport.LoggedImages(log, 3);
        Assert.Equal("data:image/png;base64,iVBOAAAA", images[0]);
        Assert.Null(images[1]);                                     // chunk 1 of 3 never logged
        Assert.Equal("data:image/png;base64,QQ==", images[2]);
        Assert.All(FigureExport.LoggedImages("", 2), Assert.Null);
    }

    [Fact]
    public void WritePngs_WithoutChromium_SaysWhyForEveryFigure()
    {
        var outcome = FigureExport.WritePngs(null, [(SmallProfile(), "/nonexistent/a.png"), (SmallSkyMap(), "/nonexistent/b.png")], 1.0, 1);
        Assert.Equal(2, outcome.Count);
        Assert.All(outcome, m => Assert.Contains("apt-get install chromium", m));
    }
}
