namespace HaloNotebooks.Display;

/// <summary>
/// The .NET Interactive kernel's by-name formatter convention: the kernel looks for an attribute
/// class called exactly <c>TypeFormatterSourceAttribute</c> on a displayed object's type, creates
/// <see cref="FormatterSourceType"/> and calls its <c>CreateTypeFormatters()</c>; each formatter
/// exposes <c>MimeType</c> and <c>bool Format(object, TextWriter)</c>. Declaring it here lets our
/// result types render as HTML in the real kernel without a package reference, and the project's
/// notebook runner honours the same convention.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct, Inherited = true)]
internal sealed class TypeFormatterSourceAttribute(Type formatterSourceType) : Attribute
{
    // Public: the kernel reads both properties by reflection (the type itself stays internal).
    public Type FormatterSourceType { get; } = formatterSourceType;
    public string[] PreferredMimeTypes { get; set; } = ["text/html"];
}
