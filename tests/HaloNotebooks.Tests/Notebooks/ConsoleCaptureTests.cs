using HaloNotebooks.Cli.Notebooks;
using Xunit;

namespace HaloNotebooks.Tests.Notebooks;

[Collection("notebooks")]
public sealed class ConsoleCaptureTests
{
    /// <summary>
    /// Console.SetOut wraps the router in a synchronised writer, so a type test on Console.Out never saw it and every
    /// cell added another router: a chain that two threads could enter at different depths and deadlock in (a CI run
    /// hung so). Many captures must leave one router in place.
    /// </summary>
    [Fact]
    public void ManyCaptures_InstallTheRouterOnce()
    {
        using (ConsoleCapture.Begin(new CellOutputSink())) { }
        var installed = Console.Out;
        for (int i = 0; i < 50; i++)
            using (ConsoleCapture.Begin(new CellOutputSink())) Console.Write("");
        Assert.Same(installed, Console.Out);
    }

    [Fact]
    public async Task CapturedFlow_WritesToItsSink_AndAnotherThreadDoesNot()
    {
        var sink = new CellOutputSink();
        using (ConsoleCapture.Begin(sink))
        {
            Console.WriteLine("from the cell");
            // A thread that does not inherit the cell's execution context writes to the real console.
            var other = new Thread(() => Console.WriteLine("ConsoleCaptureTests: not captured (expected on the test console)"));
            other.UnsafeStart();
            other.Join();
            await Task.Run(() => Console.WriteLine("from a task of the cell"));
        }
        var text = string.Concat(sink.Snapshot().OfType<StreamOutput>().Where(s => s.Name == "stdout").Select(s => s.Text));
        Assert.Equal("from the cell" + Environment.NewLine + "from a task of the cell" + Environment.NewLine, text);
    }
}
