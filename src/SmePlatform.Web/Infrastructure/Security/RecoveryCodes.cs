using System.Globalization;
using System.Text;

namespace SmePlatform.Web.Infrastructure.Security;

/// <summary>
/// A recovery code as Identity keeps it (five characters, a hyphen, five more, in capitals) from the way a person types
/// it: in lower case, full-width, without the hyphen or with spaces.
/// </summary>
public static class RecoveryCodes
{
    private const int HalfLength = 5;

    public static string Normalize(string? typed)
    {
        var folded = (typed ?? "").Normalize(NormalizationForm.FormKC);
        var characters = new StringBuilder(folded.Length);
        foreach (var character in folded)
        {
            if (!char.IsWhiteSpace(character) && character is not ('-' or '‐' or '−' or 'ー'))
            {
                characters.Append(char.ToUpperInvariant(character));
            }
        }

        var code = characters.ToString();
        return code.Length == 2 * HalfLength
            ? string.Create(CultureInfo.InvariantCulture, $"{code[..HalfLength]}-{code[HalfLength..]}")
            : code;
    }
}
