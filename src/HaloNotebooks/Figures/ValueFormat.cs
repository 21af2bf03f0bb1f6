using System.Globalization;

namespace HaloNotebooks.Figures;

/// <summary>Numbers as figure text: the typographic minus, and a precision set by the uncertainty.</summary>
internal static class ValueFormat
{
    /// <summary>Decimals that show the smaller uncertainty with two significant digits (0–5).</summary>
    internal static int Decimals(double errPlus, double errMinus)
    {
        double e = Math.Min(Math.Abs(errPlus), Math.Abs(errMinus));
        if (!(e > 0) || !double.IsFinite(e)) return 2;
        return Math.Clamp(1 - (int)Math.Floor(Math.Log10(e)), 0, 5);
    }

    internal static string Number(double value, int decimals)
    {
        if (double.IsNaN(value)) return "–";
        var s = value.ToString("F" + decimals, CultureInfo.InvariantCulture);
        if (s.StartsWith('-') && s.Trim('-', '0', '.').Length == 0) s = s[1..]; // no "−0.00"
        return s.Replace('-', '−');
    }

    /// <summary>"median<sup>+err</sup><sub>−err</sub>" in plotly's text markup.</summary>
    internal static string WithErrors(double median, double errPlus, double errMinus)
    {
        int d = Decimals(errPlus, errMinus);
        return $"{Number(median, d)}<sup>+{Number(errPlus, d)}</sup><sub>−{Number(errMinus, d)}</sub>";
    }
}
