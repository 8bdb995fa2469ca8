using System.Text;

namespace SmePlatform.Domain.Text;

/// <summary>
/// What people type into Japanese forms, made regular before it is checked: full-width digits and letters
/// (NFKC), hyphens of every kind and the long-vowel mark between digits, hiragana in a katakana reading.
/// </summary>
public static class JapaneseInput
{
    private const string DigitSeparators = "-‐‑‒–—―−ー";

    /// <summary>NFKC, trimmed; null when nothing is left.</summary>
    public static string? Clean(string? typed)
    {
        var folded = typed?.Normalize(NormalizationForm.FormKC).Trim();
        return string.IsNullOrEmpty(folded) ? null : folded;
    }

    /// <summary>A number written with separators (〒100-0001, 03-1234-5678): NFKC, without separators and spaces.</summary>
    public static string Digits(string? typed) =>
        string.Concat((typed ?? "").Normalize(NormalizationForm.FormKC).Where(c => !char.IsWhiteSpace(c) && !DigitSeparators.Contains(c)));

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
}
