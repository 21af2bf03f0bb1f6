using System.Reflection;
using System.Runtime.CompilerServices;
using Deedle;

namespace HaloNotebooks.Display;

/// <summary>
/// What the library does for itself when it loads, so that a notebook needs no ritual in the released .NET Interactive
/// kernel (<c>Microsoft.dotnet-interactive</c> 1.0.712001) and shows there what the built-in runner shows:
/// <list type="number">
/// <item><see cref="FSharpCoreBridge"/>: Plotly.NET and Deedle load beside the kernel's older FSharp.Core;</item>
/// <item>Deedle frames display as <see cref="FrameHtml"/> tables. The kernel has no formatter for them and falls back
///   to its object tree view, which for a frame of a few hundred rows is megabytes of nested HTML. The registration
///   goes through the kernel's public <c>Formatter.Register(Type, Action&lt;object, TextWriter&gt;, string)</c>, found by
///   name, so the library does not depend on the kernel's packages.</item>
/// </list>
/// Elsewhere (the CLI, the tests, the built-in runner, file-based apps) the kernel's formatting assembly is not loaded
/// and the resolver is never asked, so both steps do nothing.
/// </summary>
internal static class KernelIntegration
{
    const string KernelFormatting = "Microsoft.DotNet.Interactive.Formatting";

    /// <summary>True once Deedle frames were registered with the kernel's formatter (only inside the kernel).</summary>
    internal static bool FramesRegistered { get; private set; }

    // CA2255 warns that module initializers belong in applications: here the library must act before the first
    // F# call in a host it does not control (the kernel), and each step is inert everywhere else.
#pragma warning disable CA2255
    [ModuleInitializer]
#pragma warning restore CA2255
    internal static void OnLoad()
    {
        FSharpCoreBridge.Install();   // first: registering a Deedle type loads F# types
        var formatting = AppDomain.CurrentDomain.GetAssemblies().FirstOrDefault(a => a.GetName().Name == KernelFormatting);
        if (formatting is not null) RegisterFrames(formatting);
    }

    /// <summary>Registers <see cref="FrameHtml"/> for every <c>Frame&lt;R, C&gt;</c> with the formatter of <paramref name="formatting"/>.</summary>
    internal static void RegisterFrames(Assembly formatting)
    {
        var register = formatting.GetType(KernelFormatting + ".Formatter")
            ?.GetMethod("Register", BindingFlags.Public | BindingFlags.Static, [typeof(Type), typeof(Action<object, TextWriter>), typeof(string)]);
        if (register is null) return;   // another kernel version: frames keep the kernel's own display
        Action<object, TextWriter> html = (frame, writer) => writer.Write(FrameHtml.ToHtml(frame));
        register.Invoke(null, [typeof(Frame<,>), html, "text/html"]);
        FramesRegistered = true;
    }
}
