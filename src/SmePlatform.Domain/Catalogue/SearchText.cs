using System.Globalization;
using System.Text;

namespace SmePlatform.Domain.Catalogue;

/// <summary>
/// Japanese text folded the way people type it: NFKC (full-width ＩＴ → IT, half-width ﾓﾉﾂﾞｸﾘ → モノヅクリ),
/// lower case, katakana → hiragana, runs of white space → one space. The catalogue stores this form
/// beside the original and matches folded keywords against it, so search behaves the same everywhere.
/// </summary>
public static class SearchText
{
    public static string Fold(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return "";
        }

        var normalized = text.Normalize(NormalizationForm.FormKC).ToLower(CultureInfo.InvariantCulture);
        var folded = new StringBuilder(normalized.Length);
        var space = false;
        foreach (var c in normalized)
        {
            if (char.IsWhiteSpace(c))
            {
                space = folded.Length > 0;
                continue;
            }

            if (space)
            {
                folded.Append(' ');
                space = false;
            }

            // Katakana ァ (U+30A1) to ヶ (U+30F6) sit 0x60 above their hiragana; ヷ-ヺ and ー have none.
            folded.Append(c is >= '\u30A1' and <= '\u30F6' ? (char)(c - 0x60) : c);
        }

        return folded.ToString();
    }

    /// <summary>The folded words of a query: every one must match (AND), in any order.</summary>
    public static IReadOnlyList<string> Keywords(string? query) =>
        Fold(query).Split(' ', StringSplitOptions.RemoveEmptyEntries).Distinct().ToList();

    /// <summary>
    /// Whether folded text holds every keyword. Japanese has no spaces between words, so a keyword matches
    /// anywhere; a keyword that starts with a Latin letter or digit must start a word ("it" finds "IT導入"
    /// and "it adoption", not "digital").
    /// </summary>
    public static bool Matches(string foldedText, IReadOnlyList<string> keywords) =>
        keywords.All(keyword => Contains(foldedText, keyword));

    private static bool Contains(string text, string keyword)
    {
        if (!char.IsAsciiLetterOrDigit(keyword[0]))
        {
            return text.Contains(keyword, StringComparison.Ordinal);
        }

        for (var at = text.IndexOf(keyword, StringComparison.Ordinal); at >= 0; at = text.IndexOf(keyword, at + 1, StringComparison.Ordinal))
        {
            if (at == 0 || !char.IsAsciiLetterOrDigit(text[at - 1]))
            {
                return true;
            }
        }

        return false;
    }
}
