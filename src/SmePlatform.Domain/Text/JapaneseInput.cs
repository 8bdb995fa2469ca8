using System.Text;

namespace SmePlatform.Domain.Text;

/// <summary>
/// What people type into Japanese forms, made regular before it is checked: full-width digits and letters
/// (NFKC), hyphens of every kind and the long-vowel mark between digits, hiragana in a katakana reading.
/// </summary>
public static partial class JapaneseInput
{
    private const string DigitSeparators = "-‐‑‒–—―−ー";

    /// <summary>NFKC, trimmed; null when nothing is left.</summary>
    public static string? Clean(string? typed)
    {
        var folded = typed?.Normalize(NormalizationForm.FormKC).Trim();
        return string.IsNullOrEmpty(folded) ? null : folded;
    }

    /// <summary>A number written with separators (〒100-0001, 03-1234-5678): NFKC, without separators and spaces.</summary>
    public static string Digits(string? typed)
    {
        if (string.IsNullOrEmpty(typed))
        {
            return "";
        }

        // ASCII is its own NFKC form: most numbers skip the normalizer (the integrity checks fold millions of them).
        var folded = System.Text.Ascii.IsValid(typed) ? typed : typed.Normalize(NormalizationForm.FormKC);
        var kept = new StringBuilder(folded.Length);
        foreach (var c in folded)
        {
            if (!char.IsWhiteSpace(c) && !DigitSeparators.Contains(c, StringComparison.Ordinal))
            {
                kept.Append(c);
            }
        }

        return kept.Length == folded.Length ? folded : kept.ToString();
    }

    /// <summary>A reading in full-width katakana: NFKC (half-width kana become full-width), hiragana turned to katakana.</summary>
    public static string? Katakana(string? typed)
    {
        var clean = Clean(typed);
        return clean is null ? null : string.Concat(clean.Select(c => c is >= 'ぁ' and <= 'ゖ' ? (char)(c + 0x60) : c));
    }

    /// <summary>Katakana, the long-vowel mark, the middle dot and spaces only.</summary>
    public static bool IsKatakanaReading(string? reading) =>
        !string.IsNullOrWhiteSpace(reading)
        && reading.All(c => c is (>= 'ァ' and <= 'ヺ') or 'ー' or '・' or ' ' or '\u3000');

    /// <summary>
    /// A number as people type it, with a decimal point or not: full-width digits and point (NFKC: "３．５" is 3.5),
    /// commas between groups of three digits ("1,234.5"; "3,5" is not a number here), a leading sign (also the minus
    /// sign "−"), a trailing % or ％; null when empty.
    /// </summary>
    public static bool TryNumber(string? typed, out decimal? value)
    {
        value = null;
        if (string.IsNullOrWhiteSpace(typed))
        {
            return true;
        }

        var folded = typed.Normalize(NormalizationForm.FormKC).Trim().Replace('−', '-');
        folded = folded.EndsWith('%') ? folded[..^1].TrimEnd() : folded;
        if (!TypedNumber().IsMatch(folded)
            || !decimal.TryParse(folded.Replace(",", "", StringComparison.Ordinal), System.Globalization.NumberStyles.AllowLeadingSign | System.Globalization.NumberStyles.AllowDecimalPoint, System.Globalization.CultureInfo.InvariantCulture, out var number))
        {
            return false;
        }

        value = number;
        return true;
    }

    /// <summary>A whole number as people type it: full-width digits, commas and a trailing 円 allowed; null when empty.</summary>
    public static bool TryWhole(string? typed, out long? value)
    {
        value = null;
        if (string.IsNullOrWhiteSpace(typed))
        {
            return true;
        }

        var folded = typed.Normalize(NormalizationForm.FormKC).Replace(",", "", StringComparison.Ordinal).Replace("円", "", StringComparison.Ordinal).Trim();
        if (!long.TryParse(folded, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var number))
        {
            return false;
        }

        value = number;
        return true;
    }

    /// <summary>
    /// A figure of a financial statement as people type it: a whole number as <see cref="TryWhole"/> reads it, where a
    /// leading △ or ▲ — how Japanese statements write a negative figure — or the minus sign − means minus
    /// ("△2,500,000" is -2,500,000); null when empty. A mark and a sign together ("△-5") is not a figure.
    /// </summary>
    public static bool TryFigure(string? typed, out long? value)
    {
        var folded = typed?.Normalize(NormalizationForm.FormKC).Trim();
        if (folded is not [('△' or '▲' or '−'), .. var rest])
        {
            return TryWhole(folded, out value);
        }

        rest = rest.TrimStart();
        if (rest.Length == 0 || rest[0] is '+' or '-' || !TryWhole(rest, out var magnitude) || magnitude is null)
        {
            value = null;
            return false;
        }

        value = -magnitude;
        return true;
    }

    /// <summary>Digits with commas only between groups of three, then a point and digits (either part may be missing, not both).</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"^[+-]?(?:(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d*)?|\.\d+)$", System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex TypedNumber();
}
