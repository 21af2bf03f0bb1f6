using System.Net;
using System.Text;
using Deedle;

namespace HaloNotebooks.Display;

/// <summary>
/// Deedle frames as HTML tables, the same in both notebook kernels (see <see cref="KernelIntegration"/>): row keys in the first column, the first
/// and last rows when the frame is long, missing values blank.
/// </summary>
internal static class FrameHtml
{
    internal const int MaxRows = 20;

    /// <summary>True for any <c>Deedle.Frame&lt;R, C&gt;</c>.</summary>
    internal static bool IsFrame(object value) => FrameType(value.GetType()) is not null;

    public static string ToHtml(object frame)
    {
        var t = FrameType(frame.GetType()) ?? throw new ArgumentException("not a Deedle frame", nameof(frame));
        return (string)typeof(FrameHtml).GetMethod(nameof(Render), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!
            .MakeGenericMethod(t.GetGenericArguments()).Invoke(null, [frame])!;
    }

    static Type? FrameType(Type? t)
    {
        for (; t is not null; t = t.BaseType)
            if (t.IsGenericType && t.GetGenericTypeDefinition() == typeof(Frame<,>)) return t;
        return null;
    }

    static string Render<TRow, TCol>(Frame<TRow, TCol> frame)
    {
        var rows = frame.RowKeys.ToList();
        var cols = frame.ColumnKeys.ToList();
        var shown = rows.Count <= MaxRows
            ? rows.Select(r => (object?)r).ToList()
            : rows.Take(MaxRows / 2).Select(r => (object?)r).Append(null).Concat(rows.Skip(rows.Count - MaxRows / 2).Select(r => (object?)r)).ToList();
        var columns = cols.Select(c => frame.Columns[c]).ToList();

        var sb = new StringBuilder("<table class=\"deedle-frame\"><thead><tr><th></th>");
        foreach (var c in cols) sb.Append("<th>").Append(Encode(c)).Append("</th>");
        sb.Append("</tr></thead><tbody>");
        foreach (var r in shown)
        {
            if (r is null) { sb.Append("<tr><td>…</td>").Append(string.Concat(Enumerable.Repeat("<td>…</td>", cols.Count))).Append("</tr>"); continue; }
            var key = (TRow)r;
            sb.Append("<tr><th>").Append(Encode(key)).Append("</th>");
            foreach (var column in columns)
            {
                var v = column.TryGet(key);
                sb.Append("<td>").Append(v.HasValue ? Encode(v.Value) : "").Append("</td>");
            }
            sb.Append("</tr>");
        }
        sb.Append("</tbody></table>");
        sb.Append($"<p class=\"deedle-shape\">{rows.Count} rows × {cols.Count} columns</p>");
        return sb.ToString();
    }

    static string Encode(object? value) => WebUtility.HtmlEncode(value switch
    {
        null => "",
        double d => d.ToString("G6", System.Globalization.CultureInfo.InvariantCulture),
        float f => f.ToString("G6", System.Globalization.CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    });
}
