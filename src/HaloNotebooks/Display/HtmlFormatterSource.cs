namespace HaloNotebooks.Display;

/// <summary>
/// Formatter source for every <see cref="IHtmlDisplay"/> type: text/html from <see cref="IHtmlDisplay.ToHtml"/>,
/// text/plain from <see cref="object.ToString"/>. Use as
/// <c>[TypeFormatterSource(typeof(HtmlFormatterSource))]</c> on the result type.
/// </summary>
internal sealed class HtmlFormatterSource
{
    // Public members of an internal type: the kernel finds them by reflection, and they add nothing to the public API.
    public IEnumerable<object> CreateTypeFormatters()
    {
        yield return new Formatter("text/html", (o, w) => { if (o is not IHtmlDisplay d) return false; w.Write(d.ToHtml()); return true; });
        yield return new Formatter("text/plain", (o, w) => { w.Write(o.ToString()); return true; });
    }

    /// <summary>One formatter of the convention: a MIME type and a writer.</summary>
    internal sealed class Formatter(string mimeType, Func<object, TextWriter, bool> format)
    {
        public string MimeType { get; } = mimeType;
        public bool Format(object instance, TextWriter writer) => format(instance, writer);
    }
}
