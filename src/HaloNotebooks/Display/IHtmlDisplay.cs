namespace HaloNotebooks.Display;

/// <summary>A result that knows how to show itself in a notebook (funnel, fit summary, table, figure).</summary>
internal interface IHtmlDisplay
{
    /// <summary>An HTML fragment (no &lt;html&gt; wrapper) for notebook output and report pages.</summary>
    string ToHtml();
}
