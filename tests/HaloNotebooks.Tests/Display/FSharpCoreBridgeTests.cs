using Xunit;
using System.Collections.Immutable;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;
using System.Runtime.Loader;
using HaloNotebooks.Display;

namespace HaloNotebooks.Tests.Display;

/// <summary>
/// <see cref="FSharpCoreBridge"/> hands the F# packages the kernel's FSharp.Core 10.0 where they ask for 10.1. These tests
/// read the packages' metadata and check that every FSharp.Core type and member they reference (name and signature)
/// is defined in the kernel's own FSharp.Core, so a package update that needs something newer fails here.
/// </summary>
public sealed class FSharpCoreBridgeTests
{
    static readonly string[] FSharpPackages = ["Plotly.NET", "Plotly.NET.CSharp", "DynamicObj", "Deedle", "Giraffe.ViewEngine", "Fable.Core", "HaloNotebooks"];

    static string? KernelFSharpCore()
    {
        var cache = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
                    ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        var manifest = Path.Combine(TestPaths.RepoRoot, ".config", "dotnet-tools.json");
        var version =
            System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(manifest))!["tools"]!["microsoft.dotnet-interactive"]!["version"]!.GetValue<string>();
        var path = Path.Combine(cache, "microsoft.dotnet-interactive", version, "tools", "net10.0", "any", "FSharp.Core.dll");
        return File.Exists(path) ? path : null;
    }

    [SkippableFact]
    public void KernelFSharpCore_DefinesEveryMemberThePackagesUse()
    {
        var kernelCore = KernelFSharpCore();
        Skip.If(kernelCore is null, "the pinned dotnet-interactive tool is not restored (dotnet tool restore)");
        var defined = Definitions(kernelCore!);
        var missing = new List<string>();
        int checkedCount = 0;
        foreach (var package in FSharpPackages)
        {
            var path = Path.Combine(AppContext.BaseDirectory, package + ".dll");
            Assert.True(File.Exists(path), $"{package}.dll not beside the tests");
            foreach (var use in FSharpCoreUses(path))
            {
                checkedCount++;
                if (!defined.Contains(use)) missing.Add($"{package}: {use}");
            }
        }
        Assert.True(checkedCount > 1000, $"only {checkedCount} FSharp.Core uses found: the metadata walk is broken");
        Assert.Empty(missing);
    }

    [Fact]
    public void Definitions_MissAMemberThatIsNotThere()
    {
        // The check can fail: the packages' own FSharp.Core (10.1) against a member set with one use removed.
        var ours = Path.Combine(AppContext.BaseDirectory, "FSharp.Core.dll");
        var defined = Definitions(ours);
        var uses = FSharpCoreUses(Path.Combine(AppContext.BaseDirectory, "Plotly.NET.dll")).ToList();
        Assert.All(uses, u => Assert.Contains(u, defined));
        defined.Remove(uses[0]);
        Assert.Contains(uses, u => !defined.Contains(u));
    }

    [Fact]
    public void Resolve_AnswersANewerRequestWithTheHeldMajorVersion_AndNothingElse()
    {
        var context = AssemblyLoadContext.Default;   // the tests hold FSharp.Core 10.1 there
        var held = typeof(Microsoft.FSharp.Core.FSharpFunc<int, int>).Assembly;
        var v = held.GetName().Version!;
        Assert.Same(held, FSharpCoreBridge.Resolve(context, new System.Reflection.AssemblyName($"FSharp.Core, Version={v.Major}.{v.Minor + 1}.0.0")));
        Assert.Null(FSharpCoreBridge.Resolve(context, new System.Reflection.AssemblyName($"FSharp.Core, Version={v.Major + 1}.0.0.0")));
        Assert.Null(FSharpCoreBridge.Resolve(context, new System.Reflection.AssemblyName("Plotly.NET, Version=6.0.0.0")));
    }

    /// <summary>"T:Namespace.Type", "M:Namespace.Type::Name(sig)", "F:Namespace.Type::Name:type" for every definition.</summary>
    static HashSet<string> Definitions(string path)
    {
        using var pe = new PEReader(File.OpenRead(path));
        var md = pe.GetMetadataReader();
        var provider = new SignatureText();
        var set = new HashSet<string>(StringComparer.Ordinal);
        foreach (var th in md.TypeDefinitions)
        {
            var type = md.GetTypeDefinition(th);
            var name = SignatureText.TypeName(md, th);
            set.Add("T:" + name);
            foreach (var mh in type.GetMethods())
            {
                var m = md.GetMethodDefinition(mh);
                set.Add($"M:{name}::{md.GetString(m.Name)}{Method(m.DecodeSignature(provider, null))}");
            }
            foreach (var fh in type.GetFields())
            {
                var f = md.GetFieldDefinition(fh);
                set.Add($"F:{name}::{md.GetString(f.Name)}:{f.DecodeSignature(provider, null)}");
            }
        }
        // Exported (forwarded) types count as defined too.
        foreach (var eh in md.ExportedTypes)
        {
            var e = md.GetExportedType(eh);
            set.Add("T:" + (e.Namespace.IsNil ? "" : md.GetString(e.Namespace) + ".") + md.GetString(e.Name));
        }
        return set;
    }

    /// <summary>Every type and member reference of <paramref name="path"/> that resolves into FSharp.Core.</summary>
    static IEnumerable<string> FSharpCoreUses(string path)
    {
        using var pe = new PEReader(File.OpenRead(path));
        var md = pe.GetMetadataReader();
        var provider = new SignatureText();
        var uses = new List<string>();
        foreach (var th in md.TypeReferences)
            if (SignatureText.InFSharpCore(md, th)) uses.Add("T:" + SignatureText.TypeName(md, th));
        foreach (var mh in md.MemberReferences)
        {
            var member = md.GetMemberReference(mh);
            var parent = member.Parent;
            if (parent.Kind == HandleKind.TypeSpecification)
                parent = SignatureText.GenericDefinition(md, (TypeSpecificationHandle)parent);
            if (parent.Kind != HandleKind.TypeReference || !SignatureText.InFSharpCore(md, (TypeReferenceHandle)parent)) continue;
            var owner = SignatureText.TypeName(md, (TypeReferenceHandle)parent);
            var name = md.GetString(member.Name);
            uses.Add(member.GetKind() == MemberReferenceKind.Method
                ? $"M:{owner}::{name}{Method(member.DecodeMethodSignature(provider, null))}"
                : $"F:{owner}::{name}:{member.DecodeFieldSignature(provider, null)}");
        }
        return uses;
    }

    static string Method(MethodSignature<string> s) =>
        $"`{s.GenericParameterCount}({string.Join(",", s.ParameterTypes)}):{s.ReturnType}{(s.Header.IsInstance ? "" : " static")}";

    /// <summary>Signatures as text, with types named by namespace and name only (the assembly scope left out).</summary>
    sealed class SignatureText : ISignatureTypeProvider<string, object?>
    {
        public static bool InFSharpCore(MetadataReader md, TypeReferenceHandle h)
        {
            var scope = md.GetTypeReference(h).ResolutionScope;
            while (scope.Kind == HandleKind.TypeReference) scope = md.GetTypeReference((TypeReferenceHandle)scope).ResolutionScope;
            return scope.Kind == HandleKind.AssemblyReference
                   && md.GetString(md.GetAssemblyReference((AssemblyReferenceHandle)scope).Name) == "FSharp.Core";
        }

        public static EntityHandle GenericDefinition(MetadataReader md, TypeSpecificationHandle h)
        {
            var blob = md.GetBlobReader(md.GetTypeSpecification(h).Signature);
            if (blob.ReadSignatureTypeCode() != SignatureTypeCode.GenericTypeInstance) return default;
            blob.ReadSignatureTypeCode();   // CLASS or VALUETYPE
            return blob.ReadTypeHandle();
        }

        public static string TypeName(MetadataReader md, TypeReferenceHandle h)
        {
            var t = md.GetTypeReference(h);
            var name = md.GetString(t.Name);
            return t.ResolutionScope.Kind == HandleKind.TypeReference
                ? TypeName(md, (TypeReferenceHandle)t.ResolutionScope) + "/" + name
                : (t.Namespace.IsNil ? "" : md.GetString(t.Namespace) + ".") + name;
        }

        public static string TypeName(MetadataReader md, TypeDefinitionHandle h)
        {
            var t = md.GetTypeDefinition(h);
            var name = md.GetString(t.Name);
            var declaring = t.GetDeclaringType();
            return !declaring.IsNil ? TypeName(md, declaring) + "/" + name : (t.Namespace.IsNil ? "" : md.GetString(t.Namespace) + ".") + name;
        }

        public string GetPrimitiveType(PrimitiveTypeCode typeCode) => typeCode.ToString();
        public string GetTypeFromDefinition(MetadataReader reader, TypeDefinitionHandle handle, byte rawTypeKind) => TypeName(reader, handle);
        public string GetTypeFromReference(MetadataReader reader, TypeReferenceHandle handle, byte rawTypeKind) => TypeName(reader, handle);
        public string GetTypeFromSpecification(MetadataReader reader, object? genericContext, TypeSpecificationHandle handle, byte rawTypeKind) =>
            reader.GetTypeSpecification(handle).DecodeSignature(this, genericContext);
        public string GetSZArrayType(string elementType) => elementType + "[]";
        public string GetArrayType(string elementType, ArrayShape shape) => $"{elementType}[{shape.Rank}]";
        public string GetByReferenceType(string elementType) => elementType + "&";
        public string GetPointerType(string elementType) => elementType + "*";
        public string GetPinnedType(string elementType) => elementType;
        public string GetGenericInstantiation(string genericType, ImmutableArray<string> typeArguments) => $"{genericType}<{string.Join(",", typeArguments)}>";
        public string GetGenericTypeParameter(object? genericContext, int index) => "!" + index;
        public string GetGenericMethodParameter(object? genericContext, int index) => "!!" + index;
        public string GetFunctionPointerType(MethodSignature<string> signature) => "fnptr";
        public string GetModifiedType(string modifier, string unmodifiedType, bool isRequired) => unmodifiedType;
        public string GetTypeFromSerializedName(string name) => name;
        public PrimitiveTypeCode GetUnderlyingEnumType(string type) => PrimitiveTypeCode.Int32;
        public bool IsSystemType(string type) => type == "System.Type";
    }
}
