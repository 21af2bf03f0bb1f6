using System.Globalization;
using System.Text;

namespace HaloNotebooks.Catalogs;

/// <summary>
/// One FITS header (FITS Standard 4.0 §4): 80-character cards in 2880-byte blocks, ending at the
/// END card. Values are parsed as string (with the CONTINUE long-string convention, §4.2.1.2),
/// logical, integer or real. The first occurrence of a keyword wins; COMMENT/HISTORY/blank cards
/// are kept only as text.
/// </summary>
internal sealed class FitsHeader
{
    internal const int CardLength = 80;
    internal const int BlockLength = 2880;
    /// <summary>Longest header accepted (360,000 cards): a corrupt END must not make the reader
    /// hold a whole large file as header text.</summary>
    internal const int MaxBlocks = 10_000;

    readonly Dictionary<string, object> _values = new(StringComparer.Ordinal);
    readonly List<string> _keywords = [];

    /// <summary>Keywords in file order (first occurrences).</summary>
    internal IReadOnlyList<string> Keywords => _keywords;
    internal string FirstKeyword { get; private set; } = "";
    /// <summary>Bytes occupied by the header, a whole number of blocks.</summary>
    public long Length { get; private set; }

    public bool Contains(string key) => _values.ContainsKey(key);
    internal object? Get(string key) => _values.GetValueOrDefault(key);

    /// <summary>Read a header starting at <paramref name="start"/>; never reads past <paramref name="fileLength"/>.</summary>
    public static FitsHeader Read(Stream stream, long start, long fileLength, Func<string, CatalogException> error)
    {
        var header = new FitsHeader();
        var block = new byte[BlockLength];
        var cards = new List<string>();
        long position = start;
        bool ended = false;
        while (!ended)
        {
            if (position + BlockLength > fileLength)
                throw error(position == start
                    ? $"expected a header at byte {start} but only {fileLength - start} bytes remain (file truncated?)"
                    : "header has no END card before the end of the file (file truncated?)");
            if (position - start >= (long)MaxBlocks * BlockLength)
                throw error($"header has no END card within {MaxBlocks} blocks (corrupt header)");
            stream.Position = position;
            stream.ReadExactly(block);
            position += BlockLength;
            for (int i = 0; i < BlockLength / CardLength; i++)
            {
                var card = Encoding.Latin1.GetString(block, i * CardLength, CardLength);
                if (card.StartsWith("END", StringComparison.Ordinal) && card.AsSpan(3).Trim().Length == 0) { ended = true; break; }
                cards.Add(card);
            }
        }
        header.Length = position - start;
        header.Parse(cards, error);
        return header;
    }

    void Parse(List<string> cards, Func<string, CatalogException> error)
    {
        if (cards.Count > 0) FirstKeyword = cards[0][..8].TrimEnd();
        for (int i = 0; i < cards.Count; i++)
        {
            string card = cards[i];
            string key = card[..8].TrimEnd();
            if (key.Length == 0 || key is "COMMENT" or "HISTORY" or "CONTINUE" || card[8] != '=' || card[9] != ' ') continue;
            object value;
            var text = card.AsSpan(10).TrimStart();
            if (text.Length > 0 && text[0] == '\'')
            {
                var s = ParseString(text, out _);
                // CONTINUE long strings: a value ending in '&' continues on the following CONTINUE cards.
                while (s.EndsWith('&') && i + 1 < cards.Count && cards[i + 1].StartsWith("CONTINUE", StringComparison.Ordinal))
                {
                    i++;
                    var more = cards[i].AsSpan(8).TrimStart();
                    if (more.Length == 0 || more[0] != '\'') break;
                    s = s[..^1] + ParseString(more, out _);
                }
                value = s.TrimEnd();
            }
            else
            {
                int slash = text.IndexOf('/');
                var v = (slash >= 0 ? text[..slash] : text).Trim();
                if (v.Length == 0) continue;   // undefined value
                if (v is "T") value = true;
                else if (v is "F") value = false;
                else if (long.TryParse(v, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l)) value = l;
                else if (double.TryParse(v.ToString().Replace('D', 'E').Replace('d', 'e'), NumberStyles.Float, CultureInfo.InvariantCulture, out var d))
                    value = d;
                else value = v.ToString();   // complex numbers and malformed values: kept as text
            }
            if (_values.TryAdd(key, value)) _keywords.Add(key);
        }
    }

    /// <summary>A quoted FITS string: '' is a quote; leading spaces significant, trailing not.</summary>
    static string ParseString(ReadOnlySpan<char> text, out int consumed)
    {
        var sb = new StringBuilder();
        int i = 1;
        while (i < text.Length)
        {
            if (text[i] == '\'')
            {
                if (i + 1 < text.Length && text[i + 1] == '\'') { sb.Append('\''); i += 2; continue; }
                i++;
                break;
            }
            sb.Append(text[i++]);
        }
        consumed = i;
        return sb.ToString().TrimEnd();
    }

