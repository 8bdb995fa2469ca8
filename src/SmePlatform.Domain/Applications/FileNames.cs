using System.Globalization;
using System.Text;

namespace SmePlatform.Domain.Applications;

/// <summary>
/// A file name as the portal keeps and shows it: what the sender's system called the file, without the characters that
/// make it read as something else. Bidirectional controls go (<c>invoice\u202Egnp.pdf</c>, which shows as
/// "invoicefdp.png", is kept as <c>invoicegnp.pdf</c>), with every other control and invisible format character
/// (zero-width spaces, byte-order marks, the Mongolian vowel separator) except the joiners that emoji and some
/// scripts need; the rest is normalised to NFC (a typed が and a か with a combining mark are one name); a folder part
/// is dropped; a name longer than the database keeps is shortened before its extension; nothing left is "file".
/// </summary>
public static class FileNames
{
    public const int MaxLength = 255;

    public static string Clean(string? name)
    {
        var builder = new StringBuilder(name?.Length ?? 0);
        foreach (var rune in (name ?? "").EnumerateRunes())
        {
            if (Kept(rune))
            {
                builder.Append(rune.ToString());
            }
        }

        // The last part of a path, whichever separator the sender's system used.
        var cleaned = builder.ToString().Normalize(NormalizationForm.FormC);
        cleaned = cleaned[(cleaned.LastIndexOfAny(['/', '\\']) + 1)..].Trim();
        if (cleaned.Length == 0 || cleaned.All(c => c == '.'))
        {
            return "file";
        }

        if (cleaned.Length > MaxLength)
        {
            var extension = Path.GetExtension(cleaned);
            extension = extension.Length > 16 ? "" : extension;
            var stem = MaxLength - extension.Length;
            // Never half of a surrogate pair.
            stem -= char.IsHighSurrogate(cleaned[stem - 1]) ? 1 : 0;
            cleaned = string.Concat(cleaned.AsSpan(0, stem), extension);
        }

        return cleaned;
    }

    private static bool Kept(Rune rune) => Rune.GetUnicodeCategory(rune) switch
    {
        UnicodeCategory.Control => false,
        // Zero-width non-joiner and joiner shape Indic and Arabic script and emoji sequences; no other format character.
        UnicodeCategory.Format => rune.Value is 0x200C or 0x200D,
        UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator => false,
        _ => true,
    };
}
