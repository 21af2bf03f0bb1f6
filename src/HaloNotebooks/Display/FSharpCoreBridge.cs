using System.Reflection;
using System.Runtime.Loader;

namespace HaloNotebooks.Display;

/// <summary>
/// Lets the design's F# packages (Plotly.NET 6.0.0 with DynamicObj 8.0.0, Deedle 8.1.0; built against FSharp.Core
/// 10.1) run inside the released .NET Interactive kernel, with no step in the notebook.
/// <para>
/// Why it exists: the kernel (tool <c>Microsoft.dotnet-interactive</c> 1.0.712001, the process VS Code's Polyglot
/// Notebooks talks to) loads its own FSharp.Core 10.0 (assembly version 10.0.0.0) into the default load context at
/// start-up, for its F# kernel. A request for FSharp.Core 10.1.0.0 then fails there, and a second FSharp.Core cannot
/// join that context. A separate context holding FSharp.Core 10.1 is not enough: Plotly.NET also uses
/// Giraffe.ViewEngine and DynamicObj uses Fable.Core, which ask for older FSharp.Core versions, bind to the kernel's
/// copy, and then hand Plotly.NET F# types from the other copy (<c>MissingMethodException</c> on the first chart).
/// So this handler answers a request for a newer FSharp.Core of the same major version with the one the process
/// already holds: every F# assembly in the kernel then shares one FSharp.Core.
/// </para>
/// <para>
/// That is safe only if FSharp.Core 10.0 has every FSharp.Core member those packages call; a test checks exactly
/// that, member by member and signature by signature, against the kernel's own FSharp.Core
/// (<c>FSharpCoreBridgeTests</c>), so a package update that needs something new fails there, not in a notebook.
/// </para>
/// <para>
/// It is installed when the library loads (<see cref="KernelIntegration"/>: the notebooks' set-up cell), and it does nothing where the
/// process's own FSharp.Core is new enough (the <c>halo</c> CLI, the tests, the built-in notebook runner, file-based apps): there the
/// runtime never raises the event for FSharp.Core.
/// When it can go: once the released kernel ships FSharp.Core ≥ 10.1, or once the kernel is no longer supported.
/// </para>
/// </summary>
internal static class FSharpCoreBridge
{
    const string Name = "FSharp.Core";
    static Assembly? _answered;

    /// <summary>The FSharp.Core given for a newer request, or null if none was needed (every process but the kernel).</summary>
    internal static Assembly? Answered => Volatile.Read(ref _answered);

    /// <summary>Called once, by <see cref="KernelIntegration"/>, when the library loads.</summary>
    internal static void Install() => AssemblyLoadContext.Default.Resolving += Resolve;

    /// <summary>The FSharp.Core already in <paramref name="context"/> when it has the requested major version, else null.</summary>
    internal static Assembly? Resolve(AssemblyLoadContext context, AssemblyName requested)
    {
        if (!string.Equals(requested.Name, Name, StringComparison.Ordinal) || requested.Version is not { } version) return null;
        var held = context.Assemblies.FirstOrDefault(a => string.Equals(a.GetName().Name, Name, StringComparison.Ordinal));
        if (held?.GetName().Version is not { } heldVersion || heldVersion.Major != version.Major) return null;
        Volatile.Write(ref _answered, held);
        return held;
    }
}