    public long GetInt64(string key, Func<string, CatalogException> error) => Get(key) switch
    {
        long l => l,
        null => throw error($"required keyword {key} is missing"),
        var v => throw error($"keyword {key} = {Convert.ToString(v, CultureInfo.InvariantCulture)} is not an integer"),
    };

    public long GetInt64(string key, long fallback, Func<string, CatalogException> error) =>
        Contains(key) ? GetInt64(key, error) : fallback;

    public double GetDouble(string key, double fallback, Func<string, CatalogException> error) => Get(key) switch
    {
        null => fallback,
        long l => l,
        double d when double.IsFinite(d) => d,
        var v => throw error($"keyword {key} = {Convert.ToString(v, CultureInfo.InvariantCulture)} is not a finite number"),
    };

    public string? GetString(string key) => Get(key) as string;
}

/// <summary>Formats header cards for <see cref="FitsWriter"/>: fixed-format values (§4.2), long
/// strings split over CONTINUE cards.</summary>
internal sealed class FitsHeaderBuilder
{
    readonly StringBuilder _cards = new();

    public FitsHeaderBuilder Add(string key, bool value, string? comment = null) => AddFixed(key, value ? "T" : "F", comment);
    public FitsHeaderBuilder Add(string key, long value, string? comment = null) => AddFixed(key, value.ToString(CultureInfo.InvariantCulture), comment);
    public FitsHeaderBuilder Add(string key, double value, string? comment = null)
    {
        if (!double.IsFinite(value)) throw new CatalogException($"keyword {key}: {value} cannot be written to a FITS header");
        var s = value.ToString("R", CultureInfo.InvariantCulture);
        if (!s.Contains('.') && !s.Contains('E')) s += ".0";
        return AddFixed(key, s, comment);
    }

    public FitsHeaderBuilder Add(string key, string value, string? comment = null)
    {
        CheckKey(key);
        foreach (var ch in value)
            if (ch < 32 || ch > 126) throw new CatalogException($"keyword {key}: FITS header strings must be printable ASCII (got U+{(int)ch:X4})");
        var escaped = value.Replace("'", "''");
        const int room = 67;   // 80 - "KEYWORD = " - two quotes - '&'
        if (escaped.Length <= room + 1)
        {
            var quoted = "'" + escaped.PadRight(8) + "'";
            return Card(key.PadRight(8) + "= " + quoted + Comment(comment, 10 + quoted.Length));
        }
        // Long string: pieces never split a doubled quote.
        bool first = true;
        int at = 0;
        while (at < escaped.Length)
        {
            int take = Math.Min(room, escaped.Length - at);
            if (at + take < escaped.Length && CountTrailingQuotes(escaped, at, take) % 2 == 1) take--;
            var piece = escaped.Substring(at, take);
            at += take;
            var amp = at < escaped.Length ? "&" : "";
            Card((first ? key.PadRight(8) + "= " : "CONTINUE  ") + "'" + piece + amp + "'");
            first = false;
        }
        return this;
    }

    static int CountTrailingQuotes(string s, int start, int length)
    {
        int n = 0;
        for (int i = start + length - 1; i >= start && s[i] == '\''; i--) n++;
        return n;
    }

    FitsHeaderBuilder AddFixed(string key, string value, string? comment)
    {
        CheckKey(key);
        return Card(key.PadRight(8) + "= " + value.PadLeft(20) + Comment(comment, 30));
    }

    static string Comment(string? comment, int used) =>
        string.IsNullOrEmpty(comment) || used + 3 >= FitsHeader.CardLength ? "" : " / " + comment[..Math.Min(comment.Length, FitsHeader.CardLength - used - 3)];

    static void CheckKey(string key)
    {
        if (key.Length is 0 or > 8 || key.Any(c => !(c is >= 'A' and <= 'Z' or >= '0' and <= '9' or '-' or '_')))
            throw new CatalogException($"'{key}' is not a valid FITS keyword (1-8 characters A-Z 0-9 - _)");
    }

    FitsHeaderBuilder Card(string card)
    {
        _cards.Append(card.PadRight(FitsHeader.CardLength));
        return this;
    }

    /// <summary>The header with its END card, padded with spaces to whole 2880-byte blocks.</summary>
    internal byte[] ToBytes()
    {
        var text = _cards.ToString() + "END".PadRight(FitsHeader.CardLength);
        int padded = (text.Length + FitsHeader.BlockLength - 1) / FitsHeader.BlockLength * FitsHeader.BlockLength;
        return Encoding.ASCII.GetBytes(text.PadRight(padded));
    }
}
