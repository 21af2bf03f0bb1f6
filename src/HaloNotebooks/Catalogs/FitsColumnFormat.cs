namespace HaloNotebooks.Catalogs;

/// <summary>
/// A BINTABLE column's TFORMn = rT (FITS Standard 4.0 §7.3.1): repeat count r (default 1) and
/// type T. L, B, I, J, K, E, D and A are read; X, C, M, P and Q are understood only for their
/// width (so tables holding them can still be read column-projected) and throw when requested.
/// </summary>
internal readonly record struct FitsColumnFormat(long Repeat, char Code)
{
    internal bool IsReadable => Code is 'L' or 'B' or 'I' or 'J' or 'K' or 'E' or 'D' or 'A';

    /// <summary>Bytes per element (A: per character; X: handled in <see cref="Width"/>).</summary>
    internal int ElementSize => Code switch
    {
        'L' or 'B' or 'A' => 1, 'I' => 2, 'J' or 'E' => 4, 'K' or 'D' or 'C' or 'P' => 8, 'M' or 'Q' => 16, _ => 0,
    };

    /// <summary>Bytes the column occupies in a row.</summary>
    internal long Width => Code == 'X' ? (Repeat + 7) / 8 : checked(Repeat * ElementSize);

    internal static FitsColumnFormat Parse(string tform, Func<string, CatalogException> error)
    {
        var s = tform.Trim();
        int i = 0;
        while (i < s.Length && char.IsAsciiDigit(s[i])) i++;
        long repeat = 1;
        if (i > 0 && (i > 12 || !long.TryParse(s.AsSpan(0, i), out repeat)))
            throw error($"TFORM '{tform}' has an unreasonable repeat count");
        if (i >= s.Length) throw error($"TFORM '{tform}' has no type code");
        char code = char.ToUpperInvariant(s[i]);
        if (code is not ('L' or 'X' or 'B' or 'I' or 'J' or 'K' or 'A' or 'E' or 'D' or 'C' or 'M' or 'P' or 'Q'))
            throw error($"unknown TFORM type code '{s[i]}' in '{tform}' (FITS BINTABLE codes: L X B I J K A E D C M P Q)");
        return new FitsColumnFormat(repeat, code);
    }
}
