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
